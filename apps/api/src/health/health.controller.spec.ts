import { QueueHealthIndicator, RedisHealthIndicator } from '@app/queue';
import type { RemindersHealthIndicator } from '@app/reminders';
import { ServiceUnavailableException } from '@nestjs/common';
import {
  type HealthCheckResult,
  HealthCheckService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { Response } from 'express';
import { HealthController } from './health.controller';

function fakeResponse() {
  const sent: { status?: number; body?: unknown } = {};
  const res = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  };
  return { res: res as unknown as Response, sent };
}

function controllerWhose(check: () => Promise<HealthCheckResult>) {
  return new HealthController(
    { check } as unknown as HealthCheckService,
    {} as TypeOrmHealthIndicator,
    {} as RedisHealthIndicator,
    {} as QueueHealthIndicator,
    [],
    {} as RemindersHealthIndicator,
  );
}

const up: HealthCheckResult = {
  status: 'ok',
  info: { postgres: { status: 'up' }, redis: { status: 'up' } },
  error: {},
  details: { postgres: { status: 'up' }, redis: { status: 'up' } },
};

const redisDown: HealthCheckResult = {
  status: 'error',
  info: { postgres: { status: 'up' } },
  error: { redis: { status: 'down', message: 'ECONNREFUSED' } },
  details: { postgres: { status: 'up' }, redis: { status: 'down', message: 'ECONNREFUSED' } },
};

describe('HealthController', () => {
  it('answers 200 with the report when every check is up', async () => {
    const { res, sent } = fakeResponse();
    await controllerWhose(() => Promise.resolve(up)).check(res);
    expect(sent).toEqual({ status: 200, body: up });
  });

  it('answers 503 with the report when a check is down', async () => {
    const { res, sent } = fakeResponse();
    await controllerWhose(() => Promise.reject(new ServiceUnavailableException(redisDown))).check(
      res,
    );
    expect(sent).toEqual({ status: 503, body: redisDown });
  });

  it('lets unexpected errors reach the error filter', async () => {
    const { res } = fakeResponse();
    await expect(
      controllerWhose(() => Promise.reject(new Error('boom'))).check(res),
    ).rejects.toThrow('boom');
  });
});
