import type { HistoryEntryView } from '@app/actions';
import { dateFromParts } from '../forms';
import { listWords, timeline } from './action-page.presenter';

describe('dateFromParts', () => {
  const today = '2026-12-06';

  it('reads a real date', () => {
    expect(dateFromParts({ day: '9', month: '4', year: '2027' }, today)).toEqual({
      ok: true,
      iso: '2027-04-09',
    });
  });

  it('says what is missing or wrong in GOV.UK words', () => {
    expect(dateFromParts({}, today)).toMatchObject({
      ok: false,
      message: 'Enter the new deadline',
    });
    expect(dateFromParts({ day: '9', year: '2027' }, today)).toMatchObject({
      message: 'The new deadline must include a month',
      parts: ['month'],
    });
    expect(dateFromParts({ day: '31', month: '2', year: '2027' }, today)).toMatchObject({
      message: 'The new deadline must be a real date',
    });
    expect(dateFromParts({ day: '1', month: '2', year: '27' }, today)).toMatchObject({
      message: 'The new deadline must be a real date',
    });
  });

  it('refuses a date before 2000 or more than ten years ahead, naming the range', () => {
    const message =
      'The new deadline must be between Saturday 1 January 2000 and Saturday 6 December 2036';
    expect(dateFromParts({ day: '31', month: '12', year: '9999' }, today)).toEqual({
      ok: false,
      message,
      parts: [],
    });
    expect(dateFromParts({ day: '31', month: '12', year: '1999' }, today)).toMatchObject({
      message,
    });
    expect(dateFromParts({ day: '6', month: '12', year: '2036' }, today)).toEqual({
      ok: true,
      iso: '2036-12-06',
    });
  });
});

describe('timeline', () => {
  const entry = (over: Partial<HistoryEntryView>): HistoryEntryView => ({
    id: '1',
    occurredAt: new Date('2027-03-12T14:05:00Z'),
    event: 'updated',
    actor: { id: 'u1', name: 'Sam Patel', email: 'sam@example.gov.uk' },
    changes: {},
    reason: null,
    ...over,
  });
  const names = new Map([
    ['u1', 'Sam Patel'],
    ['u2', 'Ali Khan'],
  ]);

  it('tells each change in a sentence, newest first', () => {
    const entries = timeline(
      [
        entry({ id: '1', changes: { ownerId: { from: null, to: 'u2' } } }),
        entry({
          id: '2',
          event: 'status_changed',
          changes: { status: { from: 'open', to: 'blocked' } },
          reason: 'Waiting for IT',
        }),
        entry({
          id: '3',
          event: 'progress_added',
          actor: null,
          changes: {
            note: { from: null, to: 'Line one\nLine two' },
            evidenceUrl: { from: null, to: 'javascript:x' },
          },
        }),
      ],
      names,
    );
    expect(entries.map((e) => e.heading)).toEqual([
      'Progress note added',
      'Status changed to Blocked',
      'Owner changed',
    ]);
    expect(entries[0]).toMatchObject({
      who: 'The system',
      note: ['Line one', 'Line two'],
      evidenceUrl: null,
      evidenceText: 'javascript:x',
    });
    expect(entries[1]).toMatchObject({
      sentences: ['Moved from Open to Blocked.'],
      reason: 'Waiting for IT',
      when: '12 March 2027 at 14:05',
    });
    expect(entries[2]?.sentences).toEqual(['Assigned to Ali Khan.']);
  });

  const measure = (to: unknown, from: unknown = null) => ({ from, to });
  it.each<[HistoryEntryView['event'], HistoryEntryView['changes'], string, string[]]>([
    [
      'measure_added',
      { name: measure('Audits'), targetValue: measure(80), targetOn: measure('2027-03-31') },
      'Measure added: Audits',
      ['Target 80 by Wednesday 31 March 2027.'],
    ],
    [
      'measure_changed',
      {
        measure: measure('Audits', 'Audits'),
        targetValue: measure(90, 80),
        baselineOn: measure(null, '2026-04-30'),
      },
      'Measure changed: Audits',
      [
        'Target changed from 80 to 90.',
        'Baseline date changed from Thursday 30 April 2026 to none.',
      ],
    ],
    [
      'reading_recorded',
      {
        measure: measure('Audits'),
        value: measure(62.5),
        observedOn: measure('2026-10-31'),
        note: measure('October audit'),
      },
      'Reading recorded: Audits',
      ['62.5 on Saturday 31 October 2026.', 'October audit'],
    ],
  ])('tells %s', (event, changes, heading, sentences) => {
    expect(timeline([entry({ event, changes })], names)).toEqual([
      expect.objectContaining({ heading, sentences }),
    ]);
  });

  it('lists words as a sentence does', () => {
    expect(listWords(['an owner'])).toBe('an owner');
    expect(listWords(['an owner', 'a deadline', 'a success measure'])).toBe(
      'an owner, a deadline and a success measure',
    );
  });
});
