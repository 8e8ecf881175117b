import { neutraliseFormula } from '@app/actions';
import { EARLIEST_DATE } from '@app/common';
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { READING_NOTE_MAX_LENGTH, READING_SOURCE_MAX_LENGTH } from './measure-rules';

/** The columns of a readings file, in the template's order. */
export const READINGS_CSV_COLUMNS = [
  'action_reference',
  'measure',
  'value',
  'observed_on',
  'note',
  'source',
] as const;
export type ReadingsCsvColumn = (typeof READINGS_CSV_COLUMNS)[number];

const OPTIONAL_COLUMNS: readonly ReadingsCsvColumn[] = ['note', 'source'];

/** More rows than a council reports in a year of months: a bigger file is a mistake. */
export const READINGS_CSV_MAX_ROWS = 5000;
/** 5,000 rows with a short note each fit well within this. */
export const READINGS_CSV_MAX_BYTES = 1024 * 1024;
/** A refusal lists this many problems and counts the rest. */
export const READINGS_PROBLEMS_SHOWN = 100;

/** One reading as a line of the file names it, not yet matched to a measure. */
export interface ReadingRow {
  /** The line in the file as a spreadsheet numbers its rows (the header is 1). */
  line: number;
  actionReference: string;
  measure: string;
  value: number;
  observedOn: string;
  note: string | null;
  source: string | null;
}

/** What is wrong with a line, on the column (`field`) to put right; '' for the line as a whole. */
export interface ReadingProblem {
  line: number;
  field: string;
  message: string;
}

export type ReadingsCsv =
  /** The rows that could be read, and a problem for each line that could not. */
  | { kind: 'rows'; rows: ReadingRow[]; problems: ReadingProblem[] }
  /** The file as a whole cannot be read (no header, unknown columns, not CSV): no row is. */
  | { kind: 'unreadable'; problems: ReadingProblem[] }
  /** More data rows than READINGS_CSV_MAX_ROWS: refused before any of them is looked at. */
  | { kind: 'too-many-rows'; rows: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** How UK spreadsheets export a date; Excel drops the leading zeros ("5/3/2026"). */
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/** A plain number: digits, perhaps a sign and decimals. No thousands separators. */
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Reads a readings file: a header naming the columns (any case, any order; note and source may
 * be left out, unknown columns are refused by name), then one reading a line. Blank lines (and
 * rows of empty cells, as spreadsheets write them) are skipped, and so are template rows whose
 * reading was not filled in. A leading BOM is fine. Every problem names its line, counted as a
 * spreadsheet numbers rows. Whether each row's measure exists, its value fits the unit and its
 * date is not to come are MeasuresService's to say, not this file's.
 */
export function parseReadingsCsv(content: Buffer | string): ReadingsCsv {
  const text = typeof content === 'string' ? content : decode(content);
  if (text.includes('\0')) {
    return unreadable('The file must be a CSV file: save the spreadsheet as “CSV UTF-8”');
  }
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      // Kept, so that the index of a record is the row a spreadsheet shows it on.
      skip_empty_lines: false,
      relax_column_count: true,
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : 1;
    return unreadable(`The file is not valid CSV from line ${line}: ${csvErrorWords(error)}`, line);
  }
  const [header, ...data] = records;
  if (!header || isBlank(header)) return unreadable('The file is empty: it needs a header row');
  const columns = headerOf(header);
  if ('problems' in columns) return { kind: 'unreadable', problems: columns.problems };

  const filled = data.filter((cells) => !isBlank(cells)).length;
  if (filled > READINGS_CSV_MAX_ROWS) return { kind: 'too-many-rows', rows: filled };

  const rows: ReadingRow[] = [];
  const problems: ReadingProblem[] = [];
  data.forEach((cells, index) => {
    if (isBlank(cells)) return;
    const line = index + 2;
    const read = rowOf(cells, columns, line);
    if ('problems' in read) problems.push(...read.problems);
    else if (read.row) rows.push(read.row);
  });
  return { kind: 'rows', rows, problems };
}

/**
 * The template to fill in: one row per measure (action reference and name, the other columns
 * empty), ready for Excel (BOM, CRLF). Names a spreadsheet would run as formulas start with a
 * quote, as in every CSV the service writes; the parser takes the quote off again.
 */
export function readingsTemplateCsv(
  measures: ReadonlyArray<{ actionReference: string; measure: string }>,
): string {
  const rows = measures.map((m) => [
    neutraliseFormula(m.actionReference),
    neutraliseFormula(m.measure),
    '',
    '',
    '',
    '',
  ]);
  return (
    '\uFEFF' +
    stringify(rows, {
      header: true,
      columns: [...READINGS_CSV_COLUMNS],
      record_delimiter: 'windows',
    })
  );
}

/** The first `READINGS_PROBLEMS_SHOWN` problems and how many there are in all. */
export function problemsShown(problems: readonly ReadingProblem[]): {
  problems: ReadingProblem[];
  total: number;
} {
  return { problems: problems.slice(0, READINGS_PROBLEMS_SHOWN), total: problems.length };
}

/** UTF-8, as "CSV UTF-8" saves; otherwise Windows-1252, as Excel's plain "CSV" does in the UK. */
function decode(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return new TextDecoder('windows-1252').decode(content);
  }
}

