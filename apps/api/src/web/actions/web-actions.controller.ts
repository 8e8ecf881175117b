import {
  type ActionDetailView,
  type ActionPatch,
  ActionsService,
  canTransition,
  MANAGER_ONLY_STATUSES,
  STATUSES_NEEDING_REASON,
} from '@app/actions';
import type { Principal } from '@app/auth';
import { Clock, londonDateOf } from '@app/common';
import { UsersService } from '@app/people';
import {
  ForbiddenException,
  Get,
  HttpStatus,
  Param,
  Post,
  Req,
  Res,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  dateFromParts,
  type ErrorLink,
  type FormState,
  formError,
  readForm,
  refusal,
  submitForm,
} from '../forms';
import { longDate, statusTag } from '../view-models';
import { WebPages } from '../web-pages';
import { pageId, PagesController } from '../pipeline/pages-controller';
import {
  CancelForm,
  DeadlineForm,
  orNothing,
  OwnerForm,
  ProgressForm,
  StatusForm,
  SuccessMeasureForm,
} from './action-forms';
import {
  abilitiesOf,
  FIELD_WORDS,
  listWords,
  statusItems,
  summaryOf,
  timeline,
} from './action-page';

/** A bad id is a page that does not exist, like another council's id. */

/** A domain refusal (400, 409, 422) in words for the form; anything else is rethrown. */
function refusalText(error: unknown): string {
  const refused = refusal(error);
  const body = refused.getResponse() as { details?: { missing?: string[] } };
  const missing =
    refused instanceof UnprocessableEntityException ? (body.details?.missing ?? []) : [];
  if (missing.length === 0) return refused.message;
  return `Before this action can open it needs ${listWords(missing.map((field) => FIELD_WORDS[field] ?? field))}`;
}

/**
 * The action page (reminder emails link here): details, the recommendation it answers, its
 * history, and a form for each change. Every form posts to its own route, then redirects back
 * with a banner, or shows the page again with the errors (400).
 */
