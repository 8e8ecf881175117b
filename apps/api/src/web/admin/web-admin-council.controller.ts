import { CurrentUser, type Principal, RequireRole } from '@app/auth';
import { remindersConfig, type RemindersConfig } from '@app/config';
import { CouncilsService } from '@app/people';
import { CouncilSettingsService, resolvePolicy } from '@app/reminders';
import { BadRequestException, Get, Inject } from '@nestjs/common';
import { type FormState, noErrors } from '../forms';
import { Form, FormPost } from '../pipeline/form-post';
import { FormRejected } from '../pipeline/form-rejected';
import { type PageLocals, PageView, SeeOther } from '../pipeline/page';
import { PagesController } from '../pipeline/pages-controller';
import { councilChangesOf, CouncilSettingsForm } from './admin-forms';
import { councilSettingsPage, councilSettingsValues } from './council.presenter';

const COUNCIL_VIEW = 'admin/council';

/** /admin/council: the settings PATCH /api/council changes, as a form. */
@PagesController('admin/council')
@RequireRole('admin')
export class WebAdminCouncilController {
  constructor(
    private readonly councils: CouncilsService,
    private readonly settings: CouncilSettingsService,
    @Inject(remindersConfig.KEY) private readonly reminders: RemindersConfig,
  ) {}

  @Get()
  @PageView(COUNCIL_VIEW)
  async show(@CurrentUser() user: Principal): Promise<PageLocals> {
    const council = await this.councils.get(user.councilId);
    const policy = resolvePolicy(council.notificationSettings, this.reminders);
    return this.page(noErrors(councilSettingsValues(council, policy)));
  }

  /** The same change as PATCH /api/council, reminders planned again included. */
  @FormPost('', {
    view: COUNCIL_VIEW,
    showAgain: (controller: WebAdminCouncilController, _req, state) => controller.page(state),
  })
  async save(
    @CurrentUser() user: Principal,
    @Form(CouncilSettingsForm) form: CouncilSettingsForm,
  ): Promise<SeeOther> {
    try {
      await this.settings.update(user.councilId, councilChangesOf(form));
    } catch (error) {
      // The form's rules are the domain's, so this is a drift between them: say it plainly.
      if (!(error instanceof BadRequestException)) throw error;
      throw FormRejected.summary('Check the settings and try again', '#immediateWindowDays');
    }
    return new SeeOther('/admin/council', 'Council settings saved');
  }

  /** The settings page showing `state` (the deployment's sending rules beside them). */
  page(state: FormState): PageLocals {
    return councilSettingsPage(state, this.reminders);
  }
}
