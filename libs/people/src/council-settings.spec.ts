import { councilSettingsProblem } from './councils.service';

describe('councilSettingsProblem', () => {
  it('accepts settings within the table’s limits', () => {
    expect(
      councilSettingsProblem({
        name: 'Leeds City Council',
        code: 'LDS',
        immediateWindowDays: 0,
        defaultWindowMonths: 60,
      }),
    ).toBeNull();
    expect(councilSettingsProblem({ immediateWindowDays: 365, defaultWindowMonths: 1 })).toBeNull();
    expect(councilSettingsProblem({})).toBeNull();
  });

  it.each([
    [{ name: '' }, /name/],
    [{ name: 'x'.repeat(201) }, /name/],
    [{ code: 'lds' }, /code/],
    [{ code: 'ABCDEFGHI' }, /code/],
    [{ immediateWindowDays: -1 }, /immediateWindowDays/],
    [{ immediateWindowDays: 366 }, /immediateWindowDays/],
    [{ immediateWindowDays: 1.5 }, /immediateWindowDays/],
    [{ defaultWindowMonths: 0 }, /defaultWindowMonths/],
    [{ defaultWindowMonths: 61 }, /defaultWindowMonths/],
  ])('refuses %j', (settings, message) => {
    expect(councilSettingsProblem(settings)).toMatch(message);
  });
});
