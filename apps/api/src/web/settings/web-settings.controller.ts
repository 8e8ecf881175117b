import {
  CalendarLinks,
  CurrentUser,
  type Principal,
  RequireRole,
  UserAccountsService,
} from '@app/auth';
import { mailConfig, type MailConfig } from '@app/config';
import { UsersService } from '@app/people';
import { BadRequestException, Get, Inject, Ip } from '@nestjs/common';
import { calendarUrl } from '../../calendar/calendar-url';
import { SignInLimiter } from '../../auth/sign-in-limiter';
import { type FormState, noErrors } from '../forms';
import { signedInAs } from '../page-guards';
import { Form, FormPost, type FormPostOptions } from '../pipeline/form-post';
import { FormRejected } from '../pipeline/form-rejected';
import { type PageLocals, PageView, SeeOther } from '../pipeline/page';
import { PagesController } from '../pipeline/pages-controller';
import { ChangePasswordForm, EmailPreferenceForm } from './settings-forms';

const SETTINGS_VIEW = 'settings/index';

/** Refused forms on /settings show the settings page again. */
const settingsForm: FormPostOptions<WebSettingsController> = {
  view: SETTINGS_VIEW,
  showAgain: (controller, req, state) => controller.settingsPage(signedInAs(req), state),
};

/**
 * My settings, for everyone signed in (reminder emails link here): how reminders arrive, and
 * changing one's own password.
 */
/** Everyone's own settings, partners' too. */
@PagesController('settings')
@RequireRole('partner')
export class WebSettingsController {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: UserAccountsService,
    private readonly limiter: SignInLimiter,
    private readonly calendar: CalendarLinks,
    @Inject(mailConfig.KEY) private readonly mail: MailConfig,
  ) {}

  @Get()
  @PageView(SETTINGS_VIEW)
  show(@CurrentUser() user: Principal): Promise<PageLocals> {
    return this.settingsPage(user, noErrors());
  }

  /** The same change as PATCH /api/me. */
  @FormPost('email-preference', settingsForm)
  async emailPreference(
    @CurrentUser() user: Principal,
    @Form(EmailPreferenceForm) { emailPreference }: EmailPreferenceForm,
  ): Promise<SeeOther> {
    await this.users.update(user.councilId, user.userId, { emailPreference });
    return new SeeOther(
      '/settings',
      emailPreference === 'digest'
        ? 'You will get the weekly digest only'
        : 'You will get every reminder email',
    );
  }

  /** A new password, given the current one; every other session ends, this one stays. */
  @FormPost('password', settingsForm)
  async password(
    @CurrentUser() user: Principal,
    @Ip() ip: string,
    @Form(ChangePasswordForm) form: ChangePasswordForm,
  ): Promise<SeeOther> {
    const { currentPassword, newPassword, confirmPassword } = form;
    if (newPassword !== confirmPassword) {
      throw FormRejected.on('confirmPassword', 'Enter the same new password twice');
    }
    // A guess at the current password is a sign-in attempt on this account: it uses the same
    // budget, so a borrowed session cannot guess faster here than at the sign-in page.
    const { email } = await this.users.get(user.councilId, user.userId);
    await this.limiter.charge(ip, email);
    let outcome: 'changed' | 'wrong-current-password';
    try {
      outcome = await this.accounts.changeOwnPassword(user, currentPassword, newPassword);
    } catch (error) {
      // The password rules' refusal belongs on the new password; anything else is not the form's.
      if (error instanceof BadRequestException) throw FormRejected.on('newPassword', error.message);
      throw error;
    }
    if (outcome === 'wrong-current-password') {
      throw FormRejected.on('currentPassword', 'Your current password is incorrect');
    }
    return new SeeOther(
      '/settings',
      'Your password has been changed. You have been signed out everywhere else.',
    );
  }

  /** A new calendar link, as POST /api/me/calendar: the old one stops working at once. */
  @FormPost('calendar', settingsForm)
  async resetCalendar(@CurrentUser() user: Principal): Promise<SeeOther> {
    const had = (await this.calendar.tokenOf(user.userId)) !== null;
    await this.calendar.reset(user.userId);
    return new SeeOther(
      '/settings#calendar',
      had
        ? 'Your calendar link has changed: the old one no longer works'
        : 'Your calendar link is ready',
    );
  }

  /** No calendar link, as DELETE /api/me/calendar. */
  @FormPost('calendar/stop', settingsForm)
  async stopCalendar(@CurrentUser() user: Principal): Promise<SeeOther> {
    await this.calendar.stop(user.userId);
    return new SeeOther('/settings#calendar', 'Your calendar link has been stopped');
  }

  /** The settings page; passwords are never sent back to it, so their fields start empty. */
  async settingsPage(user: Principal, state: FormState): Promise<PageLocals> {
    const [{ email, emailPreference }, token] = await Promise.all([
      this.users.get(user.councilId, user.userId),
      this.calendar.tokenOf(user.userId),
    ]);
    const preference = state.values.emailPreference ?? emailPreference;
    return {
      title: 'My settings',
      section: 'settings',
      email,
      calendarUrl: token ? calendarUrl(this.mail.appUrl, user.userId, token) : null,
      calendarTeam: user.role !== 'staff',
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
    };
  }
}
