/** The longest reason for dismissing a suggestion, for the API's DTO and the domain alike. */
export const DISMISS_REASON_MAX_LENGTH = 1000;

/**
 * Why a reason for dismissing suggestion `ref` will not do (GOV.UK-worded, for the page and
 * the API alike), or null when it will. `reason` is trimmed already.
 */
export function dismissReasonRefusal(reason: string, ref: string): string | null {
  if (!reason) return `Enter why you are dismissing ${ref}`;
  if (reason.length > DISMISS_REASON_MAX_LENGTH) {
    return `The reason for dismissing ${ref} must be ${DISMISS_REASON_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer`;
  }
  return null;
}
