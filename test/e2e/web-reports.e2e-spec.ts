import { ActionsService } from '@app/actions';
import { DashboardService, Inspection } from '@app/inspections';
import { DataSource } from 'typeorm';
import { daysFromToday } from '../factories/actions';
import { createCouncilWithPeople } from '../factories/people';
import { createPlan, type Plan } from '../factories/plans';
import { createTestApp, type TestApp } from '../support/app';
import { WebBrowser } from '../support/web';
import { nth } from '../support/items';
import { longDate } from '../../apps/api/src/web/view-models';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

/** The references linked in the overdue table, in page order. */
function references(html: string): string[] {
  const table = /<table class="govuk-table" id="overdue-table">[\s\S]*?<\/table>/.exec(html)?.[0];
  if (!table) return [];
  return [...table.matchAll(/href="\/actions\/[^"]+">([^<]+)<\/a>/g)].map((m) => nth(m, 1));
}

/** Rows of a table (by id) as arrays of cell texts, header rows left out. */
function tableRows(html: string, id: string): string[][] {
  const table = new RegExp(`<table[^>]*id="${id}"[\\s\\S]*?</table>`).exec(html)?.[0];
  if (!table) throw new Error(`no table #${id}`);
  const body = /<tbody[\s\S]*<\/tbody>/.exec(table)?.[0] ?? '';
  return [...body.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((row) =>
    [...row[0].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      nth(cell, 1)
        .replace(/<span class="govuk-visually-hidden">[\s\S]*?<\/span>/g, '')
        .replace(/<br>/g, ' ')
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
}

/** The value of a summary list row by its key. */
function summaryValue(html: string, key: string): string | undefined {
  const pattern = new RegExp(
    `<dt class="govuk-summary-list__key">\\s*${key}\\s*</dt>\\s*<dd class="govuk-summary-list__value">([\\s\\S]*?)</dd>`,
  );
  const match = pattern.exec(html);
  return match
    ? nth(match, 1)
        .replace(/<[^>]+>/g, '')
        .trim()
    : undefined;
}

/** CSV lines (BOM dropped); fields split naively, enough for the cells these tests write. */
function csvLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);
}

describe('web pages (e2e): progress, overdue review and dashboard', () => {
  let t: TestApp;
  let home: Cast;
  let away: Cast;
  let plan: Plan;
  let awayPlan: Plan;

  beforeAll(async () => {
    t = await createTestApp();
    home = await createCouncilWithPeople(t, { name: 'Brackwater Borough Council' });
    away = await createCouncilWithPeople(t, { name: 'Farfield County Council' });
    plan = await createPlan(t, home.council, home.manager.user, {
      recommendations: [
        {
          actions: [
            {
              title: 'Ten days late',
              status: 'open',
              ownerId: home.staff.user.id,
              dueOn: daysFromToday(-10),
            },
            {
              title: 'Three days late',
              status: 'in_progress',
              ownerId: home.otherStaff.user.id,
              dueOn: daysFromToday(-3),
            },
          ],
        },
        {
          priority: 'priority_action',
          actions: [
            {
              title: '=HYPERLINK("http://evil.example")',
              status: 'blocked',
              ownerId: home.staff.user.id,
              dueOn: daysFromToday(-20),
            },
            {
              title: 'Done late',
              status: 'completed',
              ownerId: home.staff.user.id,
              dueOn: daysFromToday(-5),
            },
          ],
        },
        {
          actions: [
            {
              title: 'Not yet due',
              status: 'open',
              ownerId: home.otherStaff.user.id,
              dueOn: daysFromToday(5),
            },
            { title: 'Still a draft', status: 'draft', dueOn: null },
          ],
        },
      ],
    });
    await t.app
      .get(DataSource)
      .getRepository(Inspection)
      .update(plan.inspection.id, {
        draftPlanDueOn: daysFromToday(10),
        finalPlanDueOn: daysFromToday(60),
      });
    awayPlan = await createPlan(t, away.council, away.manager.user, {
      recommendations: [
        {
          actions: [
            {
              title: 'Another council late',
              status: 'open',
              ownerId: away.staff.user.id,
              dueOn: daysFromToday(-30),
            },
          ],
        },
      ],
    });
  });

  afterAll(() => t?.close());

  const ref = (index: number) => nth(plan.actions, index).reference;

  describe('GET /inspections/:id/progress', () => {
    it('shows the figures, the plan deadlines, two labelled SVG charts and their tables', async () => {
      const res = await WebBrowser.as(t.server, home.staff).get(
        `/inspections/${plan.inspection.id}/progress`,
      );
      expect(res.status).toBe(200);
      const html = res.text;
      expect(html).toContain(`<title>Progress of ${plan.inspection.reference} – Brackwater`);
      expect(html).toContain('href="/inspections"');
      // 6 actions: 1 completed of 6 not cancelled = 17%; 3 overdue of 5 live, one a priority: red.
      expect(summaryValue(html, 'Actions')).toBe('6');
      expect(summaryValue(html, 'Complete')).toBe('17%');
      expect(summaryValue(html, 'Overdue')).toBe('3');
      expect(summaryValue(html, 'Overdue priority actions')).toBe('1');
      expect(summaryValue(html, 'Rating')).toBe('Red');
      expect(html).toMatch(/govuk-tag--red">\s*Red/);
      expect(summaryValue(html, 'Draft plan for priority actions due')).toBe(
        longDate(daysFromToday(10)),
      );
      expect(summaryValue(html, 'Final action plan due')).toBe(longDate(daysFromToday(60)));

      // Chart a: bars with role=img, a title and a description naming every figure.
      expect(html).toContain(
        'role="img" width="100%" viewBox="0 0 640 240" preserveAspectRatio="xMinYMin meet" aria-labelledby="chart-status-title chart-status-desc"',
      );
      expect(html).toContain(
        `<title id="chart-status-title">Actions by status for ${plan.inspection.reference}</title>`,
      );
      expect(html).toContain(
        'by status: Draft 1, Open 2, In progress 1, Blocked 1, Completed 1, Verified 0, Cancelled 0.</desc>',
      );
      expect(html).not.toMatch(/<svg[^>]*style=/);
      // ...and the same figures in its table.
      expect(tableRows(html, 'status-table')).toEqual([
        ['Draft', '1'],
        ['Open', '2'],
        ['In progress', '1'],
        ['Blocked', '1'],
        ['Completed', '1'],
        ['Verified', '0'],
        ['Cancelled', '0'],
      ]);

      // Chart b: live actions over time with the plan deadlines marked.
      expect(html).toContain('aria-labelledby="chart-live-title chart-live-desc"');
      expect(html).toContain('<title id="chart-live-title">Live actions over time');
      expect(html).toContain(`Final plan due (`);
      expect(html).toMatch(/stroke="#d4351c" stroke-width="2" stroke-dasharray="6 4"/);
      const live = tableRows(html, 'live-table');
      // Everything was created today: one point, the five live actions.
      expect(live[live.length - 1]).toEqual([longDate(daysFromToday(0)), '5']);
      expect(html).toMatch(/5 live<\/text>/);
    });

    it('counts an action closed through the service as no longer live', async () => {
      const closing = await createPlan(t, home.council, home.manager.user, {
        recommendations: [
          {
            actions: [
              { status: 'open', ownerId: home.staff.user.id, dueOn: daysFromToday(3) },
              { status: 'open', ownerId: home.staff.user.id, dueOn: daysFromToday(3) },
            ],
          },
        ],
      });
      // Through the service, so the change is in the audit log the chart reads.
      await t.app
        .get(ActionsService)
        .update(
          { userId: home.manager.user.id, councilId: home.council.id, role: 'manager' },
          nth(closing.actions, 0).id,
          { status: 'cancelled', statusReason: 'No longer needed' },
        );
      const res = await WebBrowser.as(t.server, home.manager).get(
        `/inspections/${closing.inspection.id}/progress`,
      );
      expect(res.status).toBe(200);
      const live = tableRows(res.text, 'live-table');
      expect(nth(nth(live, -1), 1)).toBe('1');
      expect(tableRows(res.text, 'status-table')).toContainEqual(['Cancelled', '1']);
    });

    it("answers Page not found for another council's inspection or a malformed id", async () => {
      const b = WebBrowser.as(t.server, home.manager);
      const other = await b.get(`/inspections/${awayPlan.inspection.id}/progress`);
      expect(other.status).toBe(404);
      expect(other.text).toContain('Page not found');
      expect(other.text).not.toContain('Another council late');
      expect((await b.get('/inspections/not-a-uuid/progress')).status).toBe(404);
    });

    it('sends someone not signed in to sign in', async () => {
      const res = await new WebBrowser(t.server).get(`/inspections/${plan.inspection.id}/progress`);
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/sign-in');
    });
  });

  describe('GET /overdue and /overdue.csv', () => {
    it('lists only this council’s overdue actions, most overdue first', async () => {
      const res = await WebBrowser.as(t.server, home.manager).get('/overdue');
      expect(res.status).toBe(200);
      expect(res.text).toContain('<title>Overdue actions – Brackwater');
      expect(references(res.text)).toEqual([ref(2), ref(0), ref(1)]);
      const rows = tableRows(res.text, 'overdue-table');
      expect(rows[0]).toEqual([
        ref(2),
        '=HYPERLINK(&quot;http://evil.example&quot;)',
        home.staff.user.name,
        'Children in care',
        plan.inspection.reference,
        expect.any(String),
        '20',
        'Blocked',
      ]);
      expect(rows.map((row) => row[6])).toEqual(['20', '10', '3']);
      expect(res.text).not.toContain('Another council late');
      expect(res.text).toContain('Showing 1 to 3 of 3 overdue actions.');
      expect(res.text).toContain('aria-sort="descending"');
      expect(res.text).toContain('href="/overdue.csv?sort=daysOverdue&amp;order=desc"');
    });

    it('narrows by owner, by team (ignoring case) and by inspection', async () => {
      const b = WebBrowser.as(t.server, home.manager);
      const byOwner = await b.get(`/overdue?owner=${home.otherStaff.user.id}`);
      expect(references(byOwner.text)).toEqual([ref(1)]);
      expect(byOwner.text).toMatch(
        new RegExp(`<option value="${home.otherStaff.user.id}" selected>`),
      );
      const byTeam = await b.get('/overdue?team=children+in+care');
      expect(references(byTeam.text)).toEqual([ref(2), ref(0)]);
      const both = await b.get(`/overdue?team=Front+door&owner=${home.staff.user.id}`);
      expect(references(both.text)).toEqual([]);
      expect(both.text).toContain('No overdue actions match these filters.');
      const byInspection = await b.get(`/overdue?inspection=${plan.inspection.id}`);
      expect(references(byInspection.text)).toEqual([ref(2), ref(0), ref(1)]);
      // Another council's inspection is not a filter here: it is ignored, not leaked.
      const foreign = await b.get(`/overdue?inspection=${awayPlan.inspection.id}`);
      expect(references(foreign.text)).toEqual([ref(2), ref(0), ref(1)]);
    });

    it('sorts by a column header', async () => {
      const b = WebBrowser.as(t.server, home.manager);
      const least = await b.get('/overdue?sort=daysOverdue&order=asc');
      expect(references(least.text)).toEqual([ref(1), ref(0), ref(2)]);
      const byOwner = await b.get('/overdue?sort=owner&order=asc');
      const owners = tableRows(byOwner.text, 'overdue-table').map((row) => nth(row, 2));
      expect(owners).toEqual(
        [...owners].sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase())),
      );
    });

    it('exports exactly the rows shown, in the same order, with a formula guard', async () => {
      const b = WebBrowser.as(t.server, home.manager);
      const page = await b.get(`/overdue?team=Children+in+care`);
      const href = /href="(\/overdue\.csv[^"]*)"/.exec(page.text)?.[1]?.replace(/&amp;/g, '&');
      expect(href).toBe('/overdue.csv?team=Children+in+care&sort=daysOverdue&order=desc');
      const res = await b.get(href ?? '');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="overdue-actions-${daysFromToday(0)}.csv"`,
      );
      expect(res.text).toContain('\r\n');
      const lines = csvLines(res.text);
      expect(lines[0]).toBe('Reference,Title,Owner,Team,Inspection,Due date,Days overdue,Status');
      expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(references(page.text));
      expect(lines[1]).toBe(
        `${ref(2)},"'=HYPERLINK(""http://evil.example"")",${home.staff.user.name},Children in care,${plan.inspection.reference},${daysFromToday(-20)},20,Blocked`,
      );

      const all = csvLines((await b.get('/overdue.csv')).text);
      expect(all.slice(1).map((line) => line.split(',')[0])).toEqual([ref(2), ref(0), ref(1)]);
    });

    it('pages at 50 rows, and the CSV holds every page', async () => {
      const big = await createCouncilWithPeople(t, { name: 'Bigley City Council' });
      await createPlan(t, big.council, big.manager.user, {
        recommendations: [
          {
            actions: Array.from({ length: 53 }, (_, i) => ({
              title: `Late ${i + 1}`,
              status: 'open' as const,
              ownerId: big.staff.user.id,
              dueOn: daysFromToday(-1 - i),
            })),
          },
        ],
      });
      const b = WebBrowser.as(t.server, big.manager);
      const first = await b.get('/overdue');
      const second = await b.get('/overdue?sort=daysOverdue&order=desc&page=2');
      const firstRows = tableRows(first.text, 'overdue-table');
      const secondRows = tableRows(second.text, 'overdue-table');
      expect(firstRows).toHaveLength(50);
      expect(secondRows).toHaveLength(3);
      expect(nth(nth(firstRows, 0), 6)).toBe('53');
      expect(nth(nth(secondRows, 2), 6)).toBe('1');
      expect(first.text).toContain('govuk-pagination');
      expect(first.text).toContain('href="/overdue?sort=daysOverdue&amp;order=desc&amp;page=2"');
      expect(second.text).toContain('Showing 51 to 53 of 53 overdue actions.');
      const past = await b.get('/overdue?page=9');
      expect(past.text).toContain('Showing 51 to 53 of 53 overdue actions.');
      const csv = csvLines((await b.get('/overdue.csv')).text);
      expect(csv).toHaveLength(54);
      expect(csv.slice(1).map((line) => line.split(',')[0])).toEqual([
        ...references(first.text),
        ...references(second.text),
      ]);
    });

    it('sends the export headers the API CSV sends, from the same capped fetch', async () => {
      // The capped case itself (EXPORT_MAX_ROWS + 1 overdue actions) takes minutes to seed on a
      // small machine; the page now reads the rows through ActionsService.exportList, the API
      // export's own fetch, so what is checked here is that the page reports what it returns.
      const b = WebBrowser.as(t.server, home.manager);
      const res = await b.get('/overdue.csv');
      expect(res.status).toBe(200);
      expect(res.headers['x-total-count']).toBe(String(csvLines(res.text).length - 1));
      expect(res.headers['x-export-truncated']).toBeUndefined();
    });

    it('refuses staff with the 403 page', async () => {
      const b = WebBrowser.as(t.server, home.staff);
      for (const path of ['/overdue', '/overdue.csv', '/dashboard']) {
        const res = await b.get(path);
        expect(res.status).toBe(403);
        expect(res.text).toContain('You cannot do that');
      }
    });
  });

  describe('GET /dashboard', () => {
    it('shows the same figures as DashboardService', async () => {
      const expected = await t.app.get(DashboardService).forCouncil(home.council.id);
      const res = await WebBrowser.as(t.server, home.manager).get('/dashboard');
      expect(res.status).toBe(200);
      const html = res.text;
      expect(html).toContain('<title>Dashboard – Brackwater');
      expect(summaryValue(html, 'Open')).toBe(String(expected.byStatus.open));
      expect(summaryValue(html, 'Draft')).toBe(String(expected.byStatus.draft));
      expect(summaryValue(html, 'Blocked')).toBe(String(expected.byStatus.blocked));
      expect(summaryValue(html, 'Completed')).toBe(String(expected.byStatus.completed));
      expect(summaryValue(html, 'Overdue')).toBe(String(expected.overdue.total));
      expect(summaryValue(html, 'Due in the next 7 days')).toBe(String(expected.dueSoon.next7Days));
      expect(summaryValue(html, 'Due in the next 30 days')).toBe(
        String(expected.dueSoon.next30Days),
      );
      expect(expected.overdue.total).toBe(3);
      expect(tableRows(html, 'overdue-by-owner')).toEqual(
        expected.overdue.byOwner.map((row) => [row.owner?.name ?? 'Unassigned', String(row.count)]),
      );
      expect(tableRows(html, 'overdue-by-team')).toEqual(
        expected.overdue.byTeam.map((row) => [row.team ?? 'No team', String(row.count)]),
      );
      const progress = tableRows(html, 'inspection-progress');
      expect(progress.map((row) => [nth(nth(row, 0).split(' '), 0), row[3], row[5]])).toEqual(
        expected.inspections.map((i) => [
          i.reference,
          `${i.progress.percentComplete}%`,
          i.progress.rag.charAt(0).toUpperCase() + i.progress.rag.slice(1),
        ]),
      );
      expect(html).toContain(`href="/inspections/${plan.inspection.id}/progress"`);
    });
  });
});
