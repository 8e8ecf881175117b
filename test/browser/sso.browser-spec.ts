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
const CLIENT_SECRET = `secret-${randomBytes(12).toString('hex')}`;

describe('single sign-on in a browser, through a real OpenID Connect provider (axe on our pages)', () => {
  let provider: OidcProvider;
  let server: BrowserServer;
  let cast: Cast;
  let browser: Browser;
  let pages: BrowserPages;

  beforeAll(async () => {
    // The provider must know the callback's address before the app listens on it.
    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider([
      {
        client_id: 'followthrough',
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${appUrl}/sign-in/sso/callback`],
      },
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
    browser = await launchBrowser();
    pages = new BrowserPages(browser, server);
  }, 60_000);

  afterAll(async () => {
    await pages?.close();
    await browser?.close();
    await server?.close();
    await provider?.stop();
  });

  /** From our sign-in page to the provider's login form, as the person clicks through. */
  async function toProvider(page: Awaited<ReturnType<BrowserPages['open']>>): Promise<void> {
    await pages.go(page, '/sign-in');
    await expectAccessible(page);
    await andWait(page, () =>
      page.getByRole('button', { name: `Sign in with your ${COUNCIL} account` }).click(),
    );
    expect(page.url().startsWith(provider.issuer)).toBe(true);
  }

  it('signs in through the provider’s page and lands on My actions, signed in', async () => {
    const page = await pages.open();
    await toProvider(page);
    await page.getByLabel('Email', { exact: true }).fill(cast.staff.user.email);
    await andWait(page, () => page.getByRole('button', { name: 'Continue' }).click());
    await page.waitForURL(`${server.url}/`);
    expect(await h1(page)).toBe('My actions');
    await expect(page.getByRole('button', { name: 'Sign out' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page);
  });

  it('explains a refusal on an accessible page: someone with no account', async () => {
    const page = await pages.open();
    await toProvider(page);
    await page.getByLabel('Email', { exact: true }).fill('nobody.here@example.gov.uk');
    await andWait(page, () => page.getByRole('button', { name: 'Continue' }).click());
    await page.waitForURL(/\/sign-in\/sso\/callback/);
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
