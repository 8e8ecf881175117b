/**
 * `npm run screenshots`: full-page PNGs of the web pages, 1280 px wide, in docs/screenshots/.
 *
 * Needs the demo running (`npm run demo`, in another terminal): it signs in as the demo's staff
 * member, manager and admin with the passwords the demo keeps in .demo/credentials, then visits
 * each page in PAGES below. A page that answers 404 (not built yet) is skipped with a warning.
 *
 *   SCREENSHOTS_URL   the demo's address (default http://localhost:3000)
 *   SCREENSHOTS_ONLY  comma-separated page names to take, e.g. "sign-in,my-actions"
 *   CHROMIUM_PATH     the browser (default /usr/bin/chromium; scripts/ensure-browser.sh)
 *
 * Runs with ts-node; imports nothing from the apps (only the browser tests' Chromium flags), so
 * it needs no path aliases.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../test/browser/support/chromium';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const BASE = (process.env.SCREENSHOTS_URL || 'http://localhost:3000').replace(/\/+$/, '');
const WIDTH = 1280;

type Who = 'visitor' | 'staff' | 'manager' | 'admin';

/** Where a page is: a path, or the first link on another page whose path matches `link`. */
type Target = string | { from: string; link: RegExp; then?: (href: string) => string };

interface Shot {
  /** The file name: docs/screenshots/<name>.png. */
  name: string;
  /** Who is signed in (the demo's first person with that role). */
  as: Who;
  target: Target;
}

/** A link to one inspection (by id, not /inspections/import). */
const INSPECTION_LINK = /^\/inspections\/[0-9a-f-]{36}$/;

/** The date `days` before today as YYYY-MM-DD (UTC: a day out either way does not matter here). */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

/** The pages to take, in order. Add a line to add a screenshot. */
const PAGES: Shot[] = [
  { name: 'sign-in', as: 'visitor', target: '/sign-in' },
  { name: 'my-actions', as: 'staff', target: '/' },
  { name: 'action', as: 'staff', target: { from: '/', link: /^\/actions\/[0-9a-f-]{36}$/ } },
  { name: 'inspections', as: 'manager', target: '/inspections' },
  {
    name: 'inspection-review',
    as: 'manager',
    target: { from: '/inspections', link: INSPECTION_LINK },
  },
  {
    name: 'inspection-progress',
    as: 'manager',
    target: {
      from: '/inspections',
      link: INSPECTION_LINK,
      then: (href) => `${href}/progress`,
    },
  },
  { name: 'overdue', as: 'manager', target: '/overdue' },
  { name: 'dashboard', as: 'manager', target: '/dashboard' },
  // With the changes since a month ago: the demo assigns its actions and records its latest
  // readings on the day it runs, so that list has something in it.
  { name: 'committee-report', as: 'manager', target: `/reports/committee?since=${daysAgo(30)}` },
  { name: 'readings-upload', as: 'staff', target: '/measures/readings/upload' },
  { name: 'admin-users', as: 'admin', target: '/admin/users' },
  { name: 'admin-council', as: 'admin', target: '/admin/council' },
  { name: 'settings', as: 'staff', target: '/settings' },
];

class Skip extends Error {}

/** The demo's people: role → email, from the PEOPLE list in scripts/demo.sh (first of each role). */
function demoEmails(): Map<Who, string> {
  const script = readFileSync(join(ROOT, 'scripts', 'demo.sh'), 'utf8');
  const emails = new Map<Who, string>();
  // Lines like: "manager|manager|dan.whitlock@brackwater.example.gov.uk|Dan Whitlock|…"
  for (const [, role, email] of script.matchAll(
    /^\s*"[^"|]*\|(staff|manager|admin)\|([^|"]+)\|/gm,
  )) {
    // Both groups are required: a match fills them.
    if (email !== undefined && !emails.has(role as Who)) emails.set(role as Who, email);
  }
  return emails;
}

/** email → password, from .demo/credentials (tab-separated; written by scripts/demo.sh). */
function demoPasswords(): Map<string, string> {
  const file = join(ROOT, '.demo', 'credentials');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(
      `${file} is missing: run \`npm run demo\` first (it makes the demo passwords).`,
    );
  }
  const passwords = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [email, password] = line.split('\t');
    if (email && password) passwords.set(email, password);
  }
  return passwords;
}

