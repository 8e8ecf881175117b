import type { Stream } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CommitteeReport, RagRollUp, ReportAction } from '../committee-report';
import {
  CHANGE_WORDS,
  dateInWords,
  PRIORITY_WORDS,
  RAG_WORDS,
  reportTitle,
  STATUS_WORDS,
  UNIT_WORDS,
  utcDate,
} from '../words';

/**
 * The committee progress report as a workbook, for people who filter and sort: one row per
 * action, one per reading, one per change, and a summary. Written with exceljs's streaming
 * writer, each row committed as it is added and the event loop given a turn every few hundred
 * rows so the zip can drain: memory stays bounded for a council with 20,000 actions.
 *
 * Dates are real Excel dates (UTC midnight, which Excel reads as that day) shown as "6 Dec 2026";
 * numbers are numbers; RAG is a word, never a colour alone.
 */

/**
 * What a cell may hold. No formulas: exceljs writes a formula only from a `{ formula }` object,
 * which this type keeps out, so text such as "=HYPERLINK(...)" from a note is written as a string
 * cell. Text that starts as a formula would (= + - @, tab, CR) also gets the Text number format,
 * so that editing the cell in Excel keeps it text rather than turning it into a formula.
 */
type CellValue = string | number | Date | null;
const FORMULA_LIKE = /^[=+\-@\t\r]/;
const TEXT_FORMAT = '@';
const DATE_FORMAT = 'd mmm yyyy';

interface Column {
  header: string;
  width: number;
  date?: boolean;
  wrap?: boolean;
}

/** Rows between turns of the event loop: enough to keep the writer fast, few enough to stay small. */
const ROWS_PER_TURN = 500;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The output's first error, if any: writing stops at the next turn rather than going on unread. */
interface Output {
  error: Error | null;
}

class SheetWriter {
  private rowsSinceTurn = 0;

