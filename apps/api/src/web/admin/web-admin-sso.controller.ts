import {
  CurrentUser,
  type Principal,
  RequireRole,
  SSO_KEY_MISSING,
  SSO_SETTINGS_BODY_LIMIT,
  SsoSettingsService,
} from '@app/auth';
import { BodyLimit } from '@app/common';
import { Get } from '@nestjs/common';
import { signedInAs } from '../page-guards';
import { type FormState, noErrors } from '../forms';
import { Form, FormPost } from '../pipeline/form-post';
import { type PageLocals, PageView, SeeOther } from '../pipeline/page';
import { PagesController } from '../pipeline/pages-controller';
import { SsoSettingsForm, ssoSettingsOf } from './admin-forms';
import { ssoSettingsPage, ssoSettingsValues } from './sso.presenter';

const SSO_VIEW = 'admin/sso';

/** /admin/council/sso: the settings PUT /api/council/sso changes, as a form. */
@PagesController('admin/council/sso')
@RequireRole('admin')
export class WebAdminSsoController {
  constructor(private readonly sso: SsoSettingsService) {}

  @Get()
  @PageView(SSO_VIEW)
  async show(@CurrentUser() user: Principal): Promise<PageLocals> {
    const settings = await this.sso.find(user.councilId);
    return this.page(user, noErrors(ssoSettingsValues(settings)));
  }

  /** The same change as PUT /api/council/sso. */
  @FormPost('', {
    view: SSO_VIEW,
    showAgain: (controller: WebAdminSsoController, req, state) =>
      controller.page(signedInAs(req), state),
  })
  @BodyLimit(SSO_SETTINGS_BODY_LIMIT)
  async save(
    @CurrentUser() user: Principal,
    @Form(SsoSettingsForm) form: SsoSettingsForm,
  ): Promise<SeeOther> {
    await this.sso.save(user.councilId, ssoSettingsOf(form));
    return new SeeOther('/admin/council/sso', 'Single sign-on settings saved');
  }

  /** The page showing `state` beside what is stored. */
  async page(user: Principal, state: FormState): Promise<PageLocals> {
    return ssoSettingsPage(state, await this.sso.find(user.councilId), {
      available: this.sso.available,
      unavailableReason: SSO_KEY_MISSING,
      redirectUri: this.sso.redirectUri,
    });
  }
}
