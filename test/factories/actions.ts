import { londonDateOf } from '@app/common';
import { addDays, formatISO, parseISO } from 'date-fns';

/** The date `days` from today in Europe/London (what the API calls today), as YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  return formatISO(addDays(parseISO(londonDateOf(new Date())), days), { representation: 'date' });
}

/** "2027-03-27" as the day, month and year typed into a GOV.UK date input. */
export function dateParts(iso: string): { day: string; month: string; year: string } {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

export function todayInLondon(): string {
  return londonDateOf(new Date());
}

/** The JSON of an action, as far as the tests read it. */
export interface ActionJson {
  id: string;
  reference: string;
  title: string;
  description: string | null;
  recommendation: { id: string; ref: string; text: string };
  inspection: { id: string; reference: string };
  responsible: string[];
  owner: { id: string; name: string; email: string } | null;
  dueOn: string | null;
  originalDueOn: string | null;
  slippageDays: number;
  status: string;
  statusReason: string | null;
  overdue: boolean;
  daysLeft: number | null;
  successMeasure: string | null;
  smartGaps: string[];
  completedAt: string | null;
  verifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
  updates?: Array<{ id: string; note: string; evidenceUrl: string | null; author: { id: string } }>;
  deadlineRevisions?: Array<{
    fromDueOn: string;
    toDueOn: string;
    reason: string;
    revisedBy: { id: string };
  }>;
}

export interface ActionListJson {
  items: ActionJson[];
  total: number;
  page: number;
  pageSize: number;
}

export interface HistoryJson {
  id: string;
  occurredAt: string;
  event: string;
  actor: { id: string; name: string; email: string } | null;
  changes: Record<string, { from: unknown; to: unknown }>;
  reason: string | null;
}
