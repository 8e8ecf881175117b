/** Wording helpers shared by the templates: dates, day counts and shortening, in plain English. */
import { dateInWords } from '@app/common';

/** "2026-12-11" → "Friday 11 December 2026" (GOV.UK style: no commas, no ordinals). */
export function formatLongDate(isoDate: string): string {
  // Emails are given dates and timestamps alike: the date is the first ten characters.
  return dateInWords(isoDate.slice(0, 10), { weekday: true });
}

/** "1 day", "3 days", "1 action", "2 actions". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Beside a due date: "3 days left", "1 day left", "due today", "overdue by 4 days". */
export function daysPhrase(daysLeft: number): string {
  if (daysLeft > 0) return `${plural(daysLeft, 'day')} left`;
  if (daysLeft === 0) return 'due today';
  return `overdue by ${plural(-daysLeft, 'day')}`;
}

/** Subject prefix: "Due in 7 days", "Due tomorrow", "Due today", "Overdue by 3 days". */
export function deadlineHeadline(daysLeft: number): string {
  if (daysLeft > 1) return `Due in ${plural(daysLeft, 'day')}`;
  if (daysLeft === 1) return 'Due tomorrow';
  if (daysLeft === 0) return 'Due today';
  return `Overdue by ${plural(-daysLeft, 'day')}`;
}

/** Opening sentence: "This action is due in 7 days." / "This action is overdue by 1 day." */
export function deadlineSentence(daysLeft: number): string {
  if (daysLeft > 1) return `This action is due in ${plural(daysLeft, 'day')}.`;
  if (daysLeft === 1) return 'This action is due tomorrow.';
  if (daysLeft === 0) return 'This action is due today.';
  return `This action is overdue by ${plural(-daysLeft, 'day')}.`;
}

/** Collapses line breaks and runs of spaces (text from PDFs often has hard line breaks). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * At most `maxChars` characters, cut at a word boundary with "…" when it had to be shortened.
 * Counts code points, so an emoji or accented letter is never split.
 */
export function shorten(text: string, maxChars: number): string {
  const chars = Array.from(text);
  if (chars.length <= maxChars) return text;
  const room = chars.slice(0, maxChars - 1).join('');
  const lastSpace = room.search(/\s\S*$/);
  // One enormous word: cut it rather than return nothing.
  const cut = lastSpace > 0 ? room.slice(0, lastSpace) : room;
  return `${cut.replace(/[\s,;:.–-]+$/, '')}…`;
}

/** "in_progress" → "In progress". */
export function humaniseStatus(status: string): string {
  const words = status.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
