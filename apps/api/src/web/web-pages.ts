import { type AuthenticatedRequest, hasRole, type Principal } from '@app/auth';
import { CouncilsService, type Role } from '@app/people';
import { ForbiddenException, HttpStatus, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Csrf } from './csrf';
import type { PageLocals } from './pipeline/page';
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
   * The signed-in person (SessionGuard found them before the body was read); "You cannot do
   * that" if below `role`.
   */
  signedIn(req: Request, _res: Response, role: Role = 'staff'): Promise<Principal> {
    const principal = (req as AuthenticatedRequest).principal;
    // SessionGuard runs on every page that is not a SignedOutPage: none is a wiring bug.
    if (!principal) throw new Error('A signed-out page asked who is signed in');
    if (!hasRole(principal.role, role)) throw new ForbiddenException();
    return Promise.resolve(principal);
  }

  /** A form post: signed in and the role (PageCsrfGuard has checked the form's CSRF token). */
  posted(req: Request, res: Response, role: Role = 'staff'): Promise<Principal> {
    return this.signedIn(req, res, role);
  }

  /**
   * The layout's locals around a page's own: the council, the navigation for the signed-in
   * person's role, the CSRF token for the page's forms and a banner left by the last form.
   * `title` names the page (prefixed "Error: " when it shows errors).
   */
  async frame(
    req: AuthenticatedRequest,
    res: Response,
    locals: PageLocals,
  ): Promise<Record<string, unknown>> {
    const principal = req.principal;
    const flash = this.takeFlash(req, res);
    const hasErrors = Array.isArray(locals.errors) && locals.errors.length > 0;
    const title = hasErrors ? `Error: ${locals.title}` : locals.title;
    if (!principal) {
      // A signed-out page (sign-in): no council, no navigation.
      return {
        csrfToken: this.csrf.token(req, res, null),
        flash,
        errors: [],
        fieldErrors: {},
        ...locals,
        title,
      };
    }
    const council = await this.councils.get(principal.councilId);
    return {
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
      flash,
      errors: [],
      fieldErrors: {},
      ...locals,
      title,
    };
  }

  /** Leaves a success banner for the next page this browser loads. */
  flash(res: Response, text: string | undefined): void {
    if (!text) return;
    res.cookie(FLASH_COOKIE, text, { ...cookieOptions(this.web.secureCookies), maxAge: 60_000 });
  }

  private takeFlash(req: Request, res: Response): string | null {
    const cookies = req.cookies as Record<string, string | undefined>;
    const flash = cookies[FLASH_COOKIE];
    if (flash) res.clearCookie(FLASH_COOKIE, cookieOptions(this.web.secureCookies));
    return flash ?? null;
  }

  /** Renders `view` inside the layout (handlers not yet on PageInterceptor). */
  async render(
    req: Request,
    res: Response,
    principal: Principal,
    view: string,
    locals: PageLocals,
    status: number = HttpStatus.OK,
  ): Promise<void> {
    const signedIn: AuthenticatedRequest = Object.assign(req, { principal });
    res.status(status).render(view, await this.frame(signedIn, res, locals));
  }

  /** 303 to `href` (POST → redirect → GET), with a success banner there when `flash` is given. */
  redirect(res: Response, href: string, flash?: string): void {
    this.flash(res, flash);
    res.redirect(HttpStatus.SEE_OTHER, href);
  }
}
