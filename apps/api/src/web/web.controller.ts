import { ActionsService, COMMITTED_STATUSES } from '@app/actions';
import {
  AuthService,
  CurrentUser,
  PASSWORDS_OFF,
  type Principal,
  RequireRole,
  SsoRefused,
  SsoSettingsService,
  SsoSignInService,
} from '@app/auth';
import {
  ForbiddenException,
  Get,
  Headers,
  HttpStatus,
  Ip,
  Param,
  Query,
  Redirect,
  UnauthorizedException,
  UseInterceptors,
} from '@nestjs/common';
import { SignInLimiter } from '../auth/sign-in-limiter';
import { myActionsPage } from './my-actions.presenter';
import { SignedOutPage } from './page-guards';
import { Form, FormPost, PageWithErrors } from './pipeline/form-post';
import { FormRejected } from './pipeline/form-rejected';
import { type PageLocals, PageView } from './pipeline/page';
import { pageId, PagesController } from './pipeline/pages-controller';
import {
  EndSession,
  SessionCookiesInterceptor,
  SsoStateCookie,
  StartSession,
  StartSsoAttempt,
} from './session-cookies.interceptor';
import { SignInForm } from './sign-in.form';
import { type SignInReason, signInPage, ssoRefusalPage } from './sign-in.presenter';

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
    private readonly ssoSettings: SsoSettingsService,
    private readonly sso: SsoSignInService,
  ) {}

  @Get('sign-in')
  @SignedOutPage()
  @PageView('sign-in')
  signInPage(
    @Query('expired') expired?: string,
    @Query('signedOut') signedOut?: string,
  ): Promise<PageLocals> {
    return this.signInLocals({ expired, signedOut });
  }

  /** The sign-in page, with the councils whose people sign in through their own provider. */
  async signInLocals(reason: SignInReason, email?: unknown): Promise<PageLocals> {
    return signInPage(reason, await this.ssoSettings.choices(), email);
  }

  /** The same sign-in as POST /api/auth/login; the session lives in cookies. */
  @FormPost('sign-in', {
    view: 'sign-in',
    showAgain: (controller: WebController, _req, state) =>
      controller.signInLocals({}, state.values.email),
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

  /**
   * Where the council's provider sends the browser back: signed in with an ordinary session,
   * as by a password, or a page saying why not. Declared before sign-in/sso/:councilId, which
   * would otherwise take its address.
   */
  @Get('sign-in/sso/callback')
  @Redirect('', HttpStatus.SEE_OTHER)
  @SignedOutPage()
  @UseInterceptors(SessionCookiesInterceptor)
  async finishSso(
    @Query() query: Record<string, unknown>,
    @SsoStateCookie() state: string | undefined,
    @Ip() ip: string,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<StartSession> {
    const { tokens } = await this.sso
      .finish(query, state, { ip, userAgent })
      .catch((error: unknown) => {
        throw error instanceof SsoRefused ? refusalPage(error) : error;
      });
    return new StartSession(tokens, '/');
  }

  /**
   * Begins a sign-in at the council's OpenID Connect provider: the browser is sent there,
   * holding the attempt's state in a cookie. A link, not a form: the page's Content Security
   * Policy lets forms go only to this service, and the redirect from a form's answer to the
   * provider would count as the form going there.
   */
  @Get('sign-in/sso/:councilId')
  @Redirect('', HttpStatus.SEE_OTHER)
  @SignedOutPage()
  @UseInterceptors(SessionCookiesInterceptor)
  async startSso(@Param('councilId', pageId) councilId: string): Promise<StartSsoAttempt> {
    const { url, state } = await this.sso.start(councilId).catch((error: unknown) => {
      throw error instanceof SsoRefused ? refusalPage(error) : error;
    });
    return new StartSsoAttempt(state, url);
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
  // The council signs in only through its provider: say so beside the form.
  if (error instanceof ForbiddenException) throw FormRejected.on('email', PASSWORDS_OFF);
  throw error;
}

/** A refused single sign-on as its own page, with the refusal's status. */
function refusalPage(error: SsoRefused): PageWithErrors {
  return new PageWithErrors(
    'message',
    ssoRefusalPage(error.reason, error.email),
    error.getStatus(),
  );
}
