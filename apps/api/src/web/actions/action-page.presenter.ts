import {
  type ActionDetailView,
  type ActionStatus,
  allowedNext,
  canTransition,
  type HistoryEntryView,
  LIVE_STATUSES,
  MANAGER_ONLY_STATUSES,
  mayAddUpdate,
  RAGS,
  type SmartGap,
} from '@app/actions';
import { hasRole, type Principal } from '@app/auth';
import type { ActionRagView, MeasureView } from '@app/measures';
import type { User } from '@app/people';
import type { FormState } from '../forms';
import type { PageLocals } from '../pipeline/page';
import { dateTime, daysLabel, longDate, RAG_TAGS, statusTag } from '../view-models';
import { measuresView } from './measures.presenter';

/** What a draft still lacks, in words ("an owner"). */
export const GAP_WORDS: Record<SmartGap, string> = {
  owner: 'an owner',
  dueOn: 'a deadline',
  successMeasure: 'a success measure',
};

/** The request fields the service's 422 names (details.missing), in the same words. */
export const FIELD_WORDS: Record<string, string> = {
  ownerId: GAP_WORDS.owner,
  dueOn: GAP_WORDS.dueOn,
  successMeasure: GAP_WORDS.successMeasure,
};

/** "an owner, a deadline and a success measure". */
export function listWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

const FINAL: readonly ActionStatus[] = ['verified', 'cancelled'];

/** Hints under the status radios, where the choice needs explaining. */
const STATUS_HINTS: Partial<Record<ActionStatus, string>> = {
  blocked: 'Give the reason below.',
  completed: 'A manager will check the success measure and verify it.',
};

/** What the signed-in person may do on this action; the forms shown follow it. */
export interface Abilities {
  isOwner: boolean;
  isManager: boolean;
  /** The statuses in the status form (verify and cancel have their own forms). */
  statusOptions: ActionStatus[];
  canAddNote: boolean;
  /** Readings are council staff's to record (a partner reports progress in notes). */
  canRecordReading: boolean;
  canManage: boolean;
  canVerify: boolean;
  canCancel: boolean;
}

export function abilitiesOf(principal: Principal, action: ActionDetailView): Abilities {
  const isManager = hasRole(principal.role, 'manager');
  const isOwner = action.owner?.id === principal.userId;
  const facts = {
    ownerId: action.owner?.id ?? null,
    organisationId: action.organisation?.id ?? null,
    status: action.status,
  };
  // The service let a partner see this action, so it is theirs to move along.
  const mayMove = isManager || isOwner || principal.role === 'partner';
  const canAddNote = mayAddUpdate(principal, facts);
  const live = !FINAL.includes(action.status);
  return {
    isOwner,
    isManager,
    statusOptions: mayMove
      ? allowedNext(action.status).filter((status) => !MANAGER_ONLY_STATUSES.includes(status))
      : [],
    canAddNote,
    canRecordReading: canAddNote && principal.role !== 'partner',
    canManage: isManager && live,
    canVerify: isManager && canTransition(action.status, 'verified'),
    canCancel: isManager && canTransition(action.status, 'cancelled'),
  };
}

/** The radios of the status form, the chosen one checked. */
export function statusItems(
  options: ActionStatus[],
  from: ActionStatus,
  checked: string | undefined,
): { value: string; text: string; hint?: { text: string }; checked: boolean }[] {
  return options.map((status) => {
    const reopen = from === 'completed' && status === 'in_progress';
    const hint = reopen ? 'The work turned out not to be done.' : STATUS_HINTS[status];
    return {
      value: status,
      text: reopen ? 'In progress (reopen it)' : statusTag(status).text,
      ...(hint && { hint: { text: hint } }),
      checked: status === checked,
    };
  });
}

/** One entry of the history, told in sentences. */
export interface TimelineEntry {
  heading: string;
  who: string;
  when: string;
  iso: string;
  sentences: string[];
  reason: string | null;
  /** A progress note's paragraphs (its lines). */
  note: string[];
  evidenceUrl: string | null;
  /** Evidence that is not an https link, shown as text. */
  evidenceText: string | null;
}

const text = (value: unknown): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

const quoted = (value: unknown): string => `“${text(value)}”`;

const statusWord = (value: unknown): string => statusTag(text(value)).text;

const dateWord = (value: unknown): string => longDate(text(value) || null, 'no deadline');

