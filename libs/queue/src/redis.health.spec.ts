import { HealthIndicatorService } from '@nestjs/terminus';
import { type PingableRedis, RedisHealthIndicator } from './redis.health';

function indicatorWith(ping: () => Promise<string>) {
  const client: PingableRedis & { disconnected: boolean } = {
    disconnected: false,
    ping,
    disconnect() {
      this.disconnected = true;
    },
  };
  return { client, indicator: new RedisHealthIndicator(client, new HealthIndicatorService()) };
}

describe('RedisHealthIndicator', () => {
  it('is up when PING answers PONG', async () => {
    const { indicator } = indicatorWith(() => Promise.resolve('PONG'));
    await expect(indicator.pingCheck('redis')).resolves.toEqual({ redis: { status: 'up' } });
  });

  it('is down with the reason when PING fails', async () => {
    const { indicator } = indicatorWith(() => Promise.reject(new Error('ECONNREFUSED')));
    await expect(indicator.pingCheck('redis')).resolves.toEqual({
      redis: { status: 'down', message: 'ECONNREFUSED' },
    });
  });

  it('is down when Redis does not answer in time', async () => {
    const { indicator } = indicatorWith(() => new Promise(() => undefined));
    await expect(indicator.pingCheck('redis', { timeoutMs: 20 })).resolves.toEqual({
      redis: { status: 'down', message: 'Redis PING timed out after 20 ms' },
    });
  });

  it('closes its connection on shutdown', () => {
    const { client, indicator } = indicatorWith(() => Promise.resolve('PONG'));
    indicator.onApplicationShutdown();
    expect(client.disconnected).toBe(true);
  });
});
