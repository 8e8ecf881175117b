import type { ReportMeasure } from './committee-report';
import { measureChartDescription, measureChartSvg } from './measure-chart';
import { actionRagWords, dateInWords, utcDate } from './words';

const measure: ReportMeasure = {
  name: 'Plans audited as good',
  unit: 'percentage',
  direction: 'higher',
  baseline: { value: 5, observedOn: '2026-04-01' },
  target: { value: 60, observedOn: '2027-03-31' },
  latest: { value: 38, observedOn: '2026-11-30' },
  rag: 'amber',
  reason: 'Behind the line to the target by 4.',
  readings: [
    { value: 5, observedOn: '2026-04-01' },
    { value: 20, observedOn: '2026-08-31' },
    { value: 38, observedOn: '2026-11-30' },
  ],
};

describe('measureChartDescription', () => {
  it('says what the chart shows: readings, first and last, and the target', () => {
    expect(measureChartDescription(measure)).toBe(
      'Line chart of Plans audited as good: 3 readings from 5% on 1 April 2026 to 38% on ' +
        '30 November 2026, against a target of 60% by 31 March 2027 ' +
        '(the dashed line from the baseline of 5% on 1 April 2026).',
    );
  });

  it('says so when there are no readings', () => {
    expect(measureChartDescription({ ...measure, baseline: null, readings: [] })).toBe(
      'Line chart of Plans audited as good: no readings yet, against a target of 60% by 31 March 2027.',
    );
  });
});

describe('measureChartSvg', () => {
  it('draws the readings and the dashed line from the baseline to the target', () => {
    const svg = measureChartSvg(measure, { id: 'm1' });
    const polylines = [...svg.matchAll(/<polyline points="([^"]+)"[^>]*>/g)];
    expect(polylines).toHaveLength(2);
    expect(polylines[0]?.[0]).toContain('stroke-dasharray');
    // The guide has two points: baseline and target.
    expect(polylines[0]?.[1]?.split(' ')).toHaveLength(2);
    expect(polylines[1]?.[1]?.split(' ')).toHaveLength(3);
    expect(svg).toContain('Target 60%');
    expect(svg).toContain('<desc id="m1-desc">Line chart of Plans audited as good');
  });

  it('says there are no readings rather than drawing an empty plot', () => {
    expect(measureChartSvg({ ...measure, readings: [] })).toContain('No readings yet');
  });
});

describe('words', () => {
  it('writes dates in words and as UTC midnight', () => {
    expect(dateInWords('2026-12-06')).toBe('6 December 2026');
    expect(utcDate('2026-12-06').toISOString()).toBe('2026-12-06T00:00:00.000Z');
    expect(() => utcDate('2026-02-30')).toThrow(RangeError);
  });

  it('names an override beside the computed RAG', () => {
    expect(
      actionRagWords({
        computed: 'red',
        override: { rag: 'amber', reason: 'funding agreed', by: 'Sam Patel' },
        rag: 'amber',
        reason: 'Overdue.',
      }),
    ).toBe('Amber (computed Red, overridden by Sam Patel: funding agreed)');
    expect(actionRagWords({ computed: null, override: null, rag: null, reason: '' })).toBe(
      'Not rated',
    );
  });
});
