import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** OWASP's argon2id minimum: 19 MiB of memory, 2 passes, 1 lane. */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
} as const;

/** ASVS 5 (6.2.1, 6.2.9): at least 8 characters, ideally 15; long passphrases allowed. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Why `password` is not acceptable, or null when it is. Length is the whole policy: ASVS 5
 * (6.2.5) forbids composition rules. Enforced for every entry point (API, CLI).
 */
export function passwordProblem(password: string): string | null {
  // UTF-16 units, as class-validator's MinLength/MaxLength count, so API and CLI agree.
  const { length } = password;
  if (length < PASSWORD_MIN_LENGTH) {
    return `Password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return `Password must be at most ${PASSWORD_MAX_LENGTH} characters`;
  }
  return null;
}

@Injectable()
export class PasswordHasher {
  // Verified against when the email is unknown, so a miss costs as long as a wrong password
  // and response times do not reveal who has an account.
  private readonly dummyHash = argon2.hash('not-a-real-password', ARGON2_OPTIONS);

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  /** False for a wrong password; `hash` null runs a dummy check and is always false. */
  async verify(hash: string | null, password: string): Promise<boolean> {
    try {
      const ok = await argon2.verify(hash ?? (await this.dummyHash), password);
      return hash !== null && ok;
    } catch {
      // A malformed stored hash must not log anyone in.
      return false;
    }
  }

  /** True when a stored hash uses weaker parameters than today's, so login can upgrade it. */
  needsRehash(hash: string): boolean {
    return argon2.needsRehash(hash, ARGON2_OPTIONS);
  }
}
