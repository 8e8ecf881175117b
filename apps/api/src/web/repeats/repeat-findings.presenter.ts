import type {
  EarlierAction,
  RaisedAgain,
  RaisedBefore,
  RepeatFindingAction,
  RepeatLinkView,
  RepeatRecommendationRef,
} from '@app/inspections';
import { dateInWords, londonDateOf } from '@app/common';
import { escapeHtml } from '@app/mail';
import { kindName } from '../inspections/inspection-views';
import { dateTime, longDate, statusTag } from '../view-models';

/** The repeat-finding sections of the pages: the review, the inspection and the action. */

const DONE = new Set(['completed', 'verified']);

/** "11 March 2019": a past date in a sentence, without the weekday. */
const plainDate = (iso: string): string => dateInWords(iso, { weekday: false });

const isoDate = (at: Date | string | null): string | null =>
  at ? londonDateOf(new Date(at)) : null;

/** "the focused visit of 11 March 2019" (or "of STK-2019" when the report gave no date). */
export function inspectionWords(ref: RepeatRecommendationRef): string {
  const date = ref.inspection.publishedOn ?? ref.inspection.visitEndedOn;
  const kind = kindName(ref.inspection.kind).toLowerCase();
  return date ? `the ${kind} of ${plainDate(date)}` : `the ${kind} ${ref.inspection.reference}`;
}

/** "actions completed 2 May 2020", "1 of 2 actions completed", "no actions". */
export function earlierActionsWords(actions: readonly EarlierAction[]): string {
  if (actions.length === 0) return 'no actions recorded';
  const done = actions.filter((action) => DONE.has(action.status));
  if (done.length < actions.length) {
    return `${done.length} of ${actions.length} action${actions.length === 1 ? '' : 's'} completed`;
  }
  const last = done
    .map((action) => isoDate(action.completedAt ?? action.verifiedAt))
    .filter((date): date is string => date !== null)
    .sort()
    .pop();
  return last
    ? `action${actions.length === 1 ? '' : 's'} completed ${plainDate(last)}`
    : 'actions completed';
}

/** "Similar to R3 of the focused visit of 11 March 2019 (actions completed 2 May 2020)". */
export function similarTo(link: RepeatLinkView): string {
  return `Similar to ${link.earlier.ref} of ${inspectionWords(link.earlier)} (${earlierActionsWords(link.earlierActions)})`;
}

const STATE_TAGS = {
  proposed: { text: 'To decide', classes: 'govuk-tag--yellow' },
  confirmed: { text: 'Repeat finding', classes: 'govuk-tag--red' },
  rejected: { text: 'Not a repeat', classes: 'govuk-tag--grey' },
} as const;

export interface RepeatLinkCard {
  id: string;
  summary: string;
  earlierText: string;
  earlierInspectionId: string;
  scoreLabel: string;
  sharedWords: string;
  state: (typeof STATE_TAGS)[keyof typeof STATE_TAGS];
  isProposed: boolean;
  decided: string | null;
}

/** The review page's card for one proposed link, under its new recommendation. */
export function repeatLinkCard(link: RepeatLinkView): RepeatLinkCard {
  return {
    id: link.id,
    summary: similarTo(link),
    earlierText: link.earlier.text,
    earlierInspectionId: link.earlier.inspection.id,
    scoreLabel: `${Math.round(link.score * 100)}%`,
    sharedWords: link.sharedWords.join(', '),
    state: STATE_TAGS[link.state],
    isProposed: link.state === 'proposed',
    decided:
      link.decidedAt && link.decidedBy
        ? `${link.state === 'confirmed' ? 'Confirmed' : 'Rejected'} by ${link.decidedBy.name} on ${dateTime(link.decidedAt)}`
        : null,
  };
}

/** The cards for each new recommendation, by its id. */
export function repeatCardsByRecommendation(
  links: readonly RepeatLinkView[],
): Map<string, RepeatLinkCard[]> {
  const cards = new Map<string, RepeatLinkCard[]>();
  for (const link of links) {
    const list = cards.get(link.recommendation.id) ?? [];
    list.push(repeatLinkCard(link));
    cards.set(link.recommendation.id, list);
  }
  return cards;
}

/** The inspection page's "Raised again in …" list. */
export function raisedAgainItems(items: readonly RaisedAgain[]) {
  return items.map((item) => ({
    earlierRef: item.earlierRef,
    laterRef: item.later.ref,
    laterInspectionId: item.later.inspection.id,
    laterInspectionReference: item.later.inspection.reference,
    words: `${item.earlierRef} was raised again as ${item.later.ref} of ${inspectionWords(item.later)}`,
  }));
}

/** The action page's "Raised before, and what was done then". */
export function raisedBeforeItems(items: readonly RaisedBefore[]) {
  return items.map((item) => ({
    heading: `${item.earlier.ref} of ${inspectionWords(item.earlier)}`,
    earlierText: item.earlier.text,
    earlierInspectionId: item.earlier.inspection.id,
    sharedWords: item.sharedWords.join(', '),
    actions: item.actions.map((action) => ({
      id: action.id,
      reference: action.reference,
      title: action.title,
      status: statusTag(action.status),
      completed: longDate(isoDate(action.completedAt), 'Not completed'),
      verified: longDate(isoDate(action.verifiedAt), 'Not verified'),
      updates: action.updates.map((update) => ({
        note: update.note,
        when: dateTime(update.createdAt),
        author: update.author,
      })),
    })),
  }));
}

/** The dashboard's first table: actions on repeat findings, each flagged, overdue first. */
export function repeatFindingRows(actions: readonly RepeatFindingAction[]) {
  return actions.map((action) => [
    {
      html:
        `<a class="govuk-link" href="/actions/${action.id}">${escapeHtml(action.reference)}</a>` +
        ` <strong class="govuk-tag govuk-tag--red">Repeat finding</strong>`,
    },
    { text: action.title },
    {
      text: `${action.recommendationRef} of ${action.inspection.reference}, raised before as ${action.raisedBefore.join(', ')}`,
    },
    { text: statusTag(action.status).text },
    { text: `${longDate(action.dueOn)}${action.overdue ? ' (overdue)' : ''}` },
  ]);
}
