import type { Rag } from '@app/actions';
import { differenceInCalendarDays, parseISO } from 'date-fns';
import type { MeasureTerms } from './measure-rules';

/** A measure's RAG: green on or ahead of its line, amber a little behind, red further behind. */
export type MeasureRag = Rag;

/**
 * How far behind its line a measure may fall and still be amber rather than red, as a share of
 * the distance from its start to its target, when its council has not chosen (the column's
 * default, 10%).
 */
export const TRAJECTORY_TOLERANCE = 0.1;

export interface Trajectory {
  /** Null until there is a reading to judge. */
  rag: MeasureRag | null;
  /** Where the line says the latest reading should have been; null without a reading. */
  expected: number | null;
  /** Why, in a sentence a committee member can read. */
  reason: string;
}

interface Point {
  value: number;
  observedOn: string;
}

const met = (terms: MeasureTerms, value: number): boolean =>
  terms.direction === 'higher' ? value >= terms.targetValue : value <= terms.targetValue;

/**
 * Judges a measure by its latest reading against the straight line from its start (the baseline,
 * or the first reading when there is none) to its target, on `today`:
 * - the target reached: green;
 * - the target date passed without reaching it: red;
 * - otherwise the reading against where the line is on its date: green on or ahead of it, amber
 *   behind by up to `tolerance` (the council's, a share) of the whole distance, red further behind.
 * A milestone has no line: met is green, not met is green until its date and red after.
 */
export function trajectoryOf(
  terms: MeasureTerms,
  readings: readonly Point[],
  today: string,
  tolerance: number = TRAJECTORY_TOLERANCE,
): Trajectory {
  const latest = readings.at(-1);
  if (latest === undefined) return { rag: null, expected: null, reason: 'No readings yet.' };
  if (met(terms, latest.value)) {
    return { rag: 'green', expected: terms.targetValue, reason: 'The target has been reached.' };
  }
  if (today > terms.targetOn) {
    return {
      rag: 'red',
      expected: terms.targetValue,
      reason: 'The target date has passed and the target was not reached.',
    };
  }
  const first = readings[0] ?? latest;
  const start =
    terms.baselineValue !== null && terms.baselineOn !== null
      ? { value: terms.baselineValue, observedOn: terms.baselineOn }
      : first;
  if (terms.unit === 'milestone' || start.observedOn >= terms.targetOn) {
    return { rag: 'green', expected: null, reason: 'Not due yet.' };
  }
  const span = differenceInCalendarDays(parseISO(terms.targetOn), parseISO(start.observedOn));
  const elapsed = differenceInCalendarDays(parseISO(latest.observedOn), parseISO(start.observedOn));
  const share = Math.min(1, Math.max(0, elapsed / span));
  const distance = terms.targetValue - start.value;
  const expected = round(start.value + distance * share);
  const behind = terms.direction === 'higher' ? expected - latest.value : latest.value - expected;
  if (behind <= 0)
    return { rag: 'green', expected, reason: 'On or ahead of the line to the target.' };
  if (behind <= Math.abs(distance) * tolerance) {
    return { rag: 'amber', expected, reason: `Behind the line to the target by ${round(behind)}.` };
  }
  return {
    rag: 'red',
    expected,
    reason: `Well behind the line to the target, by ${round(behind)}.`,
  };
}

/** Two decimal places: enough for percentages, and no float noise in what people read. */
const round = (value: number): number => Math.round(value * 100) / 100;
