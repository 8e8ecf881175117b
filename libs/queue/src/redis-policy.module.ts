import { Module } from '@nestjs/common';
import { RedisPolicyCheck } from './redis-policy';

/**
 * Import in every app that uses the queues (api and worker): boot stops when Redis is
 * unreachable or may evict keys. Needs AppConfigModule (the `redis` namespace).
 */
@Module({ providers: [RedisPolicyCheck] })
export class RedisPolicyModule {}