  constructor(
    private readonly output: Output,
    private readonly sheet: ExcelJS.Worksheet,
    columns: readonly Column[],
    options: { filter: boolean },
  ) {
    sheet.columns = columns.map((column) => ({
      width: column.width,
      style: {
        ...(column.date ? { numFmt: DATE_FORMAT } : {}),
        ...(column.wrap ? { alignment: { wrapText: true, vertical: 'top' as const } } : {}),
      },
    }));
    const header = sheet.addRow(columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();
    if (options.filter) {
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    }
  }

  async add(values: readonly CellValue[]): Promise<void> {
    const row = this.sheet.addRow([...values]);
    values.forEach((value, index) => {
      if (typeof value === 'string' && FORMULA_LIKE.test(value)) {
        row.getCell(index + 1).numFmt = TEXT_FORMAT;
      }
    });
    row.commit();
    if (++this.rowsSinceTurn >= ROWS_PER_TURN) {
      this.rowsSinceTurn = 0;
      await nextTurn();
      if (this.output.error) throw this.output.error;
    }
  }

  commit(): void {
    this.sheet.commit();
  }
}

const date = (iso: string | null): Date | null => (iso ? utcDate(iso) : null);
const ragWords = (rag: ReportAction['rag']['rag']): string => (rag ? RAG_WORDS[rag] : 'Not rated');

const ACTION_COLUMNS: readonly Column[] = [
  { header: 'Inspection', width: 30 },
  { header: 'Recommendation', width: 40, wrap: true },
  { header: 'Priority', width: 20 },
  { header: 'Reference', width: 14 },
  { header: 'Action', width: 40, wrap: true },
  { header: 'Owner', width: 20 },
  { header: 'Status', width: 12 },
  { header: 'Original deadline', width: 14, date: true },
  { header: 'Current deadline', width: 14, date: true },
  { header: 'Slippage (days)', width: 10 },
  { header: 'Slippage reasons', width: 40, wrap: true },
  { header: 'RAG', width: 10 },
  { header: 'Computed RAG', width: 10 },
  { header: 'Override reason', width: 40, wrap: true },
  { header: 'Latest note', width: 50, wrap: true },
  { header: 'Latest note date', width: 14, date: true },
  { header: 'Evidence', width: 50, wrap: true },
];

const READING_COLUMNS: readonly Column[] = [
  { header: 'Reference', width: 14 },
  { header: 'Measure', width: 36 },
  { header: 'Unit', width: 14 },
  { header: 'Date', width: 14, date: true },
  { header: 'Value', width: 10 },
  { header: 'Target', width: 10 },
  { header: 'Target date', width: 14, date: true },
  { header: 'RAG', width: 10 },
];

const CHANGE_COLUMNS: readonly Column[] = [
  { header: 'Date', width: 14, date: true },
  { header: 'Reference', width: 14 },
  { header: 'Action', width: 40, wrap: true },
  { header: 'Change', width: 16 },
  { header: 'Detail', width: 60, wrap: true },
];

const SUMMARY_COLUMNS: readonly Column[] = [
  { header: 'Inspection', width: 40 },
  { header: 'RAG', width: 10 },
  { header: 'Red', width: 8 },
  { header: 'Amber', width: 8 },
  { header: 'Green', width: 8 },
  { header: 'Not rated', width: 10 },
  { header: 'Actions', width: 10 },
];

const frozenHeader = { views: [{ state: 'frozen' as const, ySplit: 1 }] };

async function writeSummary(
  output: Output,
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  report: CommitteeReport,
) {
  const sheet = new SheetWriter(
    output,
    workbook.addWorksheet('Summary', frozenHeader),
    SUMMARY_COLUMNS,
    {
      filter: false,
    },
  );
  const counts = (scope: string, rag: RagRollUp): CellValue[] => [
    scope,
    RAG_WORDS[rag.rag],
    rag.red,
    rag.amber,
    rag.green,
    rag.unrated,
    rag.red + rag.amber + rag.green + rag.unrated,
  ];
  for (const inspection of report.inspections) {
    await sheet.add(counts(`${inspection.title} (${inspection.reference})`, inspection.rag));
  }
  await sheet.add(counts('All inspections', report.rag));
  // The report's terms below the counts, so the counts keep one header row and one shape.
  await sheet.add([]);
  await sheet.add(['Council', report.councilName]);
  await sheet.add(['As at', utcDate(report.asAt)]);
  await sheet.add(['Changes since', date(report.since) ?? 'No comparison asked for']);
  sheet.commit();
}

async function writeActions(
  output: Output,
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  report: CommitteeReport,
) {
  const sheet = new SheetWriter(
    output,
    workbook.addWorksheet('Actions', frozenHeader),
    ACTION_COLUMNS,
    {
      filter: true,
    },
  );
  for (const inspection of report.inspections) {
    const inspectionName = `${inspection.title} (${inspection.reference})`;
    for (const recommendation of inspection.recommendations) {
      const { label, text } = recommendation;
      const recommendationText = label ? `${label}: ${text}` : text;
      for (const action of recommendation.actions) {
        const { rag, latestNote } = action;
        await sheet.add([
          inspectionName,
          recommendationText,
          // A repeat finding says so where the priority is read.
          recommendation.repeatOf
            ? `${PRIORITY_WORDS[recommendation.priority]}; repeat finding`
            : PRIORITY_WORDS[recommendation.priority],
          action.reference,
          action.title,
          action.owner,
          STATUS_WORDS[action.status],
          date(action.originalDueOn),
          date(action.dueOn),
          action.slippageDays,
          action.slippageReasons.join('\n') || null,
          ragWords(rag.rag),
          ragWords(rag.computed),
          rag.override ? `${rag.override.reason} (${rag.override.by})` : null,
          latestNote ? `${latestNote.note} (${latestNote.by})` : null,
          date(latestNote?.on ?? null),
          action.evidence.join('\n') || null,
        ]);
      }
    }
  }
  sheet.commit();
}

async function writeReadings(
  output: Output,
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  report: CommitteeReport,
) {
  const sheet = new SheetWriter(
    output,
    workbook.addWorksheet('Readings', frozenHeader),
    READING_COLUMNS,
    {
      filter: true,
    },
  );
  for (const inspection of report.inspections) {
    for (const recommendation of inspection.recommendations) {
      for (const action of recommendation.actions) {
        for (const measure of action.measures) {
          const measureRag = measure.rag ? RAG_WORDS[measure.rag] : 'Not rated';
          for (const reading of measure.readings) {
            await sheet.add([
              action.reference,
              measure.name,
              UNIT_WORDS[measure.unit],
              utcDate(reading.observedOn),
              reading.value,
              measure.target.value,
              utcDate(measure.target.observedOn),
              measureRag,
            ]);
          }
        }
      }
    }
  }
  sheet.commit();
}

async function writeChanges(
  output: Output,
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  report: CommitteeReport,
) {
  const sheet = new SheetWriter(
    output,
    workbook.addWorksheet('Changes', frozenHeader),
    CHANGE_COLUMNS,
    {
      filter: true,
    },
  );
  for (const change of report.changes) {
    await sheet.add([
      utcDate(change.on),
      change.reference,
      change.title,
      CHANGE_WORDS[change.kind],
      change.detail,
    ]);
  }
  sheet.commit();
}

/**
 * Streams the workbook to `out` (a file, an HTTP response) and resolves once all of it is
 * written to `out`. Sheets: Summary, Actions, Readings, and Changes when `since` is set.
 */
export async function writeWorkbook(
  report: CommitteeReport,
  out: NodeJS.WritableStream,
): Promise<void> {
  const output: Output = { error: null };
  // Listening from the start: an error (a client gone) before exceljs listens would otherwise
  // be thrown, or leave the commit waiting for a 'finish' that never comes.
  const failed = new Promise<never>((_, reject) => {
    out.once('error', (error: Error) => {
      output.error = error;
      reject(error);
    });
  });
  failed.catch(() => undefined); // Handled by the race below; this only stops an unhandled warning.

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    // exceljs types it as a Stream but only pipes its zip into it, which any writable allows.
    stream: out as unknown as Stream,
    useStyles: true,
    // Shared strings are kept in memory until the end; inline strings stream.
    useSharedStrings: false,
  });
  workbook.creator = 'followthrough';
  workbook.lastModifiedBy = 'followthrough';
  workbook.title = reportTitle(report);
  workbook.subject = 'Inspection action plan progress';
  workbook.description = `Progress as at ${dateInWords(report.asAt)}.`;
  // exceljs writes dc:language from the workbook's `language`, which its types leave out.
  Object.assign(workbook, { language: 'en-GB' });

  const write = async (): Promise<void> => {
    await writeSummary(output, workbook, report);
    await writeActions(output, workbook, report);
    await writeReadings(output, workbook, report);
    if (report.since) await writeChanges(output, workbook, report);
    // Resolves when `out` has finished.
    await workbook.commit();
  };
  await Promise.race([write(), failed]);
}
