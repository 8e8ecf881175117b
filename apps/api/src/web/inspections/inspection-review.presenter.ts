import { type ActionView, ActionsService } from '@app/actions';
import { InspectionsService, RepeatFindingsService, SuggestionsService } from '@app/inspections';
import { hasRole, type Principal } from '@app/auth';
import { Clock, londonDateOf } from '@app/common';
import { OrganisationsService, UsersService } from '@app/people';
import { escapeHtml } from '@app/mail';
import { Injectable } from '@nestjs/common';
import type { FormState } from '../forms';
import type { PageLocals } from '../pipeline/page';
import {
  raisedAgainItems,
  repeatCardsByRecommendation,
} from '../repeats/repeat-findings.presenter';
import { pageOf, pagination } from '../tables';
import { dateTime, longDate, statusTag } from '../view-models';
import {
  inspectionDate,
  kindName,
  rankSuggestions,
  suggestionRef,
  suggestionTag,
} from './inspection-views';
import { draftValues, fieldIds, postedValues } from './open-actions.form';

export const REVIEW_VIEW = 'inspections/review';

interface SummaryRow {
  key: { text: string };
  value: { text: string } | { html: string };
}

/** Suggestions on one page of the review: a report can bring a hundred or more. */
const SUGGESTIONS_PER_PAGE = 10;

/**
 * A refused form on the review: the errors, and what was posted (the open form's fields, or one
 * suggestion's dismissal reason, named by `suggestionId`).
 */
export interface ReviewState extends FormState {
  suggestionId?: string;
}

/**
 * A suggestion's form refused: its reason field is `reason-<id>` on the page, and a refusal of
 * the whole suggestion (decided already) links to its card.
 */
export function suggestionState(state: FormState, suggestionId: string): ReviewState {
  const fieldId = `reason-${suggestionId}`;
  const fieldErrors = Object.fromEntries(
    Object.entries(state.fieldErrors).map(([field, text]) => [
      field === 'reason' ? fieldId : field,
      text,
    ]),
  );
  const errors = state.errors.map((error) => ({
    text: error.text,
    href:
      error.href === '#reason'
        ? `#${fieldId}`
        : error.href === '#main-content'
          ? `#suggestion-${suggestionId}`
          : error.href,
  }));
  return { errors, fieldErrors, values: state.values, suggestionId };
}

/**
 * The review page of an imported inspection: every recommendation with its actions (for
 * managers, the open form's fields on each draft), and the suggestions, ranked and paged.
 */
@Injectable()
export class InspectionReviewPresenter {
  constructor(
    private readonly inspections: InspectionsService,
    private readonly actions: ActionsService,
    private readonly suggestions: SuggestionsService,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly clock: Clock,
    private readonly repeats: RepeatFindingsService,
  ) {}

