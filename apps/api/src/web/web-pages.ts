import { type AuthenticatedRequest, hasRole, type Principal, Public } from '@app/auth';
import { CouncilsService, type Role } from '@app/councils';
import {
  applyDecorators,
  Controller,
  ForbiddenException,
  HttpStatus,
  Injectable,
  ParseUUIDPipe,
  SetMetadata,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Csrf } from './csrf';
import { IS_PAGE } from './page-guards';
import { WebExceptionFilter } from './web-exception.filter';
import { WebAuth } from './web-auth.service';
import { cookieOptions } from './web-session';

/** The sections in the service navigation; a page names the one it belongs to. */
export type Section = 'my-actions' | 'inspections' | 'overdue' | 'dashboard' | 'admin' | 'settings';

const SECTIONS: { section: Section; href: string; text: string; role: Role }[] = [
  { section: 'my-actions', href: '/', text: 'My actions', role: 'staff' },
  { section: 'inspections', href: '/inspections', text: 'Inspections', role: 'staff' },
  { section: 'overdue', href: '/overdue', text: 'Overdue', role: 'manager' },
  { section: 'dashboard', href: '/dashboard', text: 'Dashboard', role: 'manager' },
  { section: 'admin', href: '/admin', text: 'Admin', role: 'admin' },
  { section: 'settings', href: '/settings', text: 'My settings', role: 'staff' },
];

/** A one-off success message shown on the page a form redirects to (GOV.UK banner). */
const FLASH_COOKIE = 'ft_flash';

/**
 * What every signed-in page needs: who is signed in (or a redirect to sign in), the role check,
 * the CSRF check on forms, and the header, navigation and banner around the page's own content.
 */
@Injectable()
export class WebPages {
  constructor(
    private readonly web: WebAuth,
    private readonly csrf: Csrf,
    private readonly councils: CouncilsService,
  ) {}

  /**
   * The signed-in person (PageSessionGuard found them before the body was read); "You cannot do
   * that" if below `role`.
   */
  signedIn(req: Request, _res: Response, role: Role = 'staff'): Promise<Principal> {
    const principal = (req as AuthenticatedRequest).principal;
    // PageSessionGuard runs on every page that is not a SignedOutPage: none is a wiring bug.
    if (!principal) throw new Error('A signed-out page asked who is signed in');
    if (!hasRole(principal.role, role)) throw new ForbiddenException();
    return Promise.resolve(principal);
  }

  /** A form post: signed in and the role (PageCsrfGuard has checked the form's CSRF token). */
  posted(req: Request, res: Response, role: Role = 'staff'): Promise<Principal> {
    return this.signedIn(req, res, role);
  }

  /** Renders `view` inside the layout; `title` names the page (prefixed "Error: " on errors). */
  async render(
    req: Request,
    res: Response,
    principal: Principal,
    view: string,
    locals: { title: string; section?: Section; [key: string]: unknown },
    status: number = HttpStatus.OK,
  ): Promise<void> {
    const council = await this.councils.get(principal.councilId);
    const cookies = req.cookies as Record<string, string | undefined>;
    const flash = cookies[FLASH_COOKIE];
    if (flash) res.clearCookie(FLASH_COOKIE, cookieOptions(this.web.secureCookies));
    const hasErrors = Array.isArray(locals.errors) && locals.errors.length > 0;
    res.status(status).render(view, {
      councilName: council.name,
      signedIn: true,
      role: principal.role,
      isManager: hasRole(principal.role, 'manager'),
      isAdmin: hasRole(principal.role, 'admin'),
      csrfToken: this.csrf.token(req, res, principal.sessionId),
      navigation: SECTIONS.filter((item) => hasRole(principal.role, item.role)).map((item) => ({
        href: item.href,
        text: item.text,
        active: item.section === locals.section,
      })),
      flash: flash ?? null,
      ...locals,
      title: hasErrors ? `Error: ${locals.title}` : locals.title,
    });
  }

  /** 303 to `href` (POST → redirect → GET), with a success banner there when `flash` is given. */
  redirect(res: Response, href: string, flash?: string): void {
    if (flash) {
      res.cookie(FLASH_COOKIE, flash, {
        ...cookieOptions(this.web.secureCookies),
        maxAge: 60_000,
      });
    }
    res.redirect(HttpStatus.SEE_OTHER, href);
  }
}

/**
 * A controller of web pages: left out of the API docs, signed in by cookie (PageSessionGuard)
 * rather than the API's bearer guard, and its errors shown as pages.
 */
export const PagesController = (path = ''): ClassDecorator =>
  applyDecorators(
    ApiExcludeController(),
    Public(),
    SetMetadata(IS_PAGE, true),
    UseFilters(WebExceptionFilter),
    Controller(path),
  );

/** An id in a page's address: anything but a UUID is a page that does not exist (404). */
export const pageId = new ParseUUIDPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND });
