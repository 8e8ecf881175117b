import { Clock } from '@app/common';
import type { RawEnv } from '@app/config';
import { type CaughtMail, MailSink } from '@app/mail';
import { QueueName } from '@app/queue';
import { ReminderSweeper, type SweepResult } from '@app/reminders';
import { getQueueToken } from '@nestjs/bullmq';
import { Test, type TestingModule } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { createTestApp, type TestApp } from './app';

/** `iso` (YYYY-MM-DD) + days, as an ISO date: the reminder tests' days around a deadline. */
export function dayFrom(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A clock the test moves by hand; the API and the worker read the same one. */
export class MovableClock extends Clock {
  private at: Date;

  constructor(iso: string) {
    super();
    this.at = new Date(iso);
  }

  now(): Date {
    return new Date(this.at);
  }

  set(iso: string): void {
    const at = new Date(iso);
    if (Number.isNaN(at.getTime())) throw new Error(`MovableClock: not a date: ${iso}`);
    this.at = at;
  }
}

export interface ReminderRig {
  api: TestApp;
  worker: TestingModule;
  sink: MailSink;
  clock: MovableClock;
  /** One sweep as the worker's timer would run it, at the clock's time. */
  sweep(): Promise<SweepResult>;
  /** Waits until the mail and reminders queues are idle. */
  settle(timeoutMs?: number): Promise<void>;
  /** Mail caught since the last call. */
  takeMail(): CaughtMail[];
  close(): Promise<void>;
}

/**
 * The API and the worker in one process on one database and queue prefix, a real SMTP sink
 * they send to, and a clock the test moves. The worker's own timer sweeps only at start-up
 * (REMINDER_SWEEP_EVERY=24h): tests call sweep() when they have moved the clock.
 */
export async function createReminderRig(
  options: { start: string; env?: RawEnv } = { start: '2027-01-04T09:00:00Z' },
): Promise<ReminderRig> {
  const sink = new MailSink();
  const { url } = await sink.start();
  const clock = new MovableClock(options.start);
  const env: RawEnv = {
    SMTP_URL: url,
    APP_URL: 'https://actions.example.gov.uk',
    REMINDER_SWEEP_EVERY: '24h',
    MAIL_RETRY_DELAY: '20ms',
    ...options.env,
  };
  const api = await createTestApp({ env, clock });
  let worker: TestingModule | undefined;
  try {
    const builder = Test.createTestingModule({ imports: [WorkerModule.forRoot({ env: api.env })] });
    builder.overrideProvider(Clock).useValue(clock);
    worker = await builder.compile();
    worker.useLogger(worker.get(Logger));
    await worker.init();
  } catch (error) {
    await api.close();
    await sink.stop();
    throw error;
  }
  const started = worker;
  const queues = [QueueName.Mail, QueueName.Reminders].map((name) =>
    started.get<Queue>(getQueueToken(name), { strict: false }),
  );
  let seen = 0;

  // A sweep returns after queuing its emails, and a check job queues its emails before it
  // completes, so empty queues mean nothing is on its way. (Escalations made by a check job
  // stay pending until the next sweep, on purpose.)
  const idle = async (): Promise<boolean> => {
    for (const queue of queues) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if (Object.values(counts).some((count) => count > 0)) return false;
    }
    return true;
  };

  return {
    api,
    worker: started,
    sink,
    clock,
    sweep: () => started.get(ReminderSweeper).sweep(),
    settle: async (timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      // Twice in a row: a check job can queue an email just after the queues looked empty.
      let quiet = 0;
      while (quiet < 2) {
        if (Date.now() > deadline) throw new Error('Reminders did not settle in time');
        quiet = (await idle()) ? quiet + 1 : 0;
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    },
    takeMail: () => {
      const all = sink.messages();
      const fresh = all.slice(seen);
      seen = all.length;
      return fresh;
    },
    close: async () => {
      await started.close();
      await api.close();
      await sink.stop();
    },
  };
}
