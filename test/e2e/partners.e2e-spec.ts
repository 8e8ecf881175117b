import type { Action } from '@app/actions';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createCouncilWithPeople, createUser, type TestUser } from '../factories/people';
import { createPlan } from '../factories/plans';
import { createTestApp, type TestApp } from '../support/app';
import { csrfOf, WebBrowser } from '../support/web';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

/**
 * The routes a partner user may use: their own account and settings, and the actions they can
 * see (which the services narrow to theirs). Every other signed-in route must refuse them with
 * 403 before it reads anything; the table test below walks every route the app has, so a new
 * route is closed to partners until it is added here on purpose.
 */
const OPEN_TO_PARTNERS = new Set([
  'GET /',
  'POST /sign-out',
  'GET /settings',
  'POST /settings/email-preference',
  'POST /settings/password',
  'POST /settings/calendar',
  'POST /settings/calendar/stop',
  'GET /actions/:id',
  'POST /actions/:id/status',
  'POST /actions/:id/progress',
  'POST /api/auth/logout',
  'GET /api/me',
  'PATCH /api/me',
  'GET /api/me/calendar',
  'POST /api/me/calendar',
  'DELETE /api/me/calendar',
  'GET /api/actions',
  'GET /api/actions/export.csv',
  'GET /api/actions/:id',
  'PATCH /api/actions/:id',
  'POST /api/actions/:id/updates',
  'GET /api/actions/:id/history',
]);

interface Route {
  method: string;
  path: string;
}

/** Every route the Express app has, as Nest registered it (pages and the API). */
function routesOf(app: NestExpressApplication): Route[] {
  const express = app.getHttpAdapter().getInstance() as {
    router: { stack: Array<{ route?: { path: unknown; methods: Record<string, boolean> } }> };
  };
  return express.router.stack.flatMap((layer) => {
    if (!layer.route) return [];
    const { path, methods } = layer.route;
    if (typeof path !== 'string')
      throw new Error(`A route path that is not a string: ${String(path)}`);
    return (
      Object.keys(methods)
        .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => ({ method: method.toUpperCase(), path }))
        // The not-found catch-all is every method on every path: nothing to refuse.
        .filter((route) => route.path !== '/{*path}')
    );
  });
}

