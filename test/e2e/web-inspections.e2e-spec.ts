import { ActionsService } from '@app/actions';
import { ImportService, InspectionsService, SuggestionsService } from '@app/inspections';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request, { type Response } from 'supertest';
import { dateParts, daysFromToday, todayInLondon } from '../factories/actions';
import { createCouncilWithPeople, type TestUser } from '../factories/people';
import { createPlan } from '../factories/plans';
import { createTestApp, type TestApp } from '../support/app';
import { atLeast, nth } from '../support/items';
import { csrfOf, WebBrowser } from '../support/web';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

// A short focused-visit letter in the style of test/fixtures/reports: two listed
// recommendations, and two weaknesses stated only in the findings' prose.
const LETTER = `Clarendon House                                          T 0300 013 4400
14 Weaver Row                                            Minicom 0300 013 4401
Birmingham B3 2QT                                        www.gov.uk/government/organisations/ofsted

14 March 2026

Ms Jane Holt
Director of Children's Services
Brackwater Borough Council

Dear Jane

Focused visit to Brackwater Borough Council children's services

This letter reports the findings of the focused visit to Brackwater Borough Council
children's services on 10 and 11 February 2026. The inspectors were Ann Lee HMI and
Tom Price HMI.

Findings

•  Children in care benefit from social workers who know them well. However, return
   home interviews are not consistently offered to children who go missing.
•  Supervision is regular. Management oversight of plans is variable and does not
   always challenge drift.

What needs to improve in this area of social work practice

•  The timeliness of permanence planning for children in care, so that decisions are
   ratified by the agency decision-maker.

•  The quality of supervision for social workers, so that it includes reflective
   discussion of children's experiences.

Yours sincerely

Ann Lee
HM Inspector
`;

const sessionOf = (user: TestUser): string[] => [
  `ft_access=${user.token}`,
  `ft_refresh=${user.refreshToken}`,
];

function cookiesOf(response: Response): string[] {
  return ((response.headers['set-cookie'] as unknown as string[] | undefined) ?? []).map(
    (line) => line.split(';')[0] ?? '',
  );
}

