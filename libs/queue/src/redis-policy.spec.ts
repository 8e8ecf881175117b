import { assertNoEviction, maxmemoryPolicyOf, type PolicyCheckedRedis } from './redis-policy';

const INFO = (policy: string) =>
  `# Memory\r\nused_memory:1034512\r\nmaxmemory:0\r\nmaxmemory_human:0B\r\nmaxmemory_policy:${policy}\r\nallocator_frag_ratio:1.02\r\n`;

function redisAnswering(info: string, options: PolicyCheckedRedis['options'] = {}) {
  const asked: string[] = [];
  const client: PolicyCheckedRedis = {
    options: { host: '10.0.0.7', port: 6380, ...options },
    info(section) {
      asked.push(section);
      return Promise.resolve(info);
    },
  };
  return { client, asked };
}

describe('maxmemoryPolicyOf', () => {
  it('reads the policy from an INFO memory reply', () => {
    expect(maxmemoryPolicyOf(INFO('volatile-lru'))).toBe('volatile-lru');
  });

  it('is null when the reply has no policy line', () => {
    expect(maxmemoryPolicyOf('# Memory\r\nused_memory:1\r\n')).toBeNull();
  });
});

describe('assertNoEviction', () => {
  it('passes on noeviction, asking only for the memory section', async () => {
    const { client, asked } = redisAnswering(INFO('noeviction'));
    await expect(assertNoEviction(client)).resolves.toBeUndefined();
    expect(asked).toEqual(['memory']);
  });

  it.each(['allkeys-lru', 'volatile-lru', 'allkeys-lfu', 'volatile-ttl', 'allkeys-random'])(
    'rejects %s, naming the server, the policy and the fix',
    async (policy) => {
      const { client } = redisAnswering(INFO(policy));
      await expect(assertNoEviction(client)).rejects.toThrow(
        `Redis at 10.0.0.7:6380 uses maxmemory-policy ${policy}; BullMQ needs noeviction, or ` +
          'queued jobs can be evicted silently. Set it with `CONFIG SET maxmemory-policy ' +
          'noeviction` (and in redis.conf).',
      );
    },
  );

  it('rejects a server that does not report its policy', async () => {
    const { client } = redisAnswering('# Memory\r\nused_memory:1\r\n');
    await expect(assertNoEviction(client)).rejects.toThrow(
      'Redis at 10.0.0.7:6380 uses maxmemory-policy (not reported)',
    );
  });

  it('writes an IPv6 address with brackets', async () => {
    const { client } = redisAnswering(INFO('allkeys-lru'), { host: '::1', port: 6379 });
    await expect(assertNoEviction(client)).rejects.toThrow('Redis at [::1]:6379 uses');
  });

  it('lets a failed INFO through as it is', async () => {
    const client: PolicyCheckedRedis = {
      options: {},
      info: () => Promise.reject(new Error("ERR unknown command 'INFO'")),
    };
    await expect(assertNoEviction(client)).rejects.toThrow("ERR unknown command 'INFO'");
  });
});
