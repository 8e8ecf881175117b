import { HealthIndicatorService } from '@nestjs/terminus';
import { type QueryableDataSource, RemindersHealthIndicator } from './reminders.health';

function indicatorAnswering(query: () => Promise<unknown>) {
  const dataSource = { query } as unknown as QueryableDataSource;
  return new RemindersHealthIndicator(dataSource, new HealthIndicatorService());
}

describe('RemindersHealthIndicator', () => {
  it('is up with the count of skipped actions and when the latest was skipped', async () => {
    const last = new Date('2027-01-04T09:00:00Z');
    const indicator = indicatorAnswering(() => Promise.resolve([{ skipped: 2, last }]));
    await expect(indicator.check('reminders')).resolves.toEqual({
      reminders: { status: 'up', skippedActions: 2, lastSkippedAt: '2027-01-04T09:00:00.000Z' },
    });
  });

  it('is up with nothing skipped', async () => {
    const indicator = indicatorAnswering(() => Promise.resolve([{ skipped: 0, last: null }]));
    await expect(indicator.check('reminders')).resolves.toEqual({
      reminders: { status: 'up', skippedActions: 0, lastSkippedAt: null },
    });
  });

  it('is down with the reason when Postgres fails or does not answer in time', async () => {
    const failing = indicatorAnswering(() => Promise.reject(new Error('ECONNREFUSED')));
    await expect(failing.check('reminders')).resolves.toEqual({
      reminders: { status: 'down', message: 'ECONNREFUSED' },
    });
    const silent = indicatorAnswering(() => new Promise(() => undefined));
    await expect(silent.check('reminders', { timeoutMs: 20 })).resolves.toEqual({
      reminders: { status: 'down', message: 'Reminder counts timed out after 20 ms' },
    });
  });
});
