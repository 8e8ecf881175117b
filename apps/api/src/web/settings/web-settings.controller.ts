import { AuthService, PasswordHasher, type Principal, UserAccountsService } from '@app/auth';
import { UsersService } from '@app/councils';
import { BadRequestException, Get, HttpStatus, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type ErrorLink, readForm } from '../forms';
import { WebAuth } from '../web-auth.service';
import { PagesController, WebPages } from '../web-pages';
import { ChangePasswordForm, EmailPreferenceForm } from './settings-forms';

interface FormState {
  errors: ErrorLink[];
  fieldErrors: Record<string, string>;
  /** What was typed into the email preference form (passwords are never sent back). */
  emailPreference?: unknown;
}

const failed = (field: string, text: string): FormState => ({
  errors: [{ text, href: `#${field}` }],
  fieldErrors: { [field]: text },
});

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
    await this.renderSettings(req, res, principal, { errors: [], fieldErrors: {} });
  }

  /** The same change as PATCH /api/me. */
  @Post('email-preference')
  async emailPreference(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.pages.posted(req, res);
    const form = readForm(EmailPreferenceForm, req.body);
    if (!form.ok) {
      await this.renderSettings(req, res, principal, form, HttpStatus.BAD_REQUEST);
      return;
    }
    await this.users.update(principal.councilId, principal.userId, {
      emailPreference: form.value.emailPreference,
    });
    this.pages.redirect(
      res,
      '/settings',
      form.value.emailPreference === 'digest'
        ? 'You will get the weekly digest only'
        : 'You will get every reminder email',
    );
  }

  /**
   * The API has no "change my own password" route (only an admin's reset), so this checks the
   * current password as sign-in does and sets the new one with UserAccountsService.setPassword,
   * which ends every session. This browser then signs in again with the new password, so it
   * stays signed in while every other session has ended.
   */
  @Post('password')
  async password(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.pages.posted(req, res);
    const form = readForm(ChangePasswordForm, req.body);
    if (!form.ok) {
      await this.renderSettings(req, res, principal, form, HttpStatus.BAD_REQUEST);
      return;
    }
    const { currentPassword, newPassword, confirmPassword } = form.value;
    if (newPassword !== confirmPassword) {
      const state = failed('confirmPassword', 'Enter the same new password twice');
      await this.renderSettings(req, res, principal, state, HttpStatus.BAD_REQUEST);
      return;
    }
    const user = await this.users.get(principal.councilId, principal.userId);
    const account = await this.users.findForLogin(user.email);
    const matches =
      account?.id === user.id && (await this.hasher.verify(account.passwordHash, currentPassword));
    if (!matches) {
      const state = failed('currentPassword', 'Your current password is incorrect');
      await this.renderSettings(req, res, principal, state, HttpStatus.BAD_REQUEST);
      return;
    }
    try {
      await this.accounts.setPassword(user.id, newPassword);
    } catch (error) {
      if (!(error instanceof BadRequestException)) {
        throw error;
      }
      const state = failed('newPassword', error.message);
      await this.renderSettings(req, res, principal, state, HttpStatus.BAD_REQUEST);
      return;
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
    const preference = state.emailPreference ?? user.emailPreference;
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
