import { londonDateOf } from '@app/common';
import { type Council, CouncilsService } from '@app/people';
import { type HeldMail, MailSink } from '@app/mail';
import { addDays, formatISO, parseISO } from 'date-fns';
import { DataSource } from 'typeorm';
import { createCouncil, createUser, type TestUser } from '../factories/people';
import { createPlan } from '../factories/plans';
import { createTestApp, type TestApp } from '../support/app';
import {
  type AppProcess,
  outputsOf,
  startWorkerProcess,
  workerEnvFor,
} from '../support/app-process';
import { nth } from '../support/items';

const COUNCILS = 2;
const ACTIONS_PER_COUNCIL = 100;
const OWNERS_PER_COUNCIL = 10;
/** Emails one worker sends at once (MAIL_CONCURRENCY, its default). */
const CONCURRENCY = 8;
/** Delivered before the kill: well into the batch, well short of its end. */
const KILL_AFTER = 40;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true; fails with `what` after `timeoutMs`. */
async function eventually(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await sleep(100);
  }
}

interface CouncilCast {
  council: Council;
  managers: TestUser[];
  owners: TestUser[];
}

/**
 * Several workers on one Postgres and one Redis, one of them killed with SIGKILL in the middle
 * of a batch of emails: every email owed goes out exactly once. The workers are real processes
 * (apps/worker/src/main.ts) on the real clock; the SMTP server is the test's own MailSink.
 */
