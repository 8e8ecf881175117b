import { withTimeout } from './with-timeout';

describe('withTimeout', () => {
  it('gives the promise’s value when it settles in time', async () => {
    await expect(withTimeout(Promise.resolve('PONG'), 50, 'late')).resolves.toBe('PONG');
  });

  it('passes the promise’s own rejection through', async () => {
    await expect(withTimeout(Promise.reject(new Error('refused')), 50, 'late')).rejects.toThrow(
      'refused',
    );
  });

  it('rejects with the message when the promise never settles', async () => {
    await expect(
      withTimeout(new Promise(() => undefined), 10, 'no answer in 10 ms'),
    ).rejects.toThrow('no answer in 10 ms');
  });
});