async function checkDemoIsUp(): Promise<void> {
  try {
    const response = await fetch(`${BASE}/health`);
    if (!response.ok) throw new Error(`GET /health answered ${response.status}`);
  } catch (error) {
    throw new Error(
      `nothing healthy answers at ${BASE} (${(error as Error).message}). Start the demo in ` +
        'another terminal with `npm run demo`, or set SCREENSHOTS_URL.',
    );
  }
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${BASE}/sign-in`);
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await Promise.all([
    page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame()),
    page.getByRole('button', { name: 'Sign in', exact: true }).click(),
  ]);
  await page.waitForLoadState('load');
  if (new URL(page.url()).pathname === '/sign-in') {
    throw new Error(`could not sign in as ${email} ("${await page.title()}")`);
  }
}

/** The path a shot's target leads to, following a link when it names one. */
async function resolveTarget(page: Page, target: Target): Promise<string> {
  if (typeof target === 'string') return target;
  const response = await page.goto(`${BASE}${target.from}`);
  if (response?.status() === 404) throw new Skip(`${target.from} answers 404`);
  const hrefs: string[] = [];
  for (const link of await page.locator('main a[href]').all()) {
    hrefs.push((await link.getAttribute('href')) ?? '');
  }
  const href = hrefs.find((candidate) => target.link.test(candidate));
  if (!href) throw new Skip(`no link matching ${String(target.link)} on ${target.from}`);
  return target.then ? target.then(href) : href;
}

async function take(page: Page, shot: Shot): Promise<void> {
  const path = await resolveTarget(page, shot.target);
  const response = await page.goto(`${BASE}${path}`);
  const status = response?.status() ?? 0;
  if (status === 404) throw new Skip(`${path} answers 404`);
  if (status >= 400) throw new Error(`${path} answered ${status}`);
  if (shot.as !== 'visitor' && new URL(page.url()).pathname === '/sign-in') {
    throw new Error(`${path} sent ${shot.as} to sign in`);
  }
  await page.waitForLoadState('load');
  const file = join(OUT, `${shot.name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`  ${shot.name}: ${path} → ${join('docs', 'screenshots', `${shot.name}.png`)}`);
}

async function main(): Promise<number> {
  const only = (process.env.SCREENSHOTS_ONLY ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const shots = only.length ? PAGES.filter((shot) => only.includes(shot.name)) : PAGES;
  const unknown = only.filter((name) => !PAGES.some((shot) => shot.name === name));
  if (unknown.length) throw new Error(`no such page in PAGES: ${unknown.join(', ')}`);

  await checkDemoIsUp();
  const emails = demoEmails();
  const passwords = demoPasswords();
  mkdirSync(OUT, { recursive: true });

  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  // One browser profile per person, signed in once (the login limit is 5 a minute): null when
  // signing in failed, so their other pages fail at once rather than trying again.
  const pages = new Map<Who, Page | null>();
  let failed = 0;
  try {
    for (const shot of shots) {
      try {
        let page = pages.get(shot.as);
        if (page === null) throw new Error(`not signed in as ${shot.as} (see above)`);
        if (!page) {
          pages.set(shot.as, null);
          const context: BrowserContext = await browser.newContext({
            viewport: { width: WIDTH, height: 800 },
          });
          page = await context.newPage();
          if (shot.as !== 'visitor') {
            const email = emails.get(shot.as);
            const password = email ? passwords.get(email) : undefined;
            if (!email || !password) {
              throw new Error(`no demo ${shot.as} in scripts/demo.sh and .demo/credentials`);
            }
            await signIn(page, email, password);
          }
          pages.set(shot.as, page);
        }
        await take(page, shot);
      } catch (error) {
        if (error instanceof Skip) {
          console.warn(`  ${shot.name}: skipped, ${error.message}`);
        } else {
          failed++;
          console.error(`  ${shot.name}: FAILED, ${(error as Error).message}`);
        }
      }
    }
  } finally {
    await browser.close();
  }
  return failed === 0 ? 0 : 1;
}

console.log(`==> Screenshots of ${BASE} (${WIDTH} px wide) into docs/screenshots/`);
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${(error as Error).message}`);
    process.exit(1);
  },
);
