/** What a measure counts. A milestone is yes/no: 1 when met, 0 until then. */
export const MEASURE_UNITS = ['percentage', 'days', 'count', 'milestone'] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

/** Whether a rising number is good news (percentage of plans audited) or bad (days to assess). */
export const MEASURE_DIRECTIONS = ['higher', 'lower'] as const;
export type MeasureDirection = (typeof MEASURE_DIRECTIONS)[number];

export const MEASURE_NAME_MAX_LENGTH = 200;
export const READING_NOTE_MAX_LENGTH = 2000;
export const READING_SOURCE_MAX_LENGTH = 200;
/** Far beyond any count a council reports, and small enough to stay exact in a double. */
export const MEASURE_VALUE_MAX = 1_000_000_000;

/**
 * Why `value` cannot be a value of `unit`, or null when it can: percentages lie from 0 to 100,
 * days and counts are whole and not negative, a milestone is 0 or 1.
 */
export function valueProblem(unit: MeasureUnit, value: number): string | null {
  if (!Number.isFinite(value)) return 'must be a number';
  switch (unit) {
    case 'percentage':
      return value >= 0 && value <= 100 ? null : 'must be a percentage from 0 to 100';
    case 'days':
    case 'count':
      return Number.isInteger(value) && value >= 0 && value <= MEASURE_VALUE_MAX
        ? null
        : `must be a whole number from 0 to ${MEASURE_VALUE_MAX.toLocaleString('en-GB')}`;
    case 'milestone':
      return value === 0 || value === 1 ? null : 'must be 1 (met) or 0 (not yet) for a milestone';
  }
}

/** A measure's definition as its rules see it. */
export interface MeasureTerms {
  unit: MeasureUnit;
  direction: MeasureDirection;
  baselineValue: number | null;
  baselineOn: string | null;
  targetValue: number;
  targetOn: string;
}

/**
 * What is wrong with a measure's terms, as field → message, or an empty object. A milestone
 * always aims higher, at 1; a baseline is a value and a date together, before the target's.
 */
export function termsProblems(terms: MeasureTerms): Record<string, string> {
  const problems: Record<string, string> = {};
  const target = valueProblem(terms.unit, terms.targetValue);
  if (target) problems.targetValue = `targetValue ${target}`;
  if (terms.baselineValue !== null) {
    const baseline = valueProblem(terms.unit, terms.baselineValue);
    if (baseline) problems.baselineValue = `baselineValue ${baseline}`;
  }
  if ((terms.baselineValue === null) !== (terms.baselineOn === null)) {
    problems.baselineOn = 'baselineValue and baselineOn go together: give both or neither';
  } else if (terms.baselineOn !== null && terms.baselineOn >= terms.targetOn) {
    problems.baselineOn = 'baselineOn must be before targetOn';
  }
  if (terms.unit === 'milestone') {
    if (terms.direction !== 'higher') problems.direction = 'a milestone’s direction is higher';
    if (terms.targetValue !== 1) problems.targetValue = 'a milestone’s targetValue is 1 (met)';
  }
  return problems;
}

/**
 * Why a reading cannot be recorded, per field (without the field's name, which each caller words
 * its own way), or an empty object: the value must fit the measure's unit, and the date it
 * describes must not be later than `today` (a date to come cannot have been measured yet).
 */
export function readingProblems(
  unit: MeasureUnit,
  reading: { value: number; observedOn: string },
  today: string,
): { value?: string; observedOn?: string } {
  const value = valueProblem(unit, reading.value);
  return {
    ...(value && { value }),
    ...(reading.observedOn > today && { observedOn: 'must not be later than today' }),
  };
}
