import { validateSync } from 'class-validator';
import { londonDateOf } from '../time/clock';
import { dateRange } from '../time/date-range';
import { IsIsoDate } from './iso-date';

class Dated {
  @IsIsoDate()
  dueOn!: unknown;
}

function problems(dueOn: unknown): string[] {
  const dated = Object.assign(new Dated(), { dueOn });
  return validateSync(dated).flatMap((error) => Object.values(error.constraints ?? {}));
}

describe('IsIsoDate', () => {
  const { latest } = dateRange(londonDateOf(new Date()));

  it('accepts a real date in the range, both ends included', () => {
    expect(problems('2026-02-28')).toEqual([]);
    expect(problems('2000-01-01')).toEqual([]);
    expect(problems(latest)).toEqual([]);
  });

  it('refuses a date before 2000 or more than ten years ahead, naming the range', () => {
    const message = `dueOn must be a date from 2000-01-01 to ${latest}`;
    expect(problems('9999-12-31')).toEqual([message]);
    expect(problems('1999-12-31')).toEqual([message]);
  });

  it('speaks only of the format when the text is not a date', () => {
    expect(problems('31/12/2026')).toEqual([
      'dueOn must be a date as YYYY-MM-DD',
      'dueOn must be a real date as YYYY-MM-DD',
    ]);
    expect(problems('2026-02-30')).toEqual(['dueOn must be a real date as YYYY-MM-DD']);
  });
});
