import { CouncilsService } from '@app/people';
import { QueueName, SystemQueue } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import { type Queue, QueueEvents } from 'bullmq';
import request from 'supertest';
import { createCouncil, createUser } from '../factories/people';
import { createPlan } from '../factories/plans';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { createReminderRig, type ReminderRig } from '../support/reminders';
import { first } from '../support/items';

// Monday 4 January 2027, 09:00 in England: a working day, inside the sending window.
const START = '2027-01-04T09:00:00Z';

/**
 * The API and the worker on a Redis Cluster (one node holding every slot, which refuses keys
 * of different slots in one command or script as any cluster does). BullMQ's scripts touch
 * several keys of a queue at once, so they work only when the prefix is a hash tag.
 */
describe('queues on a Redis Cluster (e2e)', () => {
  let cluster: RedisServer;
  let rig: ReminderRig;
  // Given bare, as an existing deployment sets it: the app wraps it in braces.
  const prefix = `ft_cluster_${Math.random().toString(36).slice(2, 10)}`;

  beforeAll(async () => {
    cluster = await startRedisServer({ cluster: true });
    rig = await createReminderRig({
      start: START,
      env: { REDIS_URL: cluster.url, QUEUE_PREFIX: prefix },
    });
  });

  afterAll(async () => {
    await rig?.close();
    await cluster?.stop();
  });

  it('sends an owed reminder through both queues, keyed under the braced prefix', async () => {
    const council = await createCouncil(rig.api);
    await rig.api.app
      .get(CouncilsService)
      .updateSettings(council.id, { notifications: { weeklyDigest: false } });
    const manager = await createUser(rig.api, council, { role: 'manager' });
    const owner = await createUser(rig.api, council);
    const plan = await createPlan(rig.api, council, manager.user, {
      year: 2027,
      recommendations: [{ actions: [{ title: 'Draft', dueOn: '2027-06-01' }] }],
    });
    const action = first(plan.actions);

    // Through the API: the reminders queue (a check job), then the mail queue.
    await manager
      .as(request(rig.api.server).patch(`/api/actions/${action.id}`))
      .send({ ownerId: owner.user.id, successMeasure: 'Audited monthly', status: 'open' })
      .expect(200);
    await rig.settle();
    expect(rig.takeMail().map((mail) => [mail.to, mail.subject.split(':')[0]])).toEqual([
      [[owner.user.email], 'Assigned to you'],
    ]);

    // A job that keeps its result, read back through QueueEvents.
    const events = new QueueEvents(QueueName.System, {
      connection: { host: '127.0.0.1', port: cluster.port },
      prefix: `{${prefix}}`,
    });
    try {
      await events.waitUntilReady();
      const job = await rig.api.app.get(SystemQueue).ping();
      await expect(job.waitUntilFinished(events, 10_000)).resolves.toEqual({ pong: true });
    } finally {
      await events.close();
    }

    const queue = rig.api.app.get<Queue>(getQueueToken(QueueName.Mail), { strict: false });
    expect(queue.opts.prefix).toBe(`{${prefix}}`);
    const keys = await cluster.client.keys('*');
    expect(keys.length).toBeGreaterThan(0);
    // Every BullMQ key shares the hash tag, so one slot holds them all.
    for (const key of keys.filter((name) => !name.includes(':throttle:'))) {
      expect(key.startsWith(`{${prefix}}:`)).toBe(true);
    }
  });

  it('answers /health with the queues’ counts, and counts sign-in attempts', async () => {
    const health = await request(rig.api.server).get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', details: { queues: { status: 'up' } } });
    // The login limit's counter is a two-key script: it must work on the cluster too.
    const res = await request(rig.api.server)
      .post('/api/auth/login')
      .send({ email: 'nobody@example.gov.uk', password: 'not the password' });
    expect(res.status).toBe(401);
  });
});