describe('Reminders: two workers, one killed mid-batch (e2e)', () => {
  const sink = new MailSink();
  let api: TestApp;
  let workerEnv: Record<string, string | undefined>;
  const workers: AppProcess[] = [];

  beforeAll(async () => {
    const { url } = await sink.start();
    // No worker in this process: the only ones are the child processes.
    api = await createTestApp({ env: { SMTP_URL: url } });
    workerEnv = workerEnvFor(api, url, {
      // Whatever day and hour the test runs, today's reminders are owed now.
      SEND_HOUR: '0',
      WORKING_DAYS_ONLY: 'false',
      MAIL_CONCURRENCY: String(CONCURRENCY),
    });
  });

  afterAll(async () => {
    for (const worker of workers) await worker.kill('SIGKILL');
    await api?.close();
    await sink.stop();
  });

  /**
   * A council whose owners report to two managers; reminders only (no assignment emails or
   * digests), so what is owed can be counted from the data: one email per action, and one
   * escalation per manager with an overdue report.
   */
  async function councilWithActions(today: string, yesterday: string) {
    const council = await createCouncil(api);
    await api.app
      .get(CouncilsService)
      .updateSettings(council.id, { notifications: { assignment: false, weeklyDigest: false } });
    const managers = [
      await createUser(api, council, { role: 'manager' }),
      await createUser(api, council, { role: 'manager' }),
    ];
    const owners: TestUser[] = [];
    for (let i = 0; i < OWNERS_PER_COUNCIL; i++) {
      const manager = nth(managers, i < OWNERS_PER_COUNCIL / 2 ? 0 : 1);
      owners.push(await createUser(api, council, { lineManagerId: manager.user.id }));
    }
    // Every fifth action was due yesterday (owners 0 and 5: one under each manager).
    const specs = Array.from({ length: ACTIONS_PER_COUNCIL }, (_, k) => ({
      owner: nth(owners, k % OWNERS_PER_COUNCIL),
      dueOn: k % 5 === 0 ? yesterday : today,
    }));
    const plan = await createPlan(api, council, nth(managers, 0).user, {
      recommendations: specs.map((spec, k) => ({
        actions: [
          {
            title: `Action ${k + 1}`,
            status: 'open' as const,
            ownerId: spec.owner.user.id,
            dueOn: spec.dueOn,
          },
        ],
      })),
    });
    const cast: CouncilCast = { council, managers, owners };
    return { cast, actions: plan.actions.map((action, k) => ({ ...nth(specs, k), action })) };
  }

  it('sends every owed reminder exactly once', async () => {
    // What is owed, worked out from the data: the owner's "Due today" or "Overdue by 1 day" for
    // each action, and each manager's one escalation listing their reports' overdue ones.
    const today = londonDateOf(new Date());
    const yesterday = formatISO(addDays(parseISO(today), -1), { representation: 'date' });
    const expected: string[] = [];
    for (let c = 0; c < COUNCILS; c++) {
      const { cast, actions } = await councilWithActions(today, yesterday);
      for (const { owner, dueOn, action } of actions) {
        const headline = dueOn === today ? 'Due today' : 'Overdue by 1 day';
        expected.push(`${owner.user.email} ${headline}: ${action.reference}`);
      }
      for (const manager of cast.managers) {
        expected.push(`${manager.user.email} Escalation: 10 actions overdue in your team`);
      }
    }
    expected.sort();
    expect(expected).toHaveLength(COUNCILS * (ACTIONS_PER_COUNCIL + 2));
    // Not looked at until both workers run, then all at once (as a change of settings does).
    const db = api.app.get(DataSource);
    await db.query(`UPDATE reminder_schedule SET check_at = 'infinity'`);

    const first = startWorkerProcess(workerEnv);
    const second = startWorkerProcess(workerEnv);
    workers.push(first, second);
    try {
      await Promise.all([first.ready, second.ready]);
      await db.query(`UPDATE reminder_schedule SET check_at = '-infinity'`);

      // Mid-batch: once some have arrived, the sink stops answering (it holds each message it
      // receives, unanswered) until every connection of both workers is waiting on one. The
      // first worker is then killed with its emails mid-conversation and its rows locked: not
      // in the moment between the server's "250 OK" and its COMMIT, the one moment a crash
      // sends an email twice whatever the design (see docs/reminders.md).
      await sink.waitFor(KILL_AFTER, 60_000);
      const holds: HeldMail[] = Array.from({ length: 2 * CONCURRENCY }, () => sink.holdNext());
      let dropped = 0;
      for (const hold of holds) {
        void hold.released.then((outcome) => {
          if (outcome === 'dropped') dropped += 1;
        });
      }
      await Promise.all(holds.map((hold) => hold.arrived));
      const deliveredBeforeKill = sink.messages().length;
      await first.kill('SIGKILL');
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      // Its connections closed with it: those messages were never accepted.
      await eventually(
        'the killed worker’s messages to be dropped',
        () => dropped === CONCURRENCY,
        10_000,
      );
      for (const hold of holds) hold.release();
      const outcomes = await Promise.all(holds.map((hold) => hold.released));
      expect(outcomes.filter((outcome) => outcome === 'dropped')).toHaveLength(CONCURRENCY);
      expect(outcomes.filter((outcome) => outcome === 'recorded')).toHaveLength(CONCURRENCY);

      // The survivor sends the rest, and the killed worker's emails once its jobs' locks lapse.
      const unsent = async () => {
        const rows = await db.query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM notifications WHERE status <> 'sent'`,
        );
        return nth(rows, 0).n;
      };
      await eventually(
        'every notification to be sent',
        async () => sink.messages().length >= expected.length && (await unsent()) === 0,
        120_000,
      );
      // A few more sweeps and stalled-job checks: nothing more may arrive.
      await sleep(5_000);

      const mail = sink.messages();
      const received = mail
        .map((message) => `${message.to.join(',')} ${message.subject.replace(/ Action \d+$/, '')}`)
        .sort();
      // Killed mid-batch: most of it was still to go.
      expect(deliveredBeforeKill).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(deliveredBeforeKill).toBeLessThan(expected.length - 2 * CONCURRENCY);
      // Nothing missing, nothing twice.
      expect(mail).toHaveLength(expected.length);
      expect(received).toEqual(expected);
      // Each email is one batch of notifications, sent once: its Message-ID is the batch key.
      const batches = await db.query<Array<{ batchKey: string }>>(
        `SELECT DISTINCT batch_key AS "batchKey" FROM notifications`,
      );
      expect(new Set(mail.map((message) => message.messageId))).toEqual(
        new Set(batches.map((row) => `<${row.batchKey}@followthrough>`)),
      );
    } catch (error) {
      throw new Error(`${String(error)}\n${outputsOf(workers)}`, { cause: error });
    }
  }, 300_000);
});
