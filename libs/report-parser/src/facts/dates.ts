const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_ALT = MONTHS.map(
  (m) => `${m.slice(0, 3)}${m.length > 3 ? `(?:${m.slice(3)})?` : ''}`,
).join('|');

/** "11 March 2019", "1st of March 2019", "11 Mar 2019". */
export const DAY_MONTH_YEAR = `(\\d{1,2})(?:st|nd|rd|th)?(?: of)? (${MONTH_ALT})\\.?,? (\\d{4})`;
/** "April 10, 2024", as news sites write dates. */
export const MONTH_DAY_YEAR = `(${MONTH_ALT})\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})`;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function monthNumber(name: string): number | null {
  const index = MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3)));
  return index < 0 ? null : index + 1;
}

/** An ISO date for a day, month name and year, or null when the day does not exist. */
export function isoDate(day: number, month: string | number, year: number): string | null {
  const m = typeof month === 'number' ? month : monthNumber(month);
  if (m === null || day < 1 || day > 31 || year < 1990 || year > 2100) return null;
  const date = new Date(Date.UTC(year, m - 1, day));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${year}-${pad(m)}-${pad(day)}`;
}

/** Last day of a month, for deadlines written as a month ("by March 2020"). */
export function endOfMonth(month: string, year: number): string | null {
  const m = monthNumber(month);
  if (m === null) return null;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return isoDate(last, m, year);
}

const A_DATE = new RegExp(DAY_MONTH_YEAR, 'i');
const A_MONTH_FIRST_DATE = new RegExp(MONTH_DAY_YEAR, 'i');

/**
 * The first date `pattern` finds in the text. Its three groups are the day and the month (in
 * the order `order` says) and the year.
 */
function firstDate(pattern: RegExp, order: 'day-month' | 'month-day', text: string): string | null {
  const m = pattern.exec(text);
  if (!m) return null;
  // Every group of the patterns is required, so a match fills them; the defaults never apply.
  const [, first = '', second = '', year = ''] = m;
  const [day, month] = order === 'day-month' ? [first, second] : [second, first];
  return isoDate(Number(day), month, Number(year));
}

/** The first full date written in the text. */
export function findDate(text: string): string | null {
  return firstDate(A_DATE, 'day-month', text);
}

/** The first date written month first ("April 10, 2024"). */
export function findMonthFirstDate(text: string): string | null {
  return firstDate(A_MONTH_FIRST_DATE, 'month-day', text);
}

export interface DateRange {
  start: string;
  end: string;
}

const MONTH = `(${MONTH_ALT})`;
const SEP = `\\s*(?:-|–|—|to|and|until)\\s*`;
// Every group of these patterns is required, so a match fills them; the defaults never apply.
const RANGE_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => [string | null, string | null]]> = [
  [
    new RegExp(
      `(\\d{1,2})(?:st|nd|rd|th)? ${MONTH},? (\\d{4})${SEP}(\\d{1,2})(?:st|nd|rd|th)? ${MONTH},? (\\d{4})`,
      'i',
    ),
    ([, d1 = '', m1 = '', y1 = '', d2 = '', m2 = '', y2 = '']) => [
      isoDate(+d1, m1, +y1),
      isoDate(+d2, m2, +y2),
    ],
  ],
  [
    new RegExp(
      `(\\d{1,2})(?:st|nd|rd|th)? ${MONTH}${SEP}(\\d{1,2})(?:st|nd|rd|th)? ${MONTH},? (\\d{4})`,
      'i',
    ),
    ([, d1 = '', m1 = '', d2 = '', m2 = '', year = '']) => [
      isoDate(+d1, m1, +year),
      isoDate(+d2, m2, +year),
    ],
  ],
  [
    new RegExp(
      `(\\d{1,2})(?:st|nd|rd|th)?${SEP}(\\d{1,2})(?:st|nd|rd|th)? ${MONTH},? (\\d{4})`,
      'i',
    ),
    ([, d1 = '', d2 = '', month = '', year = '']) => [
      isoDate(+d1, month, +year),
      isoDate(+d2, month, +year),
    ],
  ],
  [
    new RegExp(`(\\d{1,2})(?:st|nd|rd|th)? ${MONTH},? (\\d{4})`, 'i'),
    ([, day = '', month = '', year = '']) => [
      isoDate(+day, month, +year),
      isoDate(+day, month, +year),
    ],
  ],
];

/**
 * Inspection and visit dates as reports write them: "6 – 17 February 2012", "6 to 30 July 2015",
 * "24 February 2015 – 18 March 2015", "29 January to 9 February 2018", "14 and 15 February 2019",
 * "11 April 2018", "between 3 and 5 March 2020".
 */
export function findDateRange(text: string): DateRange | null {
  for (const [re, read] of RANGE_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const [start, end] = read(m);
    if (start && end && start <= end) return { start, end };
  }
  return null;
}
