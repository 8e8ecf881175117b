import { DISMISS_REASON_MAX_LENGTH, dismissReasonRefusal } from './dismiss-reason';

describe('dismissReasonRefusal', () => {
  it('asks for a reason, naming the suggestion', () => {
    expect(dismissReasonRefusal('', 'S2')).toBe('Enter why you are dismissing S2');
  });

  it('takes a reason up to the limit, and refuses a longer one', () => {
    expect(dismissReasonRefusal('x'.repeat(DISMISS_REASON_MAX_LENGTH), 'S2')).toBeNull();
    expect(dismissReasonRefusal('x'.repeat(DISMISS_REASON_MAX_LENGTH + 1), 'S2')).toBe(
      'The reason for dismissing S2 must be 1,000 characters or fewer',
    );
  });
});
