import type { ActionStatus } from '@app/actions';
import { daysPhrase, formatLongDate } from '@app/mail';

/** Status words and GOV.UK tag colours, the same on every page. */
export const STATUS_TAGS: Record<ActionStatus, { text: string; classes: string }> = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  open: { text: 'Open', classes: 'govuk-tag--blue' },
  in_progress: { text: 'In progress', classes: 'govuk-tag--light-blue' },
  blocked: { text: 'Blocked', classes: 'govuk-tag--orange' },
  completed: { text: 'Completed', classes: 'govuk-tag--green' },
  verified: { text: 'Verified', classes: 'govuk-tag--green' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--grey' },
};

export const RAG_TAGS: Record<string, { text: string; classes: string }> = {
  red: { text: 'Red', classes: 'govuk-tag--red' },
  amber: { text: 'Amber', classes: 'govuk-tag--orange' },
  green: { text: 'Green', classes: 'govuk-tag--green' },
};

export function statusTag(status: string): { text: string; classes: string } {
  return STATUS_TAGS[status as ActionStatus] ?? { text: status, classes: 'govuk-tag--grey' };
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "12 March 2027", or the fallback when there is no date. */
export function longDate(iso: string | null | undefined, none = 'No deadline'): string {
  return iso ? formatLongDate(iso) : none;
}

/** "3 days left", "Due today", "Overdue by 2 days": the same words as the reminder emails. */
export function daysLabel(daysLeft: number | null | undefined): string {
  return daysLeft === null || daysLeft === undefined ? '' : capitalise(daysPhrase(daysLeft));
}

/** "12 March 2027 at 14:05" in London time, for history and notes. */
export function dateTime(at: Date | string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(new Date(at))
    .replace(', ', ' at ');
}
