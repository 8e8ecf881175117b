import { ActionsService } from '@app/actions';
import { InspectionsService, RepeatFindingsService, SuggestionsService } from '@app/inspections';
import { CurrentUser, type Principal, RequireRole } from '@app/auth';
import { Clock, londonDateOf } from '@app/common';
import { OrganisationsService, UsersService } from '@app/people';
import { plural } from '@app/mail';
import { Param } from '@nestjs/common';
import { signedInAs } from '../page-guards';
import { Form, FormPost, type FormPostOptions } from '../pipeline/form-post';
import { FormRejected } from '../pipeline/form-rejected';
import { SeeOther } from '../pipeline/page';
import { pageId, PagesController } from '../pipeline/pages-controller';
import { DecideRepeatLinkDto } from '../../inspections/dto/repeat-link.dto';
import { DismissSuggestionForm, OpenDraftsForm } from './inspection-forms';
import {
  InspectionReviewPresenter,
  REVIEW_VIEW,
  suggestionState,
} from './inspection-review.presenter';
import { suggestionRef } from './inspection-views';
import { draftRefusal, fieldIds, readOpenForm } from './open-actions.form';

/** A param of the route the refused form was posted to (pageId has checked the ids). */
const param = (params: Record<string, unknown>, name: string): string => {
  const value = params[name];
  return typeof value === 'string' ? value : '';
};

/** A refused open form shows the review again, with what was typed. */
const openForm: FormPostOptions<InspectionReviewController> = {
  view: REVIEW_VIEW,
  showAgain: (controller, req, state) =>
    controller.review.page(signedInAs(req), param(req.params, 'id'), {}, state),
};

/** A refused suggestion form shows the review again, on the page that holds the suggestion. */
const suggestionForm: FormPostOptions<InspectionReviewController> = {
  view: REVIEW_VIEW,
  showAgain: (controller, req, state) =>
    controller.review.page(
      signedInAs(req),
      param(req.params, 'id'),
      {},
      suggestionState(state, param(req.params, 'sid')),
    ),
};

/**
 * The review's forms, for managers: fill in and open the draft actions in one go, split a
 * recommendation into more actions, and accept or dismiss the suggestions. Each is one
 * domain method, the same one its API route calls.
 */
@PagesController('inspections/:id')
@RequireRole('manager')
export class InspectionReviewController {
  constructor(
    readonly review: InspectionReviewPresenter,
    private readonly inspections: InspectionsService,
    private readonly actions: ActionsService,
    private readonly suggestions: SuggestionsService,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly clock: Clock,
    private readonly repeats: RepeatFindingsService,
  ) {}

  /** PATCH /api/inspections/:id/drafts: every change made, or none. */
  @FormPost('open', openForm)
  async open(
    @CurrentUser() user: Principal,
    @Param('id', pageId) inspectionId: string,
    @Form(OpenDraftsForm) body: OpenDraftsForm,
  ): Promise<SeeOther> {
    const today = londonDateOf(this.clock.now());
    // 404 for another council's inspection before anything is read from the form.
    await this.inspections.get(user.councilId, inspectionId, today);
    const [{ items: drafts }, owners, organisations] = await Promise.all([
      this.actions.list(user, {
        inspectionId,
        statuses: ['draft'],
        page: 1,
        pageSize: 5000,
      }),
      this.users.list(user.councilId),
      this.organisations.list(user.councilId),
    ]);
    const form = readOpenForm(
      body,
      drafts,
      new Set(owners.map((owner) => owner.id)),
      today,
      new Set(organisations.map((organisation) => organisation.id)),
    );
    if (!form.ok) throw new FormRejected(form.errors, form.fieldErrors);
    const opening = form.changes.filter((change) => change.open);
    if (body.intent !== 'save' && opening.length === 0) {
      throw drafts[0]
        ? FormRejected.on(fieldIds(drafts[0].id).open, 'Select the actions to open')
        : FormRejected.summary(
            'There are no draft actions left to open on this inspection',
            '#actions',
          );
    }
    const { opened, saved } = await this.inspections
      .openDrafts(
        user,
        inspectionId,
        form.changes.map(
          ({ action, patch: { ownerId, organisationId, successMeasure, dueOn }, open }) => ({
            actionId: action.id,
            ownerId,
            organisationId,
            successMeasure,
            dueOn,
            open,
          }),
        ),
      )
      .catch((error: unknown) => {
        throw draftRefusal(error);
      });
    const message =
      opened > 0
        ? `Opened ${plural(opened, 'action')}` +
          (saved > 0 ? ` and saved ${plural(saved, 'draft')}` : '')
        : saved > 0
          ? `Saved ${plural(saved, 'draft action')}`
          : 'Nothing was changed';
    return new SeeOther(`/inspections/${inspectionId}`, message);
  }

