import { ActionsService } from '@app/actions';
import { ActionRagService, MeasuresService } from '@app/measures';
import type { Browser, Page } from 'playwright-core';
import { dateParts, daysFromToday } from '../factories/actions';
import { createCouncilWithPeople } from '../factories/people';
import { createPlan } from '../factories/plans';
import {
  type BrowserServer,
  expectAccessible,
  launchBrowser,
  startServer,
  useSession,
  andWait,
  banner,
  BrowserPages,
  errorSummary,
  h1,
  mainText,
} from './support/browser';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

const COUNCIL = 'Harrowfield City Council';
const MEASURE = 'Plans audited as good';
const OVERRIDE_REASON = 'Supervision audits not yet started; the plan is behind';
const SLIP_REASON = 'Panel chair on long-term leave';
const EVIDENCE = 'https://sharepoint.example.gov.uk/permanence/panel-dates';

/** "2026-10-31" as the CSV's observed_on, "31/10/2026". */
const csvDate = (iso: string): string => {
  const { day, month, year } = dateParts(iso);
  return `${day.padStart(2, '0')}/${month.padStart(2, '0')}/${year}`;
};

/**
 * The committee progress report, the RAG override on an action page and the readings upload, in
 * a real browser against the real app, with axe (WCAG 2.2 AA) on every state of each page: the
 * report with its changes and a measure's chart (and what it prints), the override's error and
 * result, and an upload refused and then partly recorded. The tests run in order and share what
 * they create.
 */
