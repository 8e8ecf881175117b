import { CurrentUser, type Principal, RequireRole } from '@app/auth';
import {
  ORGANISATION_KIND_NAMES,
  ORGANISATION_KINDS,
  type Organisation,
  OrganisationsService,
  UsersService,
} from '@app/people';
import { Get, HttpException, Param } from '@nestjs/common';
import { CreateOrganisationDto } from '../../organisations/dto/organisation.dto';
import { type FormState, noErrors, refusedField } from '../forms';
import { signedInAs } from '../page-guards';
import { Form, FormPost, type FormPostOptions } from '../pipeline/form-post';
import { FormRejected } from '../pipeline/form-rejected';
import { type PageLocals, PageView, SeeOther } from '../pipeline/page';
import { pageId, PagesController } from '../pipeline/pages-controller';
import { OrganisationForm } from './admin-forms';

const LIST_VIEW = 'admin/organisations';
const ORGANISATION_VIEW = 'admin/organisation';

const addForm: FormPostOptions<WebAdminOrganisationsController> = {
  view: LIST_VIEW,
  showAgain: (controller, req, state) => controller.listPage(signedInAs(req), state),
};

const editForm: FormPostOptions<WebAdminOrganisationsController> = {
  view: ORGANISATION_VIEW,
  showAgain: (controller, req, state) =>
    controller.organisationPage(signedInAs(req), String(req.params.id), state),
};

/**
 * The service's refusal of a chosen person (not this partner's, not a manager) or a taken name,
 * on the field it names: the page's 404 would say the organisation itself was missing.
 */
function onItsField(error: unknown): never {
  const field = error instanceof HttpException ? refusedField(error) : undefined;
  if (error instanceof HttpException && field) throw FormRejected.on(field, error.message);
  throw error;
}

const kindItems = (selected: unknown) =>
  ORGANISATION_KINDS.map((kind) => ({
    value: kind,
    text: ORGANISATION_KIND_NAMES[kind],
    checked: kind === selected,
  }));

/**
 * The council's partner organisations, for admins: the same DTOs and service as POST and PATCH
 * /api/organisations.
 */
@PagesController('admin/organisations')
@RequireRole('admin')
export class WebAdminOrganisationsController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
  ) {}

  @Get()
  @PageView(LIST_VIEW)
  list(@CurrentUser() user: Principal): Promise<PageLocals> {
    return this.listPage(user, noErrors());
  }

  @FormPost('', addForm)
  async add(
    @CurrentUser() user: Principal,
    @Form(CreateOrganisationDto) form: CreateOrganisationDto,
  ): Promise<SeeOther> {
    const added = await this.organisations
      .create(user.councilId, { name: form.name, kind: form.kind })
      .catch(onItsField);
    return new SeeOther('/admin/organisations', `Added ${added.name}`);
  }

  @Get(':id')
  @PageView(ORGANISATION_VIEW)
  show(@CurrentUser() user: Principal, @Param('id', pageId) id: string): Promise<PageLocals> {
    return this.organisationPage(user, id, noErrors());
  }

  @FormPost(':id', editForm)
  async update(
    @CurrentUser() user: Principal,
    @Param('id', pageId) id: string,
    @Form(OrganisationForm) form: OrganisationForm,
  ): Promise<SeeOther> {
    const changed = await this.organisations
      .update(user.councilId, id, {
        name: form.name,
        kind: form.kind,
        leadId: form.leadId || null,
        councilLeadId: form.councilLeadId || null,
      })
      .catch(onItsField);
    return new SeeOther(`/admin/organisations/${id}`, `Saved changes to ${changed.name}`);
  }

  async listPage(user: Principal, state: FormState): Promise<PageLocals> {
    const [organisations, people] = await Promise.all([
      this.organisations.list(user.councilId),
      this.users.list(user.councilId),
    ]);
    const names = new Map(people.map((person) => [person.id, person.name]));
    return {
      title: 'Partner organisations',
      section: 'admin',
      ...state,
      organisations: organisations.map((organisation) => ({
        id: organisation.id,
        name: organisation.name,
        kind: ORGANISATION_KIND_NAMES[organisation.kind],
        lead: (organisation.leadId && names.get(organisation.leadId)) ?? 'None',
        councilLead:
          (organisation.councilLeadId && names.get(organisation.councilLeadId)) ?? 'None',
      })),
      kinds: kindItems(state.values.kind),
    };
  }

  async organisationPage(user: Principal, id: string, state: FormState): Promise<PageLocals> {
    const [organisation, people] = await Promise.all([
      this.organisations.get(user.councilId, id),
      this.users.list(user.councilId),
    ]);
    const values = state.errors.length > 0 ? state.values : valuesOf(organisation);
    const choice = (selected: unknown, none: string, from: typeof people) => [
      { value: '', text: none, selected: !selected },
      ...from.map((person) => ({
        value: person.id,
        text: person.name,
        selected: person.id === selected,
      })),
    ];
    return {
      title: organisation.name,
      section: 'admin',
      ...state,
      values,
      organisation: { id: organisation.id, name: organisation.name },
      kinds: kindItems(values.kind),
      leads: choice(
        values.leadId,
        'No lead yet',
        people.filter((person) => person.organisationId === organisation.id),
      ),
      councilLeads: choice(
        values.councilLeadId,
        'No council lead',
        people.filter((person) => person.role === 'manager' || person.role === 'admin'),
      ),
    };
  }
}

function valuesOf(organisation: Organisation): Record<string, unknown> {
  return {
    name: organisation.name,
    kind: organisation.kind,
    leadId: organisation.leadId ?? '',
    councilLeadId: organisation.councilLeadId ?? '',
  };
}
