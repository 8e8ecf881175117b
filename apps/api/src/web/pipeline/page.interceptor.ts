import type { AuthenticatedRequest } from '@app/auth';
import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { catchError, from, mergeMap, type Observable } from 'rxjs';
import { type FormState, refusedField } from '../forms';
import { WebPages } from '../web-pages';
import { FormRejected } from './form-rejected';
import { FORM_POST, type FormPostOptions, PageWithErrors } from './form-post';
import { PAGE_VIEW, type PageLocals, SeeOther } from './page';

/** Domain refusals a person can put right on the form, unless a route says otherwise. */
const REFUSALS: readonly number[] = [
  HttpStatus.BAD_REQUEST,
  HttpStatus.CONFLICT,
  HttpStatus.UNPROCESSABLE_ENTITY,
];

/**
 * Turns what a page handler returns into the answer, so that handlers never touch the response:
 * a page's locals get the layout around them (@PageView renders them), a SeeOther becomes a 303
 * with its banner (@FormPost redirects), and a refused form shows its page again with a GOV.UK
 * error summary (thrown as PageWithErrors, which WebExceptionFilter renders with 400).
 */
@Injectable()
export class PageInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly pages: WebPages,
    private readonly moduleRef: ModuleRef,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const isPage = this.reflector.get<string | undefined>(PAGE_VIEW, context.getHandler());
    return next.handle().pipe(
      mergeMap(async (result: unknown) => {
        if (result instanceof SeeOther) {
          this.pages.flash(res, result.flash);
          return { url: result.url, statusCode: HttpStatus.SEE_OTHER };
        }
        if (isPage === undefined) return result;
        return this.pages.frame(req, res, result as PageLocals);
      }),
      catchError((error: unknown) => from(this.showAgain(context, error))),
    );
  }

  /** The form's page with its errors (thrown as PageWithErrors), or the error as it was. */
  private async showAgain(context: ExecutionContext, error: unknown): Promise<never> {
    const form = this.reflector.get<FormPostOptions<unknown> | null | undefined>(
      FORM_POST,
      context.getHandler(),
    );
    const rejected = form ? rejectionOf(error, form.refusals ?? REFUSALS) : null;
    if (!form || !rejected) throw error;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const state: FormState = {
      errors: rejected.errors,
      fieldErrors: rejected.fieldErrors,
      values: rejected.values ?? postedValues(req.body),
    };
    const controller: unknown = this.moduleRef.get(context.getClass(), { strict: false });
    const locals = await form.showAgain(controller, req, state);
    throw new PageWithErrors(
      form.view,
      await this.pages.frame(req, res, {
        errors: state.errors,
        fieldErrors: state.fieldErrors,
        ...locals,
      }),
      rejected.getStatus(),
    );
  }
}

/** A refusal the form can show: FormRejected, or a domain refusal with one of `statuses`. */
function rejectionOf(error: unknown, statuses: readonly number[]): FormRejected | null {
  if (error instanceof FormRejected) return error;
  if (!(error instanceof HttpException) || !statuses.includes(error.getStatus())) return null;
  const field = refusedField(error);
  return field
    ? FormRejected.on(field, error.message)
    : FormRejected.summary(error.message, '#main-content');
}

/** The posted fields as typed, to fill the form again (the CSRF token is the page's own). */
function postedValues(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(Object.entries(body).filter(([key]) => key !== '_csrf'));
}
