import type {
  CommitteeReport,
  Rag,
  RagRollUp,
  ReportAction,
  ReportChange,
  ReportInspection,
  ReportMeasure,
  ReportReading,
} from '../committee-report';

/**
 * A realistic, deterministic committee report for tests and benchmarks: names, deadlines, some
 * slippage, some overrides, measures with monthly readings and, with `since`, changes. The same
 * options always give the same report. Under src/testing, which production builds leave out
 * (tsconfig.build.json); import it by path, not from the library's index.
 */
export interface SampleReportOptions {
  inspections?: number;
  recommendationsPerInspection?: number;
  actionsPerRecommendation?: number;
  /** A count for every action, or one per action from its position in the report (0-based). */
  measuresPerAction?: number | ((actionIndex: number) => number);
  readingsPerMeasure?: number;
  /** The report's date. */
  asAt?: string;
  /** The earlier date changes are counted from; null for none. */
  since?: string | null;
}

const FIRST_NAMES = [
  'Sam',
  'Priya',
  'Tom',
  'Aisha',
  'Gareth',
  'Mei',
  'Olu',
  'Ruth',
  'Dev',
  'Ellen',
];
const LAST_NAMES = ['Patel', 'Jones', 'Okafor', 'Smith', 'Nowak', 'Evans', 'Khan', 'Brown'];
const VERBS = [
  'Review',
  'Audit',
  'Recruit',
  'Train',
  'Introduce',
  'Strengthen',
  'Embed',
  'Publish',
];
const OBJECTS = [
  'the quality of child in need plans',
  'management oversight of referrals',
  'social workers for the assessment team',
  'independent reviewing officers on care planning',
  'a multi-agency front door protocol',
  'supervision records for every team',
  'the placement sufficiency strategy',
  'the voice of the child in case recording',
];
const SECTIONS = ['Help and protection', 'Children in care', 'Care leavers', 'Leadership'];
const MEASURE_NAMES = [
  ['Plans audited as good', 'percentage', 'higher'],
  ['Days to complete an assessment', 'days', 'lower'],
  ['Children seen within 10 days', 'percentage', 'higher'],
  ['Open cases per social worker', 'count', 'lower'],
] as const;
const SLIP_REASONS = [
  'waiting for recruitment',
  'the new case management system is late',
  'agreed with the improvement board',
  'staff sickness in the team',
];
const COUNCILS = ['Stockton-on-Tees', 'Wiltshire', 'Bradford', 'Cornwall', 'Camden'];
const STATUSES: ReportAction['status'][] = [
  'open',
  'in_progress',
  'in_progress',
  'blocked',
  'completed',
  'verified',
  'in_progress',
  'cancelled',
  'open',
  'in_progress',
];

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;

/** ISO date `days` after `iso` (negative for before). */
function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The last day of the month `months` before `iso`'s month. */
function monthEndBefore(iso: string, months: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months + 1, 0))
    .toISOString()
    .slice(0, 10);
}

function rollUp(actions: readonly ReportAction[]): RagRollUp {
  const counts = { red: 0, amber: 0, green: 0, unrated: 0 };
  for (const action of actions) counts[action.rag.rag ?? 'unrated'] += 1;
  const rag: Rag = counts.red > 0 ? 'red' : counts.amber > 0 ? 'amber' : 'green';
  return { rag, ...counts };
}

function sampleMeasure(index: number, readingCount: number, asAt: string): ReportMeasure {
  const [name, unit, direction] = pick(MEASURE_NAMES, index);
  const start = unit === 'percentage' ? 5 + (index % 20) : unit === 'days' ? 60 : 30;
  const target = unit === 'percentage' ? 60 + (index % 30) : unit === 'days' ? 20 : 15;
  const step = (target - start) / Math.max(1, readingCount + 4);
  const readings: ReportReading[] = Array.from({ length: readingCount }, (_, i) => ({
    observedOn: monthEndBefore(asAt, readingCount - i),
    // A wobble either side of steady progress, kept whole for days and counts.
    value:
      unit === 'percentage'
        ? Math.round((start + step * i + ((i * 7 + index) % 5) - 2) * 10) / 10
        : Math.max(0, Math.round(start + step * i + ((i * 3 + index) % 3) - 1)),
  }));
  const latest = readings.at(-1) ?? null;
  const rag: Rag | null = latest === null ? null : pick(['green', 'amber', 'red'] as const, index);
  return {
    name,
    unit,
    direction,
    baseline: readings[0] ?? { value: start, observedOn: monthEndBefore(asAt, 12) },
    target: { value: target, observedOn: '2027-03-31' },
    latest,
    rag,
    reason:
      rag === null
        ? 'No readings yet.'
        : rag === 'green'
          ? 'On or ahead of the line to the target.'
          : `Behind the line to the target by ${2 + (index % 5)}.`,
    readings,
  };
}

