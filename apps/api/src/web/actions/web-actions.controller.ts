import { type ActionPatch, ActionsService } from '@app/actions';
import { CurrentUser, type Principal, RequireRole } from '@app/auth';
import { Clock, londonDateOf } from '@app/common';
import { ActionRagService, MeasuresService } from '@app/measures';
import { RepeatFindingsService } from '@app/inspections';
import { UsersService } from '@app/people';
import { Get, Param } from '@nestjs/common';
import { dateAnswer, dateGiven } from '../date-answer';
import { type FormState, noErrors } from '../forms';
import { signedInAs } from '../page-guards';
import { Form, FormPost, type FormPostOptions } from '../pipeline/form-post';
import { type PageLocals, PageView, SeeOther } from '../pipeline/page';
import { pageId, PagesController } from '../pipeline/pages-controller';
import { longDate, RAG_TAGS, statusTag } from '../view-models';
import {
  CancelForm,
  DeadlineForm,
  orNothing,
  OwnerForm,
  ProgressForm,
  StatusForm,
  SuccessMeasureForm,
  VerifyForm,
} from './action-forms';
import { raisedBeforeItems } from '../repeats/repeat-findings.presenter';
import { actionPage } from './action-page.presenter';
import {
  inPageWords,
  measureInPageWords,
  RAG_CHOICE_ID,
  ragInPageWords,
} from './action-refusals.presenter';
import { MeasureForm, RagOverrideForm, ReadingForm } from './measure-forms';

const ACTION_VIEW = 'actions/action';

/** A refused form shows the action page again, with its errors. */
const actionForm: FormPostOptions<WebActionsController> = {
  view: ACTION_VIEW,
  showAgain: async (controller, req, state) => {
    // The route's id, checked again: a refused form may be read before the id's pipe has run.
    const { id } = req.params;
    const checked = await pageId.transform(typeof id === 'string' ? id : '', { type: 'param' });
    return controller.page(signedInAs(req), checked, state);
  },
};

/**
 * The action page (reminder emails link here): details, the recommendation it answers, its
 * history, and a form for each change. Every change is the API's own (ActionsService.update as
 * PATCH /api/actions/:id, addUpdate as POST /api/actions/:id/updates): who may make it, and
 * whether it is allowed, is the service's to say; a refusal is shown on the form in the page's
 * words (action-refusals.presenter.ts). Each form redirects back with a banner.
 */
@PagesController('actions')
export class WebActionsController {
  constructor(
    private readonly actions: ActionsService,
    private readonly measures: MeasuresService,
    private readonly rag: ActionRagService,
    private readonly users: UsersService,
    private readonly clock: Clock,
    private readonly repeats: RepeatFindingsService,
  ) {}

  @Get(':id')
  @RequireRole('partner')
  @PageView(ACTION_VIEW)
  show(@CurrentUser() user: Principal, @Param('id', pageId) id: string): Promise<PageLocals> {
    return this.page(user, id, noErrors());
  }

  /** Staff move only their own actions, and never to verified or cancelled (as the API). */
  @FormPost(':id/status', actionForm)
  @RequireRole('partner')
  async changeStatus(
    @CurrentUser() user: Principal,
    @Param('id', pageId) id: string,
    @Form(StatusForm) form: StatusForm,
  ): Promise<SeeOther> {
    const { status } = form;
    const patch = { status, statusReason: orNothing(form.statusReason) };
    await this.actions.update(user, id, patch).catch(inPageWords('status'));
    return new SeeOther(`/actions/${id}`, `Status changed to ${statusTag(status).text}`);
  }

  @FormPost(':id/progress', actionForm)
  @RequireRole('partner')
  async addProgress(
    @CurrentUser() user: Principal,
    @Param('id', pageId) id: string,
    @Form(ProgressForm) { note, evidenceUrl }: ProgressForm,
  ): Promise<SeeOther> {
    await this.actions
      .addUpdate(user, id, { note, evidenceUrl: orNothing(evidenceUrl) ?? null })
      .catch(inPageWords('progress'));
    return new SeeOther(`/actions/${id}#history`, 'Progress note added');
  }

  @FormPost(':id/owner', actionForm)
  @RequireRole('manager')
  async assign(
    @CurrentUser() user: Principal,
    @Param('id', pageId) id: string,
    @Form(OwnerForm) { ownerId }: OwnerForm,
  ): Promise<SeeOther> {
    const { owner } = await this.actions.update(user, id, { ownerId }).catch(inPageWords('owner'));
    return new SeeOther(`/actions/${id}`, `Action assigned to ${owner?.name ?? 'nobody'}`);
  }

  @FormPost(':id/success-measure', actionForm)
  @RequireRole('manager')
  async setSuccessMeasure(
    @CurrentUser() user: Principal,
    @Param('id', pageId) id: string,
    @Form(SuccessMeasureForm) { successMeasure }: SuccessMeasureForm,
  ): Promise<SeeOther> {
    await this.actions.update(user, id, { successMeasure }).catch(inPageWords('successMeasure'));
    return new SeeOther(`/actions/${id}`, 'Success measure saved');
  }

  /** The GOV.UK date input is read here; whether a reason is needed is the service's rule. */
  @FormPost(':id/deadline', actionForm)
  @RequireRole('manager')
  async changeDeadline(
    @CurrentUser() user: Principal,
    @Param('id', pageId) id: string,
    @Form(DeadlineForm, { dueDay: 'dueOn-day' }) form: DeadlineForm,
  ): Promise<SeeOther> {
    const dueOn = dateAnswer(
      form,
      { boxes: 'due', id: 'dueOn', what: 'The new deadline' },
      londonDateOf(this.clock.now()),
    );
    const reason = orNothing(form.dueOnReason);
    const patch: ActionPatch = { dueOn, ...(reason && { dueOnReason: reason }) };
    await this.actions.update(user, id, patch).catch(inPageWords('deadline'));
    return new SeeOther(`/actions/${id}`, `Deadline changed to ${longDate(dueOn)}`);
  }

