import { type Principal, UserAccountsService } from '@app/auth';
import { ROLES, type Role, type User, UsersService } from '@app/people';
import { Get, HttpStatus, Param, NotFoundException, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  type FormState,
  formError,
  noErrors,
  readForm,
  refusal,
  refusedField,
  submitForm,
} from '../forms';
import { sortState } from '../tables';
import { dateTime } from '../view-models';
import { WebPages } from '../web-pages';
import { pageId, PagesController } from '../pipeline/pages-controller';
import { AccountStatusForm, NewUserForm, ResetPasswordForm, UserDetailsForm } from './admin-forms';

export const ROLE_LABELS: Record<Role, string> = {
  staff: 'Staff',
  manager: 'Manager',
  admin: 'Admin',
};

const ROLE_HINTS: Record<Role, string> = {
  staff: 'Works on the actions they own',
  manager: 'Also plans actions, sees the dashboard and overdue list',
  admin: 'Also manages people and council settings',
};

const SORT_KEYS = ['name', 'email', 'role', 'team', 'lineManager', 'status'] as const;
type SortKey = (typeof SORT_KEYS)[number];

const ACTIVE_TAG = { text: 'Enabled', classes: 'govuk-tag--green' };
const DISABLED_TAG = { text: 'Disabled', classes: 'govuk-tag--grey' };

/**
 * What the accounts service refuses about one field (it names it in `details.field`), shown
 * beside that field. Anything else is not the form's fault and goes to the error page.
 */
function accountRefusal(error: unknown, values: Record<string, unknown>): FormState {
  const refused = refusal(error, [
    HttpStatus.BAD_REQUEST,
    HttpStatus.NOT_FOUND,
    HttpStatus.CONFLICT,
  ]);
  const field = refusedField(refused);
  if (field === undefined) throw error;
  // A taken email keeps the service's wording, which does not say where the address is used.
  const text =
    refused instanceof NotFoundException ? 'Select a line manager from the list' : refused.message;
  // The account form's enable/disable radios are called "status".
  return formError(field === 'disabled' ? 'status' : field, text, values);
}

const text = (value: string | null | undefined): string => value ?? '';

function compare(key: SortKey, a: User, b: User): number {
  switch (key) {
    case 'role':
      return ROLES.indexOf(a.role) - ROLES.indexOf(b.role);
    case 'status':
      return Number(a.disabledAt !== null) - Number(b.disabledAt !== null);
    case 'lineManager':
      return text(a.lineManager?.name).localeCompare(text(b.lineManager?.name), 'en-GB');
    case 'team':
      return text(a.team).localeCompare(text(b.team), 'en-GB');
    case 'email':
      return a.email.localeCompare(b.email, 'en-GB');
    case 'name':
      return a.name.localeCompare(b.name, 'en-GB');
  }
}

/** A person's account as their page shows it. */
function personView(user: User) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: ROLE_LABELS[user.role],
    team: user.team ?? 'None',
    lineManager: user.lineManager?.name ?? 'None',
    disabled: user.disabledAt !== null,
    status: user.disabledAt ? DISABLED_TAG : ACTIVE_TAG,
    disabledAt: user.disabledAt ? dateTime(user.disabledAt) : null,
    emailPreference: user.emailPreference === 'digest' ? 'Weekly digest only' : 'Every reminder',
    added: dateTime(user.createdAt),
  };
}

/** People in the admin's council: the list, adding someone, and changing an account. */
@PagesController('admin/users')
export class WebAdminUsersController {
  constructor(
    private readonly pages: WebPages,
    private readonly users: UsersService,
    private readonly accounts: UserAccountsService,
  ) {}

  @Get()
  async list(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.pages.signedIn(req, res, 'admin');
    const sort = sortState('/admin/users', req.query, SORT_KEYS, {
      key: 'name',
      direction: 'asc',
    });
    const key = sort.key as SortKey;
    const people = await this.users.list(principal.councilId, { includeDisabled: true });
    const sign = sort.direction === 'asc' ? 1 : -1;
    people.sort((a, b) => sign * compare(key, a, b) || a.name.localeCompare(b.name, 'en-GB'));
    await this.pages.render(req, res, principal, 'admin/users', {
      title: 'People',
      section: 'admin',
      sort,
      people: people.map((user) => ({
        id: user.id,
        name: user.name,
        email: user.email,
        role: ROLE_LABELS[user.role],
        team: user.team ?? '',
        lineManager: user.lineManager?.name ?? '',
        status: user.disabledAt ? DISABLED_TAG : ACTIVE_TAG,
      })),
    });
  }

  @Get('new')
  async newPage(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.pages.signedIn(req, res, 'admin');
    await this.renderPerson(req, res, principal, null, noErrors({ role: 'staff' }));
  }

  @Post('new')
  async create(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.pages.posted(req, res, 'admin');
    await submitForm(readForm(NewUserForm, req.body), {
      values: { ...(req.body as Record<string, unknown>), password: '' },
      show: (state, status) => this.renderPerson(req, res, principal, null, state, status),
      refused: accountRefusal,
      act: async ({ name, email, role, team, lineManagerId, password }) => {
        const user = await this.accounts.create({
          councilId: principal.councilId,
          name,
          email,
          role,
          team: team || null,
          lineManagerId: lineManagerId || null,
          password,
        });
        this.pages.redirect(res, '/admin/users', `Added ${user.name}`);
      },
    });
  }

