import type { Browser, BrowserContext, Page } from 'playwright-core';
import { daysFromToday } from '../factories/actions';
import { createCouncilWithPeople } from '../factories/people';
import { createPlan } from '../factories/plans';
import {
  type BrowserServer,
  expectAccessible,
  launchBrowser,
  pressTabUntil,
  signIn,
  startServer,
  useSession,
} from './support/browser';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

const COUNCIL = 'Brackwater Borough Council';

describe('sign-in, My actions and sign-out in a browser (keyboard only, axe on every page)', () => {
  let server: BrowserServer;
  let home: Cast;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    home = await createCouncilWithPeople(server, { name: COUNCIL });
    await createPlan(server, home.council, home.manager.user, {
      recommendations: [
        {
          actions: [
            {
              title: 'Late action',
              status: 'open',
              ownerId: home.staff.user.id,
              dueOn: daysFromToday(-3),
            },
            {
              title: 'Soon action',
              status: 'in_progress',
              ownerId: home.staff.user.id,
              dueOn: daysFromToday(5),
            },
            {
              title: 'Later action',
              status: 'open',
              ownerId: home.staff.user.id,
              dueOn: daysFromToday(60),
            },
            {
              title: 'Someone else’s action',
              status: 'open',
              ownerId: home.otherStaff.user.id,
              dueOn: daysFromToday(1),
            },
          ],
        },
      ],
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // A fresh browser profile (no cookies) for every test.
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });

  afterEach(() => context?.close());

  const go = async (path: string, status = 200): Promise<void> => {
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status()).toBe(status);
  };
  /** Resolves when the page has moved to a new document and loaded it. */
  const nextPage = async (): Promise<void> => {
    await page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame());
    await page.waitForLoadState('load');
  };
  const heading = () => page.getByRole('heading', { level: 1 });
  const table = (id: string) => page.locator(`table[aria-labelledby="${id}"]`);

  it('serves an accessible sign-in page, and an accessible error for a wrong password', async () => {
    await go('/sign-in');
    expect(await page.title()).toBe('Sign in – followthrough');
    await expect(heading().textContent()).resolves.toBe('Sign in');
    await expectAccessible(page);

    await pressTabUntil(page, 'Email address');
    await page.keyboard.type(home.staff.user.email);
    await pressTabUntil(page, 'Password');
    await page.keyboard.type('not-the-password');
    // Enter in a field submits its form. The answer is at the same address: wait for it.
    await Promise.all([nextPage(), page.keyboard.press('Enter')]);

    expect(await page.title()).toBe('Error: Sign in – followthrough');
    const summary = page.locator('.govuk-error-summary');
    await expect(summary.getByRole('heading').textContent()).resolves.toContain(
      'There is a problem',
    );
    await expect(
      summary.getByRole('link', { name: 'Enter a correct email address and password' }).count(),
    ).resolves.toBe(1);
    // The inline error is on the email field, which keeps what was typed.
    await expect(page.locator('#email-error').textContent()).resolves.toContain(
      'Enter a correct email address and password',
    );
    await expect(page.getByLabel('Email address', { exact: true }).inputValue()).resolves.toBe(
      home.staff.user.email,
    );
    await expectAccessible(page);

    // The summary's link takes keyboard users to the field in error.
    await pressTabUntil(page, 'Enter a correct email address and password');
    await page.keyboard.press('Enter');
    await expect(page.locator('#email:focus').count()).resolves.toBe(1);
  });

  it('signs in with the keyboard only and lands on My actions, grouped by when they are due', async () => {
    await go('/');
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    await pressTabUntil(page, 'Email address');
    await page.keyboard.type(home.staff.user.email);
    await pressTabUntil(page, 'Password');
    await page.keyboard.type(home.staff.password);
    await pressTabUntil(page, 'Sign in');
    await Promise.all([page.waitForURL(`${server.url}/`), page.keyboard.press('Enter')]);

    expect(await page.title()).toBe(`My actions – ${COUNCIL}`);
    await expect(heading().textContent()).resolves.toBe('My actions');
    await expect(page.locator('.govuk-generic-header').textContent()).resolves.toContain(COUNCIL);
    await expect(page.getByRole('heading', { name: 'Overdue (1)' }).count()).resolves.toBe(1);
    await expect(table('overdue').textContent()).resolves.toMatch(
      /Late action[\s\S]*Overdue by 3 days/,
    );
    await expect(
      page.getByRole('heading', { name: 'Due in the next 14 days (1)' }).count(),
    ).resolves.toBe(1);
    await expect(table('due-soon').textContent()).resolves.toMatch(/Soon action[\s\S]*5 days left/);
    await expect(page.getByRole('heading', { name: 'Later (1)' }).count()).resolves.toBe(1);
    await expect(table('later').textContent()).resolves.toContain('Later action');
    await expect(page.locator('main').textContent()).resolves.not.toContain(
      'Someone else’s action',
    );
    await expectAccessible(page);

    // Each action is a link a keyboard reaches.
    await pressTabUntil(page, 'Soon action');
  });

  it('signs out with the keyboard, ending the session', async () => {
    await go('/sign-in');
    await signIn(page, home.manager.user.email, home.manager.password);
    await expect(heading().textContent()).resolves.toBe('My actions');
    // A manager with no actions of their own sees each group empty.
    await expect(page.getByRole('heading', { name: 'Overdue (0)' }).count()).resolves.toBe(1);
    await expectAccessible(page);

    await pressTabUntil(page, 'Sign out');
    await Promise.all([
      page.waitForURL(`${server.url}/sign-in?signedOut=1`),
      page.keyboard.press('Enter'),
    ]);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'You have signed out.',
    );
    await expectAccessible(page);

    await go('/');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('shows an accessible "Page not found" for an address that does not exist', async () => {
    await useSession(context, server, home.staff);
    await go('/no-such-page', 404);
    await expect(heading().textContent()).resolves.toBe('Page not found');
    await expect(page.locator('main').textContent()).resolves.toContain(
      'If you typed the web address, check it is correct.',
    );
    await expectAccessible(page);
  });

  it('fails axe checks with a readable list of what is wrong and where', async () => {
    await page.setContent(
      '<!DOCTYPE html><html><head><title>Bad</title></head><body><main>' +
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="no-alt">' +
        '<label>Name</label><input id="unlabelled"></main></body></html>',
    );
    const failure = await expectAccessible(page).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/axe found \d+ accessibility violation\(s\) on "Bad"/);
    expect(failure).toMatch(/html-has-lang \(serious\): <html> element must have a lang attribute/);
    expect(failure).toMatch(/image-alt \(critical\): .*\n.*\n {4}- img\n/);
    expect(failure).toMatch(/label \(critical\): .*\n.*\n {4}- #unlabelled/);
  });
});
