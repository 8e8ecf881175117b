import { AuthModule } from '@app/auth';
import { AllQueuesModule } from '@app/queue';
import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { QueueBoardAuthMiddleware } from './queue-board-auth.middleware';
import { QueueBoardSessionController } from './queue-board-session.controller';
import { QUEUE_BOARD_PATH } from './queue-board.constants';
import { QueueBoardMiddleware } from './queue-board.middleware';

/**
 * Bull Board at /admin/queues, for admins only, plus the endpoints that give a browser the
 * cookie it needs. The board is middleware rather than a controller (it is its own Express app),
 * so the admin check is middleware too: guards do not run for it.
 */
@Module({
  imports: [AuthModule, AllQueuesModule],
  controllers: [QueueBoardSessionController],
  providers: [QueueBoardAuthMiddleware, QueueBoardMiddleware],
})
export class QueueBoardModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    const base = QUEUE_BOARD_PATH.slice(1);
    consumer
      .apply(QueueBoardAuthMiddleware, QueueBoardMiddleware)
      // The session endpoints are ordinary routes behind the usual guards (a manager gets 403).
      .exclude({ path: `${base}/session`, method: RequestMethod.ALL })
      .forRoutes(
        { path: base, method: RequestMethod.ALL },
        { path: `${base}/*path`, method: RequestMethod.ALL },
      );
  }
}
