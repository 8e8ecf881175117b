import { BadRequestException, NotFoundException } from '@nestjs/common';
import { actionRefusalOf, badRequest, ownerNotFound } from './action-refusals';

describe('action refusals', () => {
  it('carry the rule and the field in details, the message as the API says it', () => {
    const error = badRequest('statusReason is required to set status blocked', {
      code: 'reason-required',
      field: 'statusReason',
      status: 'blocked',
    });
    expect(error.getStatus()).toBe(400);
    expect(error.message).toBe('statusReason is required to set status blocked');
    expect(error.getResponse()).toMatchObject({
      details: { code: 'reason-required', field: 'statusReason', status: 'blocked' },
    });
    expect(actionRefusalOf(error)).toEqual({
      code: 'reason-required',
      field: 'statusReason',
      status: 'blocked',
    });
  });

  it('name the owner field when the owner is not found (404)', () => {
    const error = ownerNotFound();
    expect(error.getStatus()).toBe(404);
    expect(error.message).toBe('Owner not found');
    expect(actionRefusalOf(error)).toEqual({ code: 'owner-not-found', field: 'ownerId' });
  });

  it('are not read into other errors', () => {
    expect(actionRefusalOf(new Error('boom'))).toBeNull();
    expect(actionRefusalOf(new NotFoundException('Action not found'))).toBeNull();
    expect(
      actionRefusalOf(new BadRequestException({ message: 'x', details: { field: 'dueOn' } })),
    ).toBeNull();
    expect(
      actionRefusalOf(new BadRequestException({ message: 'x', details: { code: 'other' } })),
    ).toBeNull();
  });
});
