import { HttpException, HttpStatus } from '@nestjs/common';
import type { ErrorLink, FormState } from '../forms';

/**
 * A form's refusal, as GOV.UK error messages: thrown by the form pipe before the handler runs,
 * or by the handler for a rule only it can check. The page is shown again with them (400).
 */
export class FormRejected extends HttpException {
  constructor(
    readonly errors: ErrorLink[],
    readonly fieldErrors: Record<string, string>,
    /** What to show in the fields again; the posted form when not given. */
    readonly values?: Record<string, unknown>,
    /** The page's status: 400, unless the form is fine but cannot be taken now (429). */
    status: number = HttpStatus.BAD_REQUEST,
  ) {
    super('The form has errors', status);
  }

  /** One message on `field`; the summary links to `fieldId` when the element's id differs. */
  static on(field: string, text: string, fieldId = field): FormRejected {
    return new FormRejected([{ text, href: `#${fieldId}` }], { [field]: text });
  }

  /** A message in the summary only, for a part of the page rather than one field. */
  static summary(text: string, href: string): FormRejected {
    return new FormRejected([{ text, href }], {});
  }

  static of(state: FormState): FormRejected {
    return new FormRejected(state.errors, state.fieldErrors, state.values);
  }
}
