import { type Council, CouncilsService } from '@app/people';
import { MailSink } from '@app/mail';
import { QueueName } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createCouncil, createUser, type TestUser } from '../factories/people';
import { createPlan } from '../factories/plans';
import { createTestApp, type TestApp } from '../support/app';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { createReminderRig, type ReminderRig } from '../support/reminders';
import {
  type AppProcess,
  outputsOf,
  startWorkerProcess,
  workerEnvFor,
} from '../support/app-process';
import { nth } from '../support/items';

// A Monday in January, far from the deadline below: the only email owed is the assignment.
const START = '2027-01-04T09:00:00Z';
const TITLE = 'Audit the quality of supervision records';

interface Assignment {
  council: Council;
  manager: TestUser;
  owner: TestUser;
  action: { id: string; reference: string };
}

/** A council where one staff member has just been given one open action (so is owed an email). */
async function assignOne(t: TestApp, dueOn = '2027-06-17'): Promise<Assignment> {
  const council = await createCouncil(t);
  // The Monday digest has its own tests; here it could only add emails.
  await t.app
    .get(CouncilsService)
    .updateSettings(council.id, { notifications: { weeklyDigest: false } });
  const admin = await createUser(t, council, { role: 'admin' });
  const manager = await createUser(t, council, { role: 'manager' });
  const owner = await createUser(t, council, { lineManagerId: manager.user.id });
  const plan = await createPlan(t, council, admin.user, {
    recommendations: [
      {
        actions: [
          {
            title: TITLE,
            status: 'open',
            ownerId: owner.user.id,
            dueOn,
            successMeasure: 'Every record audited monthly',
          },
        ],
      },
    ],
  });
  const action = nth(plan.actions, 0);
  return { council, manager, owner, action: { id: action.id, reference: action.reference } };
}

interface NotificationRow {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  batchKey: string;
  recipientId: string;
}

function notifications(t: TestApp): Promise<NotificationRow[]> {
  return t.app.get(DataSource).query<NotificationRow[]>(
    `SELECT id, kind, status, attempts, last_error AS "lastError", batch_key AS "batchKey",
            recipient_id AS "recipientId"
       FROM notifications ORDER BY created_at, id`,
  );
}