  @Get(':id')
  async show(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', pageId) id: string,
  ): Promise<void> {
    const principal = await this.pages.signedIn(req, res, 'admin');
    const user = await this.users.get(principal.councilId, id);
    await this.renderPerson(req, res, principal, user, noErrors(this.detailsOf(user)));
  }

  @Post(':id')
  async update(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', pageId) id: string,
  ): Promise<void> {
    const principal = await this.pages.posted(req, res, 'admin');
    const user = await this.users.get(principal.councilId, id);
    await submitForm(readForm(UserDetailsForm, req.body), {
      values: req.body as Record<string, unknown>,
      show: (state, status) => this.renderPerson(req, res, principal, user, state, status),
      refused: accountRefusal,
      act: async ({ name, email, role, team, lineManagerId }) => {
        const changed = await this.accounts.change(principal.userId, principal.councilId, id, {
          name,
          email,
          role,
          team: team || null,
          lineManagerId: lineManagerId || null,
        });
        this.pages.redirect(res, `/admin/users/${id}`, `Saved changes to ${changed.name}`);
      },
    });
  }

  /** Disabling ends every session the person has (UserAccountsService does it). */
  @Post(':id/status')
  async status(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', pageId) id: string,
  ): Promise<void> {
    const principal = await this.pages.posted(req, res, 'admin');
    const user = await this.users.get(principal.councilId, id);
    await submitForm(readForm(AccountStatusForm, req.body, { change: 'status' }), {
      values: this.detailsOf(user),
      show: (state, status) => this.renderPerson(req, res, principal, user, state, status),
      refused: accountRefusal,
      act: async ({ change }) => {
        const disabled = change === 'disable';
        await this.accounts.change(principal.userId, principal.councilId, id, { disabled });
        this.pages.redirect(
          res,
          `/admin/users/${id}`,
          disabled
            ? `Disabled ${user.name}’s account and signed them out`
            : `Enabled ${user.name}’s account`,
        );
      },
    });
  }

  /** A new password for someone else; every session of theirs ends with the old one. */
  @Post(':id/password')
  async resetPassword(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', pageId) id: string,
  ): Promise<void> {
    const principal = await this.pages.posted(req, res, 'admin');
    const user = await this.users.get(principal.councilId, id);
    const values = this.detailsOf(user);
    const show = (state: FormState, status: number) =>
      this.renderPerson(req, res, principal, user, state, status);
    if (id === principal.userId) {
      const state = formError('password', 'Change your own password in My settings', values);
      return show(state, HttpStatus.BAD_REQUEST);
    }
    await submitForm(readForm(ResetPasswordForm, req.body), {
      values,
      show,
      refused: accountRefusal,
      act: async ({ password }) => {
        await this.accounts.change(principal.userId, principal.councilId, id, { password });
        this.pages.redirect(
          res,
          `/admin/users/${id}`,
          `Set a new password for ${user.name} and signed them out`,
        );
      },
    });
  }

  private detailsOf(user: User): Record<string, unknown> {
    return {
      name: user.name,
      email: user.email,
      role: user.role,
      team: user.team ?? '',
      lineManagerId: user.lineManagerId ?? '',
    };
  }

  /** The "Line manager" select: anyone enabled in the council (and whoever it is now). */
  private async managerOptions(
    councilId: string,
    selected: unknown,
    exclude?: User,
  ): Promise<{ value: string; text: string; selected: boolean }[]> {
    const people = await this.users.list(councilId, { includeDisabled: true });
    const choices = people.filter(
      (person) =>
        person.id !== exclude?.id && (!person.disabledAt || person.id === exclude?.lineManagerId),
    );
    return [
      { value: '', text: 'No line manager', selected: !selected },
      ...choices.map((person) => ({
        value: person.id,
        text: person.team ? `${person.name} (${person.team})` : person.name,
        selected: person.id === selected,
      })),
    ];
  }

  private roleItems(selected: unknown) {
    return ROLES.map((role) => ({
      value: role,
      text: ROLE_LABELS[role],
      hint: { text: ROLE_HINTS[role] },
      checked: role === selected,
    }));
  }

  /** Adding a person (`user` null) or `user`'s page: the same fields, filled from `state`. */
  private async renderPerson(
    req: Request,
    res: Response,
    principal: Principal,
    user: User | null,
    state: FormState,
    status: number = HttpStatus.OK,
  ): Promise<void> {
    await this.pages.render(
      req,
      res,
      principal,
      user ? 'admin/user' : 'admin/user-new',
      {
        title: user?.name ?? 'Add a person',
        section: 'admin',
        ...state,
        ...(user && { isSelf: user.id === principal.userId, person: personView(user) }),
        roles: this.roleItems(state.values.role),
        managers: await this.managerOptions(
          principal.councilId,
          state.values.lineManagerId,
          user ?? undefined,
        ),
      },
      status,
    );
  }
}
