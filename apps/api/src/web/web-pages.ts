import { type AuthenticatedRequest, hasRole } from '@app/auth';
import { CouncilsService, type Role } from '@app/people';
import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Csrf } from './csrf';
import type { PageLocals } from './pipeline/page';
import { WebAuth } from './web-auth.service';
import { cookieOptions } from './web-session';

/** The sections in the service navigation; a page names the one it belongs to. */
export type Section = 'my-actions' | 'inspections' | 'overdue' | 'dashboard' | 'admin' | 'settings';

const SECTIONS: { section: Section; href: string; text: string; role: Role }[] = [
  { section: 'my-actions', href: '/', text: 'My actions', role: 'partner' },
  { section: 'inspections', href: '/inspections', text: 'Inspections', role: 'staff' },
  { section: 'overdue', href: '/overdue', text: 'Overdue', role: 'manager' },
  { section: 'dashboard', href: '/dashboard', text: 'Dashboard', role: 'manager' },
  { section: 'admin', href: '/admin', text: 'Admin', role: 'admin' },
  { section: 'settings', href: '/settings', text: 'My settings', role: 'partner' },
];

/** A one-off success message shown on the page a form redirects to (GOV.UK banner). */
const FLASH_COOKIE = 'ft_flash';

/**
 * The frame around every page's own content: the header, the navigation for the person's role,
 * the CSRF token for its forms and the banner a form left (PageInterceptor asks for it).
 */
@Injectable()
export class WebPages {
  constructor(
    private readonly web: WebAuth,
    private readonly csrf: Csrf,
    private readonly councils: CouncilsService,
  ) {}

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
}