describe('web pages (e2e): inspections, importing and reviewing a report', () => {
  let t: TestApp;
  let home: Cast;
  let away: Cast;
  let inspectionId: string;
  let reviewPath: string;

  /**
   * Uploads a file from the import page as a browser does (multipart, to the form's address,
   * which carries the page's CSRF token). `csrf: false` leaves the token out.
   */
  async function upload(
    user: TestUser,
    file: { content: Buffer | null; name: string },
    { csrf = true }: { csrf?: boolean } = {},
  ): Promise<Response> {
    const session = sessionOf(user);
    const page = await request(t.server)
      .get('/inspections/import')
      .set('Cookie', session.join('; '))
      .expect(200);
    const action = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/.exec(
      page.text,
    )?.[1];
    if (!action) throw new Error('no upload form on the import page');
    expect(action).toBe(`/inspections/import?_csrf=${encodeURIComponent(csrfOf(page.text))}`);
    const post = request(t.server)
      .post(csrf ? action.replace(/&amp;/g, '&') : '/inspections/import')
      .set('Cookie', [...session, ...cookiesOf(page)].join('; '));
    if (!csrf) void post.field('note', 'no token');
    if (file.content) void post.attach('file', file.content, file.name);
    return post;
  }

  const actionsOf = async (recommendationRef?: string) => {
    const { items } = await t.app
      .get(ActionsService)
      .list(
        { councilId: home.council.id, userId: home.manager.user.id, role: 'manager' },
        { inspectionId, sort: 'reference', page: 1, pageSize: 100 },
      );
    return items.filter(
      (action) => !recommendationRef || action.recommendation.ref === recommendationRef,
    );
  };

  beforeAll(async () => {
    t = await createTestApp();
    home = await createCouncilWithPeople(t, { name: 'Brackwater Borough Council' });
    away = await createCouncilWithPeople(t);
  });

  afterAll(() => t?.close());

  it('never lets a route with an id take a literal address under /inspections', () => {
    // Express tries routes in the order they were registered: a GET /inspections/:id added
    // before GET /inspections/import would answer the import page with "Page not found".
    // Each route here must be reached by its own address, whichever controller came first.
    interface RouteLayer {
      route?: { path: string; methods: Record<string, boolean> };
      match(path: string): boolean;
    }
    // Express's own types leave out the layer's `match`, which the router uses.
    const express = t.app.getHttpAdapter().getInstance() as unknown as {
      router: { stack: RouteLayer[] };
    };
    const routes = express.router.stack.filter(
      (layer): layer is RouteLayer & { route: NonNullable<RouteLayer['route']> } =>
        layer.route !== undefined && /^\/(api\/)?inspections(\/|$)/.test(layer.route.path),
    );
    expect(routes.map((layer) => layer.route.path)).toContain('/inspections/import');
    const shadowed = routes.flatMap((layer, index) =>
      /[:*]/.test(layer.route.path)
        ? []
        : routes
            .slice(0, index)
            .filter(
              (earlier) =>
                Object.keys(layer.route.methods).some((method) => earlier.route.methods[method]) &&
                earlier.match(layer.route.path),
            )
            .map((earlier) => `${layer.route.path} taken by ${earlier.route.path}`),
    );
    expect(shadowed).toEqual([]);
  });

  it('lists the council’s inspections with their progress, links and rating', async () => {
    const plan = await createPlan(t, home.council, home.manager.user, {
      year: 2025,
      recommendations: [
        {
          actions: [
            { status: 'completed', ownerId: home.staff.user.id, dueOn: daysFromToday(10) },
            { status: 'open', ownerId: home.staff.user.id, dueOn: daysFromToday(-4) },
          ],
        },
      ],
    });
    await createPlan(t, away.council, away.manager.user);
    const res = await WebBrowser.as(t.server, home.staff).get('/inspections');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<title>Inspections – Brackwater Borough Council</title>');
    const row =
      res.text.split('</tr>').find((tr) => tr.includes(`>${plan.inspection.reference}</th>`)) ?? '';
    expect(row).toContain('50%');
    expect(row).toMatch(/govuk-table__cell--numeric">1</);
    expect(row).toContain('Red');
    expect(row).toContain(`href="/inspections/${plan.inspection.id}"`);
    expect(row).toContain(`href="/inspections/${plan.inspection.id}/progress"`);
    expect(res.text).not.toContain(`${away.council.code}-2026`);
    // Sortable headers that work without JavaScript.
    expect(res.text).toContain('href="/inspections?sort=reference&amp;order=asc"');
  });

  it('shows the import button to managers only, and refuses staff the import', async () => {
    const staff = WebBrowser.as(t.server, home.staff);
    expect((await staff.get('/inspections')).text).not.toContain('Import a report');
    expect((await staff.get('/inspections/import')).status).toBe(403);
    const refused = await staff.submit('/inspections', '/inspections/import', {});
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('You cannot do that');
    const manager = await WebBrowser.as(t.server, home.manager).get('/inspections');
    expect(manager.text).toContain('href="/inspections/import"');
  });

  it('refuses an upload without the CSRF token', async () => {
    const res = await upload(
      home.manager,
      { content: Buffer.from(LETTER), name: 'letter.txt' },
      { csrf: false },
    );
    expect(res.status).toBe(403);
    const inspections = await t.app.get(InspectionsService).list(home.council.id, todayInLondon());
    expect(inspections).toHaveLength(1);
  });

  it('imports a report and lands on its review with a banner and the recommendations', async () => {
    const res = await upload(home.manager, {
      content: Buffer.from(LETTER),
      name: 'brackwater-focused-visit.txt',
    });
    expect(res.status).toBe(303);
    reviewPath = res.headers.location ?? '';
    expect(reviewPath).toMatch(/^\/inspections\/[0-9a-f-]{36}$/);
    inspectionId = nth(reviewPath.split('/'), 2);

    // The page it lands on, with the banner's cookie from the redirect.
    const review = await request(t.server)
      .get(reviewPath)
      .set('Cookie', [...sessionOf(home.manager), ...cookiesOf(res)].join('; '));
    expect(review.status).toBe(200);
    expect(review.text).toMatch(/<title>Review [A-Z]+-2026 – Brackwater Borough Council<\/title>/);
    expect(review.text).toContain('govuk-notification-banner--success');
    expect(review.text).toContain('Imported 2 recommendations');
    expect(review.text).toContain('The timeliness of permanence planning for children in care');
    expect(review.text).toContain('The quality of supervision for social workers');
    expect(review.text).toContain('What needs to improve in this area of social work practice');
    expect(review.text).toContain('Focused visit');
    // The prose weaknesses, quoted with their cue.
    expect(review.text).toContain('return home interviews are not consistently offered');
    expect(review.text).toContain('“not consistently”');
    // Managers get the fields of the open form for each draft.
    const drafts = await actionsOf();
    const [firstDraft] = atLeast(drafts, 1);
    expect(drafts).toHaveLength(2);
    expect(review.text).toContain(`name="owner[${firstDraft.id}]"`);
    expect(review.text).toContain(`name="dueOn[${firstDraft.id}][day]"`);
    // The banner is shown once.
    const again = await WebBrowser.as(t.server, home.manager).get(reviewPath);
    expect(again.text).not.toContain('Imported 2 recommendations');
  });

  it('shows staff the review without any of the managers’ forms', async () => {
    const review = await WebBrowser.as(t.server, home.staff).get(reviewPath);
    expect(review.status).toBe(200);
    expect(review.text).toContain('The quality of supervision for social workers');
    expect(review.text).toContain('return home interviews are not consistently offered');
    expect(review.text).not.toContain('name="owner[');
    expect(review.text).not.toContain('/split"');
    expect(review.text).not.toContain('Accept S1');
    expect(review.text).not.toContain('/open"');
  });

  it('says when the same report was imported already, linking to it', async () => {
    const res = await upload(home.manager, { content: Buffer.from(LETTER), name: 'again.txt' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<title>Error: Import a report');
    expect(res.text).toContain('This report has already been imported');
    expect(res.text).toContain('href="#file"');
    expect(res.text).toContain(`href="/inspections/${inspectionId}"`);
  });

  it('shows a missing file and a file of the wrong type as form errors', async () => {
    const none = await upload(home.manager, { content: null, name: '' });
    expect(none.status).toBe(400);
    expect(none.text).toContain('Select a report to import');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49]);
    const image = await upload(home.manager, { content: png, name: 'photo.png' });
    expect(image.status).toBe(400);
    expect(image.text).toContain('The selected file must be a PDF or a text file');
    expect(image.text).toContain('govuk-file-upload--error');
  });

  it('splits a recommendation into another draft action', async () => {
    const [first] = atLeast(await actionsOf('R1'), 1);
    const manager = WebBrowser.as(t.server, home.manager);
    const staffRefused = await WebBrowser.as(t.server, home.staff).submit(
      reviewPath,
      `${reviewPath}/recommendations/${first.recommendation.id}/split`,
      {},
    );
    expect(staffRefused.status).toBe(403);
    const res = await manager.submit(
      reviewPath,
      `${reviewPath}/recommendations/${first.recommendation.id}/split`,
      {},
    );
    expect(res.status).toBe(303);
    const r1 = atLeast(await actionsOf('R1'), 2);
    expect(r1.map((action) => action.reference)).toEqual([
      first.reference,
      first.reference.replace(/-1$/, '-2'),
    ]);
    expect(r1.every((action) => action.status === 'draft')).toBe(true);
    expect(r1[1].dueOn).toBe(first.dueOn);
    const review = await manager.get(reviewPath);
    expect(review.text).toContain(`Added draft action ${r1[1].reference} to R1`);
    expect(review.text).toContain(`name="owner[${r1[1].id}]"`);
  });

  it('refuses the open form with a bad field, linking to it and saving nothing', async () => {
    const [a, b] = atLeast(await actionsOf('R1'), 2);
    const due = dateParts(daysFromToday(90));
    const res = await WebBrowser.as(t.server, home.manager).submit(
      reviewPath,
      `${reviewPath}/open`,
      {
        intent: 'open',
        [`owner[${a.id}]`]: home.staff.user.id,
        [`successMeasure[${a.id}]`]: 'Every plan ratified within 20 working days',
        [`dueOn[${a.id}][day]`]: due.day,
        [`dueOn[${a.id}][month]`]: due.month,
        [`dueOn[${a.id}][year]`]: due.year,
        [`open[${a.id}]`]: 'yes',
        [`owner[${b.id}]`]: home.otherStaff.user.id,
        [`successMeasure[${b.id}]`]: '',
        [`dueOn[${b.id}][day]`]: '31',
        [`dueOn[${b.id}][month]`]: '2',
        [`dueOn[${b.id}][year]`]: due.year,
        [`open[${b.id}]`]: 'yes',
      },
    );
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/<title>Error: Review /);
    expect(res.text).toContain('govuk-error-summary');
    expect(res.text).toContain(`href="#successMeasure-${b.id}"`);
    expect(res.text).toContain(`Enter a success measure for ${b.reference}`);
    expect(res.text).toContain(`href="#dueOn-${b.id}-day"`);
    expect(res.text).toContain(`The deadline for ${b.reference} must be a real date`);
    // What was typed is kept.
    expect(res.text).toContain('Every plan ratified within 20 working days');
    const after = await actionsOf('R1');
    expect(after.map((action) => [action.status, action.owner])).toEqual([
      ['draft', null],
      ['draft', null],
    ]);
  });

  it('refuses a deadline more than ten years ahead on the field, saving nothing', async () => {
    const [a] = atLeast(await actionsOf('R1'), 1);
    const res = await WebBrowser.as(t.server, home.manager).submit(
      reviewPath,
      `${reviewPath}/open`,
      {
        intent: 'open',
        [`owner[${a.id}]`]: home.staff.user.id,
        [`successMeasure[${a.id}]`]: 'Every plan ratified within 20 working days',
        [`dueOn[${a.id}][day]`]: '31',
        [`dueOn[${a.id}][month]`]: '12',
        [`dueOn[${a.id}][year]`]: '9999',
        [`open[${a.id}]`]: 'yes',
      },
    );
    expect(res.status).toBe(400);
    const message = new RegExp(
      `The deadline for ${a.reference} must be between Saturday 1 January 2000 and \\w+ \\d{1,2} \\w+ \\d{4}`,
    );
    expect(res.text).toMatch(message);
    // In the summary, linked to the field, and inline on the field itself.
    expect(res.text).toContain(`href="#dueOn-${a.id}-day"`);
    expect(res.text).toMatch(
      new RegExp(
        `govuk-error-message">\\s*<span class="govuk-visually-hidden">Error:</span> ${message.source}`,
      ),
    );
    expect((await actionsOf('R1'))[0]).toMatchObject({ status: 'draft', dueOn: a.dueOn });
  });

  it('opens the chosen actions in one go, each with its owner, measure and deadline', async () => {
    const [a, b] = atLeast(await actionsOf('R1'), 2);
    const [r2] = atLeast(await actionsOf('R2'), 1);
    const dueA = daysFromToday(90);
    const dueB = daysFromToday(120);
    const manager = WebBrowser.as(t.server, home.manager);
    const res = await manager.submit(reviewPath, `${reviewPath}/open`, {
      intent: 'open',
      [`owner[${a.id}]`]: home.staff.user.id,
      [`successMeasure[${a.id}]`]: 'Every plan ratified within 20 working days',
      ...Object.fromEntries(
        Object.entries(dateParts(dueA)).map(([part, v]) => [`dueOn[${a.id}][${part}]`, v]),
      ),
      [`open[${a.id}]`]: 'yes',
      [`owner[${b.id}]`]: home.otherStaff.user.id,
      [`successMeasure[${b.id}]`]: 'Audits show decisions recorded on every file',
      ...Object.fromEntries(
        Object.entries(dateParts(dueB)).map(([part, v]) => [`dueOn[${b.id}][${part}]`, v]),
      ),
      [`open[${b.id}]`]: 'yes',
      // R2 is only given an owner and stays a draft.
      [`owner[${r2.id}]`]: home.manager.user.id,
      [`successMeasure[${r2.id}]`]: '',
      [`dueOn[${r2.id}][day]`]: '',
      [`dueOn[${r2.id}][month]`]: '',
      [`dueOn[${r2.id}][year]`]: '',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(reviewPath);
    const [openedA, openedB] = await actionsOf('R1');
    expect(openedA).toMatchObject({
      status: 'open',
      owner: { id: home.staff.user.id },
      successMeasure: 'Every plan ratified within 20 working days',
      dueOn: dueA,
    });
    expect(openedB).toMatchObject({
      status: 'open',
      owner: { id: home.otherStaff.user.id },
      dueOn: dueB,
    });
    const [draft] = await actionsOf('R2');
    expect(draft).toMatchObject({ status: 'draft', owner: { id: home.manager.user.id } });
    const review = await manager.get(reviewPath);
    expect(review.text).toContain('Opened 2 actions and saved 1 draft');
    // Opened actions are shown, not edited.
    expect(review.text).not.toContain(`name="owner[${a.id}]"`);
    expect(review.text).toContain(`href="/actions/${a.id}"`);
  });

  it('asks which actions to open when none is ticked', async () => {
    const [r2] = atLeast(await actionsOf('R2'), 1);
    const res = await WebBrowser.as(t.server, home.manager).submit(
      reviewPath,
      `${reviewPath}/open`,
      { intent: 'open', [`owner[${r2.id}]`]: home.staff.user.id },
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain(`href="#open-${r2.id}"`);
    expect(res.text).toContain('Select the actions to open');
    expect(nth(await actionsOf('R2'), 0).owner?.id).toBe(home.manager.user.id);
  });

  it('accepts one suggestion and dismisses another with a reason', async () => {
    const [s1, s2] = atLeast(
      await t.app.get(SuggestionsService).list(home.council.id, inspectionId),
      2,
    );
    const manager = WebBrowser.as(t.server, home.manager);
    const staffRefused = await WebBrowser.as(t.server, home.staff).submit(
      reviewPath,
      `${reviewPath}/suggestions/${s1.id}/accept`,
      {},
    );
    expect(staffRefused.status).toBe(403);

    const accepted = await manager.submit(
      reviewPath,
      `${reviewPath}/suggestions/${s1.id}/accept`,
      {},
    );
    expect(accepted.status).toBe(303);
    const afterAccept = await manager.get(reviewPath);
    expect(afterAccept.text).toContain('Accepted S1: it is now recommendation S1');
    const card1 = afterAccept.text
      .split(`id="suggestion-${s1.id}"`)[1]
      ?.split('govuk-summary-card"')[0];
    expect(card1).toContain('Accepted');
    expect(card1).toContain(home.manager.user.name);
    expect(card1).toContain('Recommendation S1');
    expect(await actionsOf('S1')).toHaveLength(1);

    const noReason = await manager.submit(
      reviewPath,
      `${reviewPath}/suggestions/${s2.id}/dismiss`,
      {
        reason: '  ',
      },
    );
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain(`href="#reason-${s2.id}"`);
    expect(noReason.text).toContain('Enter why you are dismissing S2');
    expect(
      nth(await t.app.get(SuggestionsService).list(home.council.id, inspectionId), 1).status,
    ).toBe('open');

    const dismissed = await manager.submit(
      reviewPath,
      `${reviewPath}/suggestions/${s2.id}/dismiss`,
      {
        reason: 'Already covered by R2',
      },
    );
    expect(dismissed.status).toBe(303);
    const afterDismiss = await manager.get(reviewPath);
    expect(afterDismiss.text).toContain('Dismissed S2');
    const card2 = afterDismiss.text.split(`id="suggestion-${s2.id}"`)[1] ?? '';
    expect(card2).toContain('Already covered by R2');
    expect(card2).not.toContain('Dismiss S2');
  });

  it('gives another council’s inspection as "Page not found", for pages and forms', async () => {
    const outsider = WebBrowser.as(t.server, away.manager);
    const page = await outsider.get(reviewPath);
    expect(page.status).toBe(404);
    expect(page.text).toContain('Page not found');
    const [r2] = atLeast(await actionsOf('R2'), 1);
    const posted = await outsider.submit('/inspections', `${reviewPath}/open`, {
      intent: 'open',
      [`owner[${r2.id}]`]: away.staff.user.id,
      [`open[${r2.id}]`]: 'yes',
    });
    expect(posted.status).toBe(404);
    expect((await outsider.get('/inspections/not-a-uuid')).status).toBe(404);
    expect(nth(await actionsOf('R2'), 0).status).toBe('draft');
  });

  it('refuses the review’s forms without the CSRF token', async () => {
    const [r2] = atLeast(await actionsOf('R2'), 1);
    const res = await WebBrowser.as(t.server, home.manager).post(`${reviewPath}/open`, {
      intent: 'save',
      [`owner[${r2.id}]`]: home.staff.user.id,
    });
    expect(res.status).toBe(403);
    expect(nth(await actionsOf('R2'), 0).owner?.id).toBe(home.manager.user.id);
  });

  it('warns on the review page about report dates it left out', async () => {
    // Another council, so this file's counts for the home council stay as they were.
    const res = await upload(away.manager, {
      content: readFileSync(
        join(__dirname, '../fixtures/import/quillborough-unbelievable-dates.txt'),
      ),
      name: 'quillborough.txt',
    });
    expect(res.status).toBe(303);
    const review = await request(t.server)
      .get(res.headers.location ?? '')
      .set('Cookie', [...sessionOf(away.manager), ...cookiesOf(res)].join('; '));
    expect(review.status).toBe(200);
    expect(review.text).toContain(
      'The report&#39;s publication date (Sunday 1 March 2099, after the day of import)',
    );
    expect(review.text).toContain('deadlines count from the day of import');
    expect(review.text).toContain('The report&#39;s deadline for R1 is before 2000');
  });
});

describe('web pages (e2e): suggestions on the review page, folded, ranked and paged', () => {
  let t: TestApp;
  let home: Awaited<ReturnType<typeof createCouncilWithPeople>>;

  beforeAll(async () => {
    t = await createTestApp();
    home = await createCouncilWithPeople(t);
  });

  afterAll(() => t?.close());

  const importFixture = async (file: string) =>
    (
      await t.app.get(ImportService).importReport({
        councilId: home.council.id,
        importedById: home.manager.user.id,
        fileName: file.split('/').pop() ?? file,
        content: readFileSync(join(__dirname, '../fixtures', file)),
      })
    ).inspection.id;

  /** The suggestion cards on a page, in the order shown. */
  const cardIds = (html: string) =>
    [...html.matchAll(/id="suggestion-([0-9a-f-]{36})"/g)].map((match) => match[1]);

  it('folds a listed report’s suggestions under the list, most plainly stated first, ten a page', async () => {
    const id = await importFixture('reports/ashby-vale-sif-2015.txt');
    const all = await t.app.get(SuggestionsService).list(home.council.id, id);
    expect(all.length).toBeGreaterThan(10);
    const manager = WebBrowser.as(t.server, home.manager);

    const first = await manager.get(`/inspections/${id}`);
    expect(first.status).toBe(200);
    expect(first.text).toContain(
      `Weaknesses stated in the prose but not in the list (${all.length})`,
    );
    // Folded: a details element that is not open.
    const details = /<details class="govuk-details"[^>]*>/.exec(first.text)?.[0] ?? '';
    expect(details).not.toBe('');
    expect(details).not.toContain('open');

    const shown = cardIds(first.text);
    expect(shown).toHaveLength(10);
    const byConfidence = [...all].sort(
      (a, b) => b.confidence - a.confidence || a.position - b.position,
    );
    expect(shown).toEqual(byConfidence.slice(0, 10).map((suggestion) => suggestion.id));
    expect(first.text).toContain(`href="/inspections/${id}?page=2#suggestions"`);

    const second = await manager.get(`/inspections/${id}?page=2`);
    expect(/<details class="govuk-details"[^>]*>/.exec(second.text)?.[0]).toContain('open');
    expect(cardIds(second.text)).toEqual(
      byConfidence.slice(10, 20).map((suggestion) => suggestion.id),
    );
  });

  it('shows a refused dismissal on the page that holds that suggestion, unfolded', async () => {
    const id = await importFixture('reports/harrowfield-safeguarding-lac-2012.txt');
    const all = await t.app.get(SuggestionsService).list(home.council.id, id);
    const last = nth(
      [...all].sort((a, b) => b.confidence - a.confidence || a.position - b.position),
      -1,
    );
    const refused = await WebBrowser.as(t.server, home.manager).submit(
      `/inspections/${id}?page=2`,
      `/inspections/${id}/suggestions/${last.id}/dismiss`,
      { reason: ' ' },
    );
    expect(refused.status).toBe(400);
    expect(cardIds(refused.text)).toContain(last.id);
    expect(/<details class="govuk-details"[^>]*>/.exec(refused.text)?.[0]).toContain('open');
  });

  it('shows a letter with no list its suggestions open, as its findings', async () => {
    const id = await importFixture('prose/hartwell-monitoring-visit-2026.txt');
    const all = await t.app.get(SuggestionsService).list(home.council.id, id);
    const page = await WebBrowser.as(t.server, home.staff).get(`/inspections/${id}`);
    expect(page.text).toContain(`Weaknesses stated in the report (${all.length})`);
    expect(page.text).not.toContain('<details class="govuk-details"');
    expect(cardIds(page.text)).toHaveLength(Math.min(10, all.length));
  });
});
