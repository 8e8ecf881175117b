import { AllQueuesModule } from '@app/queue';
import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { QueueBoardAuthMiddleware } from './queue-board-auth.middleware';
import { QUEUE_BOARD_PATH } from './queue-board.constants';
import { QueueBoardMiddleware } from './queue-board.middleware';

/**
 * Bull Board at /admin/queues, for the service's operators only (QueueBoardAuthMiddleware). The
 * board is middleware rather than a controller (it is its own Express app), so the check is
 * middleware too: guards do not run for it.
 */
@Module({
  imports: [AllQueuesModule],
  providers: [QueueBoardAuthMiddleware, QueueBoardMiddleware],
})
export class QueueBoardModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    const base = QUEUE_BOARD_PATH.slice(1);
    consumer
      .apply(QueueBoardAuthMiddleware, QueueBoardMiddleware)
      .forRoutes(
        { path: base, method: RequestMethod.ALL },
        { path: `${base}/*path`, method: RequestMethod.ALL },
      );
  }
}
