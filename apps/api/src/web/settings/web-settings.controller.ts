import { type Principal, UserAccountsService } from '@app/auth';
import { UsersService } from '@app/councils';
import { Get, HttpStatus, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SignInLimiter } from '../../auth/sign-in-limiter';
import { type FormState, formError, noErrors, readForm, refusal, submitForm } from '../forms';
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
    private readonly users: UsersService,
    private readonly accounts: UserAccountsService,
    private readonly limiter: SignInLimiter,
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

  /** A new password, given the current one; every other session ends, this one stays. */
  @Post('password')
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
    // A guess at the current password is a sign-in attempt on this account: it uses the same
    // budget, so a borrowed session cannot guess faster here than at the sign-in page.
    const { email } = await this.users.get(principal.councilId, principal.userId);
    await this.limiter.charge(req, res, email);
    let outcome: 'changed' | 'wrong-current-password';
    try {
      outcome = await this.accounts.changeOwnPassword(principal, currentPassword, newPassword);
    } catch (error) {
      const { message } = refusal(error, [HttpStatus.BAD_REQUEST]);
      return showErrors(formError('newPassword', message, {}));
    }
    if (outcome === 'wrong-current-password') {
      return showErrors(formError('currentPassword', 'Your current password is incorrect', {}));
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
