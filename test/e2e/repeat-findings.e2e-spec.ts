import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RepeatFindingsService } from '@app/inspections';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { daysFromToday, type HistoryJson } from '../factories/actions';
import { createCouncilWithPeople, type TestUser } from '../factories/people';
import { createTestApp, type TestApp } from '../support/app';
import { first, only } from '../support/items';
import { WebBrowser } from '../support/web';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

interface RecommendationRef {
  id: string;
  ref: string;
  inspection: { id: string; reference: string };
}

interface LinkJson {
  id: string;
  state: string;
  score: number;
  sharedWords: string[];
  decidedBy: { id: string; name: string } | null;
  recommendation: RecommendationRef;
  earlier: RecommendationRef;
  earlierActions: Array<{ id: string; status: string }>;
}

interface ImportedJson {
  id: string;
  reference: string;
  notice: string | null;
}

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'reports', name));
// One council's two reports, seven years apart: the 2015 inspection asks for pathway plans
// written with young people (R9); the 2022 focused visit asks for it again in other words (R1).
const SIF_2015 = 'ashby-vale-sif-2015.txt';
const VISIT_2022 = 'ashby-vale-focused-visit-2022.txt';

describe('repeat findings (e2e): proposed on import, confirmed or rejected, shown both ways', () => {
  let t: TestApp;
  let home: Cast;
  let away: Cast;
  let earlier: ImportedJson;
  let later: ImportedJson;

  const importReport = async (who: TestUser, name: string) =>
    (
      await who
        .as(request(t.server).post('/api/inspections'))
        .attach('file', fixture(name), name)
        .expect(201)
    ).body as ImportedJson;
  const links = async (who: TestUser, inspectionId: string) =>
    (
      await who
        .as(request(t.server).get(`/api/inspections/${inspectionId}/repeat-links`))
        .expect(200)
    ).body as LinkJson[];
  const decide = (who: TestUser, inspectionId: string, linkId: string, body: object) =>
    who
      .as(
        request(t.server).post(`/api/inspections/${inspectionId}/repeat-links/${linkId}/decision`),
      )
      .send(body);
  const patch = (who: TestUser, actionId: string, body: object) =>
    who.as(request(t.server).patch(`/api/actions/${actionId}`)).send(body);
  const actionsOf = async (who: TestUser, inspectionId: string) =>
    (
      (
        await who
          .as(request(t.server).get(`/api/actions?inspectionId=${inspectionId}&pageSize=100`))
          .expect(200)
      ).body as {
        items: Array<{ id: string; recommendation: { id: string }; reference: string }>;
      }
    ).items;

  /** Owner, measure and deadline, opened, then completed: ready for a manager to verify. */
  async function complete(cast: Cast, actionId: string) {
    await patch(cast.manager, actionId, {
      ownerId: cast.staff.user.id,
      successMeasure: 'Every care leaver has a pathway plan written with them',
      dueOn: daysFromToday(60),
      status: 'open',
    }).expect(200);
    await patch(cast.manager, actionId, { status: 'completed' }).expect(200);
  }

  beforeAll(async () => {
    t = await createTestApp();
    home = await createCouncilWithPeople(t, { name: 'Ashby Vale Borough Council', code: 'ASV' });
    away = await createCouncilWithPeople(t, { name: 'Brinkley Council', code: 'BRK' });
    // The other council holds the same 2015 report: its recommendations must never be candidates.
    await importReport(away.manager, SIF_2015);
    earlier = await importReport(home.manager, SIF_2015);
    later = await importReport(home.manager, VISIT_2022);
  });

  afterAll(() => t?.close());

  it('proposes nothing for a council’s first report', async () => {
    expect(await links(home.manager, earlier.id)).toEqual([]);
    expect(earlier.notice ?? '').not.toMatch(/repeat/);
  });

  it('proposes the 2022 visit’s pathway plans as a repeat of the 2015 inspection’s R9, only', async () => {
    expect(later.notice).toContain('1 possible repeat of earlier findings was found');
    const link = only(await links(home.staff, later.id));
    expect(link).toMatchObject({
      state: 'proposed',
      decidedBy: null,
      recommendation: { ref: 'R1', inspection: { id: later.id } },
      earlier: { ref: 'R9', inspection: { id: earlier.id, reference: earlier.reference } },
    });
    expect(link.sharedWords).toContain('pathwayplan');
    expect(link.score).toBeGreaterThan(0.275);
    expect(link.earlierActions).toHaveLength(1);
  });

  it('never proposes another council’s recommendations, and hides its links (404)', async () => {
    const mine = only(await links(home.manager, later.id));
    const homeSif = await actionsOf(home.manager, earlier.id);
    expect(homeSif.map((action) => action.recommendation.id)).toContain(mine.earlier.id);
    // The away council's 2015 report is the same text, yet nothing of it is proposed, and it
    // has no links of its own (its only report came first).
    const awayInspections = (
      await away.manager.as(request(t.server).get('/api/inspections')).expect(200)
    ).body as Array<{ id: string }>;
    const awayId = only(awayInspections).id;
    expect(await links(away.manager, awayId)).toEqual([]);
    await away.manager
      .as(request(t.server).get(`/api/inspections/${later.id}/repeat-links`))
      .expect(404);
    await decide(away.manager, later.id, mine.id, { decision: 'confirmed' }).expect(404);
    // Its own inspection's id with our link: still not found.
    await decide(away.manager, awayId, mine.id, { decision: 'confirmed' }).expect(404);
    expect(only(await links(home.manager, later.id)).state).toBe('proposed');
  });

  it('refuses staff, a bad decision, unknown fields and a flood, storing nothing', async () => {
    const link = only(await links(home.manager, later.id));
    await decide(home.staff, later.id, link.id, { decision: 'confirmed' }).expect(403);
    const bad = await decide(home.manager, later.id, link.id, { decision: 'maybe' }).expect(400);
    expect(bad.body).toMatchObject({ message: 'decision must be one of: confirmed, rejected' });
    await decide(home.manager, later.id, link.id, { decision: 'confirmed', junk: 1 }).expect(400);
    const flood = await decide(home.manager, later.id, link.id, {
      decision: 'confirmed',
      pad: 'x'.repeat(300 * 1024),
    }).expect(413);
    expect(flood.body).toMatchObject({ statusCode: 413 });
    const page = await WebBrowser.as(t.server, home.manager).submit(
      `/inspections/${later.id}`,
      `/inspections/${later.id}/repeats/${link.id}`,
      { decision: 'confirmed', pad: 'x'.repeat(300 * 1024) },
    );
    expect(page.status).toBe(413);
    expect(only(await links(home.manager, later.id)).state).toBe('proposed');
  });

  it('rejects, then confirms on second thoughts, and shows the link both ways', async () => {
    const link = only(await links(home.manager, later.id));
    const rejected = await decide(home.manager, later.id, link.id, {
      decision: 'rejected',
    }).expect(200);
    expect(rejected.body).toMatchObject({
      state: 'rejected',
      decidedBy: { id: home.manager.user.id },
    });
    const newAction = only(
      (await actionsOf(home.manager, later.id)).filter(
        (action) => action.recommendation.id === link.recommendation.id,
      ),
    );
    // Rejected: nothing shows either way.
    await home.staff
      .as(request(t.server).get(`/api/actions/${newAction.id}/raised-before`))
      .expect(200, []);
    await home.staff
      .as(request(t.server).get(`/api/inspections/${earlier.id}/raised-again`))
      .expect(200, []);

    await decide(home.manager, later.id, link.id, { decision: 'confirmed' }).expect(200);
    const before = (
      await home.staff
        .as(request(t.server).get(`/api/actions/${newAction.id}/raised-before`))
        .expect(200)
    ).body as Array<{ earlier: RecommendationRef; actions: Array<{ id: string }> }>;
    expect(only(before).earlier).toMatchObject({ ref: 'R9', inspection: { id: earlier.id } });
    expect(only(before).actions).toHaveLength(1);
    const again = (
      await home.staff
        .as(request(t.server).get(`/api/inspections/${earlier.id}/raised-again`))
        .expect(200)
    ).body as Array<{ earlierRef: string; later: RecommendationRef }>;
    expect(only(again)).toMatchObject({
      earlierRef: 'R9',
      later: { ref: 'R1', inspection: { id: later.id } },
    });
    await away.manager
      .as(request(t.server).get(`/api/actions/${newAction.id}/raised-before`))
      .expect(404);
    await away.manager
      .as(request(t.server).get(`/api/inspections/${earlier.id}/raised-again`))
      .expect(404);
  });

  it('confirms and rejects on the review page, through the same rules', async () => {
    const link = only(await links(home.manager, later.id));
    const manager = WebBrowser.as(t.server, home.manager);
    const review = await manager.get(`/inspections/${later.id}`);
    expect(review.text).toContain(`id="repeat-${link.id}"`);
    expect(review.text).toContain('Similar to R9 of the full inspection of');

    const rejected = await manager.submit(
      `/inspections/${later.id}`,
      `/inspections/${later.id}/repeats/${link.id}`,
      { decision: 'rejected' },
    );
    expect(rejected.status).toBe(303);
    expect(only(await links(home.manager, later.id)).state).toBe('rejected');
    const confirmed = await manager.submit(
      `/inspections/${later.id}`,
      `/inspections/${later.id}/repeats/${link.id}`,
      { decision: 'confirmed' },
    );
    expect(confirmed.status).toBe(303);
    expect(only(await links(home.manager, later.id))).toMatchObject({
      state: 'confirmed',
      decidedBy: { id: home.manager.user.id },
    });
    const shown = await manager.get(`/inspections/${later.id}`);
    expect(shown.text).toContain('Confirmed: R1 repeats R9 of');

    // Staff see the proposals but get no buttons, and cannot post a decision.
    const staff = WebBrowser.as(t.server, home.staff);
    const staffView = await staff.get(`/inspections/${later.id}`);
    expect(staffView.text).not.toContain(`/inspections/${later.id}/repeats/${link.id}`);
    const staffPost = await staff.submit(
      `/inspections/${later.id}`,
      `/inspections/${later.id}/repeats/${link.id}`,
      { decision: 'rejected' },
    );
    expect(staffPost.status).toBe(403);
    // Another council's manager, with a good CSRF token of their own: not found.
    const awayPost = await WebBrowser.as(t.server, away.manager).submit(
      '/inspections/import',
      `/inspections/${later.id}/repeats/${link.id}`,
      { decision: 'rejected' },
    );
    expect(awayPost.status).toBe(404);
    expect(only(await links(home.manager, later.id)).state).toBe('confirmed');
  });

  it('shows the earlier actions, their dates and notes on the new action’s page, and “raised again” on the old inspection', async () => {
    const link = only(await links(home.manager, later.id));
    const oldAction = only(link.earlierActions);
    await complete(home, oldAction.id);
    await home.staff
      .as(request(t.server).post(`/api/actions/${oldAction.id}/updates`))
      .send({ note: 'Pathway plan template rewritten with the care leavers’ forum' })
      .expect(201);
    const newAction = only(
      (await actionsOf(home.manager, later.id)).filter(
        (action) => action.recommendation.id === link.recommendation.id,
      ),
    );
    const page = await WebBrowser.as(t.server, home.staff).get(`/actions/${newAction.id}`);
    expect(page.status).toBe(200);
    const section = page.text.split('id="raised-before"')[1] ?? '';
    expect(section).toContain('Raised before, and what was done then');
    expect(section).toContain(`R9 of the full inspection of`);
    expect(section).toContain('Pathway plan template rewritten with the care leavers’ forum');
    expect(section).toContain('Completed');
    expect(page.text).toContain('Repeat finding');

    const old = await WebBrowser.as(t.server, home.staff).get(`/inspections/${earlier.id}`);
    expect(old.text).toContain('Raised again in');
    expect(old.text).toContain(`R9 was raised again as R1 of the focused visit of 9 March 2022`);

    const review = await WebBrowser.as(t.server, home.manager).get(`/inspections/${later.id}`);
    expect(review.text).toMatch(/Similar to R9 of the full inspection of [^(]+\(action completed /);
  });

  it('puts repeat findings first on the dashboard and the committee report, flagged', async () => {
    const dashboard = (
      await home.staff.as(request(t.server).get('/api/dashboard/repeat-findings')).expect(200)
    ).body as Array<{ reference: string; recommendationRef: string; raisedBefore: string[] }>;
    expect(only(dashboard)).toMatchObject({
      recommendationRef: 'R1',
      raisedBefore: [`R9 of ${earlier.reference}`],
    });
    await away.manager.as(request(t.server).get('/api/dashboard/repeat-findings')).expect(200, []);
    const page = await WebBrowser.as(t.server, home.manager).get('/dashboard');
    expect(page.status).toBe(200);
    const at = page.text.indexOf('id="repeat-findings"');
    expect(at).toBeGreaterThan(0);
    // First: before the counts and every other table of the page.
    expect(at).toBeLessThan(page.text.indexOf('govuk-summary-list'));
    expect(at).toBeLessThan(page.text.indexOf('Progress by inspection'));
    expect(page.text).toContain(only(dashboard).reference);

    const report = (
      await home.manager
        .as(request(t.server).get(`/api/reports/committee?inspectionId=${later.id}`))
        .expect(200)
    ).body as {
      inspections: Array<{ recommendations: Array<{ label: string; repeatOf?: string }> }>;
    };
    const recs = only(report.inspections).recommendations;
    expect(recs[0]).toMatchObject({
      label: 'R1',
      repeatOf: `Raised before: R9 of ${earlier.reference}`,
    });
    expect(recs.slice(1).filter((rec) => rec.repeatOf !== undefined)).toEqual([]);
    const committee = await WebBrowser.as(t.server, home.manager).get(
      `/reports/committee?inspectionId=${later.id}`,
    );
    expect(committee.text).toContain('Repeat finding');
    expect(committee.text).toContain(`Raised before: R9 of ${earlier.reference}`);
  });

  it('refuses to verify an action on a repeat finding without a note on what is different, and keeps the note', async () => {
    const link = only(await links(home.manager, later.id));
    const newAction = only(
      (await actionsOf(home.manager, later.id)).filter(
        (action) => action.recommendation.id === link.recommendation.id,
      ),
    );
    await complete(home, newAction.id);
    const refused = await patch(home.manager, newAction.id, { status: 'verified' }).expect(400);
    expect(refused.body).toMatchObject({
      message:
        'statusReason is required to verify an action on a repeat finding: say why this time is different',
      details: { code: 'reason-required', field: 'statusReason', status: 'verified' },
    });
    await patch(home.manager, newAction.id, { status: 'verified', statusReason: '   ' }).expect(
      400,
    );
    const note = 'Plans are now audited monthly with the young person present, unlike in 2015';
    await patch(home.manager, newAction.id, { status: 'verified', statusReason: note }).expect(200);
    const history = (
      await home.staff.as(request(t.server).get(`/api/actions/${newAction.id}/history`)).expect(200)
    ).body as HistoryJson[];
    expect(
      history.find((entry) => entry.event === 'status_changed' && entry.reason === note),
    ).toBeDefined();

    // An action not on a repeat finding is verified as before, without a note.
    const other = (await actionsOf(home.manager, later.id)).find(
      (action) => action.recommendation.id !== link.recommendation.id,
    );
    if (!other) throw new Error('the 2022 visit has four recommendations');
    await complete(home, other.id);
    await patch(home.manager, other.id, { status: 'verified' }).expect(200);
  });

  it('asks for the note on the verify form too, with a GOV.UK error, and keeps it in the history', async () => {
    const link = only(await links(home.manager, later.id));
    // A second action on the same repeat finding, completed and ready to verify.
    const split = await home.manager
      .as(
        request(t.server).post(
          `/api/inspections/${later.id}/recommendations/${link.recommendation.id}/actions`,
        ),
      )
      .expect(201);
    const actionId = (split.body as { id: string }).id;
    await complete(home, actionId);
    const manager = WebBrowser.as(t.server, home.manager);
    const form = await manager.get(`/actions/${actionId}`);
    expect(form.text).toContain('What is different this time?');

    const refused = await manager.submit(`/actions/${actionId}`, `/actions/${actionId}/verify`, {});
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('There is a problem');
    expect(refused.text).toContain('href="#verifyNote"');
    expect(refused.text).toContain(
      'Enter what is different this time: this finding was raised at an earlier inspection',
    );

    const note = 'A named manager now signs off each plan with the young person';
    const verified = await manager.submit(`/actions/${actionId}`, `/actions/${actionId}/verify`, {
      verifyNote: note,
    });
    expect(verified.status).toBe(303);
    const after = await manager.get(`/actions/${actionId}`);
    expect(after.text.split('id="history"')[1]).toContain(note);
  });

  it('compares an accepted suggestion with earlier findings too, and proposes each pair once', async () => {
    // A letter of my own making with no list: its one weakness is in the prose.
    const letter = readFileSync(
      join(__dirname, '..', 'fixtures', 'repeats', 'ashby-vale-monitoring-visit-2024.txt'),
    );
    const imported = (
      await home.manager
        .as(request(t.server).post('/api/inspections'))
        .attach('file', letter, 'ashby-vale-monitoring-visit-2024.txt')
        .expect(201)
    ).body as ImportedJson;
    expect(await links(home.manager, imported.id)).toEqual([]);
    const suggestion = only(
      (
        await home.manager
          .as(request(t.server).get(`/api/inspections/${imported.id}/suggestions`))
          .expect(200)
      ).body as Array<{ id: string }>,
    );
    await home.manager
      .as(
        request(t.server).post(
          `/api/inspections/${imported.id}/suggestions/${suggestion.id}/accept`,
        ),
      )
      .expect(200);
    const proposed = await links(home.manager, imported.id);
    expect(
      proposed.map((link) => [link.earlier.inspection.id, link.earlier.ref, link.state]),
    ).toEqual([
      [later.id, 'R1', 'proposed'],
      [earlier.id, 'R9', 'proposed'],
    ]);

    // Proposing again (a retried import or acceptance) adds nothing and changes nothing.
    const fresh = first(proposed).recommendation;
    const again = await t.app
      .get(DataSource)
      .transaction((em) =>
        t.app
          .get(RepeatFindingsService)
          .propose(em, home.council.id, imported.id, [
            { id: fresh.id, text: 'Pathway plans are still not written with young people.' },
          ]),
      );
    expect(again).toBe(0);
    expect(await links(home.manager, imported.id)).toEqual(proposed);
  });
});
