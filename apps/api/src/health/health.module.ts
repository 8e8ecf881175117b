import { QueueHealthModule, RedisHealthModule } from '@app/queue';
import { RemindersHealthModule } from '@app/reminders';
import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule, RedisHealthModule, QueueHealthModule, RemindersHealthModule],
  controllers: [HealthController],
})
export class HealthModule {}
