import { Session } from '@app/auth';
import { type Council, UsersService } from '@app/people';
import { randomBytes } from 'node:crypto';
import request, { type Response } from 'supertest';
import { DataSource } from 'typeorm';
import { createCouncilWithPeople, createUser, type TestUser } from '../factories/people';
import { createTestApp, type TestApp } from '../support/app';
import {
  type OidcProvider,
  type ProviderAnswers,
  signInAtProvider,
  startOidcProvider,
} from '../support/oidc-provider';
import { WebBrowser } from '../support/web';

/**
 * Where the app says it lives: the provider sends the browser back here, and the test hands
 * that address's path to the app in this process. Nothing listens on it.
 */
const APP_URL = 'http://127.0.0.1:3999';
const REDIRECT_URI = `${APP_URL}/sign-in/sso/callback`;
const SECRET_A = `secret-a-${randomBytes(12).toString('hex')}`;
const SECRET_B = `secret-b-${randomBytes(12).toString('hex')}`;

const cookieOf = (res: Response, name: string): string | undefined => {
  const lines = (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  const line = lines.find((cookie) => cookie.startsWith(`${name}=`));
  const value = line?.split(';')[0]?.slice(name.length + 1);
  return value === '' ? undefined : value;
};

const pathOf = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

describe('single sign-on with a council’s OpenID Connect provider (e2e)', () => {
  let t: TestApp;
  let providerA: OidcProvider;
  let providerB: OidcProvider;

  beforeAll(async () => {
    // Two providers, so two issuers: each council trusts only its own.
    [providerA, providerB] = await Promise.all([
      startOidcProvider([
        { client_id: 'followthrough-a', client_secret: SECRET_A, redirect_uris: [REDIRECT_URI] },
      ]),
      startOidcProvider([
        { client_id: 'followthrough-b', client_secret: SECRET_B, redirect_uris: [REDIRECT_URI] },
      ]),
    ]);
    t = await createTestApp({
      env: { APP_URL, SSO_SECRET_KEY: randomBytes(32).toString('base64') },
    });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await Promise.all([providerA?.stop(), providerB?.stop()]);
  });

  type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

  /** A council whose admin has set it to sign in through `provider` (PUT /api/council/sso). */
  async function councilOn(
    provider: 'A' | 'B',
    settings: { passwordsAllowed?: boolean; createStaffOnFirstSignIn?: boolean } = {},
  ): Promise<Cast> {
    const cast = await createCouncilWithPeople(t);
    const [issuer, clientId, clientSecret] =
      provider === 'A'
        ? [providerA.issuer, 'followthrough-a', SECRET_A]
        : [providerB.issuer, 'followthrough-b', SECRET_B];
    await cast.admin
      .as(request(t.server).put('/api/council/sso'))
      .send({
        issuer,
        clientId,
        clientSecret,
        passwordsAllowed: settings.passwordsAllowed ?? true,
        createStaffOnFirstSignIn: settings.createStaffOnFirstSignIn ?? false,
      })
      .expect(200);
    return cast;
  }

  /** Follows `council`'s link on the sign-in page: the answer sends the browser to its provider. */
  async function begin(browser: WebBrowser, council: Council): Promise<string> {
    const started = await browser.get(`/sign-in/sso/${council.id}`);
    expect(started.status).toBe(303);
    return started.headers.location as string;
  }

  /** The whole round trip in `browser`: the callback's answer. */
  async function signInWith(
    browser: WebBrowser,
    council: Council,
    answers: ProviderAnswers,
  ): Promise<Response> {
    const callback = await signInAtProvider(await begin(browser, council), answers, APP_URL);
    return browser.get(pathOf(callback));
  }

  /** The refusal page's heading. */
  const headingOf = (res: Response): string | undefined =>
    /<h1 class="govuk-heading-l">([^<]*)<\/h1>/.exec(res.text)?.[1];

  describe('signing in', () => {
    let cast: Cast;

    beforeAll(async () => {
      cast = await councilOn('A');
    });

    it('offers the council on the sign-in page and sends the browser to its provider with PKCE, state and nonce', async () => {
      const browser = new WebBrowser(t.server);
      const page = await browser.get('/sign-in');
      expect(page.text).toContain('Sign in with your council’s account');
      const link = `href="/sign-in/sso/${cast.council.id}"`;
      expect(page.text).toContain(link);
      expect(page.text).toContain(`Sign in with your ${cast.council.name} account`);
      const started = await browser.get(`/sign-in/sso/${cast.council.id}`);
      expect(started.status).toBe(303);
      const authorize = new URL(started.headers.location as string);
      expect(authorize.origin).toBe(providerA.issuer);
      expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
        client_id: 'followthrough-a',
        redirect_uri: REDIRECT_URI,
        response_type: 'code',
        code_challenge_method: 'S256',
        scope: 'openid email profile',
      });
      for (const param of ['state', 'nonce', 'code_challenge']) {
        expect(authorize.searchParams.get(param)).toMatch(/^[\w-]{40,}$/);
      }
      // The state is bound to this browser, httpOnly.
      expect(cookieOf(started, 'ft_sso')).toBe(authorize.searchParams.get('state'));
    });

    it('answers a council without single sign-on, or an address that is not one, with a page saying so', async () => {
      const plain = await createCouncilWithPeople(t);
      const none = await new WebBrowser(t.server).get(`/sign-in/sso/${plain.council.id}`);
      expect(none.status).toBe(404);
      expect(headingOf(none)).toBe('Your council does not sign in this way');
      expect((await new WebBrowser(t.server).get('/sign-in/sso/not-a-council')).status).toBe(404);
    });

    it('signs the person in with an ordinary session: the pages, then the API with its token, then sign-out ends it', async () => {
      const browser = new WebBrowser(t.server);
      // The provider's address in another case: matched ignoring case.
      const done = await signInWith(browser, cast.council, {
        email: cast.staff.user.email.toUpperCase(),
      });
      expect(done.status).toBe(303);
      expect(done.headers.location).toBe('/');
      const access = cookieOf(done, 'ft_access');
      expect(access).toBeDefined();

      const home = await browser.get('/');
      expect(home.status).toBe(200);
      expect(home.text).toContain('Sign out');

      const me = await request(t.server)
        .get('/api/me')
        .set('Authorization', `Bearer ${access}`)
        .expect(200);
      expect(me.body).toMatchObject({ id: cast.staff.user.id, email: cast.staff.user.email });

      const sessions = await t.app
        .get(DataSource)
        .getRepository(Session)
        .find({ where: { userId: cast.staff.user.id }, order: { createdAt: 'DESC' } });
      expect(sessions[0]?.signInMethod).toBe('sso');

      const signedOut = await browser.submit('/', '/sign-out', {});
      expect(signedOut.status).toBe(303);
      await request(t.server).get('/api/me').set('Authorization', `Bearer ${access}`).expect(401);
    });

    it('takes Microsoft Entra’s xms_edov in place of email_verified', async () => {
      const done = await signInWith(new WebBrowser(t.server), cast.council, {
        email: cast.otherStaff.user.email,
        emailVerified: 'absent',
        xmsEdov: 'true',
      });
      expect(done.status).toBe(303);
      expect(done.headers.location).toBe('/');
    });

    it.each([
      ['false', 'false'],
      ['left out', 'absent'],
    ] as const)(
      'refuses an email the provider says is not verified (email_verified %s)',
      async (_case, emailVerified) => {
        const done = await signInWith(new WebBrowser(t.server), cast.council, {
          email: cast.manager.user.email,
          emailVerified,
        });
        expect(done.status).toBe(403);
        expect(headingOf(done)).toBe('Your email address has not been confirmed');
        expect(cookieOf(done, 'ft_access')).toBeUndefined();
      },
    );

    it('refuses a callback brought to another browser, or with another state', async () => {
      const browser = new WebBrowser(t.server);
      const callback = await signInAtProvider(
        await begin(browser, cast.council),
        { email: cast.staff.user.email },
        APP_URL,
      );
      // A callback link sent to someone else: their browser never began it.
      const elsewhere = await new WebBrowser(t.server).get(pathOf(callback));
      expect(elsewhere.status).toBe(400);
      expect(headingOf(elsewhere)).toBe('Start signing in again');
      expect(cookieOf(elsewhere, 'ft_access')).toBeUndefined();

      const forged = new URL(callback);
      forged.searchParams.set('state', randomBytes(32).toString('base64url'));
      const wrongState = await browser.get(pathOf(forged.href));
      expect(wrongState.status).toBe(400);
      expect(cookieOf(wrongState, 'ft_access')).toBeUndefined();

      // The real one still works in the browser that began it (the forgery used nothing up).
      const right = await browser.get(pathOf(callback));
      expect(right.status).toBe(303);
      expect(cookieOf(right, 'ft_access')).toBeDefined();
    });

    it('refuses a callback replayed after it signed someone in, and a code used twice', async () => {
      const browser = new WebBrowser(t.server);
      const authorize = await begin(browser, cast.council);
      const state = new URL(authorize).searchParams.get('state') ?? '';
      const callback = await signInAtProvider(authorize, { email: cast.staff.user.email }, APP_URL);
      expect((await browser.get(pathOf(callback))).status).toBe(303);

      // The same callback again, with the state cookie a copy of the browser still holds.
      const replay = await request(t.server).get(pathOf(callback)).set('Cookie', `ft_sso=${state}`);
      expect(replay.status).toBe(400);
      expect(headingOf(replay)).toBe('Start signing in again');
      expect(cookieOf(replay, 'ft_access')).toBeUndefined();

      // The used code under a fresh attempt's state: the provider refuses the code.
      const second = new WebBrowser(t.server);
      const freshState = new URL(await begin(second, cast.council)).searchParams.get('state');
      const reused = new URL(callback);
      reused.searchParams.set('state', freshState ?? '');
      const again = await second.get(pathOf(reused.href));
      expect(again.status).toBe(401);
      expect(headingOf(again)).toBe('Your council’s account did not sign you in');
      expect(cookieOf(again, 'ft_access')).toBeUndefined();
    });

    it('refuses the code and ID token of another council’s issuer', async () => {
      const other = await councilOn('B');
      // A sign-in begun for council A…
      const browser = new WebBrowser(t.server);
      const stateA = new URL(await begin(browser, cast.council)).searchParams.get('state') ?? '';
      // …answered with a code issued by council B's provider, for the same person's address.
      const fromB = new URL(
        await signInAtProvider(
          await begin(new WebBrowser(t.server), other.council),
          { email: cast.staff.user.email },
          APP_URL,
        ),
      );
      fromB.searchParams.set('state', stateA);
      const mixedUp = await browser.get(pathOf(fromB.href));
      expect(mixedUp.status).toBe(401);
      expect(cookieOf(mixedUp, 'ft_access')).toBeUndefined();

      // Without the issuer in the answer, A's provider does not know B's code either.
      const secondTry = new WebBrowser(t.server);
      const stateA2 = new URL(await begin(secondTry, cast.council)).searchParams.get('state');
      const fromB2 = new URL(
        await signInAtProvider(
          await begin(new WebBrowser(t.server), other.council),
          { email: cast.staff.user.email },
          APP_URL,
        ),
      );
      fromB2.searchParams.set('state', stateA2 ?? '');
      fromB2.searchParams.delete('iss');
      const noIssuer = await secondTry.get(pathOf(fromB2.href));
      expect(noIssuer.status).toBe(401);
      expect(cookieOf(noIssuer, 'ft_access')).toBeUndefined();
    });

    it('matches people only in the council whose provider vouched for them', async () => {
      const other = await councilOn('B');
      // Council A's member, vouched for by council B's provider: not B's person.
      const done = await signInWith(new WebBrowser(t.server), other.council, {
        email: cast.manager.user.email,
      });
      expect(done.status).toBe(403);
      expect(headingOf(done)).toBe('You do not have an account yet');
    });

    it('refuses a disabled person by single sign-on as by password', async () => {
      const leaver = await createUser(t, cast.council, { role: 'staff' });
      await cast.admin
        .as(request(t.server).patch(`/api/users/${leaver.user.id}`))
        .send({ disabled: true })
        .expect(200);
      const done = await signInWith(new WebBrowser(t.server), cast.council, {
        email: leaver.user.email,
      });
      expect(done.status).toBe(403);
      expect(headingOf(done)).toBe('Your account has been disabled');
      expect(cookieOf(done, 'ft_access')).toBeUndefined();
      await request(t.server)
        .post('/api/auth/login')
        .send({ email: leaver.user.email, password: leaver.password })
        .expect(401);
    });

    it('refuses someone without an account, creating none, when the council does not allow it', async () => {
      const email = `new.${randomBytes(4).toString('hex')}@example.gov.uk`;
      const done = await signInWith(new WebBrowser(t.server), cast.council, { email });
      expect(done.status).toBe(403);
      expect(headingOf(done)).toBe('You do not have an account yet');
      expect(done.text).toContain(email);
      expect(await t.app.get(UsersService).findByEmail(cast.council.id, email)).toBeNull();
    });
  });

  it('gives someone without an account a staff account when the council allows it', async () => {
    const cast = await councilOn('A', { createStaffOnFirstSignIn: true });
    const email = `Starter.${randomBytes(4).toString('hex')}@example.gov.uk`;
    const done = await signInWith(new WebBrowser(t.server), cast.council, { email });
    expect(done.status).toBe(303);
    const me = await request(t.server)
      .get('/api/me')
      .set('Authorization', `Bearer ${cookieOf(done, 'ft_access')}`)
      .expect(200);
    expect(me.body).toMatchObject({ email: email.toLowerCase(), role: 'staff' });
    const created = await t.app.get(UsersService).findByEmail(cast.council.id, email);
    expect(created).toMatchObject({ councilId: cast.council.id, role: 'staff', disabledAt: null });

    // Still only with a verified address.
    const unverified = await signInWith(new WebBrowser(t.server), cast.council, {
      email: `unverified.${randomBytes(4).toString('hex')}@example.gov.uk`,
      emailVerified: 'false',
    });
    expect(unverified.status).toBe(403);
  });

  it('with passwords turned off, refuses password sign-in on the page and the API, pointing to the council’s account', async () => {
    const cast = await councilOn('A', { passwordsAllowed: false });
    const api = await request(t.server)
      .post('/api/auth/login')
      .send({ email: cast.staff.user.email, password: cast.staff.password })
      .expect(403);
    expect(api.body).toMatchObject({
      statusCode: 403,
      message: expect.stringContaining('Your council signs in with its own account') as unknown,
    });
    const page = await new WebBrowser(t.server).submit('/sign-in', '/sign-in', {
      email: cast.staff.user.email,
      password: cast.staff.password,
    });
    expect(page.status).toBe(400);
    expect(page.text).toContain('Your council signs in with its own account');
    expect(cookieOf(page, 'ft_access')).toBeUndefined();

    // A wrong password still reads as one: the refusal tells nobody whose council this is.
    await request(t.server)
      .post('/api/auth/login')
      .send({ email: cast.manager.user.email, password: 'not their password at all' })
      .expect(401);

    // Single sign-on still lets them in; and passwords work again once it is turned off.
    const done = await signInWith(new WebBrowser(t.server), cast.council, {
      email: cast.staff.user.email,
    });
    expect(done.status).toBe(303);
    await cast.admin.as(request(t.server).delete('/api/council/sso')).expect(204);
    await request(t.server)
      .post('/api/auth/login')
      .send({ email: cast.staff.user.email, password: cast.staff.password })
      .expect(200);
  });

  describe('settings (admins, API and page)', () => {
    it('never gives the client secret back, and stores it only encrypted', async () => {
      const cast = await councilOn('A');
      const res = await cast.admin.as(request(t.server).get('/api/council/sso')).expect(200);
      expect(res.body).toEqual({
        issuer: providerA.issuer,
        clientId: 'followthrough-a',
        clientSecretSet: true,
        passwordsAllowed: true,
        createStaffOnFirstSignIn: false,
        redirectUri: REDIRECT_URI,
        updatedAt: expect.any(String) as unknown,
      });
      expect(res.text).not.toContain(SECRET_A);
      const stored = await t.app
        .get(DataSource)
        .query<{ client_secret_encrypted: string }[]>(
          'SELECT client_secret_encrypted FROM council_sso WHERE council_id = $1',
          [cast.council.id],
        );
      expect(stored[0]?.client_secret_encrypted).toMatch(/^v1\./);
      expect(stored[0]?.client_secret_encrypted).not.toContain(SECRET_A);

      // Changed without a secret: the stored one is kept, and sign-in still works with it.
      const changed = await cast.admin
        .as(request(t.server).put('/api/council/sso'))
        .send({
          issuer: providerA.issuer,
          clientId: 'followthrough-a',
          passwordsAllowed: true,
          createStaffOnFirstSignIn: false,
        })
        .expect(200);
      expect(changed.text).not.toContain(SECRET_A);
      const done = await signInWith(new WebBrowser(t.server), cast.council, {
        email: cast.staff.user.email,
      });
      expect(done.status).toBe(303);

      const page = await WebBrowser.as(t.server, cast.admin).get('/admin/council/sso');
      expect(page.status).toBe(200);
      expect(page.text).toContain(providerA.issuer);
      expect(page.text).not.toContain(SECRET_A);
    });

    it('are for admins of the council only: 403 for its managers and staff, 404 for another council', async () => {
      const cast = await councilOn('A');
      for (const who of [cast.manager, cast.staff]) {
        await who.as(request(t.server).get('/api/council/sso')).expect(403);
        await who
          .as(request(t.server).put('/api/council/sso'))
          .send({
            issuer: providerB.issuer,
            clientId: 'x',
            clientSecret: 'y',
            passwordsAllowed: false,
            createStaffOnFirstSignIn: true,
          })
          .expect(403);
        expect((await WebBrowser.as(t.server, who).get('/admin/council/sso')).status).toBe(403);
      }
      await request(t.server).get('/api/council/sso').expect(401);

      // Another council's admin sees only their own council: none set up, so 404.
      const other = await createCouncilWithPeople(t);
      const theirs = await other.admin.as(request(t.server).get('/api/council/sso')).expect(404);
      expect(theirs.text).not.toContain(providerA.issuer);
      await other.admin.as(request(t.server).delete('/api/council/sso')).expect(404);
      const mine = await cast.admin.as(request(t.server).get('/api/council/sso')).expect(200);
      expect(mine.body).toMatchObject({ issuer: providerA.issuer, passwordsAllowed: true });
    });

    it('refuses bad settings with a clear 400', async () => {
      const { admin } = await createCouncilWithPeople(t);
      const valid = {
        issuer: providerA.issuer,
        clientId: 'followthrough-a',
        clientSecret: 'secret',
        passwordsAllowed: true,
        createStaffOnFirstSignIn: false,
      };
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ ...valid, issuer: 'http://login.example.org' }, /https address/],
        [{ ...valid, clientId: '' }, /Enter the client ID/],
        [{ ...valid, passwordsAllowed: 'no' }, /password/],
        [{ ...valid, clientSecret: undefined }, /Enter the client secret/],
        [{ ...valid, role: 'admin' }, /property role should not exist/],
      ];
      for (const [body, message] of cases) {
        const res = await admin.as(request(t.server).put('/api/council/sso')).send(body);
        expect({ status: res.status, message: JSON.stringify(res.body) }).toEqual({
          status: 400,
          message: expect.stringMatching(message) as unknown,
        });
      }
      await admin.as(request(t.server).get('/api/council/sso')).expect(404);
    });

    it('are set on the admin page, and a refused form does not show the typed secret again', async () => {
      const { admin, council } = await createCouncilWithPeople(t);
      const browser = WebBrowser.as(t.server, admin);
      const blank = await browser.get('/admin/council/sso');
      expect(blank.text).toContain('Not set');
      expect(blank.text).toContain(REDIRECT_URI);

      const refused = await browser.submit('/admin/council/sso', '/admin/council/sso', {
        issuer: 'http://login.example.org',
        clientId: 'followthrough-b',
        clientSecret: SECRET_B,
        passwordsAllowed: 'yes',
        createStaffOnFirstSignIn: 'no',
      });
      expect(refused.status).toBe(400);
      expect(refused.text).toContain('Enter the issuer as an https address');
      expect(refused.text).not.toContain(SECRET_B);

      const saved = await browser.submit('/admin/council/sso', '/admin/council/sso', {
        issuer: providerB.issuer,
        clientId: 'followthrough-b',
        clientSecret: SECRET_B,
        passwordsAllowed: 'yes',
        createStaffOnFirstSignIn: 'no',
      });
      expect(saved.status).toBe(303);
      const shown = await browser.get('/admin/council/sso');
      expect(shown.text).toContain('Single sign-on settings saved');
      expect(shown.text).toContain('Set up');
      expect(shown.text).not.toContain(SECRET_B);
      const view = await admin.as(request(t.server).get('/api/council/sso')).expect(200);
      expect(view.body).toMatchObject({ issuer: providerB.issuer, clientSecretSet: true });
      // The page's settings work: a person of this council signs in through provider B.
      const person: TestUser = await createUser(t, council);
      const done = await signInWith(new WebBrowser(t.server), council, {
        email: person.user.email,
      });
      expect(done.status).toBe(303);
    });
  });
});

describe('single sign-on without SSO_SECRET_KEY (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { APP_URL } });
  });

  afterAll(() => t?.close());

  it('refuses to save settings, saying why, on the API and the page', async () => {
    const { admin } = await createCouncilWithPeople(t);
    const res = await admin
      .as(request(t.server).put('/api/council/sso'))
      .send({
        issuer: 'https://login.microsoftonline.com/8f2c6a55-2a0e-4b8b-9a44-0f8f6c1d2e3f/v2.0',
        clientId: 'client',
        clientSecret: 'secret',
        passwordsAllowed: true,
        createStaffOnFirstSignIn: false,
      })
      .expect(409);
    expect(res.body).toMatchObject({
      message: expect.stringContaining('SSO_SECRET_KEY') as unknown,
    });
    const page = await WebBrowser.as(t.server, admin).get('/admin/council/sso');
    expect(page.text).toContain('the service has no SSO_SECRET_KEY');
    // Nobody is offered a sign-in that cannot work.
    const signIn = await new WebBrowser(t.server).get('/sign-in');
    expect(signIn.text).not.toContain('Sign in with your council’s account');
  });
});
