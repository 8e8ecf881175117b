import { AuthService } from '@app/auth';
import { UsersService } from '@app/people';
import type { Response } from 'supertest';
import { createCouncilWithPeople, createUser } from '../factories/people';
import { createTestApp, type TestApp } from '../support/app';
import { csrfOf, WebBrowser } from '../support/web';

/** Awaits a browser request and checks its status. */
async function expectStatus(response: Promise<Response>, status: number): Promise<Response> {
  const res = await response;
  expect(res.status).toBe(status);
  return res;
}

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

describe('web pages (e2e): my settings', () => {
  let t: TestApp;
  let home: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    home = await createCouncilWithPeople(t, { name: 'Brackwater Borough Council' });
  });

  afterAll(() => t?.close());

  it('is open to everyone signed in (reminder emails link to it), with the current choice selected', async () => {
    for (const user of [home.staff, home.manager, home.admin]) {
      const res = await expectStatus(WebBrowser.as(t.server, user).get('/settings'), 200);
      expect(res.text).toContain('<title>My settings – Brackwater Borough Council</title>');
      expect(res.text).toContain(user.user.email);
      expect(res.text).toMatch(/value="every" checked/);
      expect(res.text).not.toMatch(/value="digest" checked/);
      expect(res.text).toMatch(/govuk-service-navigation__item--active[\s\S]*?My settings/);
    }
    const signedOut = await expectStatus(new WebBrowser(t.server).get('/settings'), 303);
    expect(signedOut.headers.location).toBe('/sign-in');
  });

  it('saves the email preference and shows it selected', async () => {
    const person = await createUser(t, home.council);
    const browser = WebBrowser.as(t.server, person);
    const res = await browser.submit('/settings', '/settings/email-preference', {
      emailPreference: 'digest',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/settings');

    const page = await expectStatus(browser.get('/settings'), 200);
    expect(page.text).toContain('govuk-notification-banner--success');
    expect(page.text).toContain('You will get the weekly digest only');
    expect(page.text).toMatch(/value="digest" checked/);
    expect(page.text).not.toMatch(/value="every" checked/);
    const saved = await t.app.get(UsersService).get(home.council.id, person.user.id);
    expect(saved.emailPreference).toBe('digest');

    await browser.submit('/settings', '/settings/email-preference', { emailPreference: 'every' });
    expect(
      (await t.app.get(UsersService).get(home.council.id, person.user.id)).emailPreference,
    ).toBe('every');
  });

  it('refuses an unknown or missing preference with an error (400)', async () => {
    const browser = WebBrowser.as(t.server, home.staff);
    const attempts: Record<string, string>[] = [{ emailPreference: 'never' }, {}];
    for (const fields of attempts) {
      const res = await browser.submit('/settings', '/settings/email-preference', fields);
      expect(res.status).toBe(400);
      expect(res.text).toContain('<title>Error: My settings – Brackwater Borough Council</title>');
      expect(res.text).toContain('href="#emailPreference"');
      expect(res.text).toContain('Select how you want to get reminder emails');
    }
  });

  it('refuses a form posted without its CSRF token (403) and changes nothing', async () => {
    const person = await createUser(t, home.council);
    const browser = WebBrowser.as(t.server, person);
    const preference = await expectStatus(
      browser.post('/settings/email-preference', { emailPreference: 'digest' }),
      403,
    );
    expect(preference.text).toContain('You cannot do that');
    const password = await expectStatus(
      browser.post('/settings/password', {
        currentPassword: person.password,
        newPassword: 'a brand new passphrase',
        confirmPassword: 'a brand new passphrase',
      }),
      403,
    );
    expect(password.text).toContain('You cannot do that');
    // Another session's token is not this one's either.
    const other = WebBrowser.as(t.server, home.manager);
    const token = csrfOf((await expectStatus(other.get('/settings'), 200)).text);
    await expectStatus(
      browser.post('/settings/email-preference', { _csrf: token, emailPreference: 'digest' }),
      403,
    );

    expect(
      (await t.app.get(UsersService).get(home.council.id, person.user.id)).emailPreference,
    ).toBe('every');
    await expect(
      t.app.get(AuthService).login(person.user.email, person.password),
    ).resolves.toBeDefined();
  });

  it('changes the password: the old one stops working, other sessions end, this one stays', async () => {
    const person = await createUser(t, home.council);
    const auth = t.app.get(AuthService);
    const elsewhere = await auth.login(person.user.email, person.password);
    const otherBrowser = WebBrowser.as(t.server, {
      ...person,
      token: elsewhere.tokens.accessToken,
      refreshToken: elsewhere.tokens.refreshToken,
    });
    await expectStatus(otherBrowser.get('/'), 200);

    const browser = WebBrowser.as(t.server, person);
    const res = await browser.submit('/settings', '/settings/password', {
      currentPassword: person.password,
      newPassword: 'a brand new passphrase',
      confirmPassword: 'a brand new passphrase',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/settings');

    // This browser is still signed in (its session is kept), and says what happened.
    const page = await expectStatus(browser.get('/settings'), 200);
    expect(page.text).toContain('Your password has been changed');
    await expectStatus(browser.get('/'), 200);

    // The other session has ended.
    const signedOut = await expectStatus(otherBrowser.get('/'), 303);
    expect(signedOut.headers.location).toMatch(/^\/sign-in/);

    await expect(auth.login(person.user.email, person.password)).rejects.toThrow(
      'Email or password is incorrect',
    );
    await expect(auth.login(person.user.email, 'a brand new passphrase')).resolves.toMatchObject({
      user: { id: person.user.id },
    });
  });

  it('refuses a wrong current password (400) and keeps the old password', async () => {
    const person = await createUser(t, home.council);
    const browser = WebBrowser.as(t.server, person);
    const res = await browser.submit('/settings', '/settings/password', {
      currentPassword: 'not my password at all',
      newPassword: 'a brand new passphrase',
      confirmPassword: 'a brand new passphrase',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<title>Error: My settings – Brackwater Borough Council</title>');
    expect(res.text).toContain('href="#currentPassword"');
    expect(res.text).toContain('Your current password is incorrect');
    expect(res.text).not.toContain('a brand new passphrase');

    await expectStatus(browser.get('/settings'), 200);
    const auth = t.app.get(AuthService);
    await expect(auth.login(person.user.email, person.password)).resolves.toBeDefined();
    await expect(auth.login(person.user.email, 'a brand new passphrase')).rejects.toThrow();
  });

  it('refuses new passwords that differ or are too short, and empty answers (400)', async () => {
    const person = await createUser(t, home.council);
    const browser = WebBrowser.as(t.server, person);
    const cases: [Record<string, string>, string, string][] = [
      [
        {
          currentPassword: person.password,
          newPassword: 'a brand new passphrase',
          confirmPassword: 'a brand new passphrase!',
        },
        '#confirmPassword',
        'Enter the same new password twice',
      ],
      [
        { currentPassword: person.password, newPassword: 'short', confirmPassword: 'short' },
        '#newPassword',
        'Your new password must be 12 characters or more',
      ],
      [
        { currentPassword: '', newPassword: '', confirmPassword: '' },
        '#currentPassword',
        'Enter your current password',
      ],
    ];
    for (const [fields, href, message] of cases) {
      const res = await browser.submit('/settings', '/settings/password', fields);
      expect(res.status).toBe(400);
      expect(res.text).toContain(`href="${href}"`);
      expect(res.text).toContain(message);
    }
    await expect(
      t.app.get(AuthService).login(person.user.email, person.password),
    ).resolves.toBeDefined();
  });

  it('limits guesses at the current password like sign-in: five a minute per session', async () => {
    const person = await createUser(t, home.council);
    const browser = WebBrowser.as(t.server, person);
    const guess = {
      currentPassword: 'a guess at the password',
      newPassword: 'a brand new passphrase',
      confirmPassword: 'a brand new passphrase',
    };
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await browser.submit('/settings', '/settings/password', guess)).status).toBe(400);
    }
    const refused = await browser.submit('/settings', '/settings/password', guess);
    expect(refused.status).toBe(429);
    expect(refused.text).toContain('Too many attempts');

    // Another person's budget is their own.
    const other = WebBrowser.as(t.server, await createUser(t, home.council));
    expect((await other.submit('/settings', '/settings/password', guess)).status).toBe(400);
  });
});
