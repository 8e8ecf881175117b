import {
  type ActionView,
  actionTitle,
  ActionsService,
  InspectionsService,
  SuggestionsService,
} from '@app/actions';
import { hasRole, type Principal } from '@app/auth';
import { Clock, londonDateOf } from '@app/common';
import { UsersService } from '@app/people';
import { escapeHtml, plural } from '@app/mail';
import { Get, HttpStatus, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type FormState, formError, refusal, summaryError } from '../forms';
import { pageOf, pagination } from '../tables';
import { dateTime, longDate, statusTag } from '../view-models';
import { WebPages } from '../web-pages';
import { pageId, PagesController } from '../pipeline/pages-controller';
import {
  inspectionDate,
  kindName,
  rankSuggestions,
  suggestionRef,
  suggestionTag,
} from './inspection-views';
import {
  draftValues,
  type DraftValues,
  fieldIds,
  postedValues,
  readOpenForm,
} from './open-actions.form';

const MAX_REASON = 1000;

interface SummaryRow {
  key: { text: string };
  value: { text: string } | { html: string };
}

/** Suggestions on one page of the review: a report can bring a hundred or more. */
const SUGGESTIONS_PER_PAGE = 10;

/**
 * What a re-rendered review page carries after a form error: per draft action, what was typed
 * into the open form; per suggestion, the dismissal reason typed.
 */
type ReviewState = Partial<FormState<Record<string, DraftValues>>> & {
  reasons?: Record<string, string>;
};

/**
 * Reviewing an imported inspection: every recommendation with its actions, and the weaknesses
 * found in the report's prose. Managers fill in and open the draft actions in one form, split a
 * recommendation into more actions, and accept or dismiss the suggestions.
 */
