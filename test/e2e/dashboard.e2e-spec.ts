import { ProgressService } from '@app/inspections';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  createCouncil,
  createCouncilWithPeople,
  createUser,
  type TestUser,
} from '../factories/people';
import { daysFromToday, todayInLondon } from '../factories/actions';
import { createPlan } from '../factories/plans';
import { createTestApp, type TestApp } from '../support/app';
import { atLeast, nth } from '../support/items';

// Dates relative to the real today in England, which is what the API counts from.
const today = todayInLondon();
const day = daysFromToday;

describe('GET /dashboard', () => {
  let t: TestApp;
  let manager: TestUser;
  let alex: TestUser; // Children in care
  let bea: TestUser; // no team
  let casey: TestUser; // Front door
  let otherCouncilStaff: TestUser;
  let councilId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const council = await createCouncil(t);
    councilId = council.id;
    manager = await createUser(t, council, {
      role: 'manager',
      name: 'Morgan Manager',
      team: 'Quality assurance',
    });
    alex = await createUser(t, council, { name: 'Alex Staff', team: 'Children in care' });
    bea = await createUser(t, council, { name: 'Bea Noteam', team: null });
    casey = await createUser(t, council, { name: 'Casey Frontdoor', team: 'Front door' });

    // Newest publication first in the response: this one, then 2025, 2024, 2023.
    await createPlan(t, council, manager.user, {
      year: 2026,
      recommendations: [
        {
          priority: 'priority_action',
          actions: [
            { status: 'open', ownerId: alex.user.id, dueOn: day(-14) }, // overdue, priority
            // Finished: inside the due-soon window but neither due nor overdue.
            { status: 'completed', ownerId: alex.user.id, dueOn: day(1) },
          ],
        },
        {
          actions: [
            { status: 'in_progress', ownerId: casey.user.id, dueOn: day(-5) }, // overdue
            { status: 'blocked', ownerId: alex.user.id, dueOn: day(5) }, // due in 7
            { status: 'draft', ownerId: null, dueOn: day(-1) }, // overdue, nobody owns it
            { status: 'draft', ownerId: null, dueOn: day(0) }, // due today: not overdue, due in 7
          ],
        },
        {
          actions: [
            { status: 'verified', ownerId: alex.user.id, dueOn: day(-100) },
            { status: 'cancelled', ownerId: alex.user.id, dueOn: day(-100) },
            { status: 'open', ownerId: manager.user.id, dueOn: day(30) }, // due in 30 (last day)
            { status: 'open', ownerId: manager.user.id, dueOn: day(31) }, // outside both windows
          ],
        },
      ],
    });
    await createPlan(t, council, manager.user, {
      year: 2025,
      recommendations: [
        { actions: [{ status: 'open', ownerId: casey.user.id, dueOn: day(-1) }] }, // overdue
        { actions: [{ status: 'open', ownerId: bea.user.id, dueOn: day(-60) }] }, // overdue
      ],
    });
    await createPlan(t, council, manager.user, {
      year: 2024,
      recommendations: [
        { actions: [{ status: 'completed', ownerId: manager.user.id, dueOn: day(-3) }] },
      ],
    });
    await createPlan(t, council, manager.user, { year: 2023, recommendations: [] });

    // Another council, with plenty overdue of its own: none of it may show above.
    const other = await createCouncilWithPeople(t);
    otherCouncilStaff = other.staff;
    await createPlan(t, other.council, other.manager.user, {
      recommendations: [
        {
          priority: 'priority_action',
          actions: [
            { status: 'open', ownerId: other.staff.user.id, dueOn: day(-2) },
            { status: 'blocked', ownerId: other.staff.user.id, dueOn: day(2) },
            { status: 'draft', ownerId: null, dueOn: day(-9) },
          ],
        },
      ],
    });
  });

  afterAll(() => t.close());

  it('counts by status, overdue by owner and team, and what is due soon', async () => {
    const response = await alex.as(request(t.server).get('/api/dashboard')).expect(200);
    const body = response.body as Record<string, unknown>;
    expect(body.today).toBe(today);
    expect(body.byStatus).toEqual({
      draft: 2,
      open: 5,
      in_progress: 1,
      blocked: 1,
      completed: 2,
      verified: 1,
      cancelled: 1,
    });
    expect(body.overdue).toEqual({
      total: 5,
      // Most first; ties by name, the unowned last.
      byOwner: [
        {
          owner: { id: casey.user.id, name: 'Casey Frontdoor', email: casey.user.email },
          count: 2,
        },
        { owner: { id: alex.user.id, name: 'Alex Staff', email: alex.user.email }, count: 1 },
        { owner: { id: bea.user.id, name: 'Bea Noteam', email: bea.user.email }, count: 1 },
        { owner: null, count: 1 },
      ],
      // Null: Bea has no team and the overdue draft has no owner.
      byTeam: [
        { team: 'Front door', count: 2 },
        { team: null, count: 2 },
        { team: 'Children in care', count: 1 },
      ],
      // No partner organisation is responsible for any of them: all the council's own.
      byOrganisation: [{ organisation: null, count: 5 }],
    });
    expect(body.dueSoon).toEqual({ next7Days: 2, next30Days: 3 });
  });

  it('gives each inspection its progress and RAG, the same as ProgressService', async () => {
    const response = await manager.as(request(t.server).get('/api/dashboard')).expect(200);
    const inspections = (
      response.body as {
        inspections: Array<{
          id: string;
          reference: string;
          publishedOn: string;
          progress: unknown;
        }>;
      }
    ).inspections;
    expect(inspections.map((i) => i.publishedOn)).toEqual([
      '2026-03-01',
      '2025-03-01',
      '2024-03-01',
      '2023-03-01',
    ]);
    expect(inspections.map((i) => i.progress)).toEqual([
      expect.objectContaining({
        total: 10,
        percentComplete: 22, // 2 done of the 9 not cancelled
        overdue: 3,
        overduePriority: 1,
        rag: 'red',
      }),
      expect.objectContaining({ total: 2, percentComplete: 0, overdue: 2, rag: 'red' }),
      expect.objectContaining({ total: 1, percentComplete: 100, overdue: 0, rag: 'green' }),
      expect.objectContaining({ total: 0, percentComplete: 0, overdue: 0, rag: 'green' }),
    ]);
    expect(nth(inspections, 0).progress).toMatchObject({
      byStatus: {
        draft: 2,
        open: 3,
        in_progress: 1,
        blocked: 1,
        completed: 1,
        verified: 1,
        cancelled: 1,
      },
    });
    const expected = await t.app.get(ProgressService).forInspections(
      councilId,
      today,
      inspections.map((i) => i.id),
    );
    for (const inspection of inspections) {
      expect(inspection.progress).toEqual(expected.get(inspection.id));
    }
  });

  it('shows another council only its own figures', async () => {
    const response = await otherCouncilStaff
      .as(request(t.server).get('/api/dashboard'))
      .expect(200);
    expect(response.body).toMatchObject({
      byStatus: { draft: 1, open: 1, blocked: 1, completed: 0 },
      overdue: {
        total: 2,
        byTeam: [
          { team: 'Children in care', count: 1 },
          { team: null, count: 1 },
        ],
      },
      dueSoon: { next7Days: 1, next30Days: 1 },
    });
    expect((response.body as { inspections: unknown[] }).inspections).toHaveLength(1);
  });

  it('answers 401 without a token', async () => {
    const response = await request(t.server).get('/api/dashboard').expect(401);
    expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });
});

