import { refusalDetailsOf } from '@app/common';
import { BadRequestException, NotFoundException } from '@nestjs/common';
import type { ActionStatus } from '../entities/action.entity';
import type { SmartField } from './action-rules';

/**
 * Why ActionsService refused a change, in `details` of the 4xx: `field` names the request field
 * to put right (the pages show the refusal on it), `code` says which rule, so a caller that
 * words it differently (the pages, in GOV.UK style) matches the rule, never the message.
 */
export type ActionRefusal =
  | { code: 'illegal-transition'; field: 'status'; from: ActionStatus; to: ActionStatus }
  | { code: 'reason-required'; field: 'statusReason'; status: ActionStatus }
  | { code: 'reason-required'; field: 'dueOnReason' }
  | { code: 'not-smart'; missing: SmartField[] }
  | { code: 'owner-not-found'; field: 'ownerId' };

/** 400 with the refusal in `details`, the message as the API has always said it. */
export function badRequest(message: string, details: ActionRefusal): BadRequestException {
  return new BadRequestException({ message, details });
}

export function ownerNotFound(): NotFoundException {
  return new NotFoundException({
    message: 'Owner not found',
    details: { code: 'owner-not-found', field: 'ownerId' } satisfies ActionRefusal,
  });
}

const CODES: readonly string[] = [
  'illegal-transition',
  'reason-required',
  'not-smart',
  'owner-not-found',
];

/** The refusal an ActionsService error carries, or null for any other error. */
export function actionRefusalOf(error: unknown): ActionRefusal | null {
  const details = refusalDetailsOf(error);
  // Only ActionsService writes these codes, always in the shape of ActionRefusal.
  return typeof details?.code === 'string' && CODES.includes(details.code)
    ? (details as ActionRefusal)
    : null;
}