/** Sentences for the fields an entry changed, e.g. "Assigned to Sam Patel". */
function fieldSentences(
  changes: HistoryEntryView['changes'],
  nameOf: (id: unknown) => string,
): string[] {
  const sentences: string[] = [];
  for (const [field, { from, to }] of Object.entries(changes)) {
    const had = from !== null && from !== undefined && from !== '';
    const has = to !== null && to !== undefined && to !== '';
    switch (field) {
      case 'ownerId':
        sentences.push(
          !has
            ? `Removed the owner, ${nameOf(from)}.`
            : had
              ? `Reassigned from ${nameOf(from)} to ${nameOf(to)}.`
              : `Assigned to ${nameOf(to)}.`,
        );
        break;
      case 'title':
        sentences.push(`Title changed to ${quoted(to)}.`);
        break;
      case 'description':
        sentences.push(has ? `Description changed to ${quoted(to)}.` : 'Description removed.');
        break;
      case 'successMeasure':
        sentences.push(
          !has
            ? 'Success measure removed.'
            : had
              ? `Success measure changed to ${quoted(to)}.`
              : `Success measure set to ${quoted(to)}.`,
        );
        break;
      case 'dueOn':
        sentences.push(
          !has
            ? 'Deadline removed.'
            : had
              ? `Deadline moved from ${dateWord(from)} to ${dateWord(to)}.`
              : `Deadline set to ${dateWord(to)}.`,
        );
        break;
      case 'statusReason':
        if (has) sentences.push(`Reason changed to ${quoted(to)}.`);
        break;
      // originalDueOn follows dueOn while a draft: the dueOn sentence says it.
      default:
        break;
    }
  }
  return sentences;
}

/** The heading of an 'updated' entry that changed one field. */
const UPDATE_HEADINGS: Record<string, string> = {
  ownerId: 'Owner changed',
  title: 'Title changed',
  description: 'Description changed',
  successMeasure: 'Success measure changed',
  dueOn: 'Deadline changed',
  statusReason: 'Reason changed',
};

/** A measure's fields as its history names them. */
const MEASURE_FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Name',
  unit: 'Unit',
  direction: 'Better when',
  baselineValue: 'Baseline',
  baselineOn: 'Baseline date',
  targetValue: 'Target',
  targetOn: 'Target date',
};

/** The audit log as readable entries, newest first. `names` maps user ids to names. */
export function timeline(
  history: HistoryEntryView[],
  names: ReadonlyMap<string, string>,
): TimelineEntry[] {
  const nameOf = (id: unknown): string => names.get(text(id)) ?? 'someone no longer listed';
  return [...history].reverse().map((entry) => {
    const base = {
      who: entry.actor?.name ?? 'The system',
      when: dateTime(entry.occurredAt),
      iso: new Date(entry.occurredAt).toISOString(),
      reason: entry.reason,
      note: [],
      evidenceUrl: null,
      evidenceText: null,
    };
    const { changes } = entry;
    switch (entry.event) {
      case 'created': {
        const status = changes.status?.to;
        const sentences = [
          status && status !== 'draft'
            ? `Created with the status ${statusWord(status)}.`
            : 'Created as a draft.',
        ];
        if (changes.ownerId?.to) sentences.push(`Owner: ${nameOf(changes.ownerId.to)}.`);
        if (changes.dueOn?.to) sentences.push(`Deadline: ${dateWord(changes.dueOn.to)}.`);
        return { ...base, heading: 'Action created', sentences };
      }
      case 'status_changed':
        return {
          ...base,
          heading: `Status changed to ${statusWord(changes.status?.to)}`,
          sentences: changes.status
            ? [`Moved from ${statusWord(changes.status.from)} to ${statusWord(changes.status.to)}.`]
            : [],
        };
      case 'deadline_revised':
        return {
          ...base,
          heading: 'Deadline changed',
          sentences: changes.dueOn
            ? [`Moved from ${dateWord(changes.dueOn.from)} to ${dateWord(changes.dueOn.to)}.`]
            : [],
        };
      case 'progress_added': {
        const url = text(changes.evidenceUrl?.to);
        return {
          ...base,
          heading: 'Progress note added',
          sentences: [],
          note: text(changes.note?.to)
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter((line) => line !== ''),
          // Only https links are accepted; anything else is shown as text, never as a link.
          evidenceUrl: url.startsWith('https://') ? url : null,
          evidenceText: url && !url.startsWith('https://') ? url : null,
        };
      }
      case 'updated': {
        const sentences = fieldSentences(changes, nameOf);
        const fields = Object.keys(changes).filter((field) => field !== 'originalDueOn');
        const [only] = fields;
        const heading =
          fields.length === 1 && only !== undefined
            ? (UPDATE_HEADINGS[only] ?? 'Details changed')
            : 'Details changed';
        return { ...base, heading, sentences };
      }
      case 'measure_added':
        return {
          ...base,
          heading: `Measure added: ${text(changes.name?.to)}`,
          sentences: [
            `Target ${text(changes.targetValue?.to)} by ${dateWord(changes.targetOn?.to)}.`,
          ],
        };
      case 'measure_changed':
        return {
          ...base,
          heading: `Measure changed: ${text(changes.measure?.to)}`,
          sentences: Object.entries(changes).flatMap(([field, { from, to }]) => {
            const label = MEASURE_FIELD_LABELS[field];
            if (!label) return [];
            const word = (value: unknown): string =>
              value === null ? 'none' : field.endsWith('On') ? dateWord(value) : text(value);
            return [`${label} changed from ${word(from)} to ${word(to)}.`];
          }),
        };
      case 'reading_recorded':
        return {
          ...base,
          heading: `Reading recorded: ${text(changes.measure?.to)}`,
          sentences: [
            `${text(changes.value?.to)} on ${dateWord(changes.observedOn?.to)}.`,
            ...(changes.note?.to ? [text(changes.note.to)] : []),
          ],
        };
      case 'rag_overridden':
        // The reason is shown by the entry's own reason line.
        return {
          ...base,
          heading: `RAG overridden: ${RAG_TAGS[text(changes.rag?.to)]?.text ?? text(changes.rag?.to)}`,
          sentences: changes.rag?.from
            ? [
                `Was overridden as ${RAG_TAGS[text(changes.rag.from)]?.text ?? text(changes.rag.from)}.`,
              ]
            : [],
        };
      case 'rag_override_cleared':
        return {
          ...base,
          heading: 'RAG override removed',
          sentences: ['The RAG is the computed one again.'],
        };
    }
  });
}

