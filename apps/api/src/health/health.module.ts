import { RedisHealthModule } from '@app/queue';
import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule, RedisHealthModule],
  controllers: [HealthController],
})
export class HealthModule {}
