import { type ActionPatch, type ActionView, SUCCESS_MEASURE_MAX_LENGTH } from '@app/actions';
import { HttpException } from '@nestjs/common';
import { dateFromParts, type ErrorLink, type FormState } from '../forms';
import { FormRejected } from '../pipeline/form-rejected';

/** What was typed for one draft action, to show again after an error. */
export interface DraftValues {
  ownerId: string;
  /** The partner organisation responsible ('' for the council alone). */
  organisationId: string;
  successMeasure: string;
  day: string;
  month: string;
  year: string;
  open: boolean;
}

export interface DraftChange {
  action: ActionView;
  patch: ActionPatch;
  open: boolean;
}

export type OpenFormResult =
  { ok: true; changes: DraftChange[] } | ({ ok: false } & FormState<Record<string, DraftValues>>);

/** Element ids of one action's fields (error summary links go to them). */
export const fieldIds = (actionId: string) => ({
  owner: `owner-${actionId}`,
  organisation: `organisation-${actionId}`,
  successMeasure: `successMeasure-${actionId}`,
  dueOn: `dueOn-${actionId}`,
  dueOnDay: `dueOn-${actionId}-day`,
  open: `open-${actionId}`,
});

/**
 * The values a draft action's fields start with: its organisation, or else the one the report
 * makes responsible (`suggested`), which the manager confirms by saving or opening it.
 */
export function draftValues(action: ActionView, suggested: string | null = null): DraftValues {
  const [year, month, day] = action.dueOn ? action.dueOn.split('-') : ['', '', ''];
  return {
    ownerId: action.owner?.id ?? '',
    organisationId: action.organisation?.id ?? suggested ?? '',
    successMeasure: action.successMeasure ?? '',
    day: day ? String(Number(day)) : '',
    month: month ? String(Number(month)) : '',
    year: year ?? '',
    open: false,
  };
}

/** `body[group][id]` as a string ('' when absent or not a string). */
function entry(body: Record<string, unknown>, group: string, id: string, part?: string): string {
  const map = body[group];
  if (!map || typeof map !== 'object' || Array.isArray(map)) return '';
  let value = (map as Record<string, unknown>)[id];
  if (part !== undefined) {
    value =
      value && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)[part]
        : undefined;
  }
  return typeof value === 'string' ? value.trim() : '';
}

function typedValues(fields: Record<string, unknown>, id: string): DraftValues {
  return {
    ownerId: entry(fields, 'owner', id),
    organisationId: entry(fields, 'organisation', id),
    successMeasure: entry(fields, 'successMeasure', id),
    day: entry(fields, 'dueOn', id, 'day'),
    month: entry(fields, 'dueOn', id, 'month'),
    year: entry(fields, 'dueOn', id, 'year'),
    open: entry(fields, 'open', id) !== '',
  };
}

/** What was typed for each draft action the form carried, to show it again. */
export function postedValues(
  body: unknown,
  drafts: readonly ActionView[],
): Record<string, DraftValues> {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return Object.fromEntries(
    drafts
      .filter((action) => posted(fields, action.id))
      .map((a) => [a.id, typedValues(fields, a.id)]),
  );
}

/** Whether the form carried fields for this action at all (it only shows them for drafts). */
function posted(body: Record<string, unknown>, id: string): boolean {
  const owners = body.owner;
  return (
    Boolean(owners) &&
    typeof owners === 'object' &&
    Object.prototype.hasOwnProperty.call(owners, id)
  );
}

/**
 * The review page's one form: owner, success measure and deadline for each draft action, and
 * which to open. Every field is checked before anything is saved; an action to open needs all
 * three (as the API's rule for leaving draft), and an owner must be an enabled person here.
 */
