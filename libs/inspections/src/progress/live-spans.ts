import { LIVE_STATUSES } from '@app/actions';

/** When an action was live: from the day it was created to the day it was finished or cancelled. */
export interface LiveSpan {
  /** YYYY-MM-DD (Europe/London). */
  openedOn: string;
  /** YYYY-MM-DD, or null while it is still live. */
  closedOn: string | null;
}

const LIVE: readonly string[] = LIVE_STATUSES;

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
