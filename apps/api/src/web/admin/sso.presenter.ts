import type { SsoSettingsView } from '@app/auth';
import type { FormState } from '../forms';
import type { PageLocals } from '../pipeline/page';

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

/** The stored settings as the form's fields show them (the secret never: only whether it is set). */
export function ssoSettingsValues(settings: SsoSettingsView | null): Record<string, unknown> {
  return settings
    ? {
        issuer: settings.issuer,
        clientId: settings.clientId,
        passwordsAllowed: yesNo(settings.passwordsAllowed),
        createStaffOnFirstSignIn: yesNo(settings.createStaffOnFirstSignIn),
      }
    : { passwordsAllowed: 'yes', createStaffOnFirstSignIn: 'no' };
}

const radios = (value: unknown, yes: string, no: string) => [
  { value: 'yes', text: yes, checked: value === 'yes' },
  { value: 'no', text: no, checked: value === 'no' },
];

/** /admin/council/sso with `state`'s values and errors. */
export function ssoSettingsPage(
  state: FormState,
  settings: SsoSettingsView | null,
  context: { available: boolean; redirectUri: string; unavailableReason: string },
): PageLocals {
  // The secret typed is never sent back to the page, even when the form is refused.
  const values = Object.fromEntries(
    Object.entries(state.values).filter(([field]) => field !== 'clientSecret'),
  );
  return {
    title: 'Single sign-on',
    section: 'admin',
    ...state,
    values,
    configured: settings !== null,
    clientSecretStatus: settings?.clientSecretSet ? 'Set' : 'Not set',
    available: context.available,
    unavailableReason: context.unavailableReason,
    redirectUri: context.redirectUri,
    passwordsAllowedItems: radios(
      values.passwordsAllowed,
      'Yes, people can also sign in with a password',
      'No, only with the council’s account',
    ),
    createStaffItems: radios(
      values.createStaffOnFirstSignIn,
      'Yes, as staff',
      'No, an admin adds people first',
    ),
  };
}