export function readOpenForm(
  body: unknown,
  drafts: readonly ActionView[],
  ownerIds: ReadonlySet<string>,
  today: string,
  organisationIds: ReadonlySet<string> = new Set(),
): OpenFormResult {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const errors: ErrorLink[] = [];
  const fieldErrors: Record<string, string> = {};
  const values: Record<string, DraftValues> = {};
  const changes: DraftChange[] = [];
  const fail = (id: string, href: string, text: string) => {
    fieldErrors[id] = text;
    errors.push({ text, href: `#${href}` });
  };

  for (const action of drafts) {
    if (!posted(fields, action.id)) continue;
    const ids = fieldIds(action.id);
    const typed = typedValues(fields, action.id);
    values[action.id] = typed;
    const ref = action.reference;

    if (typed.ownerId && !ownerIds.has(typed.ownerId)) {
      fail(ids.owner, ids.owner, `Select an owner from the list for ${ref}`);
    } else if (!typed.ownerId && typed.open) {
      fail(ids.owner, ids.owner, `Select who owns ${ref}`);
    }

    if (typed.organisationId && !organisationIds.has(typed.organisationId)) {
      fail(ids.organisation, ids.organisation, `Select an organisation from the list for ${ref}`);
    }

    if (typed.successMeasure.length > SUCCESS_MEASURE_MAX_LENGTH) {
      fail(
        ids.successMeasure,
        ids.successMeasure,
        `The success measure for ${ref} must be ${SUCCESS_MEASURE_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer`,
      );
    } else if (!typed.successMeasure && typed.open) {
      fail(ids.successMeasure, ids.successMeasure, `Enter a success measure for ${ref}`);
    }

    // A deadline may be left empty on an action that is not opened yet.
    const noDate = !typed.day && !typed.month && !typed.year;
    const date = noDate
      ? null
      : dateFromParts(
          { day: typed.day, month: typed.month, year: typed.year },
          today,
          `The deadline for ${ref}`,
        );
    if (date && !date.ok) {
      fail(ids.dueOn, `${ids.dueOn}-${date.parts[0] ?? 'day'}`, date.message);
    } else if (!date && typed.open) {
      fail(ids.dueOn, ids.dueOnDay, `Enter a deadline for ${ref}`);
    }
    if (
      fieldErrors[ids.owner] ||
      fieldErrors[ids.organisation] ||
      fieldErrors[ids.successMeasure] ||
      fieldErrors[ids.dueOn]
    ) {
      continue;
    }

    const patch: ActionPatch = {};
    const ownerId = typed.ownerId || null;
    const measure = typed.successMeasure || null;
    const dueOn = date?.ok ? date.iso : null;
    if (ownerId !== (action.owner?.id ?? null)) patch.ownerId = ownerId;
    const organisationId = typed.organisationId || null;
    if (organisationId !== (action.organisation?.id ?? null)) patch.organisationId = organisationId;
    if (measure !== action.successMeasure) patch.successMeasure = measure;
    if (dueOn !== action.dueOn) patch.dueOn = dueOn;
    if (typed.open) patch.status = 'open';
    if (Object.keys(patch).length > 0) changes.push({ action, patch, open: typed.open });
  }
  if (errors.length > 0) return { ok: false, errors, fieldErrors, values };
  return { ok: true, changes };
}

/** The page's element for each field a domain refusal of a draft can name. */
const DRAFT_FIELDS: Record<string, (ids: ReturnType<typeof fieldIds>) => [string, string]> = {
  ownerId: (ids) => [ids.owner, ids.owner],
  organisationId: (ids) => [ids.organisation, ids.organisation],
  successMeasure: (ids) => [ids.successMeasure, ids.successMeasure],
  dueOn: (ids) => [ids.dueOn, ids.dueOnDay],
};

/**
 * InspectionsService.openDrafts's refusal of one draft (`details.actionId`), on that draft's
 * field where it names one, else in the summary linking to the action; other errors as they are.
 */
export function draftRefusal(error: unknown): unknown {
  if (!(error instanceof HttpException)) return error;
  const response = error.getResponse();
  const details =
    typeof response === 'object'
      ? (response as { details?: { actionId?: unknown; field?: unknown } }).details
      : undefined;
  if (typeof details?.actionId !== 'string') return error;
  const field = typeof details.field === 'string' ? DRAFT_FIELDS[details.field] : undefined;
  if (!field) return FormRejected.summary(error.message, `#action-${details.actionId}`);
  const [key, href] = field(fieldIds(details.actionId));
  return FormRejected.on(key, error.message, href);
}
