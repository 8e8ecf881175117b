import { neutraliseFormula } from '@app/actions';
import { overdueCsv, type OverdueRow } from './report-views';

describe('overdueCsv', () => {
  const row: OverdueRow = {
    id: 'x',
    reference: 'BRK-2026-R1-1',
    title: '=SUM(A1:A2)',
    owner: '@mention',
    team: '-5',
    inspection: '+BRK',
    dueOn: '2026-03-01',
    dueLabel: '1 March 2026',
    daysOverdue: 12,
    status: { text: 'Open', classes: 'govuk-tag--blue' },
  };

  it('writes a header, CRLF lines and quotes cells a spreadsheet would run', () => {
    const csv = overdueCsv([row]);
    expect(
      csv.startsWith(
        '\uFEFFReference,Title,Owner,Team,Inspection,Due date,Days overdue,Status\r\n',
      ),
    ).toBe(true);
    expect(csv).toContain("BRK-2026-R1-1,'=SUM(A1:A2),'@mention,'-5,'+BRK,2026-03-01,12,Open\r\n");
  });

  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('Plans are good')).toBe('Plans are good');
    expect(neutraliseFormula('\tx')).toBe("'\tx");
  });
});
