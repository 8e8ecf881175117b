import { HealthIndicatorService } from '@nestjs/terminus';
import { checkWithin } from './check-within';

const health = new HealthIndicatorService();

describe('checkWithin', () => {
  it('is up with what the probe reports', async () => {
    await expect(
      checkWithin(health, 'db', { what: 'Counts' }, () => Promise.resolve({ rows: 2 })),
    ).resolves.toEqual({ db: { status: 'up', rows: 2 } });
  });

  it('is down with the message of what the probe threw', async () => {
    await expect(
      checkWithin(health, 'db', { what: 'Counts' }, () =>
        Promise.reject(new Error('ECONNREFUSED')),
      ),
    ).resolves.toEqual({ db: { status: 'down', message: 'ECONNREFUSED' } });
  });

  it('says the probe failed when what it threw is no Error', async () => {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the case under test
    const probe = () => Promise.reject(new Date(0));
    await expect(checkWithin(health, 'db', { what: 'Counts' }, probe)).resolves.toEqual({
      db: { status: 'down', message: 'Counts failed' },
    });
    await expect(
      checkWithin(health, 'db', { what: 'Counts', failed: 'Nothing counted' }, probe),
    ).resolves.toEqual({ db: { status: 'down', message: 'Nothing counted' } });
  });

  it('is down when the probe does not answer in time', async () => {
    await expect(
      checkWithin(health, 'db', { what: 'Counts', timeoutMs: 20 }, () => new Promise(() => {})),
    ).resolves.toEqual({ db: { status: 'down', message: 'Counts timed out after 20 ms' } });
  });
});
