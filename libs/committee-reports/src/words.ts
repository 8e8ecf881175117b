import { dateInWords, utcMidnight } from '@app/common';
import type { CommitteeReport, Rag, ReportAction, ReportMeasure } from './committee-report';

export { dateInWords };

/**
 * The report's words, shared by the Word document and the workbook so both say the same thing:
 * dates as people write them, RAG and status as words (never colour alone), values in their unit.
 */

/** "2026-12-06" → a Date at UTC midnight: what Excel stores as that day, whatever the server's zone. */
export function utcDate(iso: string): Date {
  return new Date(utcMidnight(iso));
}

export const RAG_WORDS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

export const STATUS_WORDS: Record<ReportAction['status'], string> = {
  draft: 'Draft',
  open: 'Open',
  in_progress: 'In progress',
  blocked: 'Blocked',
  completed: 'Completed',
  verified: 'Verified',
  cancelled: 'Cancelled',
};

export const PRIORITY_WORDS: Record<'priority_action' | 'improvement', string> = {
  priority_action: 'Priority action',
  improvement: 'Area for improvement',
};

export const CHANGE_WORDS = {
  opened: 'Opened',
  completed: 'Completed',
  verified: 'Verified',
  slipped: 'Deadline moved',
  rag_moved: 'RAG changed',
} as const;

export const UNIT_WORDS: Record<ReportMeasure['unit'], string> = {
  percentage: 'Percentage',
  days: 'Days',
  count: 'Count',
  milestone: 'Milestone (met or not)',
};

/** A value as people read it in its unit: "62.5%", "14 days", "Met". */
export function measureValueWords(unit: ReportMeasure['unit'], value: number): string {
  switch (unit) {
    case 'percentage':
      return `${value}%`;
    case 'days':
      return value === 1 ? '1 day' : `${value} days`;
    case 'count':
      return String(value);
    case 'milestone':
      return value === 1 ? 'Met' : 'Not yet';
  }
}

/** "Amber", or "Amber (computed Red, overridden by Sam Patel: funding agreed)"; "Not rated" for none. */
export function actionRagWords(rag: ReportAction['rag']): string {
  if (rag.rag === null) return 'Not rated';
  if (!rag.override) return RAG_WORDS[rag.rag];
  const computed = rag.computed ? RAG_WORDS[rag.computed] : 'not rated';
  return (
    `${RAG_WORDS[rag.rag]} (computed ${computed}, ` +
    `overridden by ${rag.override.by}: ${rag.override.reason})`
  );
}

/** "Stockton-on-Tees Council inspection action plan: progress as at 6 December 2026". */
export function reportTitle(report: CommitteeReport): string {
  return `${report.councilName} inspection action plan: progress as at ${dateInWords(report.asAt)}`;
}
