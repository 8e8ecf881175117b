import { Public } from '@app/auth';
import { ALL_QUEUES, QueueHealthIndicator, RedisHealthIndicator } from '@app/queue';
import { RemindersHealthIndicator } from '@app/reminders';
import {
  Controller,
  Get,
  HttpStatus,
  Inject,
  Res,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  type HealthCheckResult,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import type { Response } from 'express';

/**
 * Readiness (`GET /health`: Postgres and Redis answer) and liveness (`GET /health/live`: the
 * process serves HTTP). Readiness also shows each queue's backlog and workers, and the actions
 * the reminder sweep is skipping, which never fail it on their own. Requests here are not
 * logged (see LoggingModule).
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly queueHealth: QueueHealthIndicator,
    @Inject(ALL_QUEUES) private readonly queues: Queue[],
    private readonly reminders: RemindersHealthIndicator,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Readiness: PostgreSQL and Redis answer (503 names what is down)',
    description:
      "`queues` lists each queue's waiting, active, delayed and failed jobs and its workers " +
      '(null when Redis will not list clients). `reminders` counts the actions whose reminder ' +
      'check failed and is skipped (`skippedActions`; the worker logs each with its id) and ' +
      'when the latest was (`lastSkippedAt`). Only an unanswered Postgres or Redis makes it down.',
  })
  @HealthCheck()
  async check(@Res() res: Response): Promise<void> {
    const { statusCode, body } = await this.run();
    // The report is sent as is for 503 too (not as the usual error shape): probes and people
    // need to see which dependency is down.
    res.status(statusCode).json(body);
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process serves HTTP' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  private async run(): Promise<{ statusCode: number; body: HealthCheckResult }> {
    try {
      const body = await this.health.check([
        () => this.postgres.pingCheck('postgres', { timeout: 1_500 }),
        () => this.redis.pingCheck('redis', { timeoutMs: 1_500 }),
        () => this.queueHealth.check('queues', this.queues, { timeoutMs: 1_500 }),
        () => this.reminders.check('reminders', { timeoutMs: 1_500 }),
      ]);
      return { statusCode: HttpStatus.OK, body };
    } catch (error) {
      // Terminus reports a failed check by throwing a 503 that carries the full report.
      if (error instanceof ServiceUnavailableException) {
        return {
          statusCode: HttpStatus.SERVICE_UNAVAILABLE,
          body: error.getResponse() as HealthCheckResult,
        };
      }
      throw error;
    }
  }
}
