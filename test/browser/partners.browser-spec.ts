import { OrganisationsService } from '@app/people';
import type { Browser, Page } from 'playwright-core';
import { daysFromToday } from '../factories/actions';
import { createCouncilWithPeople, createUser, type TestUser } from '../factories/people';
import { createPlan } from '../factories/plans';
import {
  andWait,
  banner,
  type BrowserServer,
  BrowserPages,
  errorSummary,
  expectAccessible,
  h1,
  launchBrowser,
  mainText,
  startServer,
  useSession,
} from './support/browser';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

const ICB = 'NHS Harbourside Integrated Care Board';

/**
 * Partner agencies in a real browser, with axe (WCAG 2.2 AA) on every page: an admin adds an
 * organisation, a manager confirms the organisation the report named on the review page, and
 * the partner's own view (their actions only, moved along from the action page).
 */
describe('partner agencies in a browser (axe on every page)', () => {
  let server: BrowserServer;
  let home: Cast;
  let partner: TestUser;
  let browser: Browser;
  let pages: BrowserPages;
  let admin: Page;
  let manager: Page;
  let partnerPage: Page;
  let inspectionId: string;
  let icbId: string;
  const theirs = { id: '', reference: '' };
  const councils = { id: '', reference: '' };
  const draft = { id: '', reference: '' };

  beforeAll(async () => {
    server = await startServer();
    home = await createCouncilWithPeople(server, { name: 'Harbourside Council' });
    const icb = await server.app
      .get(OrganisationsService)
      .create(home.council.id, { name: ICB, kind: 'health' });
    icbId = icb.id;
    partner = await createUser(server, home.council, {
      role: 'partner',
      name: 'Grace Mensah',
      organisationId: icb.id,
    });
    const open = { status: 'open' as const, dueOn: daysFromToday(-3) };
    const plan = await createPlan(server, home.council, home.manager.user, {
      recommendations: [
        {
          text: 'The integrated care board should complete initial health assessments on time.',
          responsible: [ICB],
          actions: [{ ...open, ownerId: partner.user.id, organisationId: icb.id }],
        },
        { actions: [{ ...open, ownerId: home.staff.user.id }] },
        { responsible: [ICB], actions: [{ status: 'draft' }] },
      ],
    });
    inspectionId = plan.inspection.id;
    const [a, b, c] = plan.actions;
    if (!a || !b || !c) throw new Error('createPlan made fewer than three actions');
    Object.assign(theirs, { id: a.id, reference: a.reference });
    Object.assign(councils, { id: b.id, reference: b.reference });
    Object.assign(draft, { id: c.id, reference: c.reference });

    browser = await launchBrowser();
    pages = new BrowserPages(browser, server);
    admin = await pages.open();
    await useSession(admin.context(), server, home.admin);
    manager = await pages.open();
    await useSession(manager.context(), server, home.manager);
    partnerPage = await pages.open();
    await useSession(partnerPage.context(), server, partner);
  });

  afterAll(async () => {
    await pages?.close();
    await browser?.close();
    await server?.close();
  });

  it('an admin adds a partner organisation, after a refusal', async () => {
    await pages.go(admin, '/admin');
    await andWait(admin, () => admin.getByRole('link', { name: 'Partner organisations' }).click());
    await expect(h1(admin)).resolves.toBe('Partner organisations');
    await expectAccessible(admin);

    await andWait(admin, () => admin.getByRole('button', { name: 'Add organisation' }).click());
    await expect(errorSummary(admin)).resolves.toMatch(/Enter the organisation’s name/);
    await expectAccessible(admin);

    await admin.getByLabel('Name, as reports name it').fill('Harbourside Police');
    await admin.getByLabel('Police').check();
    await andWait(admin, () => admin.getByRole('button', { name: 'Add organisation' }).click());
    await expect(banner(admin)).resolves.toMatch(/Added Harbourside Police/);
    await expect(mainText(admin)).resolves.toContain(ICB);
    await expectAccessible(admin);
  });

  it('a manager confirms the organisation the report made responsible on the review page', async () => {
    await pages.go(manager, `/inspections/${inspectionId}`);
    const select = manager.getByLabel('Organisation responsible');
    await expect(select.inputValue()).resolves.toBe(icbId);
    await expect(mainText(manager)).resolves.toContain('Suggested from the report');
    await expectAccessible(manager);
    await andWait(manager, () => manager.getByRole('button', { name: /save/i }).first().click());
    await expect(banner(manager)).resolves.toMatch(/Saved 1 draft action/);
    await expect(mainText(manager)).resolves.toContain(ICB);
  });

  it('a partner sees only their organisation’s actions, and moves one along', async () => {
    await pages.go(partnerPage, '/');
    await expect(h1(partnerPage)).resolves.toBe('My actions');
    const text = await mainText(partnerPage);
    expect(text).toContain(theirs.reference);
    expect(text).not.toContain(councils.reference);
    // Only My actions and My settings in the navigation.
    const navigation = (await partnerPage.locator('.govuk-service-navigation__list').textContent())
      ?.replace(/\s+/g, ' ')
      .trim();
    expect(navigation).toBe('My actions My settings');
    await expectAccessible(partnerPage);

    await andWait(partnerPage, () =>
      partnerPage.locator(`main a[href="/actions/${theirs.id}"]`).click(),
    );
    await expectAccessible(partnerPage);
    await partnerPage.getByLabel('In progress').check();
    await andWait(partnerPage, () =>
      partnerPage.getByRole('button', { name: 'Change status' }).click(),
    );
    await expect(banner(partnerPage)).resolves.toMatch(/Status changed to In progress/);
    await expectAccessible(partnerPage);

    await pages.go(partnerPage, `/actions/${councils.id}`, 404);
    await pages.go(partnerPage, '/dashboard', 403);
    await expectAccessible(partnerPage);
  });
});
