import { redisConnectionOptions } from './redis-connection';

describe('redisConnectionOptions', () => {
  it('reads host, port and database, with BullMQ-safe retries', () => {
    expect(redisConnectionOptions('redis://127.0.0.1:6380/2')).toEqual({
      host: '127.0.0.1',
      port: 6380,
      username: undefined,
      password: undefined,
      db: 2,
      tls: undefined,
      maxRetriesPerRequest: null,
    });
  });

  it('defaults the port and database and decodes credentials', () => {
    expect(redisConnectionOptions('rediss://default:p%40ss@cache.internal')).toMatchObject({
      host: 'cache.internal',
      port: 6379,
      username: 'default',
      password: 'p@ss',
      db: 0,
      tls: {},
    });
  });

  it('unwraps an IPv6 host', () => {
    expect(redisConnectionOptions('redis://[::1]:6379').host).toBe('::1');
  });

  it('rejects a path that is not a database number', () => {
    expect(() => redisConnectionOptions('redis://localhost/cache')).toThrow(/database number/);
  });
});
