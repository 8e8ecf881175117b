import { actionsToCsv, neutraliseFormula } from './action-csv';
import type { ActionView } from './action-view';

const action: ActionView = {
  id: 'a1',
  reference: 'STK-2026-R1-1',
  title: '=HYPERLINK("http://evil.example","click")',
  description: 'Line one\nline two, with "quotes"',
  recommendation: {
    id: 'r1',
    ref: 'R1',
    label: null,
    text: 'Improve plans',
    section: 'What needs to improve',
    theme: null,
    priority: 'improvement',
    timescaleText: null,
  },
  inspection: { id: 'i1', reference: 'STK-2026', title: 'Inspection' },
  responsible: ['Stockport Council', 'Partners'],
  organisation: null,
  owner: { id: 'u1', name: 'Zoë Ållen', email: 'zoe@example.gov.uk' },
  dueOn: '2026-09-01',
  originalDueOn: '2026-08-01',
  slippageDays: 31,
  status: 'open',
  statusReason: null,
  overdue: true,
  daysLeft: -5,
  successMeasure: '+10% of plans good',
  smartGaps: [],
  completedAt: null,
  verifiedAt: null,
  createdAt: new Date('2026-03-01T10:00:00Z'),
  updatedAt: new Date('2026-03-02T10:00:00Z'),
};

describe('neutraliseFormula', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('quotes %j', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('Plan = good')).toBe('Plan = good');
  });
});

describe('actionsToCsv', () => {
  const csv = actionsToCsv([action]);

  it('starts with a BOM and a header row, ends lines with CRLF', () => {
    expect(csv.startsWith('\uFEFFReference,Title,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // The only bare LF is inside the quoted description.
    expect(csv.split('\r\n')).toHaveLength(3);
  });

  it('neutralises formulas in text but keeps numbers numeric', () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain(`'+10% of plans good`);
    expect(csv).toContain(',31,-5,');
  });

  it('writes ISO dates and names as they are', () => {
    expect(csv).toContain('2026-09-01,2026-08-01');
    expect(csv).toContain('2026-03-01T10:00:00.000Z');
    expect(csv).toContain('Zoë Ållen');
    expect(csv).toContain('Stockport Council; Partners');
  });
});