/** The pending rows nobody holds a lock on (what a worker could claim right now). */
function claimable(t: TestApp): Promise<Array<{ id: string }>> {
  return t.app
    .get(DataSource)
    .query<Array<{ id: string }>>(
      `SELECT id FROM notifications WHERE status = 'pending' FOR UPDATE SKIP LOCKED`,
    );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true; fails with `what` after `timeoutMs`. */
async function eventually(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for: ${what}`);
    await sleep(50);
  }
}

/** `promise`, or a rejection naming `what` after `timeoutMs`. */
async function within<T>(what: string, promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out waiting for: ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function mailQueue(rig: ReminderRig): Queue {
  return rig.worker.get<Queue>(getQueueToken(QueueName.Mail), { strict: false });
}

describe('Reminder delivery (e2e)', () => {
  describe('an SMTP server that fails then recovers', () => {
    let rig: ReminderRig;

    beforeAll(async () => {
      rig = await createReminderRig({ start: START });
    });

    afterAll(() => rig?.close());

    it('gets the email exactly once, on the third attempt, and the row says so', async () => {
      const { owner, action } = await assignOne(rig.api);
      rig.sink.failNext(2);

      await rig.sweep();
      await rig.settle();

      expect(rig.takeMail().map((mail) => ({ to: mail.to, subject: mail.subject }))).toEqual([
        { to: [owner.user.email], subject: `Assigned to you: ${action.reference} ${TITLE}` },
      ]);
      expect(await notifications(rig.api)).toEqual([
        expect.objectContaining({
          kind: 'assigned',
          status: 'sent',
          attempts: 3,
          lastError: null,
          recipientId: owner.user.id,
        }),
      ]);

      // Sent is final: another sweep sends nothing more.
      await rig.sweep();
      await rig.settle();
      expect(rig.takeMail()).toEqual([]);
    });
  });

  describe('an email about an action with a measure', () => {
    let rig: ReminderRig;

    beforeAll(async () => {
      rig = await createReminderRig({ start: START });
    });

    afterAll(() => rig?.close());

    it('gives its RAG and why, by the same rules as the action page', async () => {
      const { manager, owner, action } = await assignOne(rig.api);
      const measure = await manager
        .as(request(rig.api.server).post(`/api/actions/${action.id}/measures`))
        .send({
          name: 'Records audited',
          unit: 'percentage',
          direction: 'higher',
          baselineValue: 0,
          baselineOn: '2026-10-06',
          targetValue: 100,
          targetOn: '2027-04-05',
        })
        .expect(201);
      // 10 on 3 January against a line near 50: well behind, so red.
      await owner
        .as(
          request(rig.api.server).post(
            `/api/actions/${action.id}/measures/${(measure.body as { id: string }).id}/readings`,
          ),
        )
        .send({ value: 10, observedOn: '2027-01-03' })
        .expect(201);
      const page = await manager
        .as(request(rig.api.server).get(`/api/actions/${action.id}/rag`))
        .expect(200);
      expect(page.body).toMatchObject({ rag: 'red' });

      await rig.sweep();
      await rig.settle();
      const mail = nth(rig.takeMail(), 0);
      const { reason } = (page.body as { computed: { reason: string } }).computed;
      expect(reason).toMatch(/^Records audited: Well behind the line to the target/);
      expect(mail.text).toContain(`RAG: Red: ${reason}`);
    });
  });

  describe('after the last attempt it is marked failed and listed', () => {
    let rig: ReminderRig;
    let assignment: Assignment;
    let staff: TestUser;
    let otherManager: TestUser;

    beforeAll(async () => {
      rig = await createReminderRig({ start: START, env: { MAIL_ATTEMPTS: '2' } });
      assignment = await assignOne(rig.api);
      staff = await createUser(rig.api, assignment.council, {
        lineManagerId: assignment.manager.user.id,
      });
      const otherCouncil = await createCouncil(rig.api);
      otherManager = await createUser(rig.api, otherCouncil, { role: 'manager' });

      // Exactly MAIL_ATTEMPTS refusals: were there a third attempt, it would get through and be
      // caught below (the sink cannot forget queued failures, so none are left over for later).
      rig.sink.failNext(2);
      await rig.sweep();
      await rig.settle();
    });

    afterAll(() => rig?.close());

    const failedList = (user: TestUser) =>
      user.as(request(rig.api.server).get('/api/notifications').query({ status: 'failed' }));

    it('stops after MAIL_ATTEMPTS and records the SMTP error', async () => {
      expect(rig.takeMail()).toEqual([]);
      const rows = await notifications(rig.api);
      expect(rows).toEqual([
        expect.objectContaining({ kind: 'assigned', status: 'failed', attempts: 2 }),
      ]);
      expect(nth(rows, 0).lastError).toContain('451');

      // Failed is final until someone retries: the sweep does not queue it again.
      await rig.sweep();
      await rig.settle();
      expect(rig.takeMail()).toEqual([]);
      expect((await notifications(rig.api))[0]).toMatchObject({ status: 'failed', attempts: 2 });
    });

    it('lists it for a manager of the council, with the action and the recipient', async () => {
      const row = nth(await notifications(rig.api), 0);
      const { owner, action } = assignment;
      const response = await failedList(assignment.manager).expect(200);
      expect(response.body).toEqual({
        items: [
          expect.objectContaining({
            id: row.id,
            kind: 'assigned',
            status: 'failed',
            action: { id: action.id, reference: action.reference, title: TITLE },
            recipient: expect.objectContaining({
              id: owner.user.id,
              name: owner.user.name,
              email: owner.user.email,
            }) as unknown,
            attempts: 2,
            lastError: expect.stringContaining('451') as unknown,
            sentAt: null,
          }),
        ],
        total: 1,
        page: 1,
        pageSize: 25,
      });
      // The filter filters: nothing of this council was sent.
      const sent = await assignment.manager
        .as(request(rig.api.server).get('/api/notifications').query({ status: 'sent' }))
        .expect(200);
      expect(sent.body).toMatchObject({ items: [], total: 0 });
    });

    it('is managers only, and only their own council', async () => {
      const row = nth(await notifications(rig.api), 0);
      await failedList(staff).expect(403);
      await staff
        .as(request(rig.api.server).post(`/api/notifications/${row.id}/retry`))
        .expect(403);

      const other = await failedList(otherManager).expect(200);
      expect(other.body).toMatchObject({ items: [], total: 0 });
      await otherManager
        .as(request(rig.api.server).post(`/api/notifications/${row.id}/retry`))
        .expect(404);

      // None of that changed anything.
      expect((await notifications(rig.api))[0]).toMatchObject({ status: 'failed', attempts: 2 });
      expect(rig.takeMail()).toEqual([]);
    });

    it('sends it once when a manager retries, with fresh attempts', async () => {
      const row = nth(await notifications(rig.api), 0);
      const retried = await assignment.manager
        .as(request(rig.api.server).post(`/api/notifications/${row.id}/retry`))
        .expect(200);
      // The worker may already have sent it by the time the API reads the row back.
      expect(retried.body).toMatchObject({ id: row.id, kind: 'assigned' });
      expect(['pending', 'sent']).toContain((retried.body as { status: string }).status);

      await rig.settle();
      expect(rig.takeMail().map((mail) => ({ to: mail.to, subject: mail.subject }))).toEqual([
        {
          to: [assignment.owner.user.email],
          subject: `Assigned to you: ${assignment.action.reference} ${TITLE}`,
        },
      ]);
      expect(await notifications(rig.api)).toEqual([
        expect.objectContaining({ id: row.id, status: 'sent', attempts: 1, lastError: null }),
      ]);
      const stillFailed = await failedList(assignment.manager).expect(200);
      expect(stillFailed.body).toMatchObject({ items: [], total: 0 });

      // Only a failed email can be retried; and a sweep does not send a sent one again.
      await assignment.manager
        .as(request(rig.api.server).post(`/api/notifications/${row.id}/retry`))
        .expect(409);
      await rig.sweep();
      await rig.settle();
      expect(rig.takeMail()).toEqual([]);
    });
  });

  describe('FLUSHALL loses nothing', () => {
    // Its own Redis: FLUSHALL on the shared one would wipe every other test file's queues.
    let redis: RedisServer;
    let rig: ReminderRig;

    beforeAll(async () => {
      redis = await startRedisServer();
      // An hour between attempts: a refused email sits in Redis as a delayed job, and only there.
      rig = await createReminderRig({
        start: START,
        env: { REDIS_URL: redis.url, MAIL_RETRY_DELAY: '1h' },
      });
    });

    afterAll(async () => {
      await rig?.close();
      await redis?.stop();
    });

    it('a sweep queues the pending email again from Postgres, and it is sent once', async () => {
      const { owner, action } = await assignOne(rig.api);
      const queue = mailQueue(rig);
      rig.sink.failNext(1);

      await rig.sweep();
      await eventually('the first attempt to be refused and the job to back off', async () => {
        const [row] = await notifications(rig.api);
        const counts = await queue.getJobCounts('delayed');
        return row?.attempts === 1 && counts.delayed === 1;
      });
      const before = nth(await notifications(rig.api), 0);
      expect(before).toMatchObject({ status: 'pending', attempts: 1 });
      expect(before.lastError).toContain('451');
      expect(await (await queue.getJob(before.batchKey))?.getState()).toBe('delayed');

      // While the job is in Redis, sweeping queues nothing twice: the batch key is the job id.
      await rig.sweep();
      expect(await queue.getJobCounts('waiting', 'active', 'delayed')).toMatchObject({
        waiting: 0,
        active: 0,
        delayed: 1,
      });

      await redis.client.flushall();
      // Gone for good: the job, its data and the delayed set that would have woken it.
      expect(await queue.getJob(before.batchKey)).toBeUndefined();
      expect(
        await redis.client.keys(`${rig.api.env.QUEUE_PREFIX}:mail:${before.batchKey}*`),
      ).toEqual([]);
      expect(await queue.getJobCounts('waiting', 'active', 'delayed')).toMatchObject({
        waiting: 0,
        active: 0,
        delayed: 0,
      });
      // Nothing sends it until the next sweep reads Postgres.
      await sleep(300);
      expect(rig.sink.messages()).toEqual([]);
      expect((await notifications(rig.api))[0]).toMatchObject({ status: 'pending' });

      const swept = await rig.sweep();
      expect(swept.enqueued).toBe(1);
      await rig.settle();

      expect(rig.takeMail().map((mail) => ({ to: mail.to, subject: mail.subject }))).toEqual([
        { to: [owner.user.email], subject: `Assigned to you: ${action.reference} ${TITLE}` },
      ]);
      expect(await notifications(rig.api)).toEqual([
        expect.objectContaining({ id: before.id, status: 'sent', attempts: 2, lastError: null }),
      ]);

      await rig.sweep();
      await rig.settle();
      expect(rig.takeMail()).toEqual([]);
    });
  });

  describe('a worker killed with SIGKILL mid-send', () => {
    const sink = new MailSink();
    let api: TestApp;
    let workerEnv: Record<string, string | undefined>;
    const workers: AppProcess[] = [];

    const startWorker = (): AppProcess => {
      const worker = startWorkerProcess(workerEnv);
      workers.push(worker);
      return worker;
    };

    beforeAll(async () => {
      const { url } = await sink.start();
      // No worker in this process: the only ones are the child processes the test starts.
      api = await createTestApp({ env: { SMTP_URL: url } });
      workerEnv = workerEnvFor(api, url);
    });

    afterAll(async () => {
      for (const worker of workers) await worker.kill('SIGKILL');
      await api?.close();
      await sink.stop();
    });

    it('sends the email once after a new worker starts', async () => {
      // The child processes run on the real clock: the deadline must be ahead of it.
      const dueOn = new Date(Date.now() + 180 * 24 * 3600 * 1000).toISOString().slice(0, 10);
      const held = sink.holdNext();
      const first = startWorker();
      await first.ready;
      const { owner, action } = await assignOne(api, dueOn);

      try {
        // The first worker's sweep (every second) records the assignment and starts sending it.
        await within('the email to reach the SMTP server', held.arrived, 30_000);
        const sending = nth(await notifications(api), 0);
        expect(sending).toMatchObject({ kind: 'assigned', status: 'pending', attempts: 0 });
        // Locked by the sender for the length of the SMTP conversation.
        expect(await claimable(api)).toEqual([]);

        await first.kill('SIGKILL');
        // The kernel closed its SMTP connection before the server answered: not delivered.
        expect(await within('the held email to be dropped', held.released, 10_000)).toBe('dropped');
        expect(sink.messages()).toEqual([]);
        // Its transaction died with its connection: the row is pending, unlocked, untouched.
        await eventually('the dead worker to let go of the row', async () => {
          return (await claimable(api)).length === 1;
        });
        expect(await notifications(api)).toEqual([
          expect.objectContaining({ id: sending.id, status: 'pending', attempts: 0 }),
        ]);

        startWorker();
        // The killed job's BullMQ lock lapses after 15 s; the new worker's stalled-job check
        // then puts it back on the queue. Its sweeps meanwhile must not queue a second copy.
        const mail = nth(await sink.waitFor(1, 75_000), 0);
        expect({ to: mail.to, subject: mail.subject }).toEqual({
          to: [owner.user.email],
          subject: `Assigned to you: ${action.reference} ${TITLE}`,
        });

        // Several more sweeps later, still exactly one.
        await sleep(3_000);
        expect(sink.messages()).toHaveLength(1);
        expect(await notifications(api)).toEqual([
          expect.objectContaining({ id: sending.id, status: 'sent', attempts: 1, lastError: null }),
        ]);
      } catch (error) {
        // Jest prints the error; the worker's own log says what it was doing.
        throw new Error(`${String(error)}\n${outputsOf(workers)}`, { cause: error });
      }
    }, 150_000);
  });
});
