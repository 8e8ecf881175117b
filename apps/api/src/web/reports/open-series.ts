import { addDays, differenceInCalendarDays, formatISO, parseISO } from 'date-fns';
import type { SeriesPoint } from './charts';

/** When an action was live: from the day it was created to the day it was finished or cancelled. */
export interface LiveSpan {
  /** YYYY-MM-DD (Europe/London). */
  openedOn: string;
  /** YYYY-MM-DD, or null while it is still live. */
  closedOn: string | null;
}

/** Up to this many days the series has a point a day; beyond, a point a week (or coarser). */
export const DAILY_UP_TO_DAYS = 120;
/** A coarser series keeps to about this many points. */
const MAX_POINTS = 100;

const iso = (date: Date): string => formatISO(date, { representation: 'date' });

/** The dates to count on: every day, or every week for long ranges; always `to` itself. */
export function seriesDates(from: string, to: string): string[] {
  if (to < from) return [to];
  const days = differenceInCalendarDays(parseISO(to), parseISO(from));
  const step = days <= DAILY_UP_TO_DAYS ? 1 : 7 * Math.max(1, Math.ceil(days / (7 * MAX_POINTS)));
  const start = parseISO(from);
  const dates: string[] = [];
  for (let offset = 0; offset < days; offset += step) dates.push(iso(addDays(start, offset)));
  dates.push(to);
  return dates;
}

/**
 * Live actions at the end of each date from `from` to `to`: an action counts on a day when it
 * had been created by then and not yet closed (closed that day means not counted).
 */
export function liveSeries(spans: readonly LiveSpan[], from: string, to: string): SeriesPoint[] {
  return seriesDates(from, to).map((date) => ({
    date,
    value: spans.filter(
      (span) => span.openedOn <= date && (span.closedOn === null || span.closedOn > date),
    ).length,
  }));
}

const LIVE: readonly string[] = ['draft', 'open', 'in_progress', 'blocked'];

/** An action as the series needs it (dates YYYY-MM-DD in Europe/London). */
export interface ActionTimeline {
  id: string;
  status: string;
  createdOn: string;
  /** When a finished or cancelled action with no status history was last changed. */
  settledOn: string;
}

/** One status change from the audit log, in the order it was written. */
export interface StatusEvent {
  actionId: string;
  on: string;
  from: string | null;
  to: string;
}

/**
 * The live spans of each action from its status changes in the audit log (an action reopened
 * after completion has two). An action with no logged change has been in its status since it
 * was created, or, when finished, since it was last changed.
 */
export function liveSpans(
  actions: readonly ActionTimeline[],
  events: readonly StatusEvent[],
): LiveSpan[] {
  const byAction = new Map<string, StatusEvent[]>();
  for (const event of events) {
    const list = byAction.get(event.actionId) ?? [];
    list.push(event);
    byAction.set(event.actionId, list);
  }
  const spans: LiveSpan[] = [];
  for (const action of actions) {
    const changes = byAction.get(action.id) ?? [];
    const [firstChange] = changes;
    if (firstChange === undefined) {
      const live = LIVE.includes(action.status);
      spans.push({ openedOn: action.createdOn, closedOn: live ? null : action.settledOn });
      continue;
    }
    let live = LIVE.includes(firstChange.from ?? action.status);
    let since = action.createdOn;
    for (const change of changes) {
      const next = LIVE.includes(change.to);
      if (live && !next) spans.push({ openedOn: since, closedOn: change.on });
      if (!live && next) since = change.on;
      live = next;
    }
    if (live) spans.push({ openedOn: since, closedOn: null });
  }
  return spans;
}
