import type { MeasureUnit, MeasureView } from '@app/measures';
import { measureChartSvg, measureValueWords } from '@app/committee-reports';
import { longDate, RAG_TAGS } from '../view-models';

const UNIT_WORDS: Record<MeasureUnit, string> = {
  percentage: 'Percentage',
  days: 'Days',
  count: 'Count',
  milestone: 'Milestone (met or not)',
};

/** A value as people read it in its unit: "62.5%", "14 days", "Met" (as the Word report writes it). */
export const valueWords = measureValueWords;

/** A value on a date: "40% on Thursday 30 April 2026". */
const valueOn = (unit: MeasureUnit, value: number, on: string): string =>
  `${valueWords(unit, value)} on ${longDate(on)}`;

/**
 * The action page's measures: each with its RAG and why, its terms as a summary list, its
 * readings drawn against the line to its target (the chart's numbers are in the table beside it),
 * and the readings newest first.
 */
export function measuresView(measures: readonly MeasureView[]) {
  return measures.map((measure) => {
    const { unit, trajectory } = measure;
    const start =
      measure.baselineValue !== null && measure.baselineOn !== null
        ? { date: measure.baselineOn, value: measure.baselineValue }
        : null;
    const target = { date: measure.targetOn, value: measure.targetValue };
    const latest = measure.latest;
    return {
      id: measure.id,
      name: measure.name,
      rag: trajectory.rag
        ? RAG_TAGS[trajectory.rag]
        : { text: 'No readings', classes: 'govuk-tag--grey' },
      reason: trajectory.reason,
      rows: [
        { key: { text: 'Unit' }, value: { text: UNIT_WORDS[unit] } },
        {
          key: { text: 'Better when' },
          value: { text: measure.direction === 'higher' ? 'Higher' : 'Lower' },
        },
        {
          key: { text: 'Baseline' },
          value: { text: start ? valueOn(unit, start.value, start.date) : 'Not given' },
        },
        { key: { text: 'Target' }, value: { text: valueOn(unit, target.value, target.date) } },
        {
          key: { text: 'Latest reading' },
          value: { text: latest ? valueOn(unit, latest.value, latest.observedOn) : 'None yet' },
        },
      ],
      chartSvg: measureChartSvg(
        {
          ...measure,
          baseline: start ? { value: start.value, observedOn: start.date } : null,
          target: { value: target.value, observedOn: target.date },
          rag: trajectory.rag,
          reason: trajectory.reason,
        },
        {
          id: `measure-${measure.id}`,
          description:
            `${measure.readings.length} readings; ` +
            `target ${valueOn(unit, target.value, target.date)}. The readings are in the table below.`,
        },
      ),
      readings: [...measure.readings]
        .reverse()
        .map((reading) => [
          { text: longDate(reading.observedOn) },
          { text: valueWords(unit, reading.value), format: 'numeric' },
          { text: reading.note ?? '' },
          { text: reading.source ?? '' },
          { text: reading.enteredBy.name },
        ]),
    };
  });
}
