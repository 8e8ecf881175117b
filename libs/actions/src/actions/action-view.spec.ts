import type { ActionRow } from './action-list.query';
import { slippageDays, toActionView } from './action-view';

const row: ActionRow = {
  id: 'a1',
  reference: 'STK-2026-R1-1',
  title: 'Audit plans',
  description: null,
  success_measure: null,
  status: 'open',
  status_reason: null,
  due_on: '2026-11-20',
  original_due_on: '2026-11-01',
  completed_at: null,
  verified_at: null,
  created_at: new Date('2026-03-01T10:00:00Z'),
  updated_at: new Date('2026-03-01T10:00:00Z'),
  owner_id: null,
  owner_name: null,
  owner_email: null,
  organisation_id: null,
  organisation_name: null,
  recommendation_id: 'r1',
  recommendation_ref: 'R1',
  recommendation_label: null,
  recommendation_text: 'Improve plans',
  recommendation_section: 'What needs to improve',
  recommendation_theme: null,
  recommendation_priority: 'improvement',
  recommendation_timescale_text: null,
  recommendation_responsible: ['Stockport Council'],
  inspection_id: 'i1',
  inspection_reference: 'STK-2026',
  inspection_title: null,
};

describe('toActionView', () => {
  it('derives overdue, daysLeft, slippage and gaps from today', () => {
    expect(toActionView(row, '2026-11-23')).toMatchObject({
      overdue: true,
      daysLeft: -3,
      slippageDays: 19,
      smartGaps: ['owner', 'successMeasure'],
      owner: null,
      responsible: ['Stockport Council'],
      recommendation: { ref: 'R1', text: 'Improve plans' },
      inspection: { reference: 'STK-2026' },
    });
  });

  it('is not overdue once completed, nor on the day itself', () => {
    expect(toActionView({ ...row, status: 'completed' }, '2026-11-23').overdue).toBe(false);
    expect(toActionView(row, '2026-11-20')).toMatchObject({ overdue: false, daysLeft: 0 });
  });

  it('shows the owner', () => {
    const view = toActionView(
      { ...row, owner_id: 'u1', owner_name: 'Priya', owner_email: 'p@x.gov.uk' },
      '2026-11-23',
    );
    expect(view.owner).toEqual({ id: 'u1', name: 'Priya', email: 'p@x.gov.uk' });
  });
});

describe('slippageDays', () => {
  it('is 0 without both dates', () => {
    expect(slippageDays(null, '2026-01-01')).toBe(0);
    expect(slippageDays('2026-01-01', null)).toBe(0);
    expect(slippageDays('2026-01-01', '2026-01-11')).toBe(-10);
  });
});
