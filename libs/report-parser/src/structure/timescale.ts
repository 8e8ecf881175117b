import { addDays, addMonths, addYears, format, parseISO } from 'date-fns';
import { DAY_MONTH_YEAR, endOfMonth, isoDate } from '../facts/dates';

export interface Timescale {
  /** ISO 8601 duration, or null for a fixed date. */
  duration: string | null;
  /** A fixed due date ("by 31 March 2020"). */
  dueOn: string | null;
  /** The words that set it. */
  text: string;
}

const UNITS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** "6", "six", "twenty-eight", "twenty eight", "a" -> the number; null if it is not one. */
export function parseCount(words: string): number | null {
  const w = words.trim().toLowerCase();
  if (/^\d{1,3}$/.test(w)) return Number(w);
  // Read as `w in UNITS` was: any property there, own or inherited, is answered.
  const unit = UNITS[w];
  if (unit !== undefined) return unit;
  const m =
    /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](one|two|three|four|five|six|seven|eight|nine))?$/.exec(
      w,
    );
  if (!m) return null;
  // The tens group is required and both groups list only the tables' words: always found.
  const [, tens = '', units] = m;
  return (TENS[tens] ?? 0) + (units ? (UNITS[units] ?? 0) : 0);
}

const COUNT = `(\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|ninety)(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?)`;
const UNIT = `(working days?|days?|weeks?|fortnights?|months?|years?)`;
/** Qualifiers that make "within 28 days of …" a practice standard, not the item's deadline. */
const STANDARD_OF =
  /^\s+(?:of|from|after|following|before)\s+(?!(?:the )?(?:publication|date of (?:this|the) (?:letter|report)|this (?:letter|report|inspection)|the (?:inspection|visit)|receipt)\b)/i;

function duration(count: number, unit: string): string {
  const u = unit.toLowerCase();
  if (u.startsWith('working')) return `P${count}D`;
  if (u.startsWith('day')) return `P${count}D`;
  if (u.startsWith('fortnight')) return `P${count * 14}D`;
  if (u.startsWith('week')) return `P${count * 7}D`;
  if (u.startsWith('month')) return `P${count}M`;
  return `P${count}Y`;
}

const FIXED_DATE = new RegExp(
  `\\b(?:by|before|no later than|not later than|by the end of)\\s+(?:${DAY_MONTH_YEAR}|(\\w+) (\\d{4}))`,
  'i',
);
const DURATION = new RegExp(
  `\\b(?:within|in|over|during) (?:the next |the coming |a period of )?${COUNT} ${UNIT}`,
  'gi',
);

/** Reads a timescale sub-heading ("Immediately:", "Within three months:", "By 31 March 2020:"). */
export function parseTimescaleHeading(text: string): Timescale | null {
  const t = text.replace(/:\s*$/, '').trim();
  if (/^(?:immediately|with immediate effect|for immediate action)$/i.test(t))
    return { duration: 'P0D', dueOn: null, text: t };
  return findTimescale(t);
}

/**
 * Finds a deadline stated inside an item: "… within six months", "within 28 days",
 * "by 31 March 2020", "by March 2021", "immediately". A duration tied to another event
 * ("within 28 days of a child becoming looked after") is a standard to meet, not a deadline.
 */
export function findTimescale(text: string): Timescale | null {
  const fixed = FIXED_DATE.exec(text);
  if (fixed) {
    const due = fixed[1]
      ? isoDate(Number(fixed[1]), fixed[2] ?? '', Number(fixed[3]))
      : fixed[4]
        ? endOfMonth(fixed[4], Number(fixed[5]))
        : null;
    if (due) return { duration: null, dueOn: due, text: fixed[0].trim() };
  }

  for (const m of text.matchAll(DURATION)) {
    const after = text.slice((m.index ?? 0) + m[0].length);
    if (STANDARD_OF.test(after)) continue;
    // "…so that new plans are issued within 20 weeks": the outcome sought, not the deadline.
    if (/\bso that\b[^.;]*$/i.test(text.slice(0, m.index))) continue;
    // "within six months" and "in six months' time" set a deadline; "three moves in a year"
    // is a rate.
    if (
      !/^within|^(?:over|during|in) the (?:next|coming)\b/i.test(m[0]) &&
      !/^\s*['’]?\s*time\b/i.test(after)
    ) {
      continue;
    }
    // COUNT and UNIT are required groups: a match fills them.
    const [whole, countText = '', unit = ''] = m;
    const count = parseCount(countText);
    if (count === null) continue;
    return { duration: duration(count, unit), dueOn: null, text: whole };
  }

  // "Immediately" sets the deadline only where it governs the item: at its start or its end.
  // Mid-sentence ("children are seen immediately when…") it describes practice.
  const immediate =
    /^(?:immediately|with immediate effect)\b|\b(?:immediately|with immediate effect)[.;]?$/i.exec(
      text.trim(),
    );
  if (immediate) return { duration: 'P0D', dueOn: null, text: immediate[0].replace(/[.;]$/, '') };
  return null;
}

/** `publishedOn` plus an ISO duration (calendar months, days or years). */
export function addDuration(isoDay: string, isoDuration: string): string | null {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(isoDuration);
  if (!m) return null;
  let date = parseISO(isoDay);
  if (Number.isNaN(date.getTime())) return null;
  if (m[1]) date = addYears(date, Number(m[1]));
  if (m[2]) date = addMonths(date, Number(m[2]));
  if (m[3]) date = addDays(date, Number(m[3]) * 7);
  if (m[4]) date = addDays(date, Number(m[4]));
  return format(date, 'yyyy-MM-dd');
}
