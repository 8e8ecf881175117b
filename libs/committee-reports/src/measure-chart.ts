import { lineChartSvg } from './charts';
import type { ReportMeasure } from './committee-report';
import { dateInWords, measureValueWords } from './words';

const valueOn = (measure: ReportMeasure, value: number, on: string): string =>
  `${measureValueWords(measure.unit, value)} on ${dateInWords(on)}`;

/**
 * What a measure's chart shows, in a sentence: its text alternative wherever it is drawn.
 * "Line chart of Plans audited as good: 12 readings from 5% on 1 April 2026 to 38% on
 * 30 November 2026, against a target of 60% by 31 March 2027."
 */
export function measureChartDescription(measure: ReportMeasure): string {
  const { readings, target, baseline } = measure;
  const [first] = readings;
  const last = readings.at(-1);
  const shown =
    first === undefined || last === undefined
      ? 'no readings yet'
      : readings.length === 1
        ? `1 reading, ${valueOn(measure, first.value, first.observedOn)}`
        : `${readings.length} readings from ${valueOn(measure, first.value, first.observedOn)} ` +
          `to ${valueOn(measure, last.value, last.observedOn)}`;
  const from = baseline
    ? ` (the dashed line from the baseline of ${valueOn(measure, baseline.value, baseline.observedOn)})`
    : '';
  return (
    `Line chart of ${measure.name}: ${shown}, against a target of ` +
    `${measureValueWords(measure.unit, target.value)} by ${dateInWords(target.observedOn)}${from}.`
  );
}

/**
 * A measure's readings drawn against the straight (dashed) line from its baseline to its target:
 * the one way a measure is drawn, on the action page and in the Word document. `id` must be
 * unique on a web page; `description` replaces the default text alternative.
 */
export function measureChartSvg(
  measure: ReportMeasure,
  options: { id?: string; description?: string } = {},
): string {
  const { baseline, target } = measure;
  const targetPoint = { date: target.observedOn, value: target.value };
  return lineChartSvg({
    id: options.id ?? 'measure-chart',
    title: `${measure.name}: readings against the target`,
    description: options.description ?? measureChartDescription(measure),
    points: measure.readings.map((r) => ({ date: r.observedOn, value: r.value })),
    guide: {
      label: `Target ${measureValueWords(measure.unit, target.value)}`,
      points: baseline
        ? [{ date: baseline.observedOn, value: baseline.value }, targetPoint]
        : [targetPoint],
    },
    until: target.observedOn,
    emptyText: 'No readings yet',
  });
}
