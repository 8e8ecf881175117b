import { ActionsService, COMMITTED_STATUSES } from '@app/actions';
import { AuthService, CurrentUser, type Principal, RequireRole } from '@app/auth';
import { Get, Headers, Ip, Query, UnauthorizedException, UseInterceptors } from '@nestjs/common';
import { SignInLimiter } from '../auth/sign-in-limiter';
import { myActionsPage } from './my-actions.presenter';
import { SignedOutPage } from './page-guards';
import { Form, FormPost } from './pipeline/form-post';
import { FormRejected } from './pipeline/form-rejected';
import { type PageLocals, PageView } from './pipeline/page';
import { PagesController } from './pipeline/pages-controller';
import { EndSession, SessionCookiesInterceptor, StartSession } from './session-cookies.interceptor';
import { SignInForm } from './sign-in.form';
import { signInPage } from './sign-in.presenter';

/** My actions lists this many, nearest deadline first. */
const MY_ACTIONS_SHOWN = 100;

/**
 * The web pages people use (GOV.UK style, server-rendered, working without JavaScript). They
 * call the same services as the API, sign in with session cookies and protect every form with
 * a CSRF token.
 */
@PagesController()
export class WebController {
  constructor(
    private readonly auth: AuthService,
    private readonly actions: ActionsService,
    private readonly limiter: SignInLimiter,
  ) {}

  @Get('sign-in')
  @SignedOutPage()
  @PageView('sign-in')
  signInPage(
    @Query('expired') expired?: string,
    @Query('signedOut') signedOut?: string,
  ): PageLocals {
    return signInPage({ expired, signedOut });
  }

  /** The same sign-in as POST /api/auth/login; the session lives in cookies. */
  @FormPost('sign-in', {
    view: 'sign-in',
    showAgain: (_controller, _req, state) => signInPage({}, state.values.email),
  })
  @SignedOutPage()
  @UseInterceptors(SessionCookiesInterceptor)
  async signIn(
    @Form(SignInForm) { email, password }: SignInForm,
    @Ip() ip: string,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<StartSession> {
    // Counted with POST /api/auth/login: one budget per account and per address.
    await this.limiter.charge(ip, email);
    const { tokens } = await this.auth.login(email, password, { ip, userAgent }).catch(wrongSignIn);
    return new StartSession(tokens, '/');
  }

  @FormPost('sign-out')
  @RequireRole('partner')
  @UseInterceptors(SessionCookiesInterceptor)
  async signOut(@CurrentUser() user: Principal): Promise<EndSession> {
    // Ended on the server too, so a copied cookie stops working at once.
    await this.auth.logout(user);
    return new EndSession('/sign-in?signedOut=1');
  }

  /** A partner's are those they own and their organisation's (the service narrows the list). */
  @Get()
  @RequireRole('partner')
  @PageView('my-actions')
  async myActions(@CurrentUser() user: Principal): Promise<PageLocals> {
    const partner = user.role === 'partner';
    const page = await this.actions.list(user, {
      ...(!partner && { ownerId: user.userId }),
      statuses: [...COMMITTED_STATUSES],
      sort: 'dueOn',
      page: 1,
      pageSize: MY_ACTIONS_SHOWN,
    });
    return myActionsPage(page, partner);
  }
}

/** A refused sign-in is about what was typed; anything else (an outage) is the error page. */
function wrongSignIn(error: unknown): never {
  if (error instanceof UnauthorizedException) {
    throw FormRejected.on('email', 'Enter a correct email address and password');
  }
  throw error;
}
