import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { createCouncilWithPeople } from '../factories/people';
import { type OidcProvider, startOidcProvider } from '../support/oidc-provider';
import { freePort } from '../support/ports';
import {
  andWait,
  BrowserPages,
  type BrowserServer,
  errorSummary,
  expectAccessible,
  h1,
  launchBrowser,
  startServer,
  useSession,
} from './support/browser';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

const COUNCIL = 'Marlow Vale Borough Council';
const OTHER_COUNCIL = 'Eastmere District Council';
const CLIENT_SECRET = `secret-${randomBytes(12).toString('hex')}`;
const OTHER_SECRET = `secret-${randomBytes(12).toString('hex')}`;

type Page = Awaited<ReturnType<BrowserPages['open']>>;

describe('single sign-on in a browser, through a real OpenID Connect provider (axe on our pages)', () => {
  let provider: OidcProvider;
  let otherProvider: OidcProvider;
  let server: BrowserServer;
  let cast: Cast;
  let other: Cast;
  let browser: Browser;
  let pages: BrowserPages;

  beforeAll(async () => {
    // The provider must know the callback's address before the app listens on it.
    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    const redirectUris = [`${appUrl}/sign-in/sso/callback`];
    // Two providers, so two issuers: one for each council.
    [provider, otherProvider] = await Promise.all([
      startOidcProvider([
        { client_id: 'followthrough', client_secret: CLIENT_SECRET, redirect_uris: redirectUris },
      ]),
      startOidcProvider([
        { client_id: 'followthrough', client_secret: OTHER_SECRET, redirect_uris: redirectUris },
      ]),
    ]);
    server = await startServer({
      port,
      env: { APP_URL: appUrl, SSO_SECRET_KEY: randomBytes(32).toString('base64') },
    });
    cast = await createCouncilWithPeople(server, { name: COUNCIL });
    await cast.admin
      .as(request(server.server).put('/api/council/sso'))
      .send({
        issuer: provider.issuer,
        clientId: 'followthrough',
        clientSecret: CLIENT_SECRET,
        passwordsAllowed: true,
        createStaffOnFirstSignIn: false,
      })
      .expect(200);
    other = await createCouncilWithPeople(server, { name: OTHER_COUNCIL });
    await other.admin
      .as(request(server.server).put('/api/council/sso'))
      .send({
        issuer: otherProvider.issuer,
        clientId: 'followthrough',
        clientSecret: OTHER_SECRET,
        passwordsAllowed: true,
        createStaffOnFirstSignIn: false,
      })
      .expect(200);
    browser = await launchBrowser();
    pages = new BrowserPages(browser, server);
  }, 60_000);

  afterAll(async () => {
    await pages?.close();
    await browser?.close();
    await server?.close();
    await Promise.all([provider?.stop(), otherProvider?.stop()]);
  });

  /** From our sign-in page to `council`'s provider's login form, as the person clicks through. */
  async function toProvider(page: Page, council = COUNCIL, checkAccessible = false): Promise<void> {
    await pages.go(page, '/sign-in');
    if (checkAccessible) await expectAccessible(page);
    await andWait(page, () =>
      page.getByRole('link', { name: `Sign in with your ${council} account` }).click(),
    );
    expect(
      page.url().startsWith(council === COUNCIL ? provider.issuer : otherProvider.issuer),
    ).toBe(true);
  }

  /**
   * Answers the provider's login form; resolves with the callback address it sent the browser
   * back to, once our page has loaded.
   */
  async function answerProvider(
    page: Page,
    email: string,
    emailVerified: 'true' | 'false' = 'true',
  ): Promise<string> {
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Email verified').selectOption(emailVerified);
    const callback = page.waitForRequest((req) => req.url().includes('/sign-in/sso/callback'));
    await andWait(page, () => page.getByRole('button', { name: 'Continue' }).click());
    const url = (await callback).url();
    await page.waitForLoadState('load');
    return url;
  }

  /** Opens `url` in `page`, expecting `status`, and gives the heading of what it shows. */
  async function visit(page: Page, url: string, status: number): Promise<string | undefined> {
    const response = await page.goto(url);
    expect(response?.status()).toBe(status);
    return h1(page);
  }

  it('signs in through the provider’s page and lands on My actions; the same callback again is refused', async () => {
    const page = await pages.open();
    await toProvider(page, COUNCIL, true);
    const callback = await answerProvider(page, cast.staff.user.email);
    expect(page.url()).toBe(`${server.url}/`);
    expect(await h1(page)).toBe('My actions');
    await expect(page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    // The code and state replayed (back button, a copied link): used once already.
    expect(await visit(page, callback, 400)).toBe('Start signing in again');
    await expectAccessible(page);
  });

  it('refuses a callback with another state than this browser’s', async () => {
    const page = await pages.open();
    await toProvider(page);
    // Stop at the callback, to change its state before our page sees it.
    await page.route('**/sign-in/sso/callback*', (route) => route.abort());
    const callback = page.waitForRequest((req) => req.url().includes('/sign-in/sso/callback'));
    await page.getByLabel('Email', { exact: true }).fill(cast.staff.user.email);
    await page.getByRole('button', { name: 'Continue' }).click();
    const forged = new URL((await callback).url());
    await page.unroute('**/sign-in/sso/callback*');
    forged.searchParams.set('state', randomBytes(32).toString('base64url'));
    expect(await visit(page, forged.href, 400)).toBe('Start signing in again');
  });

  it('refuses an unverified email and a disabled person', async () => {
    const unverified = await pages.open();
    await toProvider(unverified);
    await answerProvider(unverified, cast.manager.user.email, 'false');
    expect(await h1(unverified)).toBe('Your email address has not been confirmed');

    await cast.admin
      .as(request(server.server).patch(`/api/users/${cast.otherStaff.user.id}`))
      .send({ disabled: true })
      .expect(200);
    const disabled = await pages.open();
    await toProvider(disabled);
    await answerProvider(disabled, cast.otherStaff.user.email);
    expect(await h1(disabled)).toBe('Your account has been disabled');
    expect(new URL(disabled.url()).pathname).toBe('/sign-in/sso/callback');
  });

  it('refuses another council’s provider’s answer to a sign-in begun for this council', async () => {
    // The other council's provider vouches for this person, in another browser…
    const elsewhere = await pages.open();
    await toProvider(elsewhere, OTHER_COUNCIL);
    await elsewhere.route('**/sign-in/sso/callback*', (route) => route.abort());
    const fromOther = elsewhere.waitForRequest((req) =>
      req.url().includes('/sign-in/sso/callback'),
    );
    await elsewhere.getByLabel('Email', { exact: true }).fill(cast.staff.user.email);
    await elsewhere.getByRole('button', { name: 'Continue' }).click();
    const mixedUp = new URL((await fromOther).url());

    // …and its answer is brought to a browser that began signing in with this council.
    const page = await pages.open();
    await toProvider(page);
    // The state this browser holds for its own sign-in (its ft_sso cookie).
    const [held] = (await page.context().cookies(`${server.url}/sign-in/sso/callback`)).filter(
      (cookie) => cookie.name === 'ft_sso',
    );
    const state = held?.value;
    expect(state).toMatch(/^[\w-]{40,}$/);
    mixedUp.searchParams.set('state', state ?? '');
    expect(await visit(page, mixedUp.href, 401)).toBe('Your council’s account did not sign you in');
  });

  it('explains a refusal on an accessible page: someone with no account', async () => {
    const page = await pages.open();
    await toProvider(page);
    await answerProvider(page, 'nobody.here@example.gov.uk');
    expect(await h1(page)).toBe('You do not have an account yet');
    await expect(page.locator('main').textContent()).resolves.toContain(
      'nobody.here@example.gov.uk',
    );
    await expectAccessible(page);
    await andWait(page, () => page.getByRole('link', { name: 'Go back to sign in' }).click());
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('the admin’s single sign-on page is accessible, also with errors', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await useSession(context, server, cast.admin);
    const page = await context.newPage();
    try {
      const response = await page.goto(`${server.url}/admin/council/sso`);
      expect(response?.status()).toBe(200);
      expect(await h1(page)).toBe('Single sign-on');
      await expectAccessible(page);
      await page.getByLabel('Issuer').fill('http://not-secure.example.org');
      await andWait(page, () =>
        page.getByRole('button', { name: 'Save single sign-on settings' }).click(),
      );
      await expect(errorSummary(page)).resolves.toContain('Enter the issuer as an https address');
      await expectAccessible(page);
    } finally {
      await context.close();
    }
  });
});
