import type { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { withTimeout } from '../time/with-timeout';

/** What a caller of a health check may set: how long the probe may take (1 s by default). */
export interface HealthCheckOptions {
  timeoutMs?: number;
}

/**
 * A Terminus check of something that may not answer (Postgres, Redis): `up` with the details
 * `probe` gives, or `down` with why it did not: the message of what it threw (`failed` when that
 * was no Error), or `<what> timed out after <n> ms`, since a client that queues commands while
 * its server is away would otherwise keep the probe waiting for ever.
 */
export async function checkWithin<const Key extends string>(
  health: HealthIndicatorService,
  key: Key,
  {
    what,
    failed = `${what} failed`,
    timeoutMs = 1_000,
  }: HealthCheckOptions & {
    what: string;
    failed?: string;
  },
  probe: () => Promise<Record<string, unknown>>,
): Promise<HealthIndicatorResult<Key>> {
  const indicator = health.check(key);
  try {
    const details = await withTimeout(
      probe(),
      timeoutMs,
      `${what} timed out after ${timeoutMs} ms`,
    );
    return indicator.up(details);
  } catch (error) {
    return indicator.down({ message: error instanceof Error ? error.message : failed });
  }
}
