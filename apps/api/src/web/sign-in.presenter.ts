import type { PageLocals } from './pipeline/page';

/** Why the sign-in page was sent to, from its query (`?expired=1`, `?signedOut=1`). */
export interface SignInReason {
  expired?: string;
  signedOut?: string;
}

/** The sign-in page; `email` refills the form after a refusal (the password never is). */
export function signInPage(reason: SignInReason, email?: unknown): PageLocals {
  return {
    title: 'Sign in',
    email: typeof email === 'string' ? email : undefined,
    notice:
      reason.expired !== undefined
        ? 'Your session has ended. Sign in again to carry on.'
        : reason.signedOut !== undefined
          ? 'You have signed out.'
          : null,
  };
}
