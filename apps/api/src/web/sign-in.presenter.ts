import type { SsoCouncilChoice, SsoRefusal } from '@app/auth';
import type { PageLocals } from './pipeline/page';

/** Why the sign-in page was sent to, from its query (`?expired=1`, `?signedOut=1`). */
export interface SignInReason {
  expired?: string;
  signedOut?: string;
}

/**
 * The sign-in page; `email` refills the form after a refusal (the password never is).
 * `councils` are those whose people can sign in through their own provider.
 */
export function signInPage(
  reason: SignInReason,
  councils: SsoCouncilChoice[],
  email?: unknown,
): PageLocals {
  return {
    title: 'Sign in',
    email: typeof email === 'string' ? email : undefined,
    notice:
      reason.expired !== undefined
        ? 'Your session has ended. Sign in again to carry on.'
        : reason.signedOut !== undefined
          ? 'You have signed out.'
          : null,
    ssoLinks: councils.map((council) => ({
      href: `/sign-in/sso/${council.councilId}`,
      text: `Sign in with your ${council.name} account`,
    })),
  };
}

const SIGN_IN_AGAIN = { href: '/sign-in', text: 'Go back to sign in' };

/**
 * The page for a sign-in through a council's provider that signed nobody in: what happened,
 * in the person's terms, and what they can do about it.
 */
export function ssoRefusalPage(
  reason: SsoRefusal,
  email: string | undefined,
): { title: string; paragraphs: string[]; link: { href: string; text: string } } {
  const address = email ?? 'your email address';
  switch (reason) {
    case 'not-started':
    case 'expired':
      return {
        title: 'Start signing in again',
        paragraphs: [
          'Signing in with your council’s account did not finish: it took too long, was ' +
            'already used, or was started in another browser.',
        ],
        link: SIGN_IN_AGAIN,
      };
    case 'not-set-up':
      return {
        title: 'Your council does not sign in this way',
        paragraphs: ['Sign in with your email address and password instead.'],
        link: SIGN_IN_AGAIN,
      };
    case 'provider-refused':
      return {
        title: 'Your council’s account did not sign you in',
        paragraphs: [
          'Your council’s sign-in service did not confirm who you are. Try again. If it keeps ' +
            'happening, contact your council’s IT service desk.',
        ],
        link: SIGN_IN_AGAIN,
      };
    case 'unavailable':
      return {
        title: 'Sorry, your council’s sign-in service cannot be used at the moment',
        paragraphs: [
          'Try again in a few minutes. If it keeps happening, tell an admin in your council: ' +
            'the single sign-on settings may need checking.',
        ],
        link: SIGN_IN_AGAIN,
      };
    case 'email-unverified':
      return {
        title: 'Your email address has not been confirmed',
        paragraphs: [
          `Your council’s account did not confirm that ${address} is yours, so it cannot be ` +
            'used to sign in here. Contact your council’s IT service desk.',
        ],
        link: SIGN_IN_AGAIN,
      };
    case 'unknown-user':
      return {
        title: 'You do not have an account yet',
        paragraphs: [
          `There is no account for ${address} in your council on this service. Ask an admin ` +
            'in your council to add you, then sign in again.',
        ],
        link: SIGN_IN_AGAIN,
      };
    case 'disabled':
      return {
        title: 'Your account has been disabled',
        paragraphs: [
          'You cannot sign in. If you think you should still have access, ask an admin in ' +
            'your council.',
        ],
        link: SIGN_IN_AGAIN,
      };
  }
}