@PagesController('actions')
export class WebActionsController {
  constructor(
    private readonly pages: WebPages,
    private readonly actions: ActionsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  @Get(':id')
  async show(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', pageId) id: string,
  ): Promise<void> {
    const principal = await this.pages.signedIn(req, res);
    await this.render(req, res, principal, await this.actions.get(principal.councilId, id));
  }

  @Post(':id/status')
  async changeStatus(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', pageId) id: string,
  ): Promise<void> {
    const principal = await this.pages.posted(req, res);
    const action = await this.actions.get(principal.councilId, id);
    const abilities = abilitiesOf(principal, action);
    // Staff move only their own actions, and never to verified or cancelled (as the API).
    if (!abilities.isManager && !abilities.isOwner) throw new ForbiddenException();
    const form = readForm(StatusForm, req.body, { status: 'status' });
    const values = req.body as Record<string, unknown>;
    if (!form.ok) return this.render(req, res, principal, action, { ...form, values });
    const { status } = form.value;
    const statusReason = orNothing(form.value.statusReason);
    if (!abilities.isManager && MANAGER_ONLY_STATUSES.includes(status)) {
      throw new ForbiddenException();
    }
    const from = statusTag(action.status).text;
    const to = statusTag(status).text;
    let wrong: FormState | null = null;
    if (status === action.status) {
      wrong = formError('status', `The action is already ${to.toLowerCase()}`, values);
    } else if (!canTransition(action.status, status)) {
      wrong = formError('status', `The status cannot change from ${from} to ${to}`, values);
    } else if (STATUSES_NEEDING_REASON.includes(status) && !statusReason) {
      wrong = formError('statusReason', `Enter why the action is ${to.toLowerCase()}`, values);
    }
    if (wrong) return this.render(req, res, principal, action, wrong);
    await this.change(req, res, principal, action, { status, statusReason }, 'status', values, {
      flash: `Status changed to ${to}`,
    });
  }

  @Post(':id/progress')
  async addProgress(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', pageId) id: string,
  ): Promise<void> {
    const principal = await this.pages.posted(req, res);
    const action = await this.actions.get(principal.councilId, id);
    if (!abilitiesOf(principal, action).canAddNote) throw new ForbiddenException();
    await submitForm(readForm(ProgressForm, req.body), {
      values: req.body as Record<string, unknown>,
      show: (state) => this.render(req, res, principal, action, state),
      refused: (error, values) => formError('note', refusalText(error), values),
      act: async ({ note, evidenceUrl }) => {
        await this.actions.addUpdate(principal, id, {
          note,
          evidenceUrl: orNothing(evidenceUrl) ?? null,
        });
        this.pages.redirect(res, `/actions/${id}#history`, 'Progress note added');
      },
    });
  }

  @Post(':id/owner')
  async assign(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', pageId) id: string,
  ): Promise<void> {
    const principal = await this.pages.posted(req, res, 'manager');
    const action = await this.actions.get(principal.councilId, id);
    const form = readForm(OwnerForm, req.body);
    const values = req.body as Record<string, unknown>;
    if (!form.ok) return this.render(req, res, principal, action, { ...form, values });
    const people = await this.users.list(principal.councilId);
    const owner = people.find((person) => person.id === form.value.ownerId);
    if (!owner) {
      const wrong = formError('ownerId', 'Select who will own this action', values);
      return this.render(req, res, principal, action, wrong);
    }
    await this.change(req, res, principal, action, { ownerId: owner.id }, 'ownerId', values, {
      flash: `Action assigned to ${owner.name}`,
    });
  }

  @Post(':id/success-measure')
  async setSuccessMeasure(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', pageId) id: string,
  ): Promise<void> {
    const principal = await this.pages.posted(req, res, 'manager');
    const action = await this.actions.get(principal.councilId, id);
    const form = readForm(SuccessMeasureForm, req.body);
    const values = req.body as Record<string, unknown>;
    if (!form.ok) return this.render(req, res, principal, action, { ...form, values });
    const patch = { successMeasure: form.value.successMeasure };
    await this.change(req, res, principal, action, patch, 'successMeasure', values, {
      flash: 'Success measure saved',
    });
  }

  @Post(':id/deadline')
  async changeDeadline(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', pageId) id: string,
  ): Promise<void> {
    const principal = await this.pages.posted(req, res, 'manager');
    const action = await this.actions.get(principal.councilId, id);
    const form = readForm(DeadlineForm, req.body, { dueDay: 'dueOn-day' });
    const values = req.body as Record<string, unknown>;
    if (!form.ok) return this.render(req, res, principal, action, { ...form, values });
    const date = dateFromParts(
      {
        day: orNothing(form.value.dueDay),
        month: orNothing(form.value.dueMonth),
        year: orNothing(form.value.dueYear),
      },
      londonDateOf(this.clock.now()),
    );
    const reason = orNothing(form.value.dueOnReason);
    const fieldErrors: Record<string, string> = {};
    const errors: ErrorLink[] = [];
    if (!date.ok) {
      fieldErrors.dueOn = date.message;
      errors.push({ text: date.message, href: `#dueOn-${date.parts[0] ?? 'day'}` });
      values.dueOnParts = date.parts;
    } else if (date.iso === action.dueOn) {
      fieldErrors.dueOn = 'The new deadline must be different from the current one';
      errors.push({ text: fieldErrors.dueOn, href: '#dueOn-day' });
    }
    if (action.status !== 'draft' && !reason) {
      fieldErrors.dueOnReason = 'Enter a reason for the new deadline';
      errors.push({ text: fieldErrors.dueOnReason, href: '#dueOnReason' });
    }
    if (!date.ok || errors.length > 0) {
      return this.render(req, res, principal, action, { fieldErrors, errors, values });
    }
    const patch: ActionPatch = { dueOn: date.iso, ...(reason && { dueOnReason: reason }) };
    await this.change(req, res, principal, action, patch, 'dueOn', values, {
      flash: `Deadline changed to ${longDate(date.iso)}`,
      href: 'dueOn-day',
    });
  }

  @Post(':id/verify')
  async verify(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', pageId) id: string,
  ): Promise<void> {
    const principal = await this.pages.posted(req, res, 'manager');
    const action = await this.actions.get(principal.councilId, id);
    if (!canTransition(action.status, 'verified')) {
      const wrong = formError('verify', 'Only a completed action can be verified', {});
      return this.render(req, res, principal, action, wrong);
    }
    await this.change(
      req,
      res,
      principal,
      action,
      { status: 'verified' },
      'verify',
      {},
      {
        flash: 'Action verified',
      },
    );
  }

  @Post(':id/cancel')
  async cancel(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', pageId) id: string,
  ): Promise<void> {
    const principal = await this.pages.posted(req, res, 'manager');
    const action = await this.actions.get(principal.councilId, id);
    const form = readForm(CancelForm, req.body);
    const values = req.body as Record<string, unknown>;
    if (!form.ok) return this.render(req, res, principal, action, { ...form, values });
    if (!canTransition(action.status, 'cancelled')) {
      const wrong = formError('cancelReason', 'This action can no longer be cancelled', values);
      return this.render(req, res, principal, action, wrong);
    }
    const patch: ActionPatch = { status: 'cancelled', statusReason: form.value.cancelReason };
    await this.change(req, res, principal, action, patch, 'cancelReason', values, {
      flash: 'Action cancelled',
    });
  }

  /**
   * ActionsService.update as PATCH /api/actions/:id does it, reminder check included; a domain
   * refusal is shown on `field` of the form, anything else (403, 404) as an error page.
   */
  private async change(
    req: Request,
    res: Response,
    principal: Principal,
    action: ActionDetailView,
    patch: ActionPatch,
    field: string,
    values: Record<string, unknown>,
    done: { flash: string; href?: string },
  ): Promise<void> {
    try {
      await this.actions.update(principal, action.id, patch);
    } catch (error) {
      const wrong = formError(field, refusalText(error), values, done.href ?? field);
      return this.render(req, res, principal, action, wrong);
    }
    this.pages.redirect(res, `/actions/${action.id}`, done.flash);
  }

  private async render(
    req: Request,
    res: Response,
    principal: Principal,
    action: ActionDetailView,
    problem?: FormState,
  ): Promise<void> {
    const abilities = abilitiesOf(principal, action);
    const [history, everyone] = await Promise.all([
      this.actions.history(principal.councilId, action.id),
      this.users.list(principal.councilId, { includeDisabled: true }),
    ]);
    const names = new Map(everyone.map((person) => [person.id, person.name]));
    const values = problem?.values ?? {};
    const ownerId = typeof values.ownerId === 'string' ? values.ownerId : action.owner?.id;
    const people = abilities.canManage
      ? everyone
          .filter((person) => person.disabledAt === null)
          .map((person) => ({
            value: person.id,
            text: person.team ? `${person.name} (${person.team})` : person.name,
            selected: person.id === ownerId,
          }))
      : [];
    const [year, month, day] = (action.dueOn ?? '').split('-');
    await this.pages.render(
      req,
      res,
      principal,
      'actions/action',
      {
        title: `${action.title} (${action.reference})`,
        section: 'my-actions',
        action,
        summary: summaryOf(action),
        abilities,
        statusItems: statusItems(
          abilities.statusOptions,
          action.status,
          typeof values.status === 'string' ? values.status : undefined,
        ),
        people: [{ value: '', text: 'Select a person' }, ...people],
        dueParts: problem ? values : { dueDay: day, dueMonth: month, dueYear: year },
        timeline: timeline(history, names),
        errors: problem?.errors ?? [],
        fieldErrors: problem?.fieldErrors ?? {},
        values,
      },
      problem ? HttpStatus.BAD_REQUEST : HttpStatus.OK,
    );
  }
}
