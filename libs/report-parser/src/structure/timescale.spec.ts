import { addDuration, findTimescale, parseCount, parseTimescaleHeading } from './timescale';

describe('parseCount', () => {
  it.each([
    ['6', 6],
    ['six', 6],
    ['Three', 3],
    ['twenty-eight', 28],
    ['twenty eight', 28],
    ['a', 1],
    ['eighteen', 18],
  ])('%s is %d', (words, n) => expect(parseCount(words)).toBe(n));

  it('rejects words that are not numbers', () => {
    expect(parseCount('several')).toBeNull();
  });
});

describe('parseTimescaleHeading', () => {
  it.each([
    ['Immediately:', 'P0D'],
    ['Within three months:', 'P3M'],
    ['Within six months', 'P6M'],
    ['Within 28 days:', 'P28D'],
    ['Within twelve months:', 'P12M'],
    ['Within two weeks:', 'P14D'],
    ['Within a year:', 'P1Y'],
  ])('%s -> %s', (heading, duration) => {
    expect(parseTimescaleHeading(heading)?.duration).toBe(duration);
  });

  it('reads a fixed date heading as a due date', () => {
    expect(parseTimescaleHeading('By 31 March 2020:')).toEqual({
      duration: null,
      dueOn: '2020-03-31',
      text: 'By 31 March 2020',
    });
  });
});

describe('findTimescale', () => {
  it('finds a duration at the end of an item', () => {
    expect(findTimescale('Review all plans for children in need within six months.')).toEqual({
      duration: 'P6M',
      dueOn: null,
      text: 'within six months',
    });
  });

  // The fields after the item are what findTimescale should find in it: a due date or a duration.
  it.each([
    {
      name: 'finds a fixed date',
      item: 'Publish a revised sufficiency strategy by 31 March 2020.',
      dueOn: '2020-03-31',
    },
    {
      name: 'reads a month without a day as the end of that month',
      item: 'Complete the audit programme by March 2021.',
      dueOn: '2021-03-31',
    },
    {
      name: 'counts a duration tied to publication',
      item: 'Submit a plan within 70 working days of publication of this report.',
      duration: 'P70D',
    },
    {
      name: 'reads "immediately" where it governs the item',
      item: 'Immediately review all cases held by agency staff.',
      duration: 'P0D',
    },
    {
      name: 'reads a duration outside an outcome sought as a deadline',
      item: 'For action over the next six months',
      duration: 'P6M',
    },
  ])('$name', ({ name: _name, item, ...found }) => {
    expect(findTimescale(item)).toMatchObject(found);
  });

  it.each([
    {
      name: 'ignores a practice standard tied to another event',
      item: 'Ensure health assessments happen within 28 days of a child becoming looked after.',
    },
    {
      name: 'ignores "immediately" where it does not govern the item',
      item: 'Ensure that children at risk are seen immediately when referred.',
    },
    {
      name: 'reads a duration in the outcome sought ("so that…") as a standard, not a deadline',
      item: 'Leaders should reduce the backlog so that plans are issued within 20 weeks.',
    },
    {
      name: 'returns null when there is no timescale',
      item: 'Improve the quality of supervision.',
    },
  ])('$name', ({ item }) => {
    expect(findTimescale(item)).toBeNull();
  });
});

describe('addDuration', () => {
  it.each([
    ['2019-03-11', 'P0D', '2019-03-11'],
    ['2012-03-23', 'P3M', '2012-06-23'],
    ['2012-03-23', 'P6M', '2012-09-23'],
    ['2020-01-31', 'P1M', '2020-02-29'],
    ['2020-02-10', 'P28D', '2020-03-09'],
    ['2020-02-10', 'P1Y', '2021-02-10'],
  ])('%s + %s = %s', (from, duration, expected) => {
    expect(addDuration(from, duration)).toBe(expected);
  });

  it('rejects what is not a duration', () => {
    expect(addDuration('2020-02-10', 'three months')).toBeNull();
  });
});