@PagesController('inspections')
export class InspectionReviewController {
  constructor(
    private readonly pages: WebPages,
    private readonly inspections: InspectionsService,
    private readonly actions: ActionsService,
    private readonly suggestions: SuggestionsService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  @Get(':id')
  async review(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', pageId) id: string,
  ): Promise<void> {
    const principal = await this.pages.signedIn(req, res);
    await this.renderReview(req, res, principal, id);
  }

  @Post(':id/open')
  async open(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', pageId) inspectionId: string,
  ): Promise<void> {
    const principal = await this.pages.posted(req, res, 'manager');
    // 404 for another council's inspection before anything is read from the form.
    await this.inspections.get(principal.councilId, inspectionId, this.today());
    const drafts = await this.draftActions(principal.councilId, inspectionId);
    const owners = await this.users.list(principal.councilId);
    const form = readOpenForm(
      req.body,
      drafts,
      new Set(owners.map((user) => user.id)),
      this.today(),
    );
    if (!form.ok) {
      return this.renderReview(req, res, principal, inspectionId, form, HttpStatus.BAD_REQUEST);
    }
    const body = req.body as Record<string, unknown>;
    const opening = form.changes.filter((change) => change.open);
    if (body.intent !== 'save' && opening.length === 0) {
      const values = postedValues(body, drafts);
      const state = drafts[0]
        ? formError(fieldIds(drafts[0].id).open, 'Select the actions to open', values)
        : summaryError(
            'There are no draft actions left to open on this inspection',
            '#actions',
            values,
          );
      return this.renderReview(req, res, principal, inspectionId, state, HttpStatus.BAD_REQUEST);
    }
    for (const change of form.changes) {
      await this.actions.update(principal, change.action.id, change.patch);
    }
    const saved = form.changes.length - opening.length;
    const message =
      opening.length > 0
        ? `Opened ${plural(opening.length, 'action')}` +
          (saved > 0 ? ` and saved ${plural(saved, 'draft')}` : '')
        : saved > 0
          ? `Saved ${plural(saved, 'draft action')}`
          : 'Nothing was changed';
    this.pages.redirect(res, `/inspections/${inspectionId}`, message);
  }

  @Post(':id/recommendations/:rid/split')
  async split(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', pageId) inspectionId: string,
    @Param('rid', pageId) rid: string,
  ): Promise<void> {
    const principal = await this.pages.posted(req, res, 'manager');
    const detail = await this.inspections.get(principal.councilId, inspectionId, this.today());
    const found = detail.recommendations.find((item) => item.recommendation.id === rid);
    if (!found) throw new NotFoundException();
    const { recommendation, actionIds } = found;
    // The new draft starts with the deadline its first sibling has, to change before opening.
    const sibling = actionIds[0] ? await this.actions.get(principal.councilId, actionIds[0]) : null;
    const action = await this.actions.create(principal, {
      recommendationId: recommendation.id,
      title: actionTitle(recommendation.text, `Recommendation ${recommendation.ref}`),
      dueOn: sibling?.dueOn ?? null,
    });
    this.pages.redirect(
      res,
      `/inspections/${inspectionId}#action-${action.id}`,
      `Added draft action ${action.reference} to ${recommendation.ref}`,
    );
  }

  @Post(':id/suggestions/:sid/accept')
  async accept(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', pageId) inspectionId: string,
    @Param('sid', pageId) sid: string,
  ): Promise<void> {
    const principal = await this.pages.posted(req, res, 'manager');
    try {
      const { suggestion, recommendation, action } = await this.suggestions.accept(
        principal,
        inspectionId,
        sid,
      );
      this.pages.redirect(
        res,
        `/inspections/${inspectionId}#action-${action.id}`,
        `Accepted ${suggestionRef(suggestion)}: it is now recommendation ${recommendation.ref} with draft action ${action.reference}`,
      );
    } catch (error) {
      return this.decidedAlready(req, res, principal, inspectionId, sid, error);
    }
  }

  @Post(':id/suggestions/:sid/dismiss')
  async dismiss(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', pageId) inspectionId: string,
    @Param('sid', pageId) suggestionId: string,
  ): Promise<void> {
    const principal = await this.pages.posted(req, res, 'manager');
    const suggestions = await this.suggestions.list(principal.councilId, inspectionId);
    const suggestion = suggestions.find((item) => item.id === suggestionId);
    if (!suggestion) throw new NotFoundException();
    const body = req.body as Record<string, unknown>;
    const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
    const ref = suggestionRef(suggestion);
    const fieldId = `reason-${suggestionId}`;
    const problem = !reason
      ? `Enter why you are dismissing ${ref}`
      : reason.length > MAX_REASON
        ? `The reason for dismissing ${ref} must be 1,000 characters or fewer`
        : // eslint-disable-next-line no-control-regex
          /\u0000/.test(reason)
          ? 'Remove the invisible control characters'
          : null;
    if (problem) {
      return this.renderReview(
        req,
        res,
        principal,
        inspectionId,
        { ...formError(fieldId, problem, {}), reasons: { [suggestionId]: reason } },
        HttpStatus.BAD_REQUEST,
      );
    }
    try {
      await this.suggestions.dismiss(principal, inspectionId, suggestionId, reason);
    } catch (error) {
      return this.decidedAlready(req, res, principal, inspectionId, suggestionId, error);
    }
    // Back to the suggestions, unfolded, where the manager was working.
    this.pages.redirect(res, `/inspections/${inspectionId}?page=1#suggestions`, `Dismissed ${ref}`);
  }

  /** Someone decided the suggestion first (409): say so on the page, as a form error. */
  private decidedAlready(
    req: Request,
    res: Response,
    principal: Principal,
    inspectionId: string,
    suggestionId: string,
    error: unknown,
  ): Promise<void> {
    const { message } = refusal(error, [HttpStatus.CONFLICT]);
    const state = summaryError(message, `#suggestion-${suggestionId}`, {});
    return this.renderReview(req, res, principal, inspectionId, state, HttpStatus.BAD_REQUEST);
  }

  private today(): string {
    return londonDateOf(this.clock.now());
  }

  /** The inspection's actions still in draft. */
  private async draftActions(councilId: string, inspectionId: string): Promise<ActionView[]> {
    const { items } = await this.actions.list(councilId, {
      inspectionId,
      statuses: ['draft'],
      page: 1,
      pageSize: 5000,
    });
    return items;
  }

  private async renderReview(
    req: Request,
    res: Response,
    principal: Principal,
    inspectionId: string,
    state: ReviewState = {},
    status: number = HttpStatus.OK,
  ): Promise<void> {
    const councilId = principal.councilId;
    const isManager = hasRole(principal.role, 'manager');
    const detail = await this.inspections.get(councilId, inspectionId, this.today());
    const [{ items }, suggestions, people] = await Promise.all([
      this.actions.list(councilId, { inspectionId, page: 1, pageSize: 5000 }),
      this.suggestions.list(councilId, inspectionId),
      isManager ? this.users.list(councilId) : Promise.resolve([]),
    ]);
    const byId = new Map(items.map((action) => [action.id, action]));
    const fieldErrors = state.fieldErrors ?? {};
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
      const values = state.values?.[action.id] ?? draftValues(action);
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
        errors: {
          owner: fieldErrors[ids.owner],
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
      focus >= 0
        ? Math.floor(focus / SUGGESTIONS_PER_PAGE) + 1
        : Math.min(pageOf(req.query), pages);
    const shown = ranked.slice((page - 1) * SUGGESTIONS_PER_PAGE, page * SUGGESTIONS_PER_PAGE);
    await this.pages.render(
      req,
      res,
      principal,
      'inspections/review',
      {
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
        draftCount: items.filter((action) => action.status === 'draft').length,
        suggestionsTotal: ranked.length,
        suggestionsOpen: ranked.filter((suggestion) => suggestion.status === 'open').length,
        suggestionsFolded: hasList,
        suggestionsUnfolded: !hasList || focus >= 0 || 'page' in (req.query as object),
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
            reason: state.reasons?.[suggestion.id] ?? '',
            reasonError: fieldErrors[fieldId],
          };
        }),
        errors: state.errors ?? [],
        fieldErrors,
      },
      status,
    );
  }
}