/** Derived text for the summary list. */
export function summaryOf(action: ActionDetailView) {
  const live = (LIVE_STATUSES as readonly ActionStatus[]).includes(action.status);
  return {
    tag: statusTag(action.status),
    dueLabel: longDate(action.dueOn),
    originalDueLabel: action.originalDueOn ? longDate(action.originalDueOn) : null,
    daysLabel: live && action.dueOn ? daysLabel(action.daysLeft) : null,
    revisions: action.deadlineRevisions.map((revision) => ({
      from: longDate(revision.fromDueOn),
      to: longDate(revision.toDueOn),
      reason: revision.reason,
      by: revision.revisedBy.name,
      when: dateTime(revision.revisedAt),
      iso: new Date(revision.revisedAt).toISOString(),
    })),
    gaps: action.status === 'draft' ? listWords(action.smartGaps.map((gap) => GAP_WORDS[gap])) : '',
    priority: action.recommendation.priority === 'priority_action',
  };
}

/** What the action page is built from: the action, its history and the council's people. */
export interface ActionPageFacts {
  action: ActionDetailView;
  history: HistoryEntryView[];
  /** Everyone in the council, disabled people too (the history names them). */
  everyone: User[];
  measures: MeasureView[];
  rag: ActionRagView;
}

/** The action's RAG as the page shows it: the one that counts, why, and any override beside it. */
export function ragView({ computed, override, rag }: ActionRagView) {
  return {
    tag: rag ? RAG_TAGS[rag] : { text: 'Not rated', classes: 'govuk-tag--grey' },
    reason: computed.reason,
    computedTag: computed.rag ? RAG_TAGS[computed.rag] : null,
    override: override && {
      reason: override.reason,
      by: override.by.name,
      when: dateTime(override.at),
      iso: new Date(override.at).toISOString(),
    },
  };
}

/**
 * The action page's locals: the summary, the forms the signed-in person may use and the
 * history; `state` refills a refused form and carries its errors.
 */
export function actionPage(
  principal: Principal,
  { action, history, everyone, measures, rag }: ActionPageFacts,
  state: FormState,
): PageLocals {
  const abilities = abilitiesOf(principal, action);
  const names = new Map(everyone.map((person) => [person.id, person.name]));
  const { values } = state;
  const refused = state.errors.length > 0;
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
  return {
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
    // A refused deadline shows what was typed; otherwise the current deadline.
    dueParts: refused ? values : { dueDay: day, dueMonth: month, dueYear: year },
    timeline: timeline(history, names),
    measures: measuresView(measures),
    rag: ragView(rag),
    ragItems: RAGS.map((value) => ({
      value,
      text: RAG_TAGS[value]?.text,
      checked: values.rag === value,
    })),
    // The reading form's choice of measure: the one typed before, or the only one there is.
    measureItems: measures.map((measure) => ({
      value: measure.id,
      text: measure.name,
      checked: values.measureId === measure.id || measures.length === 1,
    })),
    errors: state.errors,
    fieldErrors: state.fieldErrors,
    values,
  };
}