function unreadable(message: string, line = 1): ReadingsCsv {
  return { kind: 'unreadable', problems: [{ line, field: '', message }] };
}

function csvErrorWords(error: CsvError): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted cell is never closed';
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE' || error.code === 'INVALID_OPENING_QUOTE') {
    return 'a cell has a quote in the wrong place';
  }
  return error.message;
}

const isBlank = (cells: readonly string[]): boolean => cells.every((cell) => cell.trim() === '');

/** Where each known column is, and how many cells the header has. */
interface Header {
  at: Partial<Record<ReadingsCsvColumn, number>>;
  width: number;
}

/** The header's columns, or its problems (all of them, at once). */
function headerOf(header: readonly string[]): Header | { problems: ReadingProblem[] } {
  const at: Partial<Record<ReadingsCsvColumn, number>> = {};
  const problems: ReadingProblem[] = [];
  const known = READINGS_CSV_COLUMNS.join(', ');
  header.forEach((cell, index) => {
    const name = cell.trim();
    const column = READINGS_CSV_COLUMNS.find((c) => c === name.toLowerCase());
    if (name === '') {
      // A spreadsheet's trailing empty column is harmless; one between columns is not.
      if (header.slice(index).some((later) => later.trim() !== '')) {
        problems.push({ line: 1, field: '', message: `Column ${index + 1} has no name` });
      }
    } else if (!column) {
      problems.push({
        line: 1,
        field: name,
        message: `Unknown column “${name}”: the columns are ${known}`,
      });
    } else if (at[column] !== undefined) {
      problems.push({ line: 1, field: column, message: `The column ${column} is there twice` });
    } else {
      at[column] = index;
    }
  });
  for (const column of READINGS_CSV_COLUMNS) {
    if (at[column] === undefined && !OPTIONAL_COLUMNS.includes(column)) {
      problems.push({ line: 1, field: column, message: `The column ${column} is missing` });
    }
  }
  return problems.length > 0 ? { problems } : { at, width: header.length };
}

/**
 * One line as a reading, or its problems; `row: null` for a template row left as it was (a
 * measure named, nothing of its reading filled in).
 */
function rowOf(
  cells: readonly string[],
  header: Header,
  line: number,
): { row: ReadingRow | null } | { problems: ReadingProblem[] } {
  const cell = (column: ReadingsCsvColumn): string => {
    const index = header.at[column];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const value = cell('value');
  const observedOn = cell('observed_on');
  const note = cell('note');
  const source = cell('source');
  const extra = !isBlank(cells.slice(header.width));
  if (!value && !observedOn && !note && !source && !extra) return { row: null };

  const problems: ReadingProblem[] = [];
  const refuse = (field: string, message: string) => problems.push({ line, field, message });
  if (extra) refuse('', 'The line has more cells than the header has columns');
  const actionReference = unquoted(cell('action_reference'));
  const measure = unquoted(cell('measure'));
  if (!actionReference) refuse('action_reference', 'Enter the action’s reference');
  if (!measure) refuse('measure', 'Enter the name of the measure');
  if (!value) refuse('value', 'Enter the value');
  else if (!NUMBER.test(value)) {
    refuse('value', 'Enter the value as a number, like 62.5 (no % sign or commas)');
  }
  const date = isoDate(observedOn);
  if (!observedOn) refuse('observed_on', 'Enter the date the value describes');
  else if ('problem' in date) refuse('observed_on', date.problem);
  if (note.length > READING_NOTE_MAX_LENGTH) {
    refuse('note', `The note must be ${READING_NOTE_MAX_LENGTH} characters or fewer`);
  }
  if (source.length > READING_SOURCE_MAX_LENGTH) {
    refuse('source', `The source must be ${READING_SOURCE_MAX_LENGTH} characters or fewer`);
  }
  if (problems.length > 0 || !('iso' in date)) return { problems };
  return {
    row: {
      line,
      actionReference,
      measure,
      value: Number(value),
      observedOn: date.iso,
      note: note || null,
      source: source || null,
    },
  };
}

/** A name as the template wrote it, without the quote that kept a spreadsheet from running it. */
function unquoted(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** YYYY-MM-DD from either format, or why not: not a date at all, not a real one (30/02/2026). */
function isoDate(text: string): { iso: string } | { problem: string } {
  const iso = ISO_DATE.exec(text);
  const uk = UK_DATE.exec(text);
  const parts = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
  const [year, month, day] = parts.map(Number);
  if (year === undefined || month === undefined || day === undefined) {
    return { problem: 'Enter the date as YYYY-MM-DD or DD/MM/YYYY, like 2026-10-31' };
  }
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (
    utc.getUTCFullYear() !== year ||
    utc.getUTCMonth() !== month - 1 ||
    utc.getUTCDate() !== day
  ) {
    return { problem: 'Enter a real date' };
  }
  const date = utc.toISOString().slice(0, 10);
  // The range every date in the service keeps to; "not after today" is MeasuresService's rule.
  if (date < EARLIEST_DATE) return { problem: `Enter a date from ${EARLIEST_DATE} onwards` };
  return { iso: date };
}
