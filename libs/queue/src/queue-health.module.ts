import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AllQueuesModule } from './all-queues.module';
import { QueueHealthIndicator } from './queue.health';

/** The queue backlog check, plus ALL_QUEUES to run it on. */
@Module({
  imports: [TerminusModule, AllQueuesModule],
  providers: [QueueHealthIndicator],
  exports: [QueueHealthIndicator, AllQueuesModule],
})
export class QueueHealthModule {}
