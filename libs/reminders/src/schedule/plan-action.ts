import { londonDateOf } from '@app/common';
import {
  daysBetween,
  londonHour,
  londonInstant,
  nextWorkingDayOnOrAfter,
  previousWorkingDayOnOrBefore,
  shiftDate,
} from './calendar';
import { REMINDED_STATUSES } from '../notification-kinds';
import type { ReminderPolicy } from './policy';
import { inSendingWindow, nextWindowStart } from './sending-window';

/**
 * What one action is owed now, and when to look at it again. Pure: the caller records what it
 * has sent (by kind + moment + dueOn) so asking twice never sends twice.
 *
 * - Only live actions ('open', 'in_progress', 'blocked') with an owner get anything; any change
 *   of status, owner or deadline re-triggers planning elsewhere, so the rest get nextCheckAt null.
 * - assigned `a<seq>`: owed at once when assignment mail is on and assignmentSeq > 0, whatever
 *   the hour (it answers something a person just did). Without a due date nothing else is owed.
 * - due_soon `d-<k>` (owner), for each offset k: sent on dueOn - k, or with workingDaysOnly the
 *   working day on or before it. Offsets landing on one day keep only the smallest k (the
 *   nearest deadline wording). Never owed once the deadline (London date) has passed.
 * - overdue `o+<n>` (owner), escalation (line manager) and admin_escalation, n = 1, 8, 15, ...:
 *   sent on dueOn + n, or with workingDaysOnly the working day on or after it (never before the
 *   action is overdue). admin_escalation only for n > escalateToAdminsAfterDays (28 → o+29).
 * - Each moment is sent at sendHour (England) on its day, and only inside the sending window.
 *   Catch-up never floods: in a window each stream owes just its latest moment already due; out
 *   of a window nothing scheduled is owed and nextCheckAt is brought forward to the window.
 */

export type ScheduledKind = 'assigned' | 'due_soon' | 'overdue' | 'escalation' | 'admin_escalation';

export interface ActionFacts {
  status: string;
  ownerId: string | null;
  dueOn: string | null;
  /** How many times the action has been assigned since reminders began; 0 = never emailed. */
  assignmentSeq: number;
}

export interface OwedMoment {
  kind: ScheduledKind;
  /** Which occurrence of the kind: `a2`, `d-7`, `o+8`. */
  moment: string;
  dueOn: string | null;
  /** The London date it was due to go out. */
  sendDate: string;
}

export interface ActionPlan {
  owed: OwedMoment[];
  /** The next instant something may become owed; null when nothing ever will without a change. */
  nextCheckAt: Date | null;
}

const REMINDED: ReadonlySet<string> = new Set(REMINDED_STATUSES);

interface Moment {
  moment: string;
  sendDate: string;
}

/** A stream's latest moment already due (if any) and its next one still to come (if any). */
interface StreamState {
  kind: Exclude<ScheduledKind, 'assigned'>;
  latestDue: Moment | null;
  next: Moment | null;
}

/** Whether a moment sent at sendHour on `sendDate` is due by now. */
type DueBy = (sendDate: string) => boolean;

export function planAction(facts: ActionFacts, policy: ReminderPolicy, now: Date): ActionPlan {
  if (!REMINDED.has(facts.status) || facts.ownerId === null) {
    return { owed: [], nextCheckAt: null };
  }
  const today = londonDateOf(now);
  const owed: OwedMoment[] = [];
  if (policy.assignment && facts.assignmentSeq > 0) {
    owed.push({
      kind: 'assigned',
      moment: `a${facts.assignmentSeq}`,
      dueOn: facts.dueOn,
      sendDate: today,
    });
  }
  const { dueOn } = facts;
  if (dueOn === null) return { owed, nextCheckAt: null };

  // Comparing dates first and the hour only on the day itself is the same test as
  // `londonInstant(sendDate, sendHour) <= now`, without working out an instant per moment.
  const hour = londonHour(now);
  const dueBy: DueBy = (sendDate) =>
    sendDate < today || (sendDate === today && hour >= policy.sendHour);

  const streams = [
    ...dueSoonStreams(dueOn, today, policy, dueBy),
    ...overdueStreams(dueOn, today, policy, dueBy),
  ];
  const inWindow = inSendingWindow(now, policy);
  let nextCheckAt: number | null = null;
  const consider = (at: number) => {
    if (nextCheckAt === null || at < nextCheckAt) nextCheckAt = at;
  };
  let waitingForWindow = false;
  for (const { kind, latestDue, next } of streams) {
    if (latestDue && inWindow) owed.push({ kind, ...latestDue, dueOn });
    else if (latestDue) waitingForWindow = true;
    if (next) consider(londonInstant(next.sendDate, policy.sendHour).getTime());
  }
  // Outside the window a moment already due stays owed (the caller may not have sent it yet):
  // look again when the window opens.
  if (waitingForWindow) consider(nextWindowStart(now, policy).getTime());
  return { owed, nextCheckAt: nextCheckAt === null ? null : new Date(nextCheckAt) };
}

