import { councilCode } from './council-code';

describe('councilCode', () => {
  it.each([
    ['Stockport Metropolitan Borough Council', 'STK'],
    ['London Borough of Tower Hamlets', 'TWR'],
    ['Royal Borough of Kensington and Chelsea', 'KNS'],
    ['City of York Council', 'YRK'],
    ['Leeds City Council', 'LDS'],
    ['Ea', 'EA'],
  ])('%s → %s', (name, code) => {
    expect(councilCode(name)).toBe(code);
  });

  it('always answers 2-8 capital letters', () => {
    for (const name of ['Hull', 'A', 'Isle of Wight Council', 'Council']) {
      expect(councilCode(name)).toMatch(/^[A-Z]{2,8}$/);
    }
  });
});
