import type { AuthenticatedRequest } from '@app/auth';
import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Post,
  Redirect,
  SetMetadata,
} from '@nestjs/common';
import type { FormState } from '../forms';
import { FormPipe } from './form.pipe';
import type { PageLocals } from './page';

/** A page built again with a form's errors, for WebExceptionFilter to show with 400. */
export class PageWithErrors extends HttpException {
  constructor(
    readonly view: string,
    readonly locals: Record<string, unknown>,
    status: number = HttpStatus.BAD_REQUEST,
  ) {
    super('The form has errors', status);
  }
}

/**
 * Builds the page a form belongs to, with the form's errors: called with the controller, the
 * request (its params are the route's) and the form state.
 */
export type ShowAgain<C> = (
  controller: C,
  request: AuthenticatedRequest,
  state: FormState,
) => Promise<PageLocals> | PageLocals;

export interface FormPostOptions<C> {
  /** The page shown again when the form is refused (its template and how to build it). */
  view: string;
  showAgain: ShowAgain<C>;
  /**
   * Domain refusals (HttpException with these statuses) that are the form's to put right: shown
   * on the page, on `details.field` when the service names one. Default 400, 409 and 422.
   */
  refusals?: readonly number[];
}

export const FORM_POST = 'web:form-post';

/**
 * A form post: the handler returns SeeOther (303, POST → redirect → GET). A refused form
 * (FormRejected, or a domain refusal listed in `refusals`) shows its page again with the errors;
 * without options there is no form to show again and a refusal is an error page.
 */
export function FormPost<C>(path: string, options?: FormPostOptions<C>): MethodDecorator {
  return applyDecorators(
    Post(path),
    Redirect('', HttpStatus.SEE_OTHER),
    SetMetadata(FORM_POST, options ?? null),
  );
}

const PostedForm = createParamDecorator(
  (_data: unknown, context: ExecutionContext): unknown =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().body,
);

/**
 * The posted form as `type`, validated as the API validates JSON (class-validator, unknown
 * fields refused); a refusal is a FormRejected with one GOV.UK message per field. `fieldIds`
 * maps a field to the element the error summary links to, when they differ.
 */
export const Form = <T extends object>(
  type: new () => T,
  fieldIds: Partial<Record<keyof T & string, string>> = {},
): ParameterDecorator => PostedForm(new FormPipe(type, fieldIds));