describe('action_counts (the dashboard’s per-status counts)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(() => t.close());

  /** The trigger-kept counts, and the same figures counted from actions, zero rows left out. */
  async function bothCounts(): Promise<[unknown[], unknown[]]> {
    const dataSource = t.app.get(DataSource);
    const kept: unknown[] = await dataSource.query(
      `SELECT inspection_id, status, count FROM action_counts WHERE count > 0
        ORDER BY inspection_id, status`,
    );
    const counted: unknown[] = await dataSource.query(
      `SELECT inspection_id, status, count(*)::int AS count FROM actions
        GROUP BY inspection_id, status ORDER BY inspection_id, status`,
    );
    return [kept, counted];
  }

  it('follows inserts, API status changes, bulk updates and deletes', async () => {
    const { council, manager, staff } = await createCouncilWithPeople(t);
    const owned = { ownerId: staff.user.id, successMeasure: 'Audits say good' };
    const plan = await createPlan(t, council, manager.user, {
      recommendations: [
        { actions: [{ status: 'open', ...owned }, { status: 'open', ...owned }, {}] },
        { actions: [{ status: 'in_progress', ...owned }, {}] },
      ],
    });
    await createPlan(t, council, manager.user, { recommendations: [{}, {}] });
    let [kept, counted] = await bothCounts();
    expect(counted.length).toBeGreaterThan(0);
    expect(kept).toEqual(counted);

    const [first, second] = atLeast(plan.actions, 2);
    await staff
      .as(request(t.server).patch(`/api/actions/${first.id}`))
      .send({ status: 'in_progress' })
      .expect(200);
    await manager
      .as(request(t.server).patch(`/api/actions/${second.id}`))
      .send({ status: 'cancelled', statusReason: 'Merged into R2' })
      .expect(200);
    [kept, counted] = await bothCounts();
    expect(kept).toEqual(counted);

    const dataSource = t.app.get(DataSource);
    await dataSource.query(
      `UPDATE actions SET status = 'completed' WHERE inspection_id = $1 AND status = 'in_progress'`,
      [plan.inspection.id],
    );
    // Actions without history can be deleted (the audit log keeps the rest); the counts follow.
    await dataSource.query(
      `DELETE FROM actions WHERE inspection_id = $1 AND status = 'draft'
          AND NOT EXISTS (SELECT 1 FROM audit_entries e WHERE e.action_id = actions.id)`,
      [plan.inspection.id],
    );
    [kept, counted] = await bothCounts();
    expect(kept).toEqual(counted);
  });
});
