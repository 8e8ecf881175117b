import { findDate, findDateRange, isoDate } from './dates';

describe('findDateRange', () => {
  it.each([
    ['6 – 17 February 2012', { start: '2012-02-06', end: '2012-02-17' }],
    ['6 to 30 July 2015', { start: '2015-07-06', end: '2015-07-30' }],
    ['24 February 2015 – 18 March 2015', { start: '2015-02-24', end: '2015-03-18' }],
    ['29 January to 9 February 2018', { start: '2018-01-29', end: '2018-02-09' }],
    ['14 and 15 February 2019', { start: '2019-02-14', end: '2019-02-15' }],
    ['10 July 2017 to 3 August 2017', { start: '2017-07-10', end: '2017-08-03' }],
    ['11 April 2018', { start: '2018-04-11', end: '2018-04-11' }],
    ['3rd to 5th March 2020', { start: '2020-03-03', end: '2020-03-05' }],
  ])('%s', (text, range) => {
    expect(findDateRange(text)).toEqual(range);
  });

  it('returns null without a date', () => {
    expect(findDateRange('during the spring')).toBeNull();
  });
});

describe('findDate and isoDate', () => {
  it('reads a letter date', () => {
    expect(findDate('11 March 2019')).toBe('2019-03-11');
    expect(findDate('Published: 23 Mar 2012')).toBe('2012-03-23');
  });

  it('refuses days that do not exist', () => {
    expect(isoDate(31, 'February', 2020)).toBeNull();
    expect(isoDate(29, 'February', 2020)).toBe('2020-02-29');
  });
});
