import { cookieValue } from './queue-board-auth.middleware';

describe('cookieValue', () => {
  it('finds one cookie among several', () => {
    expect(cookieValue('a=1; ft_queue_board=x.y.z; b=2', 'ft_queue_board')).toBe('x.y.z');
  });

  it('matches the whole name only', () => {
    expect(cookieValue('old_ft_queue_board=x; ft_queue_board_2=y', 'ft_queue_board')).toBe(
      undefined,
    );
  });

  it('is undefined without a Cookie header', () => {
    expect(cookieValue(undefined, 'ft_queue_board')).toBeUndefined();
    expect(cookieValue('', 'ft_queue_board')).toBeUndefined();
  });
});
