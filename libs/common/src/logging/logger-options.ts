import type { LogLevel } from '@app/config';
import { hostname } from 'node:os';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import { ensureRequestId } from './request-id';

/** Headers that carry credentials; they are replaced in every log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
];

/** Health probes hit every few seconds; logging each one would drown the real traffic. */
export function isHealthCheck(url: string | undefined): boolean {
  const [path = ''] = (url ?? '').split('?');
  return path === '/health' || path.startsWith('/health/');
}

/** nestjs-pino settings: JSON lines on stdout, one request id per request, secrets redacted. */
export function loggerParams(service: string, level: LogLevel): Params {
  return {
    pinoHttp: {
      level,
      base: { service, pid: process.pid, hostname: hostname() },
      timestamp: stdTimeFunctions.isoTime,
      genReqId: (req, res) => ensureRequestId(req, res),
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Response headers are mostly helmet's fixed set: the status is what matters.
      serializers: { res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }) },
      autoLogging: { ignore: (req) => isHealthCheck(req.url) },
      customLogLevel: (_req, res, error) => {
        if (error || res.statusCode >= 500) return 'error';
        if (res.statusCode >= 400) return 'warn';
        return 'info';
      },
    },
  };
}
