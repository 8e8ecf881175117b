import { AuthService, PasswordHasher, type Principal, UserAccountsService } from '@app/auth';
import { UsersService } from '@app/councils';
import { Get, HttpStatus, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { LoginThrottlerGuard } from '../../auth/login-throttler.guard';
import { type FormState, formError, noErrors, readForm, refusal, submitForm } from '../forms';
import { WebAuth } from '../web-auth.service';
import { PagesController, WebPages } from '../web-pages';
import { ChangePasswordForm, EmailPreferenceForm } from './settings-forms';

/**
 * My settings, for everyone signed in (reminder emails link here): how reminders arrive, and
 * changing one's own password.
 */
@PagesController('settings')
export class WebSettingsController {
  constructor(
    private readonly pages: WebPages,
    private readonly web: WebAuth,
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly accounts: UserAccountsService,
    private readonly hasher: PasswordHasher,
  ) {}

  @Get()
  async show(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.pages.signedIn(req, res);
    await this.renderSettings(req, res, principal, noErrors());
  }

  /** The same change as PATCH /api/me. */
  @Post('email-preference')
  async emailPreference(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.pages.posted(req, res);
    await submitForm(readForm(EmailPreferenceForm, req.body), {
      values: {},
      show: (state, status) => this.renderSettings(req, res, principal, state, status),
      act: async ({ emailPreference }) => {
        await this.users.update(principal.councilId, principal.userId, { emailPreference });
        this.pages.redirect(
          res,
          '/settings',
          emailPreference === 'digest'
            ? 'You will get the weekly digest only'
            : 'You will get every reminder email',
        );
      },
    });
  }

  /**
   * The API has no "change my own password" route (only an admin's reset), so this checks the
   * current password as sign-in does and sets the new one with UserAccountsService.setPassword,
   * which ends every session. This browser then signs in again with the new password, so it
   * stays signed in while every other session has ended.
   */
  // Guessing the current password is limited like signing in: per session and per address.
  @Post('password')
  @UseGuards(LoginThrottlerGuard)
  async password(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.pages.posted(req, res);
    // Passwords are never sent back to the page, so the form is shown again empty.
    const showErrors = (state: FormState) =>
      this.renderSettings(req, res, principal, state, HttpStatus.BAD_REQUEST);
    const form = readForm(ChangePasswordForm, req.body);
    if (!form.ok) return showErrors({ ...form, values: {} });
    const { currentPassword, newPassword, confirmPassword } = form.value;
    if (newPassword !== confirmPassword) {
      return showErrors(formError('confirmPassword', 'Enter the same new password twice', {}));
    }
    const user = await this.users.get(principal.councilId, principal.userId);
    const account = await this.users.findForLogin(user.email);
    const matches =
      account?.id === user.id && (await this.hasher.verify(account.passwordHash, currentPassword));
    if (!matches) {
      return showErrors(formError('currentPassword', 'Your current password is incorrect', {}));
    }
    try {
      await this.accounts.setPassword(user.id, newPassword);
    } catch (error) {
      const { message } = refusal(error, [HttpStatus.BAD_REQUEST]);
      return showErrors(formError('newPassword', message, {}));
    }
    try {
      const { tokens } = await this.auth.login(user.email, newPassword, {
        ip: req.ip,
        userAgent: req.get('user-agent'),
      });
      this.web.start(res, tokens);
    } catch {
      // Changed, but this browser could not start a new session: sign in with the new password.
      await this.web.end(null, res);
      this.pages.redirect(res, '/sign-in?expired=1');
      return;
    }
    this.pages.redirect(
      res,
      '/settings',
      'Your password has been changed. You have been signed out everywhere else.',
    );
  }

  private async renderSettings(
    req: Request,
    res: Response,
    principal: Principal,
    state: FormState,
    status: number = HttpStatus.OK,
  ): Promise<void> {
    const user = await this.users.get(principal.councilId, principal.userId);
    const preference = state.values.emailPreference ?? user.emailPreference;
    await this.pages.render(
      req,
      res,
      principal,
      'settings/index',
      {
        title: 'My settings',
        section: 'settings',
        errors: state.errors,
        fieldErrors: state.fieldErrors,
        email: user.email,
        preferenceItems: [
          {
            value: 'every',
            text: 'Every reminder',
            hint: { text: 'An email for each reminder and escalation as it falls due' },
            checked: preference === 'every',
          },
          {
            value: 'digest',
            text: 'The weekly digest only',
            hint: {
              text: 'One summary email on Mondays. You will still be told when you are given an action.',
            },
            checked: preference === 'digest',
          },
        ],
      },
      status,
    );
  }
}