describe('partner agencies (e2e)', () => {
  let t: TestApp;
  let home: Cast;
  let away: Cast;
  let partner: TestUser;
  let otherPartner: TestUser;
  let icbId: string;
  let policeId: string;
  let awayOrganisationId: string;
  let owned: Action;
  let theirs: Action;
  let councils: Action;
  let draftOfTheirs: Action;
  let anotherPartners: Action;
  let awayAction: Action;

  const api = () => request(t.server);

  beforeAll(async () => {
    t = await createTestApp();
    home = await createCouncilWithPeople(t, { name: 'Partnershire County Council' });
    away = await createCouncilWithPeople(t, { name: 'Elsewhere Borough Council' });

    const addOrganisation = async (admin: TestUser, name: string, kind: string) =>
      (
        (await admin.as(api().post('/api/organisations')).send({ name, kind }).expect(201)) as {
          body: { id: string };
        }
      ).body.id;
    icbId = await addOrganisation(home.admin, 'NHS Partnershire Integrated Care Board', 'health');
    policeId = await addOrganisation(home.admin, 'Partnershire Constabulary', 'police');
    awayOrganisationId = await addOrganisation(
      away.admin,
      'Elsewhere Youth Justice',
      'youth_justice',
    );

    partner = await createUser(t, home.council, { role: 'partner', organisationId: icbId });
    otherPartner = await createUser(t, home.council, { role: 'partner', organisationId: policeId });

    const open = { status: 'open' as const, ownerId: home.staff.user.id, dueOn: '2026-12-01' };
    const plan = await createPlan(t, home.council, home.manager.user, {
      recommendations: [
        { actions: [{ ...open, ownerId: partner.user.id }] },
        { actions: [{ ...open, organisationId: icbId }] },
        { actions: [open] },
        { actions: [{ status: 'draft', organisationId: icbId }] },
        { actions: [{ ...open, ownerId: otherPartner.user.id, organisationId: policeId }] },
      ],
    });
    [owned, theirs, councils, draftOfTheirs, anotherPartners] = plan.actions as [
      Action,
      Action,
      Action,
      Action,
      Action,
    ];
    const awayPlan = await createPlan(t, away.council, away.manager.user, {
      recommendations: [{ actions: [{ ...open, ownerId: away.staff.user.id }] }],
    });
    awayAction = awayPlan.actions[0] as Action;
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  describe('every route, as a partner', () => {
    const routes = () => routesOf(t.app);

    it('finds the routes it checks (the table names only routes that exist)', () => {
      const all = new Set(routes().map((route) => `${route.method} ${route.path}`));
      expect(all.size).toBeGreaterThan(80);
      for (const open of OPEN_TO_PARTNERS) expect(all).toContain(open);
    });

    it('refuses a partner every signed-in route not opened to partners, before reading it', async () => {
      const checked: string[] = [];
      const wrong: string[] = [];
      for (const { method, path } of routes()) {
        const key = `${method} ${path}`;
        if (OPEN_TO_PARTNERS.has(key)) continue;
        // A real action id wherever one fits, so a 403 is the role's and not a 404 in disguise.
        const url = path.replace(/:id\b/g, theirs.id).replace(/:[A-Za-z]+/g, theirs.id);
        const send = (req: request.Test) =>
          ['POST', 'PUT', 'PATCH'].includes(method) ? req.send({ any: 'thing' }) : req;
        const signedOut = await send(api()[method.toLowerCase() as 'get'](url)).catch(
          (error: Error) => error,
        );
        if (signedOut instanceof Error) {
          wrong.push(`${key} signed out: ${signedOut.message}`);
          continue;
        }
        const isPage = !path.startsWith('/api/');
        // Routes open to anyone (sign-in, health, docs, the calendar feed) are not a partner's.
        const needsSignIn = isPage
          ? signedOut.status === 303 && /\/sign-in/.test(String(signedOut.headers.location))
          : signedOut.status === 401;
        if (!needsSignIn) continue;
        const asPartner = await send(
          isPage
            ? api()
                [method.toLowerCase() as 'get'](url)
                .set('Cookie', `ft_access=${partner.token}; ft_refresh=${partner.refreshToken}`)
            : partner.as(api()[method.toLowerCase() as 'get'](url)),
        ).catch((error: Error) => error);
        checked.push(key);
        if (asPartner instanceof Error) {
          wrong.push(`${key}: ${asPartner.message}`);
          continue;
        }
        if (asPartner.status !== 403) wrong.push(`${key} answered ${asPartner.status}`);
      }
      expect(wrong).toEqual([]);
      // The staff and manager routes are all there: dashboards, users, inspections, reports.
      expect(checked).toEqual(
        expect.arrayContaining([
          'GET /api/users',
          'GET /api/dashboard',
          'GET /api/inspections',
          'GET /api/inspections/:id',
          'GET /api/organisations',
          'GET /api/reports/committee',
          'GET /dashboard',
          'GET /inspections',
          'GET /overdue',
          'POST /actions/:id/owner',
          'POST /actions/:id/readings',
        ]),
      );
    });
  });

  describe('what a partner sees', () => {
    it('lists only the actions they own or their organisation is responsible for, out of draft', async () => {
      const res = await partner.as(api().get('/api/actions?pageSize=100')).expect(200);
      const ids = (res.body as { items: Array<{ id: string }> }).items.map((item) => item.id);
      expect(new Set(ids)).toEqual(new Set([owned.id, theirs.id]));
      const csv = await partner.as(api().get('/api/actions/export.csv')).expect(200);
      expect(csv.text).toContain(theirs.reference);
      expect(csv.text).not.toContain(councils.reference);
    });

    it('answers 404 for any other action, the council’s, a draft, another partner’s or another council’s', async () => {
      for (const action of [councils, draftOfTheirs, anotherPartners, awayAction]) {
        await partner.as(api().get(`/api/actions/${action.id}`)).expect(404);
        await partner.as(api().get(`/api/actions/${action.id}/history`)).expect(404);
        await partner
          .as(api().patch(`/api/actions/${action.id}`))
          .send({ status: 'in_progress' })
          .expect(404);
        await partner
          .as(api().post(`/api/actions/${action.id}/updates`))
          .send({ note: 'Not ours' })
          .expect(404);
      }
      const seen = await partner.as(api().get(`/api/actions/${theirs.id}`)).expect(200);
      expect(seen.body).toMatchObject({
        organisation: { id: icbId, name: 'NHS Partnershire Integrated Care Board' },
        recommendation: { ref: 'R2' },
      });
    });

    it('lets a partner move their organisation’s action along and report progress, nothing more', async () => {
      await partner
        .as(api().patch(`/api/actions/${theirs.id}`))
        .send({ status: 'in_progress' })
        .expect(200);
      await partner
        .as(api().post(`/api/actions/${theirs.id}/updates`))
        .send({ note: 'The ICB has agreed the new pathway' })
        .expect(201);
      const refused = await partner
        .as(api().patch(`/api/actions/${theirs.id}`))
        .send({ dueOn: '2027-06-01', dueOnReason: 'More time' })
        .expect(403);
      expect((refused.body as { message: string }).message).toMatch(/dueOn/);
      await partner
        .as(api().patch(`/api/actions/${owned.id}`))
        .send({ status: 'completed' })
        .expect(200);
      await partner
        .as(api().patch(`/api/actions/${owned.id}`))
        .send({ status: 'verified' })
        .expect(403);
      const history = await home.manager.as(api().get(`/api/actions/${theirs.id}/history`));
      expect(JSON.stringify(history.body)).toContain('The ICB has agreed the new pathway');
    });

    it('shows a partner their actions on the pages, and no other', async () => {
      const browser = WebBrowser.as(t.server, partner);
      const home_ = await browser.get('/');
      expect(home_.status).toBe(200);
      expect(home_.text).toContain(theirs.reference);
      expect(home_.text).not.toContain(councils.reference);
      expect(home_.text).toContain('your organisation is responsible for');
      // The navigation offers only what a partner may open.
      expect(home_.text).not.toContain('href="/inspections"');
      expect(home_.text).not.toContain('href="/dashboard"');

      expect((await browser.get(`/actions/${councils.id}`)).status).toBe(404);
      expect((await browser.get(`/actions/${awayAction.id}`)).status).toBe(404);
      const page = await browser.get(`/actions/${theirs.id}`);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain('name="ownerId"');

      const note = await browser.post(`/actions/${theirs.id}/progress`, {
        _csrf: csrfOf(page.text),
        note: 'Progress from the partner page',
      });
      expect(note.status).toBe(303);
      const refused = await browser.post(`/actions/${councils.id}/progress`, {
        _csrf: csrfOf(page.text),
        note: 'Not ours',
      });
      expect(refused.status).toBe(404);
    });
  });

  describe('organisations and partner accounts', () => {
    it('lets admins keep the list, and nobody reach another council’s', async () => {
      await home.manager
        .as(api().post('/api/organisations'))
        .send({ name: 'Partnershire Schools', kind: 'education' })
        .expect(403);
      const duplicate = await home.admin
        .as(api().post('/api/organisations'))
        .send({ name: 'partnershire constabulary', kind: 'police' })
        .expect(409);
      expect(duplicate.body).toMatchObject({ details: { field: 'name' } });
      await home.admin
        .as(api().post('/api/organisations'))
        .send({ name: 'X', kind: 'army' })
        .expect(400);
      await home.admin
        .as(api().post('/api/organisations'))
        .send({ name: 'X', kind: 'other', extra: 1 })
        .expect(400);
      const listed = await home.staff.as(api().get('/api/organisations')).expect(200);
      expect((listed.body as Array<{ name: string }>).map((o) => o.name)).toEqual(
        expect.arrayContaining([
          'NHS Partnershire Integrated Care Board',
          'Partnershire Constabulary',
        ]),
      );
      await home.admin.as(api().get(`/api/organisations/${awayOrganisationId}`)).expect(404);
      await home.admin
        .as(api().patch(`/api/organisations/${awayOrganisationId}`))
        .send({ name: 'Taken over' })
        .expect(404);
    });

    it('sets the partner’s lead only from its own people, and the council lead from managers', async () => {
      await home.admin
        .as(api().patch(`/api/organisations/${icbId}`))
        .send({ leadId: otherPartner.user.id })
        .expect(404);
      await home.admin
        .as(api().patch(`/api/organisations/${icbId}`))
        .send({ councilLeadId: home.staff.user.id })
        .expect(404);
      const set = await home.admin
        .as(api().patch(`/api/organisations/${icbId}`))
        .send({ leadId: partner.user.id, councilLeadId: home.manager.user.id })
        .expect(200);
      expect(set.body).toMatchObject({
        leadId: partner.user.id,
        councilLeadId: home.manager.user.id,
      });
    });

    it('keeps the list on the admin pages through the same rules', async () => {
      const browser = WebBrowser.as(t.server, home.admin);
      const refused = await browser.submit('/admin/organisations', '/admin/organisations', {
        name: '',
        kind: 'health',
      });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('Enter the organisation’s name');
      const added = await browser.submit('/admin/organisations', '/admin/organisations', {
        name: 'Partnershire Youth Justice Service',
        kind: 'youth_justice',
      });
      expect(added.status).toBe(303);
      const list = await browser.get('/admin/organisations');
      expect(list.text).toContain('Partnershire Youth Justice Service');
      const id = /href="\/admin\/organisations\/([0-9a-f-]{36})">Partnershire Youth/.exec(
        list.text,
      )?.[1];
      expect(id).toBeDefined();
      const saved = await browser.submit(
        `/admin/organisations/${id}`,
        `/admin/organisations/${id}`,
        {
          name: 'Partnershire Youth Justice Service',
          kind: 'youth_justice',
          leadId: '',
          councilLeadId: home.manager.user.id,
        },
      );
      expect(saved.status).toBe(303);
      const detail = await home.admin.as(api().get(`/api/organisations/${id}`)).expect(200);
      expect(detail.body).toMatchObject({ councilLeadId: home.manager.user.id, leadId: null });
      const wrongLead = await browser.submit(
        `/admin/organisations/${id}`,
        `/admin/organisations/${id}`,
        {
          name: 'Partnershire Youth Justice Service',
          kind: 'youth_justice',
          leadId: partner.user.id,
          councilLeadId: '',
        },
      );
      expect(wrongLead.status).toBe(400);
      expect(wrongLead.text).toContain('Lead not found');
    });

    it('makes a partner belong to one of the council’s organisations, and only a partner', async () => {
      const account = { name: 'Pat Partner', password: 'a long enough password' };
      const post = (body: object) => home.admin.as(api().post('/api/users')).send(body);
      const missing = await post({ ...account, email: 'p1@nhs.example', role: 'partner' }).expect(
        400,
      );
      expect(missing.body).toMatchObject({ details: { field: 'organisationId' } });
      await post({
        ...account,
        email: 'p2@nhs.example',
        role: 'partner',
        organisationId: awayOrganisationId,
      }).expect(404);
      await post({
        ...account,
        email: 'p3@nhs.example',
        role: 'staff',
        organisationId: icbId,
      }).expect(400);
      const made = await post({
        ...account,
        email: 'p4@nhs.example',
        role: 'partner',
        organisationId: icbId,
      }).expect(201);
      expect(made.body).toMatchObject({ role: 'partner', organisationId: icbId });
      // Made staff, they leave the organisation with the role.
      const moved = await home.admin
        .as(api().patch(`/api/users/${(made.body as { id: string }).id}`))
        .send({ role: 'staff' })
        .expect(200);
      expect(moved.body).toMatchObject({ role: 'staff', organisationId: null });
    });
  });

  describe('the council’s side', () => {
    it('gives an action to an organisation, and a partner owner’s organisation with them', async () => {
      const plan = await createPlan(t, home.council, home.manager.user, {
        recommendations: [{ actions: [{ status: 'draft' }, { status: 'draft' }] }],
      });
      const [first, second] = plan.actions as [Action, Action];
      await home.manager
        .as(api().patch(`/api/actions/${first.id}`))
        .send({ organisationId: awayOrganisationId })
        .expect(404);
      const given = await home.manager
        .as(api().patch(`/api/actions/${first.id}`))
        .send({ organisationId: policeId })
        .expect(200);
      expect(given.body).toMatchObject({ organisation: { id: policeId } });
      const assigned = await home.manager
        .as(api().patch(`/api/actions/${second.id}`))
        .send({ ownerId: partner.user.id })
        .expect(200);
      expect(assigned.body).toMatchObject({ organisation: { id: icbId } });
      await home.staff
        .as(api().patch(`/api/actions/${councils.id}`))
        .send({ organisationId: icbId })
        .expect(403);
    });

    it('suggests the organisation a report makes responsible, for the manager to confirm', async () => {
      const plan = await createPlan(t, home.council, home.manager.user, {
        recommendations: [
          { responsible: ['Partnershire Council', 'NHS Partnershire Integrated Care Board'] },
          { responsible: ['the police'] },
          { responsible: ['Partnershire Council'] },
        ],
      });
      const detail = await home.manager
        .as(api().get(`/api/inspections/${plan.inspection.id}`))
        .expect(200);
      expect(
        (
          detail.body as { recommendations: Array<{ suggestedOrganisationId: string | null }> }
        ).recommendations.map((r) => r.suggestedOrganisationId),
      ).toEqual([icbId, policeId, null]);

      const browser = WebBrowser.as(t.server, home.manager);
      const review = await browser.get(`/inspections/${plan.inspection.id}`);
      expect(review.status).toBe(200);
      expect(review.text).toContain('Suggested from the report');
      const [icbDraft] = plan.actions as [Action];
      // Saving the drafts as shown confirms the suggestion.
      const saved = await browser.post(`/inspections/${plan.inspection.id}/open`, {
        _csrf: csrfOf(review.text),
        intent: 'save',
        [`owner[${icbDraft.id}]`]: '',
        [`organisation[${icbDraft.id}]`]: icbId,
      });
      expect(saved.status).toBe(303);
      const confirmed = await home.manager.as(api().get(`/api/actions/${icbDraft.id}`)).expect(200);
      expect(confirmed.body).toMatchObject({ organisation: { id: icbId } });
    });

    it('counts overdue actions by organisation on the dashboard', async () => {
      const res = await home.manager.as(api().get('/api/dashboard')).expect(200);
      const byOrganisation = (
        res.body as {
          overdue: {
            byOrganisation: Array<{ organisation: { id: string } | null; count: number }>;
          };
        }
      ).overdue.byOrganisation;
      const countOf = (id: string | null) =>
        byOrganisation.find((row) => (row.organisation?.id ?? null) === id)?.count ?? 0;
      // The same as the action list says, organisation by organisation.
      const listed = async (organisationId: string) =>
        (
          (await home.manager
            .as(api().get(`/api/actions?overdue=true&organisationId=${organisationId}`))
            .expect(200)) as { body: { total: number } }
        ).body.total;
      expect(countOf(icbId)).toBe(await listed(icbId));
      expect(countOf(policeId)).toBe(await listed(policeId));
      expect(countOf(policeId)).toBeGreaterThan(0);
      expect(countOf(null)).toBeGreaterThan(0);
      const page = await WebBrowser.as(t.server, home.manager).get('/dashboard');
      expect(page.text).toContain('Overdue by organisation');
    });
  });

  it('refuses a flood of the organisations route, for admins past the limit and partners at once', async () => {
    const huge = { name: 'x'.repeat(300 * 1024), kind: 'other' };
    const asAdmin = await home.admin.as(api().post('/api/organisations')).send(huge).expect(413);
    expect(asAdmin.body).toMatchObject({ statusCode: 413 });
    await partner.as(api().post('/api/organisations')).send(huge).expect(403);
    await home.admin
      .as(api().patch(`/api/organisations/${policeId}`))
      .send({ name: 'y'.repeat(201) })
      .expect(400);
    // Nothing was stored by any of them.
    const listed = await home.staff.as(api().get('/api/organisations')).expect(200);
    expect((listed.body as Array<{ name: string }>).map((o) => o.name)).not.toContain(huge.name);
  });
});
