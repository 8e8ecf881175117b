import {
  BadRequestException,
  ForbiddenException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { FormRejected } from '../pipeline/form-rejected';
import { inPageWords, pageRefusal } from './action-refusals.presenter';

/** A refusal as ActionsService throws it. */
const refused = (details: Record<string, unknown>) =>
  new BadRequestException({ message: 'as the API says it', details });

describe('pageRefusal', () => {
  it('words an illegal status change for the form it came from', () => {
    const error = refused({
      code: 'illegal-transition',
      field: 'status',
      from: 'open',
      to: 'verified',
    });
    expect(pageRefusal(error, 'status')).toMatchObject({
      fieldErrors: { status: 'The status cannot change from Open to Verified' },
      errors: [{ href: '#status' }],
    });
    expect(pageRefusal(error, 'verify')?.fieldErrors).toEqual({
      verify: 'Only a completed action can be verified',
    });
    expect(pageRefusal(error, 'cancel')?.fieldErrors).toEqual({
      cancelReason: 'This action can no longer be cancelled',
    });
  });

  it('asks for the missing reason on its field', () => {
    const status = refused({ code: 'reason-required', field: 'statusReason', status: 'blocked' });
    expect(pageRefusal(status, 'status')?.fieldErrors).toEqual({
      statusReason: 'Enter why the action is blocked',
    });
    const deadline = refused({ code: 'reason-required', field: 'dueOnReason' });
    expect(pageRefusal(deadline, 'deadline')).toMatchObject({
      fieldErrors: { dueOnReason: 'Enter a reason for the new deadline' },
      errors: [{ href: '#dueOnReason' }],
    });
  });

  it('says what a draft lacks on the form that tried to open it', () => {
    const error = new UnprocessableEntityException({
      message: 'The action cannot leave draft without ownerId, successMeasure',
      details: { code: 'not-smart', missing: ['ownerId', 'successMeasure'] },
    });
    expect(pageRefusal(error, 'status')?.fieldErrors).toEqual({
      status: 'Before this action can open it needs an owner and a success measure',
    });
    expect(pageRefusal(error, 'deadline')?.errors[0]?.href).toBe('#dueOn-day');
  });

  it('leaves other errors alone, and inPageWords rethrows them as they were', () => {
    const forbidden = new ForbiddenException();
    expect(pageRefusal(forbidden, 'status')).toBeNull();
    expect(() => inPageWords('status')(forbidden)).toThrow(forbidden);
    expect(() =>
      inPageWords('owner')(refused({ code: 'owner-not-found', field: 'ownerId' })),
    ).toThrow(FormRejected);
  });
});
