import { parse } from 'csv-parse/sync';
import {
  parseReadingsCsv,
  READINGS_CSV_MAX_ROWS,
  type ReadingsCsv,
  readingsTemplateCsv,
} from './readings-csv';

const HEADER = 'action_reference,measure,value,observed_on,note,source';

function rowsOf(result: ReadingsCsv) {
  if (result.kind !== 'rows') throw new Error(`expected rows, got ${result.kind}`);
  return result;
}

describe('parseReadingsCsv', () => {
  it('reads each line as a reading, numbering lines as a spreadsheet does', () => {
    const result = rowsOf(
      parseReadingsCsv(
        [
          HEADER,
          'STK-2026-R1-1,Plans audited as good,62.5,2026-10-31,October audit,QA report',
          'STK-2026-R1-1, plans audited as good ,0,2026-11-30,,',
        ].join('\r\n'),
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        actionReference: 'STK-2026-R1-1',
        measure: 'Plans audited as good',
        value: 62.5,
        observedOn: '2026-10-31',
        note: 'October audit',
        source: 'QA report',
      },
      {
        line: 3,
        actionReference: 'STK-2026-R1-1',
        measure: 'plans audited as good',
        value: 0,
        observedOn: '2026-11-30',
        note: null,
        source: null,
      },
    ]);
  });

  it('takes the header in any case and order, without the optional columns', () => {
    const result = rowsOf(
      parseReadingsCsv('Observed_On,VALUE,Measure,Action_Reference\n31/10/2026,12,Visits,A-1\n'),
    );
    expect(result.rows).toEqual([
      expect.objectContaining({ line: 2, actionReference: 'A-1', measure: 'Visits', value: 12 }),
    ]);
  });

  it('accepts YYYY-MM-DD and DD/MM/YYYY (with or without leading zeros), and refuses others', () => {
    const result = parseReadingsCsv(
      [
        HEADER,
        'A-1,M,1,2026-03-05,,',
        'A-1,M,1,05/03/2026,,',
        'A-1,M,1,5/3/2026,,',
        'A-1,M,1,03-05-26,,',
        'A-1,M,1,30/02/2026,,',
        'A-1,M,1,1999-12-31,,',
      ].join('\n'),
    );
    const { rows, problems } = rowsOf(result);
    expect(rows.map((row) => [row.line, row.observedOn])).toEqual([
      [2, '2026-03-05'],
      [3, '2026-03-05'],
      [4, '2026-03-05'],
    ]);
    expect(problems).toEqual([
      {
        line: 5,
        field: 'observed_on',
        message: 'Enter the date as YYYY-MM-DD or DD/MM/YYYY, like 2026-10-31',
      },
      { line: 6, field: 'observed_on', message: 'Enter a real date' },
      { line: 7, field: 'observed_on', message: 'Enter a date from 2000-01-01 onwards' },
    ]);
  });

  it('reads a file with a BOM, as Excel saves one', () => {
    const result = rowsOf(parseReadingsCsv(Buffer.from(`\uFEFF${HEADER}\nA-1,M,1,2026-01-31,,\n`)));
    expect(result.rows).toHaveLength(1);
  });

  it('reads Excel’s plain CSV (Windows-1252) as well as UTF-8', () => {
    const latin = Buffer.from(`${HEADER}\nA-1,M,1,2026-01-31,Caf\xe9 visit,\n`, 'latin1');
    expect(rowsOf(parseReadingsCsv(latin)).rows[0]?.note).toBe('Café visit');
  });

  it('skips blank lines and empty rows but keeps counting them', () => {
    const result = rowsOf(
      parseReadingsCsv(
        [HEADER, '', 'A-1,M,1,2026-01-31,,', ',,,,,', '', 'A-1,M,x,2026-01-31,,'].join('\n'),
      ),
    );
    expect(result.rows.map((row) => row.line)).toEqual([3]);
    expect(result.problems).toEqual([
      {
        line: 6,
        field: 'value',
        message: 'Enter the value as a number, like 62.5 (no % sign or commas)',
      },
    ]);
  });

  it('counts a quoted cell over several lines as one row', () => {
    const result = rowsOf(
      parseReadingsCsv(`${HEADER}\nA-1,M,1,2026-01-31,"two\nlines",\nA-1,M,lots,2026-01-31,,\n`),
    );
    expect(result.rows[0]?.note).toBe('two\nlines');
    expect(result.problems.map((p) => p.line)).toEqual([3]);
  });

  it('skips template rows whose reading was not filled in', () => {
    const result = rowsOf(parseReadingsCsv(`${HEADER}\nA-1,M,,,,\nA-1,N,3,2026-01-31,,\n`));
    expect(result.rows.map((row) => row.measure)).toEqual(['N']);
    expect(result.problems).toEqual([]);
  });

  it('names every problem of a line, on its column', () => {
    const result = rowsOf(
      parseReadingsCsv(`${HEADER}\n,,62%,,${'n'.repeat(2001)},${'s'.repeat(201)},extra\n`),
    );
    expect(result.rows).toEqual([]);
    expect(result.problems.map((p) => p.field)).toEqual([
      '',
      'action_reference',
      'measure',
      'value',
      'observed_on',
      'note',
      'source',
    ]);
    expect(result.problems.every((p) => p.line === 2)).toBe(true);
  });

  it('refuses unknown columns by name, and missing or repeated ones, on line 1', () => {
    expect(parseReadingsCsv('action_reference,measure,value,observed_on,colour\n')).toEqual({
      kind: 'unreadable',
      problems: [
        {
          line: 1,
          field: 'colour',
          message:
            'Unknown column “colour”: the columns are action_reference, measure, value, observed_on, note, source',
        },
      ],
    });
    expect(parseReadingsCsv('measure,value,value\n')).toEqual({
      kind: 'unreadable',
      problems: [
        { line: 1, field: 'value', message: 'The column value is there twice' },
        { line: 1, field: 'action_reference', message: 'The column action_reference is missing' },
        { line: 1, field: 'observed_on', message: 'The column observed_on is missing' },
      ],
    });
  });

  it('allows a trailing empty header cell but not a nameless column between others', () => {
    expect(parseReadingsCsv(`${HEADER},\nA-1,M,1,2026-01-31,,,\n`).kind).toBe('rows');
    expect(parseReadingsCsv('action_reference,,measure,value,observed_on\n')).toMatchObject({
      kind: 'unreadable',
      problems: [{ line: 1, message: 'Column 2 has no name' }],
    });
  });

  it('refuses an empty file, a file that is not CSV, and broken quoting', () => {
    expect(parseReadingsCsv('')).toMatchObject({ kind: 'unreadable' });
    expect(parseReadingsCsv('\n\n')).toMatchObject({ kind: 'unreadable' });
    expect(parseReadingsCsv(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toMatchObject({
      kind: 'unreadable',
      problems: [{ line: 1, message: expect.stringContaining('CSV UTF-8') as unknown }],
    });
    expect(parseReadingsCsv(`${HEADER}\nA-1,M,1,2026-01-31,"open\n`)).toMatchObject({
      kind: 'unreadable',
      problems: [{ line: 2, message: expect.stringContaining('never closed') as unknown }],
    });
  });

  it(`refuses more than ${READINGS_CSV_MAX_ROWS} rows as a whole, blank lines not counted`, () => {
    const line = 'A-1,M,1,2026-01-31,,';
    const most = [HEADER, ...Array<string>(READINGS_CSV_MAX_ROWS).fill(line), '', ''].join('\n');
    expect(parseReadingsCsv(most).kind).toBe('rows');
    expect(parseReadingsCsv(`${most}\n${line}\n`)).toEqual({
      kind: 'too-many-rows',
      rows: READINGS_CSV_MAX_ROWS + 1,
    });
  });
});

describe('readingsTemplateCsv', () => {
  it('writes one row per measure for Excel, quoting formulas, and reads back as it was', () => {
    const csv = readingsTemplateCsv([
      { actionReference: 'A-1', measure: 'Plans audited' },
      { actionReference: 'A-2', measure: '=HYPERLINK("x")' },
    ]);
    expect(csv.startsWith('\uFEFFaction_reference,measure,value,observed_on,note,source\r\n')).toBe(
      true,
    );
    const cells: string[][] = parse(csv, { bom: true });
    expect(cells[2]).toEqual(['A-2', '\'=HYPERLINK("x")', '', '', '', '']);
    const filled = csv.replace(/,,,,\r\n/g, ',5,2026-01-31,,\r\n');
    expect(rowsOf(parseReadingsCsv(filled)).rows.map((row) => row.measure)).toEqual([
      'Plans audited',
      '=HYPERLINK("x")',
    ]);
  });
});
