import { BadRequestException } from '@nestjs/common';
import { IsString } from 'class-validator';
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

describe('unknown fields', () => {
  class NameDto {
    @IsString()
    name!: string;
  }
  const pipe = createValidationPipe();
  const refusal = (value: unknown) =>
    pipe.transform(value, { type: 'body', metatype: NameDto }).then(
      () => undefined,
      (error: BadRequestException) => (error.getResponse() as { message: string[] }).message,
    );

  it('are refused with what is wrong with the declared fields, NULs included', async () => {
    await expect(refusal({ name: 7, extra: true })).resolves.toEqual([
      'name must be a string',
      'property extra should not exist',
    ]);
    await expect(refusal({ name: 'a\u0000', extra: true })).resolves.toEqual([
      'name must not contain NUL (\\u0000) characters',
      'property extra should not exist',
    ]);
  });

  it('are named at most ten at a time, never walked', async () => {
    // A getter that throws proves nothing reads the unknown fields' values.
    const body: Record<string, unknown> = { name: 'ok' };
    for (let i = 0; i < 50; i += 1) {
      Object.defineProperty(body, `junk${i}`, {
        enumerable: true,
        get: () => {
          throw new Error('an unknown field was read');
        },
      });
    }
    const refused = await refusal(body);
    expect(refused).toHaveLength(10);
    expect(refused?.[0]).toBe('property junk0 should not exist');
  });
});
