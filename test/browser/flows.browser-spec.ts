import { ActionsService } from '@app/actions';
import { MeasuresService } from '@app/measures';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { dateParts, daysFromToday } from '../factories/actions';
import { createCouncilWithPeople } from '../factories/people';
import { createPlan, type Plan } from '../factories/plans';
import { textReportToPdf } from '../support/text-to-pdf';
import { atLeast, nth } from '../support/items';
import {
  type BrowserServer,
  expectAccessible,
  launchBrowser,
  pressTabUntil,
  signIn,
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

const COUNCIL = 'Brackwater Borough Council';

// A short focused-visit letter in the style of test/fixtures/reports, one paragraph a line (the
// PDF builder wraps them): three numbered recommendations.
const LETTER = `Clarendon House
14 Weaver Row, Birmingham B3 2QT

14 March 2026

Dear Jane

Focused visit to Brackwater Borough Council children's services

This letter reports the findings of the focused visit to Brackwater Borough Council children's services on 10 and 11 February 2026. The inspectors were Ann Lee HMI and Tom Price HMI.

What needs to improve in this area of social work practice

1) The timeliness of permanence planning for children in care, so that decisions are ratified by the agency decision-maker without delay.
2) The quality of supervision for social workers, so that it includes reflective discussion of children's experiences.
3) The recording of management decisions in the front door, including the reasons for the level of response to each contact.

Findings

Children in care benefit from social workers who know them well, and most children live in stable placements that meet their needs.

Yours sincerely

Ann Lee
HM Inspector
`;

/**
 * The journeys people make through the web pages, in a real browser against the real app: a
 * manager imports a report and opens its actions, the owner reports progress and completes one
 * with the keyboard alone, the manager verifies it; overdue lists and their CSV, another
 * council's address, a form without its CSRF token; and axe (WCAG 2.2 AA) on every page seen.
 * The tests run in order and share what they create.
 */
describe('web journeys in a browser: import, open, progress, complete, verify (axe on every page)', () => {
  let server: BrowserServer;
  let home: Cast;
  let away: Cast;
  let overduePlan: Plan;
  let browser: Browser;
  /** One browser profile per person, kept across the tests. */
  let pages: BrowserPages;
  let manager: Page;
  let staff: Page;

  let reviewPath = '';
  let inspectionId = '';
  /** The two actions R1 is split into: A for staff, B for the other member of staff. */
  const actionA = { id: '', reference: '', title: '' };
  const actionB = { id: '', reference: '' };

  beforeAll(async () => {
    server = await startServer();
    home = await createCouncilWithPeople(server, { name: COUNCIL });
    away = await createCouncilWithPeople(server);
    overduePlan = await createPlan(server, home.council, home.manager.user, {
      year: 2025,
      recommendations: [
        {
          actions: [
            {
              title: 'Audit every return home interview',
              status: 'in_progress',
              ownerId: home.otherStaff.user.id,
              dueOn: daysFromToday(-12),
            },
          ],
        },
      ],
    });
    browser = await launchBrowser();
    pages = new BrowserPages(browser, server);
    manager = await pages.open();
    staff = await pages.open();
  });

  afterAll(async () => {
    await pages?.close();
    await browser?.close();
    await server?.close();
  });

  it('a manager signs in, imports a PDF report and lands on its review', async () => {
    await pages.go(manager, '/sign-in');
    await expectAccessible(manager);
    await signIn(manager, home.manager.user.email, home.manager.password);
    await expect(h1(manager)).resolves.toBe('My actions');
    await expectAccessible(manager);

    await andWait(manager, () =>
      manager.getByRole('link', { name: 'Inspections', exact: true }).click(),
    );
    expect(await manager.title()).toBe(`Inspections – ${COUNCIL}`);
    await expect(mainText(manager)).resolves.toContain(overduePlan.inspection.reference);
    await expectAccessible(manager);

    await andWait(manager, () => manager.getByRole('button', { name: 'Import a report' }).click());
    expect(new URL(manager.url()).pathname).toBe('/inspections/import');
    await expectAccessible(manager);

    // Without a file: the error state.
    await andWait(manager, () => manager.getByRole('button', { name: 'Import report' }).click());
    expect(await manager.title()).toBe(`Error: Import a report – ${COUNCIL}`);
    await expect(errorSummary(manager)).resolves.toContain('Select a report to import');
    await expectAccessible(manager);

    const pdf = Buffer.from(await textReportToPdf(LETTER));
    await manager.getByLabel('Import a report').setInputFiles({
      name: 'brackwater-focused-visit-2026.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await andWait(manager, () => manager.getByRole('button', { name: 'Import report' }).click());
    reviewPath = new URL(manager.url()).pathname;
    expect(reviewPath).toMatch(/^\/inspections\/[0-9a-f-]{36}$/);
    inspectionId = nth(reviewPath.split('/'), 2);
    await expect(h1(manager)).resolves.toMatch(/^Review [A-Z]+-2026$/);
    await expect(banner(manager)).resolves.toContain('Imported 3 recommendations');
    const text = await mainText(manager);
    expect(text).toContain('The timeliness of permanence planning for children in care');
    expect(text).toContain('The quality of supervision for social workers');
    expect(text).toContain('The recording of management decisions in the front door');
    await expectAccessible(manager);
  });

  it('splits a recommendation into two actions, gives each an owner, measure and deadline, and opens them', async () => {
    await andWait(manager, () =>
      manager.getByRole('button', { name: 'Add another action to R1' }).click(),
    );
    await expect(banner(manager)).resolves.toMatch(/Added draft action [A-Z]+-2026-R1-2 to R1/);

    const { items } = await server.app
      .get(ActionsService)
      .list(
        { councilId: home.council.id, userId: home.manager.user.id, role: 'manager' },
        { inspectionId, sort: 'reference', page: 1, pageSize: 100 },
      );
    const r1 = items.filter((action) => action.recommendation.ref === 'R1');
    expect(r1).toHaveLength(2);
    const [a, b] = atLeast(r1, 2);
    Object.assign(actionA, { id: a.id, reference: a.reference, title: a.title });
    Object.assign(actionB, { id: b.id, reference: b.reference });

    const fill = async (
      action: { id: string; reference: string },
      ownerId: string,
      measure: string,
      dueOn: string,
    ) => {
      const block = manager.locator(`#action-${action.id}`);
      await block.getByLabel('Owner').selectOption(ownerId);
      await block.getByLabel('Success measure').fill(measure);
      const { day, month, year } = dateParts(dueOn);
      await block.getByLabel('Day').fill(day);
      await block.getByLabel('Month').fill(month);
      await block.getByLabel('Year').fill(year);
      await block.getByLabel(`Open ${action.reference} now`).check();
    };
    const dueA = daysFromToday(45);
    await fill(actionA, home.staff.user.id, 'Every plan ratified within 20 working days', dueA);
    // B's deadline is already past (allowed): it shows as overdue straight away.
    await fill(actionB, home.otherStaff.user.id, '', daysFromToday(-2));
    await andWait(manager, () =>
      manager.getByRole('button', { name: 'Open selected actions' }).click(),
    );
    // The missing measure is an error, the rest of what was typed is kept.
    expect(await manager.title()).toMatch(/^Error: Review /);
    await expect(errorSummary(manager)).resolves.toContain(
      `Enter a success measure for ${actionB.reference}`,
    );
    await expect(
      manager.locator(`#action-${actionA.id}`).getByLabel('Success measure').inputValue(),
    ).resolves.toBe('Every plan ratified within 20 working days');
    await expectAccessible(manager);

    await manager
      .locator(`#action-${actionB.id}`)
      .getByLabel('Success measure')
      .fill('Audits show the reasons recorded on every file');
    await andWait(manager, () =>
      manager.getByRole('button', { name: 'Open selected actions' }).click(),
    );
    expect(new URL(manager.url()).pathname).toBe(reviewPath);
    await expect(banner(manager)).resolves.toContain('Opened 2 actions');
    // Opened actions are shown with their facts and a link, not the form.
    const blockA = manager.locator(`#action-${actionA.id}`);
    await expect(blockA.textContent()).resolves.toContain(home.staff.user.name);
    await expect(
      blockA.getByRole('link', { name: `View ${actionA.reference}` }).count(),
    ).resolves.toBe(1);
    await expect(manager.locator(`#action-${actionB.id}`).textContent()).resolves.toContain(
      home.otherStaff.user.name,
    );
    await expect(manager.locator(`select[name="owner[${actionA.id}]"]`).count()).resolves.toBe(0);
    await expectAccessible(manager);

    await andWait(manager, () => manager.getByRole('link', { name: /^View progress/ }).click());
    expect(new URL(manager.url()).pathname).toBe(`${reviewPath}/progress`);
    await expect(h1(manager)).resolves.toMatch(/^Progress of [A-Z]+-2026$/);
    await expectAccessible(manager);
  });

  it('the owner finds the action, adds a progress note with evidence and completes it, by keyboard alone', async () => {
    await pages.go(staff, '/sign-in');
    await pressTabUntil(staff, 'Email address');
    await staff.keyboard.type(home.staff.user.email);
    await pressTabUntil(staff, 'Password');
    await staff.keyboard.type(home.staff.password);
    await pressTabUntil(staff, 'Sign in');
    await andWait(staff, () => staff.keyboard.press('Enter'));
    await expect(h1(staff)).resolves.toBe('My actions');
    await expect(mainText(staff)).resolves.toContain(actionA.title);
    // B belongs to the other member of staff.
    await expect(mainText(staff)).resolves.not.toContain(actionB.reference);
    await expectAccessible(staff);

    await pressTabUntil(staff, actionA.title);
    await andWait(staff, () => staff.keyboard.press('Enter'));
    expect(new URL(staff.url()).pathname).toBe(`/actions/${actionA.id}`);
    await expect(h1(staff)).resolves.toBe(actionA.title);
    // The owner gets the status and progress forms, never the managers' ones.
    await expect(staff.locator('#manage-heading').count()).resolves.toBe(0);
    await expectAccessible(staff);

    // An empty note: the form's error state, read and reached by keyboard.
    await pressTabUntil(staff, 'Add progress note', { maxPresses: 60 });
    await andWait(staff, () => staff.keyboard.press('Enter'));
    expect(await staff.title()).toBe(`Error: ${actionA.title} (${actionA.reference}) – ${COUNCIL}`);
    await expect(errorSummary(staff)).resolves.toContain('Enter a progress note');
    await expectAccessible(staff);

    await pressTabUntil(staff, /^Progress note/, { maxPresses: 60 });
    await staff.keyboard.type('Panel dates fixed for the year; three plans ratified this month.');
    await pressTabUntil(staff, /^Link to evidence/);
    await staff.keyboard.type('https://sharepoint.example.gov.uk/permanence/panel-dates');
    await pressTabUntil(staff, 'Add progress note');
    await andWait(staff, () => staff.keyboard.press('Enter'));
    await expect(banner(staff)).resolves.toContain('Progress note added');
    const history = staff.locator('#history + ol');
    await expect(history.textContent()).resolves.toContain('three plans ratified this month');
    await expect(
      history
        .getByRole('link', { name: 'https://sharepoint.example.gov.uk/permanence/panel-dates' })
        .count(),
    ).resolves.toBe(1);
    await expectAccessible(staff);

    // The status radios: Shift+Tab from the note box enters the group at its last radio,
    // "Completed"; Space ticks it.
    await pressTabUntil(staff, /^Reason or note/, { backwards: true, maxPresses: 60 });
    await staff.keyboard.press('Shift+Tab');
    const focused = staff.locator(':focus');
    await expect(focused.getAttribute('type')).resolves.toBe('radio');
    await expect(focused.getAttribute('value')).resolves.toBe('completed');
    await staff.keyboard.press('Space');
    await expect(staff.getByRole('radio', { name: 'Completed' }).isChecked()).resolves.toBe(true);
    await pressTabUntil(staff, /^Reason or note/);
    await staff.keyboard.type('All plans for the quarter ratified on time.');
    await pressTabUntil(staff, 'Change status');
    await andWait(staff, () => staff.keyboard.press('Enter'));
    await expect(banner(staff)).resolves.toContain('Status changed to Completed');
    await expect(staff.locator('.govuk-summary-list').last().textContent()).resolves.toContain(
      'Completed',
    );
    await expectAccessible(staff);
  });

  it('the manager verifies the completed action on its page', async () => {
    await pages.go(manager, `/actions/${actionA.id}`);
    await expect(mainText(manager)).resolves.toContain(
      'Panel dates fixed for the year; three plans ratified this month.',
    );
    await expect(manager.locator('#verify-heading').count()).resolves.toBe(1);
    await expectAccessible(manager);

    await andWait(manager, () =>
      manager.getByRole('button', { name: 'Verify this action' }).click(),
    );
    await expect(banner(manager)).resolves.toContain('Action verified');
    await expect(manager.locator('.govuk-tag').first().textContent()).resolves.toContain(
      'Verified',
    );
    // A verified action is final: no more status or verify forms.
    await expect(manager.locator('#verify-heading').count()).resolves.toBe(0);
    await expect(manager.locator('#status-heading').count()).resolves.toBe(0);
    await expectAccessible(manager);
  });

  it('shows a manager’s form error on the action page, and changes a deadline with a reason', async () => {
    await pages.go(manager, `/actions/${actionB.id}`);
    await expect(manager.locator('#manage-heading').count()).resolves.toBe(1);
    await expectAccessible(manager);

    const { day, month, year } = dateParts(daysFromToday(-5));
    await manager.locator('#dueOn-day').fill(day);
    await manager.locator('#dueOn-month').fill(month);
    await manager.locator('#dueOn-year').fill(year);
    await andWait(manager, () => manager.getByRole('button', { name: 'Save deadline' }).click());
    expect(await manager.title()).toMatch(/^Error: /);
    await expect(errorSummary(manager)).resolves.toContain('Enter a reason for the new deadline');
    await expect(manager.locator('#dueOn-day').inputValue()).resolves.toBe(day);
    await expectAccessible(manager);

    await manager.getByLabel('Reason for the new deadline').fill('Panel moved to an earlier date');
    await andWait(manager, () => manager.getByRole('button', { name: 'Save deadline' }).click());
    await expect(banner(manager)).resolves.toContain('Deadline changed to');
    await expect(mainText(manager)).resolves.toContain('Overdue by 5 days');
  });

  it('lists overdue actions, with a CSV that has them', async () => {
    await andWait(manager, () =>
      manager.getByRole('link', { name: 'Overdue', exact: true }).click(),
    );
    expect(new URL(manager.url()).pathname).toBe('/overdue');
    const table = manager.locator('#overdue-table');
    const reference = nth(overduePlan.actions, 0).reference;
    await expect(table.textContent()).resolves.toContain(reference);
    await expect(table.textContent()).resolves.toContain('Audit every return home interview');
    await expect(table.textContent()).resolves.toContain(actionB.reference);
    // The verified action is not overdue.
    await expect(table.textContent()).resolves.not.toContain(actionA.reference);
    await expectAccessible(manager);

    const href = await manager.getByRole('link', { name: /^Download CSV/ }).getAttribute('href');
    expect(href).toMatch(/^\/overdue\.csv/);
    const csv = await manager.request.get(`${server.url}${href}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const body = await csv.text();
    expect(body).toContain(reference);
    expect(body).toContain(actionB.reference);
    expect(body).not.toContain(actionA.reference);
  });

  it('shows the dashboard', async () => {
    await andWait(manager, () =>
      manager.getByRole('link', { name: 'Dashboard', exact: true }).click(),
    );
    await expect(h1(manager)).resolves.toBe('Dashboard');
    await expect(mainText(manager)).resolves.toContain(overduePlan.inspection.reference);
    await expectAccessible(manager);
  });

  it('the owner records a reading of a measure and sees it against its target', async () => {
    const plan = await createPlan(server, home.council, home.manager.user, {
      year: 2023,
      recommendations: [
        {
          actions: [
            {
              title: 'Raise the share of plans audited as good',
              status: 'open',
              ownerId: home.staff.user.id,
              dueOn: daysFromToday(60),
            },
          ],
        },
      ],
    });
    const [action] = plan.actions;
    if (!action) throw new Error('createPlan made no action');
    await server.app
      .get(MeasuresService)
      .add(
        { userId: home.manager.user.id, councilId: home.council.id, role: 'manager' },
        action.id,
        {
          name: 'Plans audited as good',
          unit: 'percentage',
          direction: 'higher',
          baselineValue: 40,
          baselineOn: daysFromToday(-60),
          targetValue: 80,
          targetOn: daysFromToday(60),
        },
      );
    await pages.go(staff, `/actions/${action.id}`);
    await expect(staff.locator('#measures').textContent()).resolves.toBe('Measures');
    await expectAccessible(staff);

    const { day, month, year } = dateParts(daysFromToday(-1));
    await staff.getByLabel('Reading', { exact: true }).fill('66');
    await staff.locator('#observedOn-day').fill(day);
    await staff.locator('#observedOn-month').fill(month);
    await staff.locator('#observedOn-year').fill(year);
    await andWait(staff, () => staff.getByRole('button', { name: 'Record reading' }).click());
    await expect(banner(staff)).resolves.toContain('Reading recorded');
    await expect(
      staff
        .getByRole('img', { name: 'Plans audited as good: readings against the target' })
        .count(),
    ).resolves.toBe(1);
    await expect(
      staff.getByRole('table', { name: /^Readings of Plans audited as good/ }).textContent(),
    ).resolves.toContain('66%');
    await expectAccessible(staff);
  });

  it('refuses a form posted without its CSRF token', async () => {
    await pages.go(manager, `/actions/${actionB.id}`);
    const form = manager.locator(`form[action="/actions/${actionB.id}/progress"]`);
    await form.getByLabel('Progress note').fill('This note must not be saved');
    await form
      .locator('input[name="_csrf"]')
      .evaluate((input: { remove(): void }) => input.remove());
    await expect(form.locator('input[name="_csrf"]').count()).resolves.toBe(0);
    const response = manager.waitForResponse(
      (answer) => answer.request().method() === 'POST' && answer.url().endsWith('/progress'),
    );
    await andWait(manager, () => form.getByRole('button', { name: 'Add progress note' }).click());
    expect((await response).status()).toBe(403);
    await expect(h1(manager)).resolves.toBe('You cannot do that');
    await expectAccessible(manager);

    await pages.go(manager, `/actions/${actionB.id}`);
    await expect(mainText(manager)).resolves.not.toContain('This note must not be saved');
  });

  it('gives another council’s manager "Page not found" for the action', async () => {
    const outsider = await pages.open();
    await useSession(outsider.context(), server, away.manager);
    await pages.go(outsider, `/actions/${actionA.id}`, 404);
    await expect(h1(outsider)).resolves.toBe('Page not found');
    await expect(mainText(outsider)).resolves.not.toContain(actionA.title);
    await expectAccessible(outsider);
  });

  it('serves accessible admin pages and My settings', async () => {
    const admin = await pages.open();
    await useSession(admin.context(), server, home.admin);
    await pages.go(admin, '/admin');
    await expect(h1(admin)).resolves.toBe('Admin');
    await expectAccessible(admin);

    await andWait(admin, () =>
      admin.getByRole('link', { name: 'People', exact: true }).first().click(),
    );
    expect(new URL(admin.url()).pathname).toBe('/admin/users');
    await expect(mainText(admin)).resolves.toContain(home.otherStaff.user.name);
    await expectAccessible(admin);

    await andWait(admin, () =>
      admin.locator('main').getByRole('link', { name: home.staff.user.name }).click(),
    );
    expect(new URL(admin.url()).pathname).toBe(`/admin/users/${home.staff.user.id}`);
    await expect(h1(admin)).resolves.toBe(home.staff.user.name);
    await expectAccessible(admin);

    await pages.go(admin, '/admin/users/new');
    await expect(h1(admin)).resolves.toBe('Add a person');
    await expectAccessible(admin);
    await andWait(admin, () => admin.getByRole('button', { name: 'Add person' }).click());
    expect(await admin.title()).toBe(`Error: Add a person – ${COUNCIL}`);
    await expect(errorSummary(admin)).resolves.toContain('Enter their full name');
    await expectAccessible(admin);

    await pages.go(admin, '/admin/council');
    await expect(h1(admin)).resolves.toBe('Council settings');
    await expectAccessible(admin);

    // A failed email, as the delivery worker leaves one after its last attempt.
    const id = randomUUID();
    await server.app.get(DataSource).query(
      `INSERT INTO notifications
         (id, council_id, action_id, kind, moment, due_on, recipient_id, batch_key, status,
          send_after, attempts, last_error)
       VALUES ($1, $2, $3, 'assigned', 'a1', $4, $5, $6, 'failed', now(), 6, $7)`,
      [
        id,
        home.council.id,
        actionB.id,
        daysFromToday(30),
        home.otherStaff.user.id,
        `batch-${id}`,
        '451 4.3.0 Mailbox temporarily unavailable',
      ],
    );
    await pages.go(admin, '/admin/notifications');
    await expect(h1(admin)).resolves.toBe('Failed emails');
    await expect(mainText(admin)).resolves.toContain('451 4.3.0 Mailbox temporarily unavailable');
    await expectAccessible(admin);

    await pages.go(staff, '/settings');
    await expect(h1(staff)).resolves.toBe('My settings');
    await expectAccessible(staff);
  });
});
