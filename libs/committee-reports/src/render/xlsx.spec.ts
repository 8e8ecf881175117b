import { PassThrough, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CommitteeReport } from '../committee-report';
import { sampleReport } from '../testing/sample-report';
import { writeWorkbook } from './xlsx';

async function toBuffer(report: CommitteeReport): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeWorkbook(report, out);
  return Buffer.concat(chunks);
}

async function read(report: CommitteeReport): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's types name an older Buffer than @types/node's; the bytes are the same.
  await workbook.xlsx.load((await toBuffer(report)) as unknown as ExcelJS.Buffer);
  return workbook;
}

const sheet = (workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`No sheet ${name}`);
  return found;
};

/** Row values from column 1 (exceljs's `values` starts at index 1). */
const rowValues = (ws: ExcelJS.Worksheet, row: number): unknown[] => {
  const values = ws.getRow(row).values;
  return Array.isArray(values) ? values.slice(1) : [];
};

describe('writeWorkbook', () => {
  const report = sampleReport({
    inspections: 2,
    recommendationsPerInspection: 2,
    actionsPerRecommendation: 3,
    measuresPerAction: (index) => (index % 4 === 0 ? 1 : 0),
    readingsPerMeasure: 5,
    since: '2026-11-01',
  });
  const actions = report.inspections.flatMap((i) => i.recommendations.flatMap((r) => r.actions));
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await read(report);
  });

  it('has the summary, actions, readings and changes sheets, and a title', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      'Summary',
      'Actions',
      'Readings',
      'Changes',
    ]);
    expect(workbook.creator).toBe('followthrough');
    expect(workbook.title).toBe(
      `${report.councilName} inspection action plan: progress as at 6 December 2026`,
    );
  });

  it('heads each sheet with a frozen, filterable header row', () => {
    const actionsSheet = sheet(workbook, 'Actions');
    expect(rowValues(actionsSheet, 1)).toEqual([
      'Inspection',
      'Recommendation',
      'Priority',
      'Reference',
      'Action',
      'Owner',
      'Status',
      'Original deadline',
      'Current deadline',
      'Slippage (days)',
      'Slippage reasons',
      'RAG',
      'Computed RAG',
      'Override reason',
      'Latest note',
      'Latest note date',
      'Evidence',
    ]);
    expect(rowValues(sheet(workbook, 'Readings'), 1)).toEqual([
      'Reference',
      'Measure',
      'Unit',
      'Date',
      'Value',
      'Target',
      'Target date',
      'RAG',
    ]);
    expect(rowValues(sheet(workbook, 'Changes'), 1)).toEqual([
      'Date',
      'Reference',
      'Action',
      'Change',
      'Detail',
    ]);
    for (const name of ['Actions', 'Readings', 'Changes']) {
      const ws = sheet(workbook, name);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
    }
  });

  it('writes one row per action, reading and change, with real dates and numbers', () => {
    const actionsSheet = sheet(workbook, 'Actions');
    expect(actionsSheet.actualRowCount).toBe(actions.length + 1);
    const withDeadline = actions.findIndex((a) => a.dueOn !== null && a.slippageDays > 0);
    const action = actions[withDeadline];
    const row = actionsSheet.getRow(withDeadline + 2);
    expect(row.getCell(4).value).toBe(action?.reference);
    expect(row.getCell(9).value).toBeInstanceOf(Date);
    expect(row.getCell(9).value).toEqual(new Date(`${action?.dueOn}T00:00:00Z`));
    expect(row.getCell(9).numFmt).toBe('d mmm yyyy');
    expect(row.getCell(10).value).toBe(action?.slippageDays);
    expect(typeof row.getCell(10).value).toBe('number');

    const readings = actions.flatMap((a) => a.measures.flatMap((m) => m.readings));
    const readingsSheet = sheet(workbook, 'Readings');
    expect(readingsSheet.actualRowCount).toBe(readings.length + 1);
    expect(readingsSheet.getRow(2).getCell(5).value).toBe(readings[0]?.value);
    expect(readingsSheet.getRow(2).getCell(4).value).toEqual(
      new Date(`${readings[0]?.observedOn}T00:00:00Z`),
    );
    expect(sheet(workbook, 'Changes').actualRowCount).toBe(report.changes.length + 1);
  });

  it('counts the RAG on the summary and names the council and dates', () => {
    const summary = sheet(workbook, 'Summary');
    const total = report.inspections.length + 2;
    expect(rowValues(summary, total)).toEqual([
      'All inspections',
      { red: 'Red', amber: 'Amber', green: 'Green' }[report.rag.rag],
      report.rag.red,
      report.rag.amber,
      report.rag.green,
      report.rag.unrated,
      actions.length,
    ]);
    expect(rowValues(summary, total + 2)).toEqual(['Council', report.councilName]);
    expect(rowValues(summary, total + 3)).toEqual(['As at', new Date('2026-12-06T00:00:00Z')]);
  });

  it('writes text that looks like a formula as text', async () => {
    const hostile = sampleReport({ recommendationsPerInspection: 1, actionsPerRecommendation: 1 });
    const action = hostile.inspections[0]?.recommendations[0]?.actions[0];
    if (!action) throw new Error('no action');
    action.title = '=HYPERLINK("https://evil.example","Click")';
    action.owner = '+44 20 7946 0000';
    action.evidence = ['@SUM(1+1)'];
    const row = sheet(await read(hostile), 'Actions').getRow(2);
    for (const [column, text] of [
      [5, action.title],
      [6, action.owner],
      [17, '@SUM(1+1)'],
    ] as const) {
      const cell = row.getCell(column);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text);
      expect(cell.formula).toBeFalsy();
      // Text format, so editing the cell in Excel keeps it text.
      expect(cell.numFmt).toBe('@');
    }
  });

  it('has no changes sheet when no earlier date was asked for', async () => {
    const names = (await read({ ...report, since: null, changes: [] })).worksheets.map(
      (ws) => ws.name,
    );
    expect(names).toEqual(['Summary', 'Actions', 'Readings']);
  });

  it('stops with the error when the output fails', async () => {
    const broken = new Writable({
      write: (_chunk, _encoding, callback) => callback(new Error('client went away')),
    });
    await expect(writeWorkbook(report, broken)).rejects.toThrow('client went away');
  });
});
