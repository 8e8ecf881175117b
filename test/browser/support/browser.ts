/**
 * Browser tests: Playwright (playwright-core, no bundled browsers) driving the system's Chromium
 * (Debian package `chromium`; scripts/ensure-browser.sh installs it) against the real app on a
 * real port, with its own database like the e2e tests.
 */
import AxeBuilder from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import type { AddressInfo } from 'node:net';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import type { TestUser } from '../../factories/people';
import { createTestApp, type TestApp, type TestAppOptions } from '../../support/app';

/** A headless Chromium. Close it in afterAll (before the server, so its connections go first). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

export interface BrowserServer extends TestApp {
  /** The app's address, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
}

/**
 * The real app (createTestApp: own database, own queue prefix) listening on a free local port,
 * or on `port` when its address must be known first (an APP_URL a provider redirects to).
 */
export async function startServer(
  options: TestAppOptions & { port?: number } = {},
): Promise<BrowserServer> {
  const { port: wanted = 0, ...appOptions } = options;
  const t = await createTestApp(appOptions);
  try {
    await t.app.listen(wanted, '127.0.0.1');
  } catch (error) {
    await t.close();
    throw error;
  }
  const { port } = t.server.address() as AddressInfo;
  return { ...t, url: `http://127.0.0.1:${port}` };
}

/**
 * Signs in through the GOV.UK sign-in form, as a person would, and waits for the page it leads
 * to. Each call spends the login rate limit (5 a minute per account, 20 per IP): sign in once
 * per test file and person where you can.
 */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  if (new URL(page.url()).pathname !== '/sign-in') {
    throw new Error(`signIn: open the sign-in page first (the page is at ${page.url()})`);
  }
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await Promise.all([
    page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame()),
    page.getByRole('button', { name: 'Sign in', exact: true }).click(),
  ]);
  await page.waitForLoadState('load');
  const title = await page.title();
  if (title.startsWith('Error:') || new URL(page.url()).pathname === '/sign-in') {
    throw new Error(`signIn: signing in as ${email} failed ("${title}" at ${page.url()})`);
  }
}

/**
 * Signs `user` in by giving the browser their session cookies (as test/support/web.ts does), for
 * tests about other things than signing in: no rate limit spent.
 */
export async function useSession(
  context: BrowserContext,
  server: BrowserServer,
  user: TestUser,
): Promise<void> {
  await context.addCookies([
    { name: 'ft_access', value: user.token, url: server.url, httpOnly: true, sameSite: 'Lax' },
    {
      name: 'ft_refresh',
      value: user.refreshToken,
      url: server.url,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
}

/** The WCAG levels axe checks: everything up to WCAG 2.2 AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** Violations as a list a person can act on: rule, what it asks, and where on the page. */
export function describeViolations(violations: Violation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) => `    - ${node.target.join(' ')}\n      ${node.html.slice(0, 200)}`)
        .join('\n');
      return `  ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n    ${violation.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/** Runs axe on the page as it is now; fails listing every WCAG 2.2 AA violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  if (results.violations.length > 0) {
    const title = await page.title();
    throw new Error(
      `axe found ${results.violations.length} accessibility violation(s) on "${title}" (${page.url()}):\n` +
        describeViolations(results.violations),
    );
  }
}

/**
 * Keyboard-only navigation: presses Tab (Shift+Tab with `backwards`) until the focused element
 * is `target` (a locator, or the accessible name of a link, button or field, e.g. "Email
 * address"), then the test types or presses Enter/Space. Fails when `maxPresses` Tabs never
 * reach it (not focusable, or skipped).
 */
export async function pressTabUntil(
  page: Page,
  target: Locator | string | RegExp,
  { maxPresses = 40, backwards = false } = {},
): Promise<void> {
  const seen: string[] = [];
  for (let press = 1; press <= maxPresses; press++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focused = page.locator(':focus');
    if ((await focused.count()) === 0) {
      seen.push('(nothing)');
      continue;
    }
    const description = await describeFocused(focused);
    seen.push(description.text);
    const reached =
      typeof target === 'string'
        ? description.name === target
        : target instanceof RegExp
          ? target.test(description.name)
          : (await focused.and(target).count()) > 0;
    if (reached) return;
  }
  throw new Error(
    `pressTabUntil: ${String(target)} not reached in ${maxPresses} ${backwards ? 'Shift+Tab' : 'Tab'} presses; focus went to:\n  ` +
      seen.join('\n  '),
  );
}

/** The focused element's role and accessible name, from Playwright's ARIA snapshot. */
async function describeFocused(focused: Locator): Promise<{ text: string; name: string }> {
  const snapshot = await focused.ariaSnapshot();
  const first = snapshot.split('\n')[0] ?? '';
  // e.g. `- textbox "Email address"`, `- button "Sign in"`, `- link "My actions":`
  const match = /^- ([\w-]+)(?: "((?:[^"\\]|\\.)*)")?/.exec(first);
  const name = match?.[2]?.replace(/\\(.)/g, '$1') ?? '';
  return { text: first, name };
}

/**
 * A test file's pages, each in its own browser context (its own cookies: one per person), on
 * `server`, all closed together in afterAll.
 */
export class BrowserPages {
  private readonly contexts: BrowserContext[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly server: BrowserServer,
  ) {}

  async open(): Promise<Page> {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Fail fast: every page here answers in well under a second.
    context.setDefaultTimeout(5_000);
    this.contexts.push(context);
    return context.newPage();
  }

  /** Goes to `path` on the server, expecting `status`. */
  async go(page: Page, path: string, status = 200): Promise<void> {
    const response = await page.goto(`${this.server.url}${path}`);
    expect(response?.status()).toBe(status);
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close();
  }
}

/** Clicks (or presses) something that submits a form or follows a link, and waits for the page. */
export async function andWait(page: Page, act: () => Promise<unknown>): Promise<void> {
  await Promise.all([
    page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame()),
    act(),
  ]);
  await page.waitForLoadState('load');
}

/** The page's heading, its success banner, its error summary and its main content, as text. */
export const h1 = async (page: Page): Promise<string | undefined> =>
  (await page.getByRole('heading', { level: 1 }).textContent())?.trim();
export const banner = (page: Page) => page.locator('.govuk-notification-banner').textContent();
export const errorSummary = (page: Page) => page.locator('.govuk-error-summary').textContent();
export const mainText = (page: Page) => page.locator('main').textContent();
