import { dateFromParts } from './forms';
import { FormRejected } from './pipeline/form-rejected';

const PARTS = { day: 'Day', month: 'Month', year: 'Year' } as const;

/** What was typed in the boxes `<boxes>Day`, `<boxes>Month` and `<boxes>Year` of a form. */
function boxesOf(form: object, boxes: string): { day?: string; month?: string; year?: string } {
  const fields = form as Record<string, unknown>;
  const typed = (suffix: string): string | undefined => {
    const value = fields[`${boxes}${suffix}`];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  return { day: typed(PARTS.day), month: typed(PARTS.month), year: typed(PARTS.year) };
}

/** Whether anything was typed in a date input's boxes (an optional date left blank is none). */
export function dateGiven(form: object, boxes: string): boolean {
  return Object.values(boxesOf(form, boxes)).some((part) => part !== undefined);
}

/**
 * The date typed into the GOV.UK date input `id` (its boxes named `<boxes>Day`, `…Month` and
 * `…Year`), or the form shown again saying what is wrong, its missing boxes marked (`<id>Parts`).
 */
export function dateAnswer(
  form: object,
  date: { boxes: string; id: string; what: string },
  today: string,
): string {
  const answer = dateFromParts(boxesOf(form, date.boxes), today, date.what);
  if (answer.ok) return answer.iso;
  throw new FormRejected(
    [{ text: answer.message, href: `#${date.id}-${answer.parts[0] ?? 'day'}` }],
    { [date.id]: answer.message },
    { ...form, [`${date.id}Parts`]: answer.parts },
  );
}