export function sampleReport(options: SampleReportOptions = {}): CommitteeReport {
  const {
    inspections: inspectionCount = 1,
    recommendationsPerInspection = 4,
    actionsPerRecommendation = 3,
    measuresPerAction = 1,
    readingsPerMeasure = 12,
    asAt = '2026-12-06',
    since = null,
  } = options;
  const measureCount =
    typeof measuresPerAction === 'function' ? measuresPerAction : () => measuresPerAction;
  let actionIndex = 0;
  let measureIndex = 0;
  const changes: ReportChange[] = [];

  const inspections: ReportInspection[] = Array.from({ length: inspectionCount }, (_, i) => {
    const published = addDays(asAt, -400 - i * 30);
    const recommendations = Array.from({ length: recommendationsPerInspection }, (_, r) => {
      const actions = Array.from({ length: actionsPerRecommendation }, (_, a): ReportAction => {
        const n = actionIndex++;
        const status = pick(STATUSES, n);
        const slips = n % 4 === 1 ? 1 + (n % 3 === 0 ? 1 : 0) : 0;
        const originalDueOn = n % 17 === 16 ? null : addDays(asAt, -120 + (n % 240));
        const slippageDays = originalDueOn === null ? 0 : slips * 45;
        const dueOn = originalDueOn === null ? null : addDays(originalDueOn, slippageDays);
        const computed: Rag | null =
          status === 'cancelled' ? null : pick(['green', 'amber', 'red', 'green'] as const, n);
        const override =
          computed !== null && n % 9 === 4
            ? {
                rag: computed === 'red' ? ('amber' as const) : ('red' as const),
                reason: 'the improvement board agreed a revised plan',
                by: `${pick(FIRST_NAMES, n + 3)} ${pick(LAST_NAMES, n + 1)}`,
              }
            : null;
        const owner = n % 13 === 12 ? null : `${pick(FIRST_NAMES, n)} ${pick(LAST_NAMES, n * 3)}`;
        const reference = `${String.fromCharCode(65 + (i % 26))}${i + 1}-R${r + 1}.${a + 1}`;
        const title = `${pick(VERBS, n)} ${pick(OBJECTS, n * 5 + r)}`;
        const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
        const measures = Array.from({ length: measureCount(n) }, () =>
          sampleMeasure(measureIndex++, readingsPerMeasure, asAt),
        );
        if (since !== null && n % 3 === 0) {
          const on = addDays(since, 1 + (n % 20));
          changes.push({
            actionId: id,
            reference,
            title,
            kind: slips > 0 ? 'slipped' : status === 'completed' ? 'completed' : 'rag_moved',
            on: on < asAt ? on : asAt,
            detail:
              slips > 0
                ? `Deadline moved by ${slippageDays} days: ${pick(SLIP_REASONS, n)}.`
                : status === 'completed'
                  ? 'Marked completed.'
                  : 'RAG moved from Amber to Green.',
          });
        }
        return {
          id,
          reference,
          title,
          owner,
          status,
          originalDueOn,
          dueOn,
          slippageDays,
          slippageReasons: Array.from({ length: slips }, (_, s) => pick(SLIP_REASONS, n + s)),
          rag: {
            computed,
            override,
            rag: override?.rag ?? computed,
            reason: computed === 'red' ? 'Overdue.' : 'On track for its deadline.',
          },
          latestNote:
            n % 5 === 3
              ? null
              : {
                  note: `Progress reviewed at the ${pick(['weekly', 'monthly'], n)} meeting; ${pick(SLIP_REASONS, n + 1)}.`,
                  on: addDays(asAt, -(n % 60)),
                  by: `${pick(FIRST_NAMES, n + 1)} ${pick(LAST_NAMES, n + 2)}`,
                },
          evidence:
            n % 3 === 0
              ? [`https://intranet.example.gov.uk/evidence/${reference}/audit.pdf`]
              : n % 3 === 1
                ? []
                : [
                    `https://intranet.example.gov.uk/evidence/${reference}/minutes.docx`,
                    `https://intranet.example.gov.uk/evidence/${reference}/tracker.xlsx`,
                  ],
          measures,
        };
      });
      return {
        id: `10000000-0000-4000-8000-${String(i * 1000 + r).padStart(12, '0')}`,
        label: `R${r + 1}`,
        text: `The council should ${pick(VERBS, r + i).toLowerCase()} ${pick(OBJECTS, r + i * 2)} so that children get the right help at the right time.`,
        section: pick(SECTIONS, r),
        priority: r % 3 === 0 ? ('priority_action' as const) : ('improvement' as const),
        actions,
      };
    });
    return {
      id: `20000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      reference: `INS-${2024 + (i % 3)}-${String(i + 1).padStart(3, '0')}`,
      title: `Inspection of local authority children's services (ILACS) ${i + 1}`,
      publishedOn: published,
      rag: rollUp(recommendations.flatMap((r) => r.actions)),
      recommendations,
    };
  });

  changes.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return {
    councilName: `${pick(COUNCILS, inspectionCount)} Council`,
    asAt,
    since,
    scope:
      inspectionCount === 1 && inspections[0]
        ? { kind: 'inspection', inspectionId: inspections[0].id }
        : { kind: 'council' },
    rag: rollUp(inspections.flatMap((i) => i.recommendations.flatMap((r) => r.actions))),
    inspections,
    changes,
  };
}
