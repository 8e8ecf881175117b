import { HttpException, HttpStatus } from '@nestjs/common';

/** Why a sign-in through a council's provider was refused. */
export type SsoRefusal =
  | 'not-started'
  | 'expired'
  | 'not-set-up'
  | 'provider-refused'
  | 'unavailable'
  | 'email-unverified'
  | 'unknown-user'
  | 'disabled';

const STATUS: Record<SsoRefusal, number> = {
  'not-started': HttpStatus.BAD_REQUEST,
  expired: HttpStatus.BAD_REQUEST,
  'not-set-up': HttpStatus.NOT_FOUND,
  'provider-refused': HttpStatus.UNAUTHORIZED,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  'email-unverified': HttpStatus.FORBIDDEN,
  'unknown-user': HttpStatus.FORBIDDEN,
  disabled: HttpStatus.FORBIDDEN,
};

/**
 * A sign-in through a council's provider that did not sign anyone in. `reason` says why, for
 * the page that explains it; `email` is the address the provider gave, when it gave one.
 */
export class SsoRefused extends HttpException {
  constructor(
    readonly reason: SsoRefusal,
    readonly email?: string,
  ) {
    super(`Single sign-on refused: ${reason}`, STATUS[reason]);
  }
}
