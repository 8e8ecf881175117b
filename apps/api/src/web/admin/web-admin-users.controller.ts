import { CurrentUser, type Principal, RequireRole, UserAccountsService } from '@app/auth';
import { OrganisationsService, type User, UsersService } from '@app/people';
import { Get, HttpException, NotFoundException, Param, Query } from '@nestjs/common';
import { type FormState, noErrors, refusedField } from '../forms';
import { signedInAs } from '../page-guards';
import { Form, FormPost, type FormPostOptions } from '../pipeline/form-post';
import { FormRejected } from '../pipeline/form-rejected';
import { type PageLocals, PageView, SeeOther } from '../pipeline/page';
import { pageId, PagesController } from '../pipeline/pages-controller';
import { AccountStatusForm, NewUserForm, ResetPasswordForm, UserDetailsForm } from './admin-forms';
import { detailsOf, peoplePage, personPage } from './users.presenter';

const NEW_PERSON_VIEW = 'admin/user-new';
const PERSON_VIEW = 'admin/user';

/** A refused new person is shown again as typed, but a password is never sent back. */
const newPersonForm: FormPostOptions<WebAdminUsersController> = {
  view: NEW_PERSON_VIEW,
  showAgain: (controller, req, state) =>
    controller.personPage(signedInAs(req), null, {
      ...state,
      values: { ...state.values, password: '' },
    }),
};

/** A refused change to someone's details shows their page with what was typed. */
const detailsForm: FormPostOptions<WebAdminUsersController> = {
  view: PERSON_VIEW,
  showAgain: (controller, req, state) =>
    controller.personPageOf(signedInAs(req), String(req.params.id), state),
};

/** The status and password forms hold no details: their page shows the details as they are. */
const accountForm: FormPostOptions<WebAdminUsersController> = {
  view: PERSON_VIEW,
  showAgain: (controller, req, state) =>
    controller.personPageOf(signedInAs(req), String(req.params.id), state, 'saved'),
};

/**
 * The account service's refusals in this page's words: an unknown line manager is one not in
 * the list, and the enable/disable radios are called "status". The rest (a taken email, a
 * refused password) are shown on the field the service names, as the pipeline does.
 */
function asFormRefusal(error: unknown): never {
  const field = error instanceof HttpException ? refusedField(error) : undefined;
  if (error instanceof NotFoundException && field === 'lineManagerId') {
    throw FormRejected.on('lineManagerId', 'Select a line manager from the list');
  }
  if (error instanceof HttpException && field === 'organisationId') {
    throw FormRejected.on('organisationId', error.message);
  }
  if (error instanceof HttpException && field === 'disabled') {
    throw FormRejected.on('status', error.message);
  }
  throw error;
}

/**
 * People in the admin's council: the list, adding someone, and changing an account. Each
 * change is the one POST or PATCH /api/users makes (UserAccountsService).
 */
@PagesController('admin/users')
@RequireRole('admin')
export class WebAdminUsersController {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: UserAccountsService,
    private readonly organisations: OrganisationsService,
  ) {}

  @Get()
  @PageView('admin/users')
  async list(
    @CurrentUser() user: Principal,
    @Query('sort') sort?: unknown,
    @Query('order') order?: unknown,
  ): Promise<PageLocals> {
    const people = await this.users.list(user.councilId, { includeDisabled: true });
    return peoplePage(people, { sort, order });
  }

  @Get('new')
  @PageView(NEW_PERSON_VIEW)
  newPage(@CurrentUser() user: Principal): Promise<PageLocals> {
    return this.personPage(user, null, noErrors({ role: 'staff' }));
  }

  @FormPost('new', newPersonForm)
  async create(
    @CurrentUser() user: Principal,
    @Form(NewUserForm) form: NewUserForm,
  ): Promise<SeeOther> {
    const { name, email, role, team, lineManagerId, organisationId, password } = form;
    const created = await this.accounts
      .create({
        councilId: user.councilId,
        name,
        email,
        role,
        team: team || null,
        lineManagerId: lineManagerId || null,
        organisationId: organisationId || null,
        password,
      })
      .catch(asFormRefusal);
    return new SeeOther('/admin/users', `Added ${created.name}`);
  }

  @Get(':id')
  @PageView(PERSON_VIEW)
  show(@CurrentUser() user: Principal, @Param('id', pageId) id: string): Promise<PageLocals> {
    return this.personPageOf(user, id, noErrors(), 'saved');
  }

  @FormPost(':id', detailsForm)
  async update(
    @CurrentUser() user: Principal,
    @Param('id', pageId) id: string,
    @Form(UserDetailsForm) form: UserDetailsForm,
  ): Promise<SeeOther> {
    const { name, email, role, team, lineManagerId, organisationId } = form;
    const changed = await this.accounts
      .change(user.userId, user.councilId, id, {
        name,
        email,
        role,
        team: team || null,
        lineManagerId: lineManagerId || null,
        organisationId: organisationId || null,
      })
      .catch(asFormRefusal);
    return new SeeOther(`/admin/users/${id}`, `Saved changes to ${changed.name}`);
  }

  /** Disabling ends every session the person has (UserAccountsService does it). */
  @FormPost(':id/status', accountForm)
  async status(
    @CurrentUser() user: Principal,
    @Param('id', pageId) id: string,
    @Form(AccountStatusForm, { change: 'status' }) { change }: AccountStatusForm,
  ): Promise<SeeOther> {
    const disabled = change === 'disable';
    const changed = await this.accounts
      .change(user.userId, user.councilId, id, { disabled })
      .catch(asFormRefusal);
    return new SeeOther(
      `/admin/users/${id}`,
      disabled
        ? `Disabled ${changed.name}’s account and signed them out`
        : `Enabled ${changed.name}’s account`,
    );
  }

  /** A new password for someone else; every session of theirs ends with the old one. */
  @FormPost(':id/password', accountForm)
  async resetPassword(
    @CurrentUser() user: Principal,
    @Param('id', pageId) id: string,
    @Form(ResetPasswordForm) { password }: ResetPasswordForm,
  ): Promise<SeeOther> {
    // The API lets an admin set their own, but this page is for other people's accounts: one's
    // own password is changed, knowing the current one, in My settings.
    if (id === user.userId) {
      throw FormRejected.on('password', 'Change your own password in My settings');
    }
    const changed = await this.accounts
      .change(user.userId, user.councilId, id, { password })
      .catch(asFormRefusal);
    return new SeeOther(
      `/admin/users/${id}`,
      `Set a new password for ${changed.name} and signed them out`,
    );
  }

  /**
   * The page of the person with `id` (404 outside the council): its details form shows
   * `state`'s values, or, for `values` "saved", the details as they are.
   */
  async personPageOf(
    signedIn: Principal,
    id: string,
    state: FormState,
    values: 'state' | 'saved' = 'state',
  ): Promise<PageLocals> {
    const user = await this.users.get(signedIn.councilId, id);
    const shown = values === 'saved' ? { ...state, values: detailsOf(user) } : state;
    return this.personPage(signedIn, user, shown);
  }

  /** Adding a person (`user` null) or `user`'s page, with the council for its manager select. */
  async personPage(signedIn: Principal, user: User | null, state: FormState): Promise<PageLocals> {
    const [people, organisations] = await Promise.all([
      this.users.list(signedIn.councilId, { includeDisabled: true }),
      this.organisations.list(signedIn.councilId),
    ]);
    return personPage(signedIn, user, people, state, organisations);
  }
}
