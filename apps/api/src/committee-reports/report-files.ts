import { type CommitteeReport, renderDocx, writeWorkbook } from '@app/committee-reports';
import type { Response } from 'express';

export const REPORT_FORMATS = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type ReportFormat = keyof typeof REPORT_FORMATS;

/**
 * Sends the report as a Word document or a workbook, for the API and the pages alike. The
 * workbook is streamed as it is written, so a council's whole plan never sits in memory as a
 * file; the report itself is built (and any refusal given) before the first byte goes.
 */
export async function sendReport(
  res: Response,
  report: CommitteeReport,
  format: ReportFormat,
): Promise<void> {
  const scope = report.scope.kind === 'inspection' ? 'inspection' : 'council';
  res
    .status(200)
    .type(REPORT_FORMATS[format])
    .setHeader('Cache-Control', 'no-store')
    .attachment(`progress-report-${scope}-${report.asAt}.${format}`);
  if (format === 'docx') {
    res.send(await renderDocx(report));
    return;
  }
  await writeWorkbook(report, res);
  res.end();
}