describe('committee report, RAG override and readings upload in a browser (axe on every page)', () => {
  let server: BrowserServer;
  let home: Cast;
  let browser: Browser;
  let pages: BrowserPages;
  let manager: Page;
  let staff: Page;

  /** The plan's actions, by what each is there to show. */
  const measured = { id: '', reference: '', title: 'Audit twenty plans a month' };
  const overdue = {
    id: '',
    reference: '',
    title: 'Record the reasons for each front door decision',
  };
  const overridden = { id: '', reference: '', title: 'Start reflective supervision' };
  const slipped = { id: '', reference: '', title: 'Fix panel dates for the year' };

  /** Text with its runs of white space (template indentation) as single spaces. */
  const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ');

  /**
   * Where each link in the error summary leads: every element with the id it names, as tag and
   * type ("input:radio"). A link must lead to one element, the field to put right.
   */
  async function errorTargets(page: Page): Promise<Array<{ href: string; targets: string[] }>> {
    type Element = { tagName: string; getAttribute(name: string): string | null };
    const hrefs = await page
      .locator('.govuk-error-summary a')
      .evaluateAll((links: Element[]) => links.map((link) => link.getAttribute('href') ?? ''));
    return Promise.all(
      hrefs.map(async (href) => ({
        href,
        targets: await page
          .locator(`[id="${href.slice(1)}"]`)
          .evaluateAll((found: Element[]) =>
            found.map((el) => `${el.tagName.toLowerCase()}:${el.getAttribute('type') ?? ''}`),
          ),
      })),
    );
  }

  beforeAll(async () => {
    server = await startServer();
    home = await createCouncilWithPeople(server, { name: COUNCIL });
    const plan = await createPlan(server, home.council, home.manager.user, {
      recommendations: [
        {
          text: 'Improve the timeliness and quality of permanence planning for children in care.',
          priority: 'priority_action',
          actions: [
            {
              title: measured.title,
              status: 'open',
              ownerId: home.staff.user.id,
              dueOn: daysFromToday(90),
            },
            {
              title: overdue.title,
              status: 'in_progress',
              ownerId: home.otherStaff.user.id,
              dueOn: daysFromToday(-10),
            },
          ],
        },
        {
          text: 'Improve the quality of supervision for social workers.',
          actions: [
            {
              title: overridden.title,
              status: 'open',
              ownerId: home.staff.user.id,
              dueOn: daysFromToday(45),
            },
            {
              title: slipped.title,
              status: 'in_progress',
              ownerId: home.staff.user.id,
              dueOn: daysFromToday(20),
            },
          ],
        },
      ],
    });
    const [a, b, c, d] = plan.actions;
    if (!a || !b || !c || !d) throw new Error('createPlan made fewer than four actions');
    Object.assign(measured, { id: a.id, reference: a.reference });
    Object.assign(overdue, { id: b.id, reference: b.reference });
    Object.assign(overridden, { id: c.id, reference: c.reference });
    Object.assign(slipped, { id: d.id, reference: d.reference });

    const asManager = {
      userId: home.manager.user.id,
      councilId: home.council.id,
      role: 'manager' as const,
    };
    const asOwner = {
      userId: home.staff.user.id,
      councilId: home.council.id,
      role: 'staff' as const,
    };
    // A measure with three monthly readings: enough for a line in the chart.
    const measures = server.app.get(MeasuresService);
    const measure = await measures.add(asManager, measured.id, {
      name: MEASURE,
      unit: 'percentage',
      direction: 'higher',
      baselineValue: 40,
      baselineOn: daysFromToday(-120),
      targetValue: 80,
      targetOn: daysFromToday(120),
    });
    for (const [days, value] of [
      [-90, 44],
      [-60, 51],
      [-30, 58],
    ] as const) {
      await measures.record(asOwner, measured.id, measure.id, {
        value,
        observedOn: daysFromToday(days),
      });
    }
    await server.app
      .get(ActionRagService)
      .override(asManager, overridden.id, { rag: 'red', reason: OVERRIDE_REASON });
    const actions = server.app.get(ActionsService);
    await actions.update(asManager, slipped.id, {
      dueOn: daysFromToday(50),
      dueOnReason: SLIP_REASON,
    });
    await actions.addUpdate(asOwner, slipped.id, {
      note: 'Panel dates agreed for the first half of the year.',
      evidenceUrl: EVIDENCE,
    });

    browser = await launchBrowser();
    pages = new BrowserPages(browser, server);
    manager = await pages.open();
    await useSession(manager.context(), server, home.manager);
    staff = await pages.open();
    await useSession(staff.context(), server, home.staff);
  });

  afterAll(async () => {
    await pages?.close();
    await browser?.close();
    await server?.close();
  });

  it('a manager opens the committee report from the dashboard, with the changes since an earlier date', async () => {
    await pages.go(manager, '/dashboard');
    await andWait(manager, () =>
      manager.getByRole('link', { name: 'Progress report for committees' }).click(),
    );
    expect(new URL(manager.url()).pathname).toBe('/reports/committee');
    await expect(h1(manager)).resolves.toBe('Progress report: all live inspections');
    await expectAccessible(manager);

    const since = daysFromToday(-14);
    await manager.getByLabel('Changes since (optional)').fill(since);
    await andWait(manager, () => manager.getByRole('button', { name: 'Show report' }).click());
    const url = new URL(manager.url());
    expect(url.pathname).toBe('/reports/committee');
    expect(url.searchParams.get('since')).toBe(since);
    await expect(manager.locator('#changes').textContent()).resolves.toMatch(
      /^What changed since \w+day \d{1,2} \w+ \d{4}$/,
    );
    // The deadline moved today, with its reason, is one of the changes.
    const changes = manager.getByRole('table', { name: /^Changes since/ });
    await expect(changes.textContent()).resolves.toContain(slipped.reference);
    await expect(changes.textContent()).resolves.toContain(SLIP_REASON);

    const text = squash(await mainText(manager));
    for (const action of [measured, overdue, overridden, slipped]) {
      expect(text).toContain(`${action.reference}: ${action.title}`);
    }
    expect(text).toContain(`Overridden by ${home.manager.user.name}: ${OVERRIDE_REASON}`);
    expect(text).toContain(`moved 30 days. ${SLIP_REASON}.`);
    expect(text).toContain('Panel dates agreed for the first half of the year.');
    await expect(manager.getByRole('link', { name: EVIDENCE }).getAttribute('href')).resolves.toBe(
      EVIDENCE,
    );
    await expectAccessible(manager);

    // Headings in order, none skipped: each at most one level below the one before it.
    const levels = await manager
      .locator('main')
      .locator('h1, h2, h3, h4, h5, h6')
      .evaluateAll((headings: Array<{ tagName: string }>) =>
        headings.map((heading) => Number(heading.tagName.slice(1))),
      );
    expect(levels[0]).toBe(1);
    const skips = levels.filter((level, at) => at > 0 && level > (levels[at - 1] ?? 0) + 1);
    expect({ levels, skips }).toEqual({ levels, skips: [] });
    // Down to the measure under its action.
    expect(levels).toEqual(expect.arrayContaining([1, 2, 3, 4, 5]));

    // The chart is an image named by its title and described in words; its figures are in a table.
    const chart = manager.locator('svg[role="img"]');
    await expect(chart.count()).resolves.toBe(1);
    await expect(chart.locator('title').textContent()).resolves.toBe(
      `${MEASURE}: readings against the target`,
    );
    await expect(chart.locator('desc').textContent()).resolves.toMatch(
      new RegExp(`^Line chart of ${MEASURE}: 3 readings from 44% on .* to 58% on `),
    );
    await expect(
      manager.getByRole('img', { name: `${MEASURE}: readings against the target` }).count(),
    ).resolves.toBe(1);
    const readings = manager.getByRole('table', { name: new RegExp(`^Readings of ${MEASURE}`) });
    await expect(readings.locator('tbody tr').count()).resolves.toBe(3);
    await expect(readings.locator('tbody tr').first().textContent()).resolves.toContain('58%');

    // Printed, the report goes without the choices above it and the service's header.
    const form = manager.locator('form[action="/reports/committee"]');
    await expect(form.isVisible()).resolves.toBe(true);
    await manager.emulateMedia({ media: 'print' });
    await expect(form.isVisible()).resolves.toBe(false);
    await expect(manager.locator('.govuk-header').isVisible()).resolves.toBe(false);
    await expect(manager.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
    await expect(chart.isVisible()).resolves.toBe(true);
    await manager.emulateMedia({ media: 'screen' });
    await expect(form.isVisible()).resolves.toBe(true);
  });

  it('a manager overrides an action’s RAG on its page, after being told what is missing', async () => {
    await pages.go(manager, `/actions/${overdue.id}`);
    const rag = manager.locator('#rag + p');
    await expect(rag.textContent()).resolves.toContain('Red');
    await expectAccessible(manager);

    const details = manager.locator('details', { hasText: 'Override the RAG' });
    await expect(details.getAttribute('open')).resolves.toBeNull();
    await manager.getByText('Override the RAG', { exact: true }).click();
    await expect(details.getAttribute('open')).resolves.toBe('');
    // Each choice is named by its label (a label pointing at another element names nothing).
    for (const name of ['Red', 'Amber', 'Green']) {
      await expect(manager.getByRole('radio', { name, exact: true }).count()).resolves.toBe(1);
    }
    await expectAccessible(manager);

    // Nothing chosen: each error links to its own field.
    await andWait(manager, () => manager.getByRole('button', { name: 'Override RAG' }).click());
    expect(await manager.title()).toMatch(/^Error: /);
    await expect(errorSummary(manager)).resolves.toContain('Select the RAG to show');
    await expect(errorSummary(manager)).resolves.toContain('Enter why the RAG is overridden');
    await expect(errorTargets(manager)).resolves.toEqual([
      { href: '#ragOverride', targets: ['input:radio'] },
      { href: '#ragReason', targets: ['textarea:'] },
    ]);
    await expect(details.getAttribute('open')).resolves.toBe('');
    await expectAccessible(manager);

    // Amber without a reason: the one error, with Amber still chosen.
    await manager.getByRole('radio', { name: 'Amber' }).check();
    await andWait(manager, () => manager.getByRole('button', { name: 'Override RAG' }).click());
    expect(await manager.title()).toMatch(/^Error: /);
    await expect(errorSummary(manager)).resolves.not.toContain('Select the RAG to show');
    await expect(errorSummary(manager)).resolves.toContain('Enter why the RAG is overridden');
    await expect(manager.getByRole('radio', { name: 'Amber' }).isChecked()).resolves.toBe(true);
    await expectAccessible(manager);

    // The summary's link takes the keyboard to the box to fill in.
    await manager.locator('.govuk-error-summary a[href="#ragReason"]').click();
    await expect(manager.locator(':focus').getAttribute('id')).resolves.toBe('ragReason');
    await manager.keyboard.type('The team is recruited; records improve from next month');
    await andWait(manager, () => manager.getByRole('button', { name: 'Override RAG' }).click());
    await expect(banner(manager)).resolves.toContain('RAG overridden as Amber');
    await expect(rag.textContent()).resolves.toContain('Amber');
    const section = squash(await mainText(manager));
    expect(section).toContain(`Overridden by ${home.manager.user.name}`);
    expect(section).toContain('Reason: The team is recruited; records improve from next month');
    expect(section).toContain('Computed from the deadline and measures: Red.');
    await expectAccessible(manager);
    // Done: the form folds away again, now with the way back to the computed RAG.
    await expect(details.getAttribute('open')).resolves.toBeNull();
    await manager.getByText('Override the RAG', { exact: true }).click();
    await expect(
      manager.getByRole('button', { name: 'Remove the override' }).isVisible(),
    ).resolves.toBe(true);
    await expectAccessible(manager);
  });

  it('staff upload readings: refused with a bad row, then the good row kept', async () => {
    await pages.go(staff, '/measures/readings/upload');
    await expect(h1(staff)).resolves.toBe('Upload readings');
    await expectAccessible(staff);

    const goodOn = daysFromToday(-2);
    const csv = Buffer.from(
      'action_reference,measure,value,observed_on\n' +
        `${measured.reference},${MEASURE},63,${csvDate(goodOn)}\n` +
        `${measured.reference},${MEASURE},140,${csvDate(daysFromToday(-3))}\n`,
    );
    const upload = async (keepGoodRows: boolean) => {
      await staff.getByLabel('Upload readings').setInputFiles({
        name: 'readings.csv',
        mimeType: 'text/csv',
        buffer: csv,
      });
      if (keepGoodRows) {
        await staff
          .getByRole('checkbox', { name: /^Record the good rows even if some rows are refused/ })
          .check();
      }
      await andWait(staff, () =>
        staff.getByRole('button', { name: 'Record the readings' }).click(),
      );
    };

    await upload(false);
    expect(await staff.title()).toMatch(/^Error: Upload readings/);
    await expect(errorSummary(staff)).resolves.toContain(
      '1 line has a problem, so no reading was recorded',
    );
    await expect(errorTargets(staff)).resolves.toEqual([
      { href: '#refused-lines', targets: ['table:'] },
    ]);
    const refused = staff.getByRole('table', { name: 'Lines refused' });
    await expect(refused.locator('tbody tr').count()).resolves.toBe(1);
    const line = squash(await refused.locator('tbody tr').textContent());
    expect(line).toMatch(/^ ?3 value /);
    await expectAccessible(staff);
    // Nothing recorded: the measure still has its three readings.
    const count = async () =>
      (await server.app.get(MeasuresService).list(home.council.id, measured.id))[0]?.readings
        .length;
    await expect(count()).resolves.toBe(3);

    await upload(true);
    await expect(banner(staff)).resolves.toContain('1 reading recorded');
    await expect(errorSummary(staff)).resolves.toContain('1 line was refused and not recorded');
    await expect(refused.locator('tbody tr').count()).resolves.toBe(1);
    await expect(count()).resolves.toBe(4);
    await expectAccessible(staff);

    await pages.go(staff, `/actions/${measured.id}`);
    await expect(
      staff.getByRole('table', { name: new RegExp(`^Readings of ${MEASURE}`) }).textContent(),
    ).resolves.toContain('63%');
  });
});
