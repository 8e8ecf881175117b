import { QueueHealthModule, RedisHealthModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule, RedisHealthModule, QueueHealthModule],
  controllers: [HealthController],
})
export class HealthModule {}
