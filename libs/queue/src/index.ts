export { ALL_QUEUES, AllQueuesModule } from './all-queues.module';
export { QueueHealthModule } from './queue-health.module';
export { type InspectableQueue, type QueueCounts, QueueHealthIndicator } from './queue.health';
export { QueueModule } from './queue.module';
export * from './queue-names';
export { redisConnectionOptions } from './redis-connection';
export { RedisHealthModule } from './redis-health.module';
export { RedisPolicyModule } from './redis-policy.module';
export {
  assertNoEviction,
  type PolicyCheckedRedis,
  POLICY_CHECK_TIMEOUT_MS,
  RedisPolicyCheck,
} from './redis-policy';
export { type PingableRedis, REDIS_HEALTH_CLIENT, RedisHealthIndicator } from './redis.health';
export { SystemQueue } from './system.queue';
