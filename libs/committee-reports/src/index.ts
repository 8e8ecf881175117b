export * from './committee-report';
export {
  BAR_CHART,
  barChartSvg,
  barLengths,
  CHART_COLOURS,
  escapeXml,
  LINE_CHART,
  lineChartSvg,
  niceCeiling,
  shortDate,
  type Bar,
  type BarChartInput,
  type DateMarker,
  type LineChartInput,
  type SeriesPoint,
} from './charts';
export { measureChartDescription, measureChartSvg } from './measure-chart';
export {
  actionRagWords,
  CHANGE_WORDS,
  dateInWords,
  measureValueWords,
  PRIORITY_WORDS,
  RAG_WORDS,
  reportTitle,
  STATUS_WORDS,
  UNIT_WORDS,
  utcDate,
} from './words';
export { renderDocx } from './render/docx';
export { writeWorkbook } from './render/xlsx';
export { CommitteeReportsModule } from './committee-reports.module';
export {
  CommitteeReportsService,
  REPORT_DRAWN_MAX_ACTIONS,
  type ReportRequest,
} from './committee-reports.service';