  async page(
    principal: Principal,
    inspectionId: string,
    query: Record<string, unknown> = {},
    state: ReviewState = { errors: [], fieldErrors: {}, values: {} },
  ): Promise<PageLocals> {
    const councilId = principal.councilId;
    const isManager = hasRole(principal.role, 'manager');
    const detail = await this.inspections.get(
      councilId,
      inspectionId,
      londonDateOf(this.clock.now()),
    );
    const [{ items }, suggestions, people, organisations, repeatLinks, raisedAgain] =
      await Promise.all([
        this.actions.list(principal, { inspectionId, page: 1, pageSize: 5000 }),
        this.suggestions.list(councilId, inspectionId),
        isManager ? this.users.list(councilId) : Promise.resolve([]),
        isManager ? this.organisations.list(councilId) : Promise.resolve([]),
        this.repeats.listForInspection(councilId, inspectionId),
        this.repeats.raisedAgain(councilId, inspectionId),
      ]);
    const repeatCards = repeatCardsByRecommendation(repeatLinks);
    const suggestedFor = new Map(
      detail.recommendations.map(({ recommendation, suggestedOrganisationId }) => [
        recommendation.id,
        suggestedOrganisationId,
      ]),
    );
    const organisationItems = (selected: string) => [
      { value: '', text: 'The council alone' },
      ...organisations.map((organisation) => ({
        value: organisation.id,
        text: organisation.name,
        selected: organisation.id === selected,
      })),
    ];
    const byId = new Map(items.map((action) => [action.id, action]));
    const fieldErrors = state.fieldErrors;
    // What the open form carried, to show again; a suggestion's form carries none of it.
    const typed = state.suggestionId
      ? {}
      : postedValues(
          state.values,
          items.filter((action) => action.status === 'draft'),
        );
    const typedReason = typeof state.values.reason === 'string' ? state.values.reason.trim() : '';
    const ownerItems = (selected: string) => [
      { value: '', text: 'Choose an owner' },
      ...people.map((person) => ({
        value: person.id,
        text: person.team ? `${person.name} (${person.team})` : person.name,
        selected: person.id === selected,
      })),
    ];
    const actionView = (action: ActionView) => {
      const ids = fieldIds(action.id);
      const editable = isManager && action.status === 'draft';
      const suggested = suggestedFor.get(action.recommendation.id) ?? null;
      const values = typed[action.id] ?? draftValues(action, suggested);
      const suggestion = suggested && !action.organisation ? suggested : null;
      return {
        id: action.id,
        reference: action.reference,
        title: action.title,
        status: statusTag(action.status),
        isDraft: action.status === 'draft',
        ownerName: action.owner?.name ?? 'Not assigned yet',
        dueLabel: longDate(action.dueOn),
        successMeasure: action.successMeasure ?? 'Not set yet',
        editable,
        ids,
        values,
        ownerItems: editable ? ownerItems(values.ownerId) : [],
        organisationName: action.organisation?.name ?? 'The council alone',
        organisationItems:
          editable && organisations.length > 0 ? organisationItems(values.organisationId) : [],
        organisationHint: suggestion
          ? `Suggested from the report, which makes ${action.responsible.join(' and ')} responsible: check it before saving.`
          : 'A partner organisation’s people see and update its actions.',
        errors: {
          owner: fieldErrors[ids.owner],
          organisation: fieldErrors[ids.organisation],
          successMeasure: fieldErrors[ids.successMeasure],
          dueOn: fieldErrors[ids.dueOn],
          open: fieldErrors[ids.open],
        },
      };
    };
    const recommendations = detail.recommendations.map(({ recommendation, actionIds }) => ({
      id: recommendation.id,
      ref: recommendation.ref,
      label: recommendation.label,
      text: recommendation.text,
      subItems: recommendation.subItems,
      section: recommendation.section,
      priority: recommendation.priority === 'priority_action',
      fromSuggestion: recommendation.source === 'suggestion',
      timescale:
        recommendation.timescaleText ??
        (recommendation.dueOn ? `By ${longDate(recommendation.dueOn)}` : 'None given'),
      responsible: recommendation.responsible,
      page: recommendation.page,
      repeats: repeatCards.get(recommendation.id) ?? [],
      isRepeat: (repeatCards.get(recommendation.id) ?? []).some(
        (card) => card.state.text === 'Repeat finding',
      ),
      actions: actionIds
        .map((actionId) => byId.get(actionId))
        .filter((action): action is ActionView => action !== undefined)
        .map(actionView),
    }));
    const refOf = new Map(detail.recommendations.map((r) => [r.recommendation.id, r]));
    const { inspection, progress } = detail;
    // Beside a list, the prose suggestions are extras, folded under it; in a letter with no
    // list they are the findings, shown open.
    const hasList = detail.recommendations.some((r) => r.recommendation.source !== 'suggestion');
    const ranked = rankSuggestions(suggestions);
    // A refused dismissal shows the page holding that suggestion, unfolded.
    const focus = ranked.findIndex((suggestion) => `reason-${suggestion.id}` in fieldErrors);
    const pages = Math.max(1, Math.ceil(ranked.length / SUGGESTIONS_PER_PAGE));
    const page =
      focus >= 0 ? Math.floor(focus / SUGGESTIONS_PER_PAGE) + 1 : Math.min(pageOf(query), pages);
    const shown = ranked.slice((page - 1) * SUGGESTIONS_PER_PAGE, page * SUGGESTIONS_PER_PAGE);
    return {
      title: `Review ${inspection.reference}`,
      section: 'inspections',
      inspection: {
        id: inspection.id,
        reference: inspection.reference,
        title: inspection.title ?? inspection.fileName,
        kind: kindName(inspection.kind),
        authority: inspection.authority,
        inspectorates: inspection.inspectorates.join(', '),
        dateLabel: longDate(inspectionDate(inspection)),
        visit:
          inspection.visitStartedOn && inspection.visitEndedOn
            ? `${longDate(inspection.visitStartedOn)} to ${longDate(inspection.visitEndedOn)}`
            : null,
        fileName: inspection.fileName,
        importedBy: inspection.importedBy?.name ?? null,
        importedAt: dateTime(inspection.importedAt),
        draftPlanDue: inspection.draftPlanDueOn ? longDate(inspection.draftPlanDueOn) : null,
        finalPlanDue: inspection.finalPlanDueOn ? longDate(inspection.finalPlanDueOn) : null,
      },
      progress,
      recommendations,
      raisedAgain: raisedAgainItems(raisedAgain),
      repeatsToDecide: repeatLinks.filter((link) => link.state === 'proposed').length,
      draftCount: items.filter((action) => action.status === 'draft').length,
      suggestionsTotal: ranked.length,
      suggestionsOpen: ranked.filter((suggestion) => suggestion.status === 'open').length,
      suggestionsFolded: hasList,
      suggestionsUnfolded: !hasList || focus >= 0 || 'page' in query,
      suggestionsPagination: pagination(
        `/inspections/${inspection.id}`,
        {},
        page,
        pages,
        '#suggestions',
      ),
      suggestions: shown.map((suggestion) => {
        const fieldId = `reason-${suggestion.id}`;
        const accepted = suggestion.recommendationId
          ? refOf.get(suggestion.recommendationId)?.recommendation.ref
          : undefined;
        const decidedAt = suggestion.decidedAt ? dateTime(suggestion.decidedAt) : null;
        const rows: SummaryRow[] = [
          { key: { text: 'Quote' }, value: { text: `“${suggestion.text}”` } },
          { key: { text: 'Section' }, value: { text: suggestion.section ?? 'No heading' } },
          { key: { text: 'Page' }, value: { text: String(suggestion.page) } },
          { key: { text: 'Marked by' }, value: { text: `“${suggestion.cue}”` } },
        ];
        if (decidedAt) {
          const by = suggestion.decidedBy?.name ?? 'Someone';
          rows.push({ key: { text: 'Decided' }, value: { text: `${by} on ${decidedAt}` } });
        }
        if (suggestion.dismissReason) {
          rows.push({ key: { text: 'Reason' }, value: { text: suggestion.dismissReason } });
        }
        if (accepted && suggestion.recommendationId) {
          rows.push({
            key: { text: 'Became' },
            value: {
              html: `<a class="govuk-link" href="#rec-${suggestion.recommendationId}">Recommendation ${escapeHtml(accepted)}</a>`,
            },
          });
        }
        return {
          rows,
          id: suggestion.id,
          ref: suggestionRef(suggestion),
          text: suggestion.text,
          section: suggestion.section ?? 'No heading',
          page: suggestion.page,
          cue: suggestion.cue,
          status: suggestionTag(suggestion.status),
          isOpen: suggestion.status === 'open',
          decidedBy: suggestion.decidedBy?.name ?? null,
          decidedAt,
          dismissReason: suggestion.dismissReason,
          becameRef: accepted ?? null,
          becameId: suggestion.recommendationId,
          reasonId: fieldId,
          reason: state.suggestionId === suggestion.id ? typedReason : '',
          reasonError: fieldErrors[fieldId],
        };
      }),
      errors: state.errors,
      fieldErrors,
    };
  }
}
