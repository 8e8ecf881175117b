import type { Response } from 'supertest';
import { createCouncilWithPeople, createUser } from '../factories/people';
import { createTestApp, type TestApp } from '../support/app';
import { apiAttempt, pageAttempt } from '../support/sign-in';
import { WebBrowser } from '../support/web';

/** The documented limits (LOGIN_ATTEMPTS_PER_MINUTE, LOGIN_ATTEMPTS_PER_IP_PER_MINUTE). */
const PER_ACCOUNT = 5;
const PER_ADDRESS = 20;

describe('sign-in limits (e2e): one count, whichever door', () => {
  let t: TestApp;
  let people: Awaited<ReturnType<typeof createCouncilWithPeople>>;

  beforeAll(async () => {
    // The defaults, as documented; one proxy hop trusted so each test has addresses of its own.
    t = await createTestApp({ env: { TRUST_PROXY_HOPS: '1' } });
    people = await createCouncilWithPeople(t);
  });

  afterAll(() => t?.close());

  const expectRefusedPage = (res: Response) => {
    expect(res.status).toBe(429);
    expect(res.text).toContain('Too many attempts');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  };

  it('counts guesses at the API and at the sign-in page together, per account', async () => {
    const { email } = people.staff.user;
    for (let i = 1; i <= 3; i++) {
      expect((await apiAttempt(t.server, `10.10.0.${i}`, email, 'wrong password')).status).toBe(
        401,
      );
    }
    for (let i = 1; i <= PER_ACCOUNT - 3; i++) {
      expect((await pageAttempt(t.server, `10.10.1.${i}`, email, 'wrong password')).status).toBe(
        400,
      );
    }
    // The sixth guess, the third at the page: refused, even with the right password.
    expectRefusedPage(await pageAttempt(t.server, '10.10.1.99', email, people.staff.password));
    expect((await apiAttempt(t.server, '10.10.0.99', email, people.staff.password)).status).toBe(
      429,
    );
    // Someone else is not held up.
    expect(
      (
        await pageAttempt(
          t.server,
          '10.10.1.100',
          people.manager.user.email,
          people.manager.password,
        )
      ).status,
    ).toBe(303);
  });

  it('counts guesses at both doors together, per address', async () => {
    const ip = '10.20.0.1';
    for (let i = 1; i <= PER_ADDRESS; i++) {
      const email = `nobody${i}@example.gov.uk`;
      const res =
        i % 2 === 0
          ? await apiAttempt(t.server, ip, email, 'wrong password')
          : await pageAttempt(t.server, ip, email, 'wrong password');
      expect(res.status).toBe(i % 2 === 0 ? 401 : 400);
    }
    const email = people.admin.user.email;
    const password = people.admin.password;
    expectRefusedPage(await pageAttempt(t.server, ip, email, password));
    expect((await apiAttempt(t.server, ip, email, password)).status).toBe(429);
    expect((await apiAttempt(t.server, '10.20.0.2', email, password)).status).toBe(200);
  });

  it('counts guesses at the current password on My settings with the sign-in ones', async () => {
    const person = await createUser(t, people.council);
    const { email } = person.user;
    for (let i = 1; i <= 3; i++) {
      expect((await apiAttempt(t.server, `10.30.0.${i}`, email, 'wrong password')).status).toBe(
        401,
      );
    }
    const browser = WebBrowser.as(t.server, person);
    const guess = (): Promise<Response> =>
      browser.submit('/settings', '/settings/password', {
        currentPassword: 'a guess at the password',
        newPassword: 'a brand new passphrase',
        confirmPassword: 'a brand new passphrase',
      });
    for (let i = 1; i <= PER_ACCOUNT - 3; i++) expect((await guess()).status).toBe(400);
    expectRefusedPage(await guess());
    expect((await apiAttempt(t.server, '10.30.0.99', email, person.password)).status).toBe(429);
  });
});
