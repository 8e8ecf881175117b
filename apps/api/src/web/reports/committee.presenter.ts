import {
  CHANGE_WORDS,
  type CommitteeReport,
  measureChartSvg,
  measureValueWords,
  type ReportMeasure,
  type ReportReading,
} from '@app/committee-reports';
import type { InspectionOption } from '@app/inspections';
import type { PageLocals } from '../pipeline/page';
import { longDate, RAG_TAGS, statusTag } from '../view-models';

const NOT_RATED = { text: 'Not rated', classes: 'govuk-tag--grey' };
const ragTagOf = (rag: string | null) => (rag ? (RAG_TAGS[rag] ?? NOT_RATED) : NOT_RATED);

const point = (measure: ReportMeasure, reading: ReportReading | null, none: string) =>
  reading
    ? `${measureValueWords(measure.unit, reading.value)} on ${longDate(reading.observedOn)}`
    : none;

/** The query string that asks for this same report, for the download links. */
function sameReport(report: CommitteeReport): string {
  const query = new URLSearchParams({ asAt: report.asAt });
  if (report.scope.kind === 'inspection') query.set('inspectionId', report.scope.inspectionId);
  if (report.since) query.set('since', report.since);
  return query.toString();
}

/**
 * The committee progress report page: the same report the API, the Word document and the
 * workbook give, with the choice of inspection and dates above it (left out when printed).
 */
export function committeePage(
  report: CommitteeReport,
  options: readonly InspectionOption[],
): PageLocals {
  const title =
    report.scope.kind === 'inspection'
      ? `Progress report: ${report.inspections[0]?.title ?? 'inspection'}`
      : 'Progress report: all live inspections';
  const query = sameReport(report);
  return {
    title,
    section: 'dashboard',
    heading: title,
    asAtLabel: longDate(report.asAt),
    sinceLabel: report.since ? longDate(report.since) : null,
    values: {
      inspectionId: report.scope.kind === 'inspection' ? report.scope.inspectionId : '',
      asAt: report.asAt,
      since: report.since ?? '',
    },
    inspectionItems: [
      { value: '', text: 'All live inspections' },
      ...options.map((o) => ({
        value: o.id,
        text: o.title ? `${o.reference}: ${o.title}` : o.reference,
        selected: report.scope.kind === 'inspection' && report.scope.inspectionId === o.id,
      })),
    ],
    downloads: {
      docx: `/reports/committee.docx?${query}`,
      xlsx: `/reports/committee.xlsx?${query}`,
    },
    rag: { tag: ragTagOf(report.rag.rag), ...report.rag },
    changes: report.changes.map((change) => [
      { text: longDate(change.on) },
      { text: `${change.reference}: ${change.title}` },
      { text: CHANGE_WORDS[change.kind] },
      { text: change.detail },
    ]),
    inspections: report.inspections.map((inspection) => ({
      ...inspection,
      tag: ragTagOf(inspection.rag.rag),
      recommendations: inspection.recommendations.map((recommendation) => ({
        ...recommendation,
        priorityAction: recommendation.priority === 'priority_action',
        repeatOf: recommendation.repeatOf ?? null,
        actions: recommendation.actions.map((action) => ({
          ...action,
          statusTag: statusTag(action.status),
          ragTag: ragTagOf(action.rag.rag),
          computedLabel: action.rag.computed ? ragTagOf(action.rag.computed).text : 'Not rated',
          dueLabel: longDate(action.dueOn),
          originalLabel: action.originalDueOn ? longDate(action.originalDueOn) : null,
          noteOn: action.latestNote ? longDate(action.latestNote.on) : null,
          measures: action.measures.map((measure, index) => ({
            ...measure,
            tag: ragTagOf(measure.rag),
            baselineLabel: point(measure, measure.baseline, 'None recorded'),
            targetLabel: point(measure, measure.target, ''),
            latestLabel: point(measure, measure.latest, 'No readings yet'),
            chartSvg: measureChartSvg(measure, { id: `measure-${action.id}-${index}` }),
            readingRows: [...measure.readings]
              .reverse()
              .map((reading) => [
                { text: longDate(reading.observedOn) },
                { text: measureValueWords(measure.unit, reading.value), format: 'numeric' },
              ]),
          })),
        })),
      })),
    })),
  };
}
