import { BadRequestException } from '@nestjs/common';
import { createValidationPipe, findNul } from './validation-pipe';

describe('findNul', () => {
  it('names the first string holding a NUL character, at any depth', () => {
    expect(findNul({ title: 'ok', nested: { list: ['fine', 'bad\u0000'] } })).toBe('nested.list.1');
    expect(findNul('x\u0000')).toBe('value');
  });

  it('finds nothing in clean input', () => {
    expect(findNul({ title: 'ok', n: 1, none: null, list: ['a'] })).toBeUndefined();
  });
});

describe('createValidationPipe', () => {
  it('refuses a NUL character with a 400 naming the field', async () => {
    const pipe = createValidationPipe();
    await expect(pipe.transform({ q: 'a\u0000' }, { type: 'query' })).rejects.toThrow(
      new BadRequestException('q must not contain NUL (\\u0000) characters'),
    );
  });
});