  @FormPost(':id/verify', actionForm)
  @RequireRole('manager')
  async verify(
    @CurrentUser() user: Principal,
    @Param('id', pageId) id: string,
    @Form(VerifyForm) { verifyNote }: VerifyForm,
  ): Promise<SeeOther> {
    await this.actions
      .update(user, id, { status: 'verified', statusReason: orNothing(verifyNote) })
      .catch(inPageWords('verify'));
    return new SeeOther(`/actions/${id}`, 'Action verified');
  }

  @FormPost(':id/cancel', actionForm)
  @RequireRole('manager')
  async cancel(
    @CurrentUser() user: Principal,
    @Param('id', pageId) id: string,
    @Form(CancelForm) { cancelReason }: CancelForm,
  ): Promise<SeeOther> {
    await this.actions
      .update(user, id, { status: 'cancelled', statusReason: cancelReason })
      .catch(inPageWords('cancel'));
    return new SeeOther(`/actions/${id}`, 'Action cancelled');
  }

  /** Managers add a measure; whether its numbers and dates fit is MeasuresService's rule. */
  @FormPost(':id/measures', actionForm)
  @RequireRole('manager')
  async addMeasure(
    @CurrentUser() user: Principal,
    @Param('id', pageId) id: string,
    @Form(MeasureForm, { baselineDay: 'baselineOn-day', targetDay: 'targetOn-day' })
    form: MeasureForm,
  ): Promise<SeeOther> {
    const today = londonDateOf(this.clock.now());
    const baselineValue = orNothing(form.baselineValue);
    await this.measures
      .add(user, id, {
        name: form.name,
        unit: form.unit,
        direction: form.direction,
        baselineValue: baselineValue === undefined ? null : Number(baselineValue),
        // Left blank, the baseline's date is none; half filled in, it is asked for in full.
        baselineOn: dateGiven(form, 'baseline')
          ? dateAnswer(
              form,
              { boxes: 'baseline', id: 'baselineOn', what: 'The baseline date' },
              today,
            )
          : null,
        targetValue: Number(form.targetValue),
        targetOn: dateAnswer(
          form,
          { boxes: 'target', id: 'targetOn', what: 'The target date' },
          today,
        ),
      })
      .catch(measureInPageWords);
    return new SeeOther(`/actions/${id}#measures`, `Measure added: ${form.name}`);
  }

  /** The owner or a manager records a reading of one of the action's measures. */
  @FormPost(':id/readings', actionForm)
  async recordReading(
    @CurrentUser() user: Principal,
    @Param('id', pageId) id: string,
    @Form(ReadingForm, { readingDay: 'observedOn-day' }) form: ReadingForm,
  ): Promise<SeeOther> {
    const observedOn = dateAnswer(
      form,
      { boxes: 'reading', id: 'observedOn', what: 'The date the reading describes' },
      londonDateOf(this.clock.now()),
    );
    await this.measures
      .record(user, id, form.measureId, {
        value: Number(form.value),
        observedOn,
        note: orNothing(form.readingNote) ?? null,
        source: orNothing(form.source) ?? null,
      })
      .catch(measureInPageWords);
    return new SeeOther(`/actions/${id}#measures`, 'Reading recorded');
  }

  /** Managers override the computed RAG with a reason, as PUT /api/actions/:id/rag/override. */
  @FormPost(':id/rag', actionForm)
  @RequireRole('manager')
  async overrideRag(
    @CurrentUser() user: Principal,
    @Param('id', pageId) id: string,
    @Form(RagOverrideForm, { rag: RAG_CHOICE_ID }) form: RagOverrideForm,
  ): Promise<SeeOther> {
    await this.rag
      .override(user, id, { rag: form.rag, reason: form.ragReason })
      .catch(ragInPageWords);
    return new SeeOther(`/actions/${id}#rag`, `RAG overridden as ${RAG_TAGS[form.rag]?.text}`);
  }

  /** Managers go back to the computed RAG, as DELETE /api/actions/:id/rag/override. */
  @FormPost(':id/rag/clear', actionForm)
  @RequireRole('manager')
  async clearRag(
    @CurrentUser() user: Principal,
    @Param('id', pageId) id: string,
  ): Promise<SeeOther> {
    await this.rag.clear(user, id);
    return new SeeOther(`/actions/${id}#rag`, 'RAG override removed');
  }

  /** The action page, with a refused form's errors and what was typed in `state`. */
  async page(user: Principal, id: string, state: FormState): Promise<PageLocals> {
    const [action, history, everyone, measures, override, raisedBefore] = await Promise.all([
      this.actions.get(user, id),
      this.actions.history(user, id),
      // Names the history's people; only managers are offered them as owners.
      this.users.list(user.councilId, { includeDisabled: true }),
      this.measures.list(user.councilId, id),
      this.rag.overrideOf(user.councilId, id),
      // The council's earlier actions and notes are not a partner's to read.
      user.role === 'partner' ? [] : this.repeats.raisedBeforeAction(user.councilId, id),
    ]);
    const rag = this.rag.rate(action, measures, override);
    return {
      ...actionPage(user, { action, history, everyone, measures, rag }, state),
      // Beside actionPage, not in it: the repeat-finding section is its own partial.
      raisedBefore: raisedBeforeItems(raisedBefore),
    };
  }
}
