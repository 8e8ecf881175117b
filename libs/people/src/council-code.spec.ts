import { councilCode, sameAuthority } from './council-code';

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

describe('sameAuthority', () => {
  it('matches a short name to the council’s full name, either way round', () => {
    expect(sameAuthority('Stockport', 'Stockport Metropolitan Borough Council')).toBe(true);
    expect(sameAuthority('Tower Hamlets Council', 'London Borough of Tower Hamlets')).toBe(true);
  });

  it('tells different authorities apart', () => {
    expect(sameAuthority('Bournemouth, Christchurch and Poole', 'Brackwater Borough Council')).toBe(
      false,
    );
    expect(sameAuthority('North Tyneside', 'South Tyneside Council')).toBe(false);
  });

  it('gives the benefit of the doubt to a name with nothing distinctive in it', () => {
    expect(sameAuthority('The Council', 'Leeds City Council')).toBe(true);
  });
});
