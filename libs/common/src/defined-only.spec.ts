import { definedOnly } from './defined-only';

describe('definedOnly', () => {
  it('drops undefined values but keeps null, false and 0 (they are changes)', () => {
    expect(definedOnly({ a: undefined, b: null, c: false, d: 0, e: 'x' })).toEqual({
      b: null,
      c: false,
      d: 0,
      e: 'x',
    });
  });
});
