import { ActionChanged } from '@app/actions';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { daysFromToday } from '../factories/actions';
import { createCouncilWithPeople } from '../factories/people';
import { createTestApp, type TestApp } from '../support/app';
import { atLeast, nth } from '../support/items';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

interface Recommendation {
  id: string;
  ref: string;
  actionIds: string[];
}

interface ActionBody {
  id: string;
  reference: string;
  status: string;
  dueOn: string | null;
  owner: { id: string } | null;
  successMeasure: string | null;
}

// A listed report whose prose also states weaknesses: recommendations and suggestions both.
const REPORT = join(
  __dirname,
  '..',
  'fixtures',
  'reports',
  'harrowfield-safeguarding-lac-2012.txt',
);

describe('inspections (e2e): the review’s use cases through the API', () => {
  let t: TestApp;
  let home: Cast;
  let away: Cast;
  let inspectionId: string;
  let recommendations: Recommendation[];

  const action = async (id: string): Promise<ActionBody> =>
    (await home.manager.as(request(t.server).get(`/api/actions/${id}`)).expect(200))
      .body as ActionBody;

  beforeAll(async () => {
    t = await createTestApp();
    home = await createCouncilWithPeople(t);
    away = await createCouncilWithPeople(t);
    const imported = await home.manager
      .as(request(t.server).post('/api/inspections'))
      .attach('file', readFileSync(REPORT), 'harrowfield.txt')
      .expect(201);
    inspectionId = (imported.body as { id: string }).id;
    const detail = await home.manager
      .as(request(t.server).get(`/api/inspections/${inspectionId}`))
      .expect(200);
    recommendations = (detail.body as { recommendations: Recommendation[] }).recommendations;
    expect(recommendations.length).toBeGreaterThanOrEqual(3);
  });

  afterAll(() => t?.close());

  describe('splitting a recommendation', () => {
    const splitPath = (rid: string, id = inspectionId) =>
      `/api/inspections/${id}/recommendations/${rid}/actions`;

    it('adds a draft action with the next reference and the first action’s deadline', async () => {
      const rec = nth(recommendations, 0);
      const first = await action(nth(rec.actionIds, 0));
      const res = await home.manager.as(request(t.server).post(splitPath(rec.id))).expect(201);
      expect(res.body).toMatchObject({
        status: 'draft',
        reference: first.reference.replace(/-1$/, '-2'),
        dueOn: first.dueOn,
        owner: null,
      });
    });

    it('is for managers (403), within the council (404) and the inspection (404)', async () => {
      const [rec, other] = atLeast(recommendations, 2);
      await home.staff.as(request(t.server).post(splitPath(rec.id))).expect(403);
      await away.manager.as(request(t.server).post(splitPath(rec.id))).expect(404);
      // A recommendation id under another inspection's id is not found either.
      const awayImport = await away.manager
        .as(request(t.server).post('/api/inspections'))
        .attach('file', readFileSync(REPORT), 'harrowfield.txt')
        .expect(201);
      const awayId = (awayImport.body as { id: string }).id;
      await away.manager.as(request(t.server).post(splitPath(other.id, awayId))).expect(404);
      await home.manager.as(request(t.server).post(splitPath('not-a-uuid'))).expect(400);
      expect((await action(nth(other.actionIds, 0))).reference).toMatch(/-1$/);
    });
  });

  describe('opening drafts in one go', () => {
    const drafts = () => recommendations.slice(1, 3).map((rec) => nth(rec.actionIds, 0));

    it('makes none of the changes when one is refused, naming the refused action', async () => {
      const [a, b] = atLeast(drafts(), 2);
      const before = await action(a);
      const res = await home.manager
        .as(request(t.server).patch(`/api/inspections/${inspectionId}/drafts`))
        .send({
          changes: [
            {
              actionId: a,
              ownerId: home.staff.user.id,
              successMeasure: 'Every plan ratified within 20 working days',
              dueOn: daysFromToday(90),
              open: true,
            },
            // Opened without a success measure: refused.
            { actionId: b, ownerId: home.staff.user.id, dueOn: daysFromToday(90), open: true },
          ],
        })
        .expect(422);
      expect(res.body).toMatchObject({
        details: { actionId: b, field: 'successMeasure' },
      });
      expect(await action(a)).toEqual(before);
    });

    it('opens every draft and says ActionChanged for each once committed', async () => {
      const [a, b] = atLeast(drafts(), 2);
      const heard: string[] = [];
      const listener = (event: ActionChanged) => heard.push(event.actionId);
      const events = t.app.get(EventEmitter2);
      events.on(ActionChanged.event, listener);
      try {
        const res = await home.manager
          .as(request(t.server).patch(`/api/inspections/${inspectionId}/drafts`))
          .send({
            changes: [
              {
                actionId: a,
                ownerId: home.staff.user.id,
                successMeasure: 'Every plan ratified within 20 working days',
                dueOn: daysFromToday(90),
                open: true,
              },
              { actionId: b, ownerId: home.otherStaff.user.id },
            ],
          })
          .expect(200);
        expect(res.body).toEqual({ opened: 1, saved: 1 });
      } finally {
        events.off(ActionChanged.event, listener);
      }
      expect(heard).toEqual([a, b]);
      expect(await action(a)).toMatchObject({ status: 'open', owner: { id: home.staff.user.id } });
      expect(await action(b)).toMatchObject({
        status: 'draft',
        owner: { id: home.otherStaff.user.id },
      });
    });

    it('refuses an action that is no longer a draft, or not this inspection’s', async () => {
      const [a, b] = atLeast(drafts(), 2);
      const path = `/api/inspections/${inspectionId}/drafts`;
      await home.manager
        .as(request(t.server).patch(path))
        .send({ changes: [{ actionId: a, successMeasure: 'Changed' }] })
        .expect(409);
      await home.staff
        .as(request(t.server).patch(path))
        .send({ changes: [{ actionId: b, successMeasure: 'Changed' }] })
        .expect(403);
      await away.manager
        .as(request(t.server).patch(path))
        .send({ changes: [{ actionId: b, successMeasure: 'Changed' }] })
        .expect(404);
      expect((await action(b)).successMeasure).toBeNull();
    });
  });

  it('writes the same "created" history entry for an import, a split, a new action and an accepted suggestion', async () => {
    const rec = nth(recommendations, 0);
    const created = await home.manager
      .as(request(t.server).post('/api/actions'))
      .send({ recommendationId: rec.id, title: 'Audit every plan', dueOn: daysFromToday(60) })
      .expect(201);
    const split = await home.manager
      .as(
        request(t.server).post(
          `/api/inspections/${inspectionId}/recommendations/${rec.id}/actions`,
        ),
      )
      .expect(201);
    const suggestions = await home.manager
      .as(request(t.server).get(`/api/inspections/${inspectionId}/suggestions`))
      .expect(200);
    const open = (suggestions.body as Array<{ id: string; status: string }>).find(
      (suggestion) => suggestion.status === 'open',
    );
    if (!open) throw new Error('the report has no open suggestion');
    const accepted = await home.manager
      .as(request(t.server).post(`/api/inspections/${inspectionId}/suggestions/${open.id}/accept`))
      .expect(200);

    const keysOfCreated = async (id: string): Promise<string[]> => {
      const history = await home.manager
        .as(request(t.server).get(`/api/actions/${id}/history`))
        .expect(200);
      const entry = (
        history.body as Array<{ event: string; changes: Record<string, unknown> }>
      ).find((item) => item.event === 'created');
      return Object.keys(entry?.changes ?? {}).sort();
    };
    const imported = await keysOfCreated(nth(rec.actionIds, 0));
    expect(imported).toEqual(['dueOn', 'originalDueOn', 'reference', 'status', 'title']);
    expect(await keysOfCreated((created.body as ActionBody).id)).toEqual(imported);
    expect(await keysOfCreated((split.body as ActionBody).id)).toEqual(imported);
    expect(await keysOfCreated((accepted.body as { action: ActionBody }).action.id)).toEqual(
      imported,
    );
  });
});
