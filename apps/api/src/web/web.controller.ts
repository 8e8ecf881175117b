import { type ActionView, ActionsService, LIVE_STATUSES } from '@app/actions';
import { AuthService, type Principal, Public } from '@app/auth';
import { CouncilsService } from '@app/councils';
import { daysPhrase, formatLongDate } from '@app/notifications';
import { Controller, Get, HttpStatus, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { LoginThrottlerGuard } from '../auth/login-throttler.guard';
import { Csrf } from './csrf';
import { SignInRequired, WebExceptionFilter } from './web-exception.filter';
import { WebAuth } from './web-auth.service';

const STATUS_LABELS: Record<string, { label: string; tag: string }> = {
  draft: { label: 'Draft', tag: 'govuk-tag--grey' },
  open: { label: 'Open', tag: 'govuk-tag--blue' },
  in_progress: { label: 'In progress', tag: 'govuk-tag--light-blue' },
  blocked: { label: 'Blocked', tag: 'govuk-tag--orange' },
  completed: { label: 'Completed', tag: 'govuk-tag--green' },
  verified: { label: 'Verified', tag: 'govuk-tag--green' },
  cancelled: { label: 'Cancelled', tag: 'govuk-tag--grey' },
};

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function row(action: ActionView) {
  const status = STATUS_LABELS[action.status] ?? { label: action.status, tag: '' };
  return {
    id: action.id,
    reference: action.reference,
    title: action.title,
    dueLabel: action.dueOn ? formatLongDate(action.dueOn) : 'No deadline',
    // The same words as the reminder emails.
    daysLabel: action.daysLeft === null ? '' : capitalise(daysPhrase(action.daysLeft)),
    statusLabel: status.label,
    statusClass: status.tag,
  };
}

/**
 * The web pages people use (GOV.UK style, server-rendered, working without JavaScript). They
 * call the same services as the API, sign in with session cookies and protect every form with
 * a CSRF token.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller()
export class WebController {
  constructor(
    private readonly web: WebAuth,
    private readonly auth: AuthService,
    private readonly csrf: Csrf,
    private readonly actions: ActionsService,
    private readonly councils: CouncilsService,
  ) {}

  @Get('sign-in')
  signInPage(@Req() req: Request, @Res() res: Response): void {
    const query = req.query as Record<string, unknown>;
    res.render('sign-in', {
      title: 'Sign in',
      csrfToken: this.csrf.token(req, res, null),
      errors: [],
      fieldErrors: {},
      notice:
        query.expired !== undefined
          ? 'Your session has ended. Sign in again to carry on.'
          : query.signedOut !== undefined
            ? 'You have signed out.'
            : null,
    });
  }

  @Post('sign-in')
  @UseGuards(LoginThrottlerGuard)
  async signIn(@Req() req: Request, @Res() res: Response): Promise<void> {
    this.csrf.assert(req, null);
    const body = req.body as Record<string, unknown>;
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const fieldErrors: Record<string, string> = {};
    if (!email) fieldErrors.email = 'Enter your email address';
    if (!password) fieldErrors.password = 'Enter your password';
    if (Object.keys(fieldErrors).length === 0) {
      try {
        const { tokens } = await this.auth.login(email, password, {
          ip: req.ip,
          userAgent: req.get('user-agent'),
        });
        this.web.start(res, tokens);
        res.redirect(HttpStatus.SEE_OTHER, '/');
        return;
      } catch {
        fieldErrors.email = 'Enter a correct email address and password';
      }
    }
    res.status(HttpStatus.BAD_REQUEST).render('sign-in', {
      title: 'Error: Sign in',
      csrfToken: this.csrf.token(req, res, null),
      email,
      fieldErrors,
      errors: Object.entries(fieldErrors).map(([field, text]) => ({ text, href: `#${field}` })),
    });
  }

  @Post('sign-out')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.web.principal(req, res);
    this.csrf.assert(req, principal?.sessionId ?? null);
    await this.web.end(principal, res);
    res.redirect(HttpStatus.SEE_OTHER, '/sign-in?signedOut=1');
  }

  @Get()
  async myActions(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.signedIn(req, res);
    const { items } = await this.actions.list(principal.councilId, {
      ownerId: principal.userId,
      statuses: LIVE_STATUSES.filter((status) => status !== 'draft'),
      sort: 'dueOn',
      page: 1,
      pageSize: 100,
    });
    const soon = (action: ActionView) => action.daysLeft !== null && action.daysLeft <= 14;
    res.render('my-actions', {
      ...(await this.chrome(req, res, principal)),
      title: 'My actions',
      overdue: items.filter((action) => action.overdue).map(row),
      dueSoon: items.filter((action) => !action.overdue && soon(action)).map(row),
      later: items.filter((action) => !action.overdue && !soon(action)).map(row),
    });
  }

  private async signedIn(req: Request, res: Response): Promise<Principal> {
    const principal = await this.web.principal(req, res);
    if (!principal) throw new SignInRequired(this.web.hadSession(req));
    return principal;
  }

  /** What every signed-in page's header and sign-out form need. */
  private async chrome(req: Request, res: Response, principal: Principal) {
    const council = await this.councils.get(principal.councilId);
    return {
      councilName: council.name,
      signedIn: true,
      csrfToken: this.csrf.token(req, res, principal.sessionId),
      navigation: [{ href: '/', text: 'My actions', active: true }],
    };
  }
}