function dueSoonStreams(
  dueOn: string,
  today: string,
  policy: ReminderPolicy,
  dueBy: DueBy,
): StreamState[] {
  if (today > dueOn || policy.offsets.length === 0) return [];
  // Smallest offset per send date; a later date never has a larger offset, so sorting by date
  // gives the stream in order.
  const bySendDate = new Map<string, number>();
  for (const offset of policy.offsets) {
    const nominal = shiftDate(dueOn, -offset);
    const sendDate = policy.workingDaysOnly ? previousWorkingDayOnOrBefore(nominal) : nominal;
    const kept = bySendDate.get(sendDate);
    if (kept === undefined || offset < kept) bySendDate.set(sendDate, offset);
  }
  const moments = [...bySendDate]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([sendDate, offset]) => ({ moment: `d-${offset}`, sendDate }));
  const firstToCome = moments.findIndex((moment) => !dueBy(moment.sendDate));
  const dueCount = firstToCome === -1 ? moments.length : firstToCome;
  return [
    {
      kind: 'due_soon',
      latestDue: moments[dueCount - 1] ?? null,
      next: moments[firstToCome] ?? null,
    },
  ];
}

const OVERDUE_EVERY_DAYS = 7;

function overdueStreams(
  dueOn: string,
  today: string,
  policy: ReminderPolicy,
  dueBy: DueBy,
): StreamState[] {
  const sendDates = new Map<number, string>();
  /** Moment j of the overdue streams: o+1, o+8, o+15, ... */
  const momentAt = (j: number): Moment => {
    const daysOverdue = 1 + OVERDUE_EVERY_DAYS * j;
    let sendDate = sendDates.get(j);
    if (sendDate === undefined) {
      const nominal = shiftDate(dueOn, daysOverdue);
      sendDate = policy.workingDaysOnly ? nextWorkingDayOnOrAfter(nominal) : nominal;
      sendDates.set(j, sendDate);
    }
    return { moment: `o+${daysOverdue}`, sendDate };
  };
  // The last j whose nominal day is today or earlier; its send date can only be a few days later
  // (a long weekend), so at most a step or two back finds the latest one due. No loop over days.
  const newestStarted = Math.floor((daysBetween(dueOn, today) - 1) / OVERDUE_EVERY_DAYS);
  const stream = (kind: StreamState['kind'], first: number): StreamState => {
    let j = newestStarted;
    while (j >= first && !dueBy(momentAt(j).sendDate)) j--;
    // Send dates strictly increase with j (7 days apart, moved at most a few), so the one after
    // the latest due is the next to come.
    return {
      kind,
      latestDue: j >= first ? momentAt(j) : null,
      next: momentAt(Math.max(j + 1, first)),
    };
  };
  const streams: StreamState[] = [];
  if (policy.ownerOverdue) streams.push(stream('overdue', 0));
  if (policy.escalateToLineManager) streams.push(stream('escalation', 0));
  const adminAfter = policy.escalateToAdminsAfterDays;
  if (adminAfter !== null) {
    // First j with 1 + 7j > adminAfter.
    streams.push(
      stream(
        'admin_escalation',
        Math.max(0, Math.floor((adminAfter - 1) / OVERDUE_EVERY_DAYS) + 1),
      ),
    );
  }
  return streams;
}
