import type { AuthenticatedRequest } from '@app/auth';
import {
  applyDecorators,
  createParamDecorator,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Post,
  Redirect,
  Render,
  SetMetadata,
} from '@nestjs/common';
import type { ErrorLink, FormState } from '../forms';
import type { Section } from '../web-pages';
import { FormPipe } from './form.pipe';

/** What a page's template gets from its handler; the layout's own locals are added to it. */
export interface PageLocals {
  /** Names the page (prefixed "Error: " when it shows errors). */
  title: string;
  /** The navigation section to mark as current. */
  section?: Section;
  errors?: ErrorLink[];
  fieldErrors?: Record<string, string>;
  [key: string]: unknown;
}

/** A form post's answer: see `url` (303), with a success banner there when `flash` is given. */
export class SeeOther {
  constructor(
    readonly url: string,
    readonly flash?: string,
  ) {}
}

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

export const PAGE_VIEW = 'web:page-view';
export const FORM_POST = 'web:form-post';

/** A page (GET): the handler returns the template's locals, the layout is added around them. */
export const PageView = (view: string): MethodDecorator =>
  applyDecorators(Render(view), SetMetadata(PAGE_VIEW, view));

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
