import {
  CommitteeReportsService,
  REPORT_DRAWN_MAX_ACTIONS,
  type ReportRequest,
  renderDocx,
  writeWorkbook,
} from '@app/committee-reports';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Response } from 'express';

export const REPORT_FORMATS = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type ReportFormat = keyof typeof REPORT_FORMATS;

/** /reports/committee.:format */
export class ReportFormatPath {
  @ApiProperty({ enum: Object.keys(REPORT_FORMATS), description: 'docx or xlsx.' })
  @IsIn(Object.keys(REPORT_FORMATS))
  format!: ReportFormat;
}

/**
 * Sends the report as a Word document or a workbook, for the API and the pages alike. The
 * workbook is streamed as it is written, so a council's whole plan never sits in memory as a
 * file; the report itself is built (and any refusal given) before the first byte goes. A Word
 * document is drawn in one go, so it is refused beyond REPORT_DRAWN_MAX_ACTIONS.
 */
export async function sendReport(
  res: Response,
  reports: CommitteeReportsService,
  at: { councilId: string; query: ReportRequest; format: ReportFormat },
): Promise<void> {
  const { format } = at;
  const report = await reports.build(
    at.councilId,
    at.query,
    format === 'docx' ? { maxActions: REPORT_DRAWN_MAX_ACTIONS } : {},
  );
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
