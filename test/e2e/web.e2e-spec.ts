import request from 'supertest';
import { createCouncilWithPeople } from '../factories/people';
import { createPlan } from '../factories/plans';
import { daysFromToday } from '../factories/actions';
import { createTestApp, type TestApp } from '../support/app';
import { first } from '../support/items';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

/** The CSRF token of the first form on a page. */
function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token on the page');
  return token;
}

describe('web pages (e2e): sign-in, My actions, sign-out', () => {
  let t: TestApp;
  let home: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    home = await createCouncilWithPeople(t, { name: 'Brackwater Borough Council' });
  });

  afterAll(() => t?.close());

  it('serves a GOV.UK sign-in page whose one inline script carries the CSP nonce', async () => {
    const res = await request(t.server).get('/sign-in').expect(200).expect('content-type', /html/);
    expect(res.text).toContain('<title>Sign in – followthrough</title>');
    expect(res.text).toContain('govuk-template');
    const nonce = /<script nonce="([^"]+)">document\.body\.className/.exec(res.text)?.[1];
    expect(nonce).toBeDefined();
    expect(res.headers['content-security-policy']).toContain(`'nonce-${nonce}'`);
    await request(t.server).get('/govuk-frontend/govuk-frontend.min.css').expect(200);
    await request(t.server).get('/assets/images/favicon.svg').expect(200);
  });

  it('refuses a form posted without its CSRF token', async () => {
    const res = await request(t.server)
      .post('/sign-in')
      .type('form')
      .send({ email: home.staff.user.email, password: home.staff.password })
      .expect(403);
    expect(res.text).toContain('You cannot do that');
    expect(res.headers['set-cookie']?.toString() ?? '').not.toContain('ft_access');
  });

  it('shows an error summary and inline error for a wrong password, keeping the email', async () => {
    const agent = request.agent(t.server);
    const page = await agent.get('/sign-in');
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf: csrfOf(page.text), email: home.staff.user.email, password: 'wrong' })
      .expect(400);
    expect(res.text).toContain('<title>Error: Sign in – followthrough</title>');
    expect(res.text).toContain('There is a problem');
    expect(res.text).toContain('href="#email"');
    expect(res.text).toContain(`value="${home.staff.user.email}"`);
  });

  it('signs in with httpOnly, SameSite=Lax cookies and groups My actions', async () => {
    await createPlan(t, home.council, home.manager.user, {
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
              title: 'Someone else’s',
              status: 'open',
              ownerId: home.otherStaff.user.id,
              dueOn: daysFromToday(1),
            },
          ],
        },
      ],
    });
    const agent = request.agent(t.server);
    const page = await agent.get('/sign-in');
    const signedIn = await agent
      .post('/sign-in')
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        email: home.staff.user.email,
        password: home.staff.password,
      })
      .expect(303);
    const cookies = (signedIn.headers['set-cookie'] as unknown as string[]).join('\n');
    expect(cookies).toMatch(/ft_access=[^;]+; Path=\/; HttpOnly; SameSite=Lax/);
    expect(cookies).toMatch(/ft_refresh=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax/);

    const res = await agent.get('/').expect(200);
    expect(res.text).toContain('Brackwater Borough Council');
    const section = (id: string) => res.text.split(`id="${id}"`)[1]?.split('<h2')[0] ?? '';
    expect(section('overdue')).toContain('Late action');
    expect(section('overdue')).toContain('Overdue by 3 days');
    expect(section('due-soon')).toContain('Soon action');
    expect(section('due-soon')).toContain('5 days left');
    expect(section('later')).toContain('Later action');
    expect(res.text).not.toContain('Someone else’s');
  });

  it('sends a visitor without a session to sign in, and says when a session has ended', async () => {
    await request(t.server).get('/').expect(303).expect('Location', '/sign-in');
    await request(t.server)
      .get('/')
      .set('Cookie', 'ft_access=not-a-token; ft_refresh=not-a-token')
      .expect(303)
      .expect('Location', '/sign-in?expired=1');
    const expired = await request(t.server).get('/sign-in?expired=1').expect(200);
    expect(expired.text).toContain('Your session has ended');
  });

  it('signs out, ending the session on the server too', async () => {
    const agent = request.agent(t.server);
    const form = await agent.get('/sign-in');
    const signedIn = await agent
      .post('/sign-in')
      .type('form')
      .send({
        _csrf: csrfOf(form.text),
        email: home.manager.user.email,
        password: home.manager.password,
      })
      .expect(303);
    // The session cookies as a copy of them would be, without the CSRF cookie.
    const copied = (signedIn.headers['set-cookie'] as unknown as string[])
      .map((cookie) => first(cookie.split(';')))
      .filter((cookie) => cookie.startsWith('ft_access') || cookie.startsWith('ft_refresh'))
      .join('; ');
    await request(t.server).get('/').set('Cookie', copied).expect(200);

    const page = await agent.get('/').expect(200);
    expect(page.text).toContain('Sign out');
    await agent
      .post('/sign-out')
      .type('form')
      .send({ _csrf: csrfOf(page.text) })
      .expect(303)
      .expect('Location', '/sign-in?signedOut=1');
    await agent.get('/').expect(303);
    await request(t.server).get('/').set('Cookie', copied).expect(303);
  });

  it('answers an unknown address with a "Page not found" page for browsers, JSON otherwise', async () => {
    const page = await request(t.server)
      .get('/no-such-page')
      .set('Accept', 'text/html,application/xhtml+xml')
      .expect(404)
      .expect('content-type', /html/);
    expect(page.text).toContain('Page not found');
    // The request id the logs and JSON errors carry, for a user to quote.
    expect(page.headers['x-request-id']).toEqual(expect.any(String));
    expect(page.text).toContain(`quote this reference: ${page.headers['x-request-id']}`);
    const api = await request(t.server)
      .get('/api/no-such-thing')
      .set('Accept', 'text/html')
      .expect(404)
      .expect('content-type', /json/);
    expect(api.body).toMatchObject({ statusCode: 404 });
    await request(t.server).get('/no-such-page').expect(404).expect('content-type', /json/);
  });
});
