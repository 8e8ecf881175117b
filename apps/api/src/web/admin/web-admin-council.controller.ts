import type { Principal } from '@app/auth';
import { remindersConfig, type RemindersConfig } from '@app/config';
import { CouncilsService, type NotificationSettings } from '@app/people';
import { NotificationsService, notificationSettingsProblem, resolvePolicy } from '@app/reminders';
import { BadRequestException, Get, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type FormState, noErrors, readForm, refusal, submitForm, summaryError } from '../forms';
import { WebPages } from '../web-pages';
import { PagesController } from '../pipeline/pages-controller';
import { CouncilSettingsForm, NOTIFY_OPTIONS, type NotifyOption } from './admin-forms';

const NOTIFY_LABELS: Record<NotifyOption, { text: string; hint: string }> = {
  assignment: {
    text: 'When someone is given an action',
    hint: 'Email the new owner when an action is assigned or reassigned',
  },
  ownerOverdue: {
    text: 'Weekly while an action is overdue',
    hint: 'Remind the owner each week until it is done',
  },
  escalateToLineManager: {
    text: 'Tell the owner’s line manager',
    hint: 'On the first day an action is overdue, then weekly',
  },
  weeklyDigest: {
    text: 'Monday summary',
    hint: 'A weekly summary for managers, and for anyone who chose the digest only',
  },
};

/** /admin/council: the settings PATCH /api/council changes, as a form. */
@PagesController('admin/council')
export class WebAdminCouncilController {
  constructor(
    private readonly pages: WebPages,
    private readonly councils: CouncilsService,
    private readonly notifications: NotificationsService,
    @Inject(remindersConfig.KEY) private readonly reminders: RemindersConfig,
  ) {}

  @Get()
  async show(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.pages.signedIn(req, res, 'admin');
    const council = await this.councils.get(principal.councilId);
    const policy = resolvePolicy(council.notificationSettings, this.reminders);
    const values = {
      immediateWindowDays: String(council.immediateWindowDays),
      defaultWindowMonths: String(council.defaultWindowMonths),
      reminderOffsets: policy.offsets.join(', '),
      escalateToAdminsAfterDays:
        policy.escalateToAdminsAfterDays === null ? '' : String(policy.escalateToAdminsAfterDays),
      notify: NOTIFY_OPTIONS.filter((option) => policy[option]),
    };
    await this.renderForm(req, res, principal, noErrors(values));
  }

  @Post()
  async save(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.pages.posted(req, res, 'admin');
    const body = req.body as Record<string, unknown>;
    const values = { ...body, notify: ([] as unknown[]).concat(body.notify ?? []) };
    await submitForm(readForm(CouncilSettingsForm, body, { notify: 'notify' }), {
      values,
      show: (state, status) => this.renderForm(req, res, principal, state, status),
      refused: (error) => {
        refusal(error, [HttpStatus.BAD_REQUEST]);
        return summaryError('Check the settings and try again', '#immediateWindowDays', values);
      },
      act: async (form) => {
        const after = form.escalateToAdminsAfterDays;
        const notify = form.notify ?? [];
        const notifications: NotificationSettings = {
          reminderOffsets: form.reminderOffsets,
          escalateToAdminsAfterDays: typeof after === 'number' ? after : null,
          assignment: notify.includes('assignment'),
          ownerOverdue: notify.includes('ownerOverdue'),
          escalateToLineManager: notify.includes('escalateToLineManager'),
          weeklyDigest: notify.includes('weeklyDigest'),
        };
        // The form's rules are the API's; this is the lib's own check, so the two cannot drift.
        const problem = notificationSettingsProblem(notifications);
        if (problem) throw new BadRequestException(problem);
        await this.councils.updateSettings(principal.councilId, {
          immediateWindowDays: form.immediateWindowDays,
          defaultWindowMonths: form.defaultWindowMonths,
          notifications,
        });
        // As PATCH /api/council: reminders planned under the old rules are planned again.
        await this.notifications.replanCouncil(principal.councilId);
        this.pages.redirect(res, '/admin/council', 'Council settings saved');
      },
    });
  }

  private async renderForm(
    req: Request,
    res: Response,
    principal: Principal,
    state: FormState,
    status: number = HttpStatus.OK,
  ): Promise<void> {
    const ticked = (state.values.notify ?? []) as unknown[];
    await this.pages.render(
      req,
      res,
      principal,
      'admin/council',
      {
        title: 'Council settings',
        section: 'admin',
        ...state,
        notifyItems: NOTIFY_OPTIONS.map((option) => ({
          value: option,
          text: NOTIFY_LABELS[option].text,
          hint: { text: NOTIFY_LABELS[option].hint },
          checked: ticked.includes(option),
        })),
        sendHour: `${String(this.reminders.sendHour).padStart(2, '0')}:00`,
        workingDaysOnly: this.reminders.workingDaysOnly,
      },
      status,
    );
  }
}