  /** POST /api/inspections/:id/recommendations/:rid/actions. */
  @FormPost('recommendations/:rid/split')
  async split(
    @CurrentUser() user: Principal,
    @Param('id', pageId) inspectionId: string,
    @Param('rid', pageId) recommendationId: string,
  ): Promise<SeeOther> {
    const { recommendation, action } = await this.inspections.splitRecommendation(
      user,
      inspectionId,
      recommendationId,
    );
    return new SeeOther(
      `/inspections/${inspectionId}#action-${action.id}`,
      `Added draft action ${action.reference} to ${recommendation.ref}`,
    );
  }

  /** POST /api/inspections/:id/suggestions/:sid/accept; decided already (409) shows on its card. */
  @FormPost('suggestions/:sid/accept', suggestionForm)
  async accept(
    @CurrentUser() user: Principal,
    @Param('id', pageId) inspectionId: string,
    @Param('sid', pageId) suggestionId: string,
  ): Promise<SeeOther> {
    const { suggestion, recommendation, action } = await this.suggestions.accept(
      user,
      inspectionId,
      suggestionId,
    );
    return new SeeOther(
      `/inspections/${inspectionId}#action-${action.id}`,
      `Accepted ${suggestionRef(suggestion)}: it is now recommendation ${recommendation.ref} with draft action ${action.reference}`,
    );
  }

  /** POST /api/inspections/:id/suggestions/:sid/dismiss; its refusals show on the reason. */
  @FormPost('suggestions/:sid/dismiss', suggestionForm)
  async dismiss(
    @CurrentUser() user: Principal,
    @Param('id', pageId) inspectionId: string,
    @Param('sid', pageId) suggestionId: string,
    @Form(DismissSuggestionForm) { reason }: DismissSuggestionForm,
  ): Promise<SeeOther> {
    const suggestion = await this.suggestions.dismiss(
      user,
      inspectionId,
      suggestionId,
      reason ?? '',
    );
    // Back to the suggestions, unfolded, where the manager was working.
    return new SeeOther(
      `/inspections/${inspectionId}?page=1#suggestions`,
      `Dismissed ${suggestionRef(suggestion)}`,
    );
  }

  /**
   * POST /api/inspections/:id/repeat-links/:lid/decision: the same body (DecideRepeatLinkDto)
   * and service; another council's link is a 404 like the API's.
   */
  @FormPost('repeats/:lid', openForm)
  async decideRepeat(
    @CurrentUser() user: Principal,
    @Param('id', pageId) inspectionId: string,
    @Param('lid', pageId) linkId: string,
    @Form(DecideRepeatLinkDto) { decision }: DecideRepeatLinkDto,
  ): Promise<SeeOther> {
    const link = await this.repeats.decide(user, inspectionId, linkId, decision);
    return new SeeOther(
      `/inspections/${inspectionId}#rec-${link.recommendation.id}`,
      decision === 'confirmed'
        ? `Confirmed: ${link.recommendation.ref} repeats ${link.earlier.ref} of ${link.earlier.inspection.reference}`
        : `Rejected: ${link.recommendation.ref} is not a repeat of ${link.earlier.ref} of ${link.earlier.inspection.reference}`,
    );
  }
}
