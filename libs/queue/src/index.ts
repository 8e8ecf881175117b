export { QueueModule } from './queue.module';
export {
  type PingJobData,
  type PingJobResult,
  QueueName,
  SystemJob,
  type SystemJobData,
  type SystemJobResult,
} from './queue-names';
export { redisConnectionOptions } from './redis-connection';
export { RedisHealthModule } from './redis-health.module';
export { type PingableRedis, REDIS_HEALTH_CLIENT, RedisHealthIndicator } from './redis.health';
export { SystemQueue } from './system.queue';
