import { BadRequestException, NotFoundException } from '@nestjs/common';
import { refusalDetailsOf } from './refusal-details';

describe('refusalDetailsOf', () => {
  it('gives the details of a refusal that has them', () => {
    const error = new BadRequestException({ message: 'x', details: { code: 'c', field: 'f' } });
    expect(refusalDetailsOf(error)).toEqual({ code: 'c', field: 'f' });
  });

  it.each([
    ['a refusal without details', new NotFoundException('Action not found')],
    ['details that are not an object', new BadRequestException({ message: 'x', details: 'no' })],
    ['an error that is not an HttpException', new Error('boom')],
  ])('gives null for %s', (_name, error) => {
    expect(refusalDetailsOf(error)).toBeNull();
  });
});
