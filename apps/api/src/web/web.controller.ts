import { type ActionView, ActionsService, LIVE_STATUSES } from '@app/actions';
import { AuthService } from '@app/auth';
import { Get, HttpStatus, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SignInLimiter } from '../auth/sign-in-limiter';
import { Csrf } from './csrf';
import { daysLabel, longDate, statusTag } from './view-models';
import { WebAuth } from './web-auth.service';
import { SignedOutPage } from './page-guards';
import { WebPages } from './web-pages';
import { PagesController } from './pipeline/pages-controller';

/** My actions lists this many, nearest deadline first. */
const MY_ACTIONS_SHOWN = 100;

function row(action: ActionView) {
  return {
    id: action.id,
    reference: action.reference,
    title: action.title,
    dueLabel: longDate(action.dueOn),
    daysLabel: daysLabel(action.daysLeft),
    status: statusTag(action.status),
  };
}

/**
 * The web pages people use (GOV.UK style, server-rendered, working without JavaScript). They
 * call the same services as the API, sign in with session cookies and protect every form with
 * a CSRF token.
 */
@PagesController()
export class WebController {
  constructor(
    private readonly web: WebAuth,
    private readonly auth: AuthService,
    private readonly csrf: Csrf,
    private readonly pages: WebPages,
    private readonly actions: ActionsService,
    private readonly limiter: SignInLimiter,
  ) {}

  @Get('sign-in')
  @SignedOutPage()
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
  @SignedOutPage()
  async signIn(@Req() req: Request, @Res() res: Response): Promise<void> {
    const body = req.body as Record<string, unknown>;
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const fieldErrors: Record<string, string> = {};
    if (!email) fieldErrors.email = 'Enter your email address';
    if (!password) fieldErrors.password = 'Enter your password';
    if (Object.keys(fieldErrors).length === 0) {
      // Counted with POST /api/auth/login: one budget per account and per address.
      await this.limiter.charge(req.ip, email);
      try {
        const { tokens } = await this.auth.login(email, password, {
          ip: req.ip,
          userAgent: req.get('user-agent'),
        });
        this.web.start(res, tokens);
        res.redirect(HttpStatus.SEE_OTHER, '/');
        return;
      } catch (error) {
        // Only a refusal is about what was typed; an outage goes to the error page.
        if (!(error instanceof UnauthorizedException)) throw error;
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
    const principal = await this.pages.posted(req, res);
    await this.web.end(principal, res);
    res.redirect(HttpStatus.SEE_OTHER, '/sign-in?signedOut=1');
  }

  @Get()
  async myActions(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.pages.signedIn(req, res);
    const { items, total } = await this.actions.list(principal.councilId, {
      ownerId: principal.userId,
      statuses: LIVE_STATUSES.filter((status) => status !== 'draft'),
      sort: 'dueOn',
      page: 1,
      pageSize: MY_ACTIONS_SHOWN,
    });
    const soon = (action: ActionView) => action.daysLeft !== null && action.daysLeft <= 14;
    await this.pages.render(req, res, principal, 'my-actions', {
      title: 'My actions',
      section: 'my-actions',
      overdue: items.filter((action) => action.overdue).map(row),
      dueSoon: items.filter((action) => !action.overdue && soon(action)).map(row),
      later: items.filter((action) => !action.overdue && !soon(action)).map(row),
      // The nearest deadlines first; more than this is a workload question for a manager.
      hidden: Math.max(0, total - items.length),
    });
  }
}
