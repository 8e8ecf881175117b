import { AuthService } from '@app/auth';
import { CouncilsService, UsersService } from '@app/people';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { createCouncilWithPeople, createUser, type TestUser } from '../factories/people';
import { createPlan } from '../factories/plans';
import { daysFromToday } from '../factories/actions';
import { createTestApp, type TestApp } from '../support/app';
import { csrfOf, WebBrowser } from '../support/web';
import { nth } from '../support/items';

/** Awaits a browser request and checks its status. */
async function expectStatus(response: Promise<Response>, status: number): Promise<Response> {
  const res = await response;
  expect(res.status).toBe(status);
  return res;
}

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

/** The text of a page with tags stripped and spaces squeezed, for reading what people see. */
const visible = (html: string): string =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('web pages (e2e): admin', () => {
  let t: TestApp;
  let home: Cast;
  let away: Cast;
  let admin: WebBrowser;

  beforeAll(async () => {
    t = await createTestApp();
    home = await createCouncilWithPeople(t, { name: 'Brackwater Borough Council' });
    away = await createCouncilWithPeople(t, { name: 'Farleigh District Council' });
    admin = WebBrowser.as(t.server, home.admin);
  });

  afterAll(() => t?.close());

  /** A failed email, written as the delivery worker leaves one after its last attempt. */
  async function failedEmail(
    cast: Cast,
    recipient: TestUser,
    input: { actionId?: string; moment?: string; error?: string } = {},
  ): Promise<string> {
    const id = randomUUID();
    await t.app.get(DataSource).query(
      `INSERT INTO notifications
         (id, council_id, action_id, kind, moment, due_on, recipient_id, batch_key, status,
          send_after, attempts, last_error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'failed', now(), 6, $9)`,
      [
        id,
        cast.council.id,
        input.actionId ?? null,
        input.actionId ? 'assigned' : 'digest',
        input.moment ?? (input.actionId ? 'a1' : 'w2026-11-30'),
        input.actionId ? daysFromToday(30) : null,
        recipient.user.id,
        `batch-${id}`,
        input.error ?? '451 4.3.0 Mailbox temporarily unavailable',
      ],
    );
    return id;
  }

  const statusOf = async (id: string): Promise<string> => {
    const rows = await t.app
      .get(DataSource)
      .query<{ status: string }[]>(`SELECT status FROM notifications WHERE id = $1`, [id]);
    return nth(rows, 0).status;
  };

  describe('who can use it', () => {
    it('shows admins a hub linking to people, council settings and failed emails', async () => {
      const res = await expectStatus(admin.get('/admin'), 200);
      expect(res.text).toContain('<title>Admin – Brackwater Borough Council</title>');
      expect(res.text).toContain('href="/admin/users"');
      expect(res.text).toContain('href="/admin/council"');
      expect(res.text).toContain('href="/admin/notifications"');
      // The navigation marks Admin as the current section.
      expect(res.text).toMatch(/govuk-service-navigation__item--active[\s\S]*?Admin/);
    });

    it.each([
      '/admin',
      '/admin/users',
      '/admin/users/new',
      '/admin/council',
      '/admin/notifications',
    ])('refuses %s to managers and staff with the 403 page', async (path) => {
      for (const user of [home.manager, home.staff]) {
        const res = await expectStatus(WebBrowser.as(t.server, user).get(path), 403);
        expect(res.text).toContain('You cannot do that');
      }
      await expectStatus(
        WebBrowser.as(t.server, home.staff).get(`/admin/users/${home.staff.user.id}`),
        403,
      );
    });

    it('refuses admin forms posted by a manager or staff, even with a valid CSRF token', async () => {
      const id = await failedEmail(home, home.staff, { moment: 'w2026-01-05' });
      for (const user of [home.manager, home.staff]) {
        const browser = WebBrowser.as(t.server, user);
        const token = csrfOf((await expectStatus(browser.get('/settings'), 200)).text);
        const posts: [string, Record<string, string>][] = [
          [
            '/admin/users/new',
            {
              name: 'Sneaky Person',
              email: `sneaky.${user.user.role}@example.gov.uk`,
              role: 'admin',
              password: 'a long enough password',
            },
          ],
          [
            `/admin/users/${home.otherStaff.user.id}`,
            { name: 'X', email: 'x@example.gov.uk', role: 'admin' },
          ],
          [`/admin/users/${home.otherStaff.user.id}/status`, { change: 'disable' }],
          [
            `/admin/users/${home.otherStaff.user.id}/password`,
            { password: 'another long password' },
          ],
          [
            '/admin/council',
            { immediateWindowDays: '1', defaultWindowMonths: '1', reminderOffsets: '1' },
          ],
          [`/admin/notifications/${id}/retry`, {}],
        ];
        for (const [path, fields] of posts) {
          const res = await expectStatus(browser.post(path, { _csrf: token, ...fields }), 403);
          expect(res.text).toContain('You cannot do that');
        }
      }
      const users = t.app.get(UsersService);
      expect(await users.findByEmail(home.council.id, 'sneaky.staff@example.gov.uk')).toBeNull();
      const otherStaff = await users.get(home.council.id, home.otherStaff.user.id);
      expect(otherStaff).toMatchObject({ role: 'staff', disabledAt: null });
      expect(await statusOf(id)).toBe('failed');
    });

    it('refuses an admin form posted without its CSRF token', async () => {
      const res = await expectStatus(
        admin.post('/admin/users/new', {
          name: 'No Token',
          email: 'no.token@example.gov.uk',
          role: 'staff',
          password: 'a long enough password',
        }),
        403,
      );
      expect(res.text).toContain('You cannot do that');
      expect(
        await t.app.get(UsersService).findByEmail(home.council.id, 'no.token@example.gov.uk'),
      ).toBeNull();
    });

    it('sends someone signed out to sign in', async () => {
      const res = await expectStatus(new WebBrowser(t.server).get('/admin/users'), 303);
      expect(res.headers.location).toBe('/sign-in');
    });
  });

  describe('people', () => {
    it('lists the council’s people (not another council’s) with sortable headers', async () => {
      const res = await expectStatus(admin.get('/admin/users'), 200);
      expect(res.text).toContain('<title>People – Brackwater Borough Council</title>');
      for (const person of [home.admin, home.manager, home.staff, home.otherStaff]) {
        expect(res.text).toContain(`href="/admin/users/${person.user.id}"`);
        expect(res.text).toContain(person.user.email);
      }
      expect(res.text).not.toContain(away.staff.user.email);
      const staffRow = nth(
        nth(res.text.split(`href="/admin/users/${home.staff.user.id}"`), 1).split('</tr>'),
        0,
      );
      expect(visible(staffRow)).toContain('Staff Children in care');
      expect(visible(staffRow)).toContain(home.manager.user.name);
      expect(visible(staffRow)).toContain('Enabled');
      expect(res.text).toContain('aria-sort="ascending"');
      expect(res.text).toContain('href="/admin/users?sort=email&amp;order=asc"');

      const byEmail = await expectStatus(admin.get('/admin/users?sort=email&order=desc'), 200);
      const emails = [home.admin, home.manager, home.staff, home.otherStaff]
        .map((person) => person.user.email)
        .sort()
        .reverse();
      const positions = emails.map((email) => byEmail.text.indexOf(email));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(byEmail.text).toMatch(/aria-sort="descending">\s*<a[^>]*>Email/);
    });

    it('adds a person, who then appears in the table and can sign in', async () => {
      const form = await expectStatus(admin.get('/admin/users/new'), 200);
      expect(form.text).toContain('Add a person');
      expect(form.text).toContain(`<option value="${home.manager.user.id}"`);
      expect(form.text).not.toContain(away.manager.user.id);

      const res = await admin.submit('/admin/users/new', '/admin/users/new', {
        name: 'Sam Okafor',
        email: 'Sam.Okafor@Example.gov.uk',
        role: 'manager',
        team: 'Front door',
        lineManagerId: home.manager.user.id,
        password: 'correct horse battery staple',
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/admin/users');

      const list = await expectStatus(admin.get('/admin/users'), 200);
      expect(list.text).toContain('govuk-notification-banner--success');
      expect(list.text).toContain('Added Sam Okafor');
      const sam = await t.app
        .get(UsersService)
        .findByEmail(home.council.id, 'sam.okafor@example.gov.uk');
      expect(sam).toMatchObject({ name: 'Sam Okafor', role: 'manager', team: 'Front door' });
      expect(sam?.lineManagerId).toBe(home.manager.user.id);
      const row = nth(nth(list.text.split(`href="/admin/users/${sam?.id}"`), 1).split('</tr>'), 0);
      expect(visible(row)).toContain('sam.okafor@example.gov.uk Manager Front door');

      // The banner shows once.
      expect((await admin.get('/admin/users')).text).not.toContain('Added Sam Okafor');
      await expect(
        t.app.get(AuthService).login('sam.okafor@example.gov.uk', 'correct horse battery staple'),
      ).resolves.toMatchObject({ user: { id: sam?.id } });
    });

    it('shows a taken email as a form error (400) and keeps what was typed', async () => {
      const res = await admin.submit('/admin/users/new', '/admin/users/new', {
        name: 'Copy Cat',
        email: home.staff.user.email,
        role: 'staff',
        team: 'Copying',
        lineManagerId: '',
        password: 'a long enough password',
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('<title>Error: Add a person – Brackwater Borough Council</title>');
      expect(res.text).toContain('govuk-error-summary');
      expect(res.text).toContain('href="#email"');
      expect(res.text).toContain('This email address cannot be used. Check it, or use another one');
      expect(res.text).toContain('value="Copy Cat"');
      // Another council's address gets the very same words: nothing says it is in use there.
      const elsewhere = await admin.submit('/admin/users/new', '/admin/users/new', {
        name: 'Copy Cat',
        email: away.staff.user.email,
        role: 'staff',
        team: 'Copying',
        lineManagerId: '',
        password: 'a long enough password',
      });
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.text).toContain(
        'This email address cannot be used. Check it, or use another one',
      );
      expect(elsewhere.text).not.toMatch(/already|exists/);
      expect(res.text).toContain('value="Copying"');
      // Passwords are never sent back.
      expect(res.text).not.toContain('a long enough password');
    });

    it('explains every field that is wrong on the new person form', async () => {
      const res = await admin.submit('/admin/users/new', '/admin/users/new', {
        name: '',
        email: 'not-an-email',
        role: 'boss',
        lineManagerId: away.manager.user.id,
        password: 'too short',
      });
      expect(res.status).toBe(400);
      const text = visible(res.text);
      expect(text).toContain('Enter their full name');
      expect(text).toContain('Enter an email address in the correct format, like name@example.com');
      expect(text).toContain('Select a role');
      expect(text).toContain('Password must be 12 characters or more');
      expect(res.text).toContain('href="#role"');

      // Another council's line manager is refused by the service: a form error, not a 404 page.
      const foreign = await admin.submit('/admin/users/new', '/admin/users/new', {
        name: 'Foreign Manager',
        email: 'foreign.manager@example.gov.uk',
        role: 'staff',
        lineManagerId: away.manager.user.id,
        password: 'a long enough password',
      });
      expect(foreign.status).toBe(400);
      expect(foreign.text).toContain('href="#lineManagerId"');
      expect(foreign.text).toContain('Select a line manager from the list');
    });

    it('changes a person’s role, team and line manager', async () => {
      const person = await createUser(t, home.council, { role: 'staff', team: 'Old team' });
      const page = `/admin/users/${person.user.id}`;
      const shown = await expectStatus(admin.get(page), 200);
      expect(shown.text).toContain(
        `<title>${person.user.name} – Brackwater Borough Council</title>`,
      );
      expect(visible(shown.text)).toContain('Team Old team');

      const res = await admin.submit(page, page, {
        name: person.user.name,
        email: person.user.email,
        role: 'manager',
        team: 'Quality assurance',
        lineManagerId: home.admin.user.id,
      });
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe(page);
      const after = await expectStatus(admin.get(page), 200);
      expect(after.text).toContain(`Saved changes to ${person.user.name}`);
      const text = visible(after.text);
      expect(text).toContain('Role Manager');
      expect(text).toContain('Team Quality assurance');
      expect(text).toContain(`Line manager ${home.admin.user.name}`);
      const saved = await t.app.get(UsersService).get(home.council.id, person.user.id);
      expect(saved).toMatchObject({ role: 'manager', team: 'Quality assurance' });
      expect(saved.lineManagerId).toBe(home.admin.user.id);

      // Clearing the team and the line manager.
      await admin.submit(page, page, {
        name: person.user.name,
        email: person.user.email,
        role: 'manager',
        team: '',
        lineManagerId: '',
      });
      expect(await t.app.get(UsersService).get(home.council.id, person.user.id)).toMatchObject({
        team: null,
        lineManagerId: null,
      });
    });

    it('refuses a person as their own line manager, and a taken email, as form errors', async () => {
      const person = await createUser(t, home.council);
      const page = `/admin/users/${person.user.id}`;
      const self = await admin.submit(page, page, {
        name: person.user.name,
        email: person.user.email,
        role: 'staff',
        lineManagerId: person.user.id,
      });
      expect(self.status).toBe(400);
      expect(self.text).toContain('href="#lineManagerId"');
      expect(self.text).toContain('A person cannot be their own line manager');

      const taken = await admin.submit(page, page, {
        name: person.user.name,
        email: home.manager.user.email,
        role: 'staff',
        lineManagerId: '',
      });
      expect(taken.status).toBe(400);
      expect(taken.text).toContain('<title>Error: ');
      expect(taken.text).toContain(
        'This email address cannot be used. Check it, or use another one',
      );
      expect(taken.text).toContain(`value="${home.manager.user.email}"`);
      expect(await t.app.get(UsersService).get(home.council.id, person.user.id)).toMatchObject({
        email: person.user.email,
        lineManagerId: null,
      });
    });

    it('refuses a line manager who reports to the person, beside the line manager field', async () => {
      const boss = await createUser(t, home.council, { role: 'manager' });
      const report = await createUser(t, home.council, { lineManagerId: boss.user.id });
      const page = `/admin/users/${boss.user.id}`;
      const loop = await admin.submit(page, page, {
        name: boss.user.name,
        email: boss.user.email,
        role: 'manager',
        lineManagerId: report.user.id,
      });
      expect(loop.status).toBe(400);
      expect(loop.text).toContain('href="#lineManagerId"');
      expect(visible(loop.text)).toContain(
        `${boss.user.name} cannot be managed by ${report.user.name}, who reports to them`,
      );
      expect(
        (await t.app.get(UsersService).get(home.council.id, boss.user.id)).lineManagerId,
      ).toBeNull();
    });

    it('disables a person, ending their sessions, and enables them again', async () => {
      const person = await createUser(t, home.council);
      const theirs = WebBrowser.as(t.server, person);
      await expectStatus(theirs.get('/'), 200);

      const page = `/admin/users/${person.user.id}`;
      const shown = await expectStatus(admin.get(page), 200);
      expect(shown.text).toContain('Disable account');
      const res = await admin.submit(page, `${page}/status`, { change: 'disable' });
      expect(res.status).toBe(303);
      const after = await expectStatus(admin.get(page), 200);
      expect(after.text).toContain(`Disabled ${person.user.name}’s account and signed them out`);
      expect(after.text).toContain('Enable account');
      expect(visible(after.text)).toMatch(/Account Disabled since/);

      // Their browser is signed out at once (the refresh token no longer works either).
      const signedOut = await expectStatus(theirs.get('/'), 303);
      expect(signedOut.headers.location).toMatch(/^\/sign-in/);
      await expect(
        t.app.get(AuthService).login(person.user.email, person.password),
      ).rejects.toThrow();
      const list = await expectStatus(admin.get('/admin/users'), 200);
      const row = nth(
        nth(list.text.split(`href="/admin/users/${person.user.id}"`), 1).split('</tr>'),
        0,
      );
      expect(visible(row)).toContain('Disabled');

      await admin.submit(page, `${page}/status`, { change: 'enable' });
      expect((await admin.get(page)).text).toContain(`Enabled ${person.user.name}’s account`);
      await expect(
        t.app.get(AuthService).login(person.user.email, person.password),
      ).resolves.toBeDefined();
    });

    it('does not let an admin disable themselves or change their own role', async () => {
      const page = `/admin/users/${home.admin.user.id}`;
      const shown = await expectStatus(admin.get(page), 200);
      expect(shown.text).not.toContain('Disable account');
      expect(shown.text).not.toContain('name="role"');
      expect(shown.text).toContain('href="/settings"');

      const disabled = await admin.submit(page, `${page}/status`, { change: 'disable' });
      expect(disabled.status).toBe(400);
      expect(disabled.text).toContain('You cannot disable your own account');
      const demoted = await admin.submit(page, page, {
        name: home.admin.user.name,
        email: home.admin.user.email,
        role: 'staff',
      });
      expect(demoted.status).toBe(400);
      expect(demoted.text).toContain('You cannot change your own role');
      expect(await t.app.get(UsersService).get(home.council.id, home.admin.user.id)).toMatchObject({
        role: 'admin',
        disabledAt: null,
      });
      await expectStatus(admin.get('/admin'), 200);
    });

    it('resets someone’s password: the old one stops working and they are signed out', async () => {
      const person = await createUser(t, home.council);
      const theirs = WebBrowser.as(t.server, person);
      const page = `/admin/users/${person.user.id}`;

      const short = await admin.submit(page, `${page}/password`, { password: 'short' });
      expect(short.status).toBe(400);
      expect(short.text).toContain('href="#password"');
      expect(short.text).toContain('Password must be 12 characters or more');

      const res = await admin.submit(page, `${page}/password`, {
        password: 'a brand new passphrase',
      });
      expect(res.status).toBe(303);
      expect((await admin.get(page)).text).toContain(`Set a new password for ${person.user.name}`);
      expect((await theirs.get('/')).status).toBe(303);
      const auth = t.app.get(AuthService);
      await expect(auth.login(person.user.email, person.password)).rejects.toThrow();
      await expect(auth.login(person.user.email, 'a brand new passphrase')).resolves.toBeDefined();
    });

    it('answers 404 for another council’s person, or an id that is not one', async () => {
      const page = `/admin/users/${away.staff.user.id}`;
      const res = await expectStatus(admin.get(page), 404);
      expect(res.text).toContain('Page not found');
      await expectStatus(admin.get('/admin/users/not-an-id'), 404);
      const token = csrfOf((await admin.get('/admin/users/new')).text);
      await expectStatus(
        admin.post(page, {
          _csrf: token,
          name: 'Taken Over',
          email: 'taken@example.gov.uk',
          role: 'admin',
        }),
        404,
      );
      await expectStatus(admin.post(`${page}/status`, { _csrf: token, change: 'disable' }), 404);
      await expectStatus(
        admin.post(`${page}/password`, { _csrf: token, password: 'a long enough password' }),
        404,
      );
      expect(await t.app.get(UsersService).get(away.council.id, away.staff.user.id)).toMatchObject({
        name: away.staff.user.name,
        role: 'staff',
        disabledAt: null,
      });
    });
  });

  describe('council settings', () => {
    it('shows the settings in force, saves changes and plans reminders again', async () => {
      const shown = await expectStatus(admin.get('/admin/council'), 200);
      expect(shown.text).toContain('<title>Council settings – Brackwater Borough Council</title>');
      expect(shown.text).toContain('value="28, 14, 7, 1, 0"');
      expect(shown.text).toContain('value="14"');

      await createPlan(t, home.council, home.manager.user, {
        recommendations: [
          { actions: [{ status: 'open', ownerId: home.staff.user.id, dueOn: daysFromToday(40) }] },
        ],
      });
      const dataSource = t.app.get(DataSource);
      await dataSource.query(
        `UPDATE reminder_schedule SET check_at = now() + interval '10 days' WHERE council_id = $1`,
        [home.council.id],
      );

      const res = await admin.submit('/admin/council', '/admin/council', {
        immediateWindowDays: '21',
        defaultWindowMonths: '9',
        measureTolerancePercent: '15',
        reminderOffsets: '30, 7,0',
        escalateToAdminsAfterDays: '',
        notify: ['assignment', 'weeklyDigest'],
      });
      expect(res.status).toBe(303);
      const after = await expectStatus(admin.get('/admin/council'), 200);
      expect(after.text).toContain('Council settings saved');
      expect(after.text).toContain('value="30, 7, 0"');
      expect(after.text).toContain('value="21"');
      expect(after.text).toContain('value="9"');
      expect(after.text).toMatch(/value="assignment" checked/);
      expect(after.text).toMatch(/value="weeklyDigest" checked/);
      expect(after.text).not.toMatch(/value="ownerOverdue" checked/);

      const council = await t.app.get(CouncilsService).get(home.council.id);
      expect(council).toMatchObject({
        immediateWindowDays: 21,
        defaultWindowMonths: 9,
        measureTolerancePercent: 15,
      });
      expect(council.notificationSettings).toEqual({
        reminderOffsets: [30, 7, 0],
        escalateToAdminsAfterDays: null,
        assignment: true,
        ownerOverdue: false,
        escalateToLineManager: false,
        weeklyDigest: true,
      });
      const schedule = await dataSource.query<{ planned: boolean }[]>(
        `SELECT check_at = '-infinity' AS planned FROM reminder_schedule WHERE council_id = $1`,
        [home.council.id],
      );
      expect(schedule.length).toBeGreaterThan(0);
      expect(schedule.every((row) => row.planned)).toBe(true);
      // The other council's settings are untouched.
      expect((await t.app.get(CouncilsService).get(away.council.id)).notificationSettings).toEqual(
        {},
      );
    });

    it('shows invalid reminder days as an inline error (400) and saves nothing', async () => {
      const before = await t.app.get(CouncilsService).get(home.council.id);
      const res = await admin.submit('/admin/council', '/admin/council', {
        immediateWindowDays: '400',
        defaultWindowMonths: '6',
        measureTolerancePercent: '10',
        reminderOffsets: '28, fourteen, 7',
        escalateToAdminsAfterDays: '0',
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain(
        '<title>Error: Council settings – Brackwater Borough Council</title>',
      );
      expect(res.text).toContain('href="#reminderOffsets"');
      expect(res.text).toMatch(
        /id="reminderOffsets-error"[^>]*>\s*<span class="govuk-visually-hidden">Error:<\/span> Enter reminder days as whole numbers separated by commas/,
      );
      expect(res.text).toContain('value="28, fourteen, 7"');
      expect(res.text).toContain('Days for &quot;immediately&quot; must be 365 or fewer');
      expect(res.text).toContain('Days overdue before admins are told must be 1 or more');

      const repeated = await admin.submit('/admin/council', '/admin/council', {
        immediateWindowDays: '14',
        defaultWindowMonths: '6',
        measureTolerancePercent: '10',
        reminderOffsets: '7, 7',
        escalateToAdminsAfterDays: '28',
      });
      expect(repeated.status).toBe(400);
      expect(repeated.text).toContain('Enter each reminder day only once');
      expect(await t.app.get(CouncilsService).get(home.council.id)).toMatchObject({
        immediateWindowDays: before.immediateWindowDays,
        notificationSettings: before.notificationSettings,
      });
    });
  });

  describe('failed emails', () => {
    it('lists the council’s failed emails and queues one again', async () => {
      const plan = await createPlan(t, home.council, home.manager.user, {
        recommendations: [
          {
            actions: [
              { title: 'Audit the front door', status: 'open', ownerId: home.otherStaff.user.id },
            ],
          },
        ],
      });
      const id = await failedEmail(home, home.otherStaff, {
        actionId: nth(plan.actions, 0).id,
        error: '550 5.1.1 Unknown recipient',
      });
      const foreign = await failedEmail(away, away.staff);

      const list = await expectStatus(admin.get('/admin/notifications'), 200);
      expect(list.text).toContain('<title>Failed emails – Brackwater Borough Council</title>');
      const row =
        nth(list.text.split(`action="/admin/notifications/${id}/retry"`), 0)
          .split('<tr')
          .pop() ?? '';
      expect(visible(row)).toContain('New action');
      expect(visible(row)).toContain(`${nth(plan.actions, 0).reference}: Audit the front door`);
      expect(visible(row)).toContain(home.otherStaff.user.email);
      expect(visible(row)).toContain('550 5.1.1 Unknown recipient');
      expect(list.text).not.toContain(`/admin/notifications/${foreign}/retry`);
      expect(list.text).not.toContain(away.staff.user.email);

      const res = await admin.submit(
        '/admin/notifications',
        `/admin/notifications/${id}/retry`,
        {},
      );
      expect(res.status).toBe(303);
      const after = await expectStatus(admin.get('/admin/notifications'), 200);
      expect(after.text).toContain('Email queued again');
      expect(after.text).not.toContain(`/admin/notifications/${id}/retry`);
      expect(await statusOf(id)).toBe('pending');

      // Retrying it again (a second click) is explained, not an error page.
      const again = await admin.submit(
        '/admin/notifications',
        `/admin/notifications/${id}/retry`,
        {},
      );
      expect(again.status).toBe(400);
      expect(again.text).toContain(
        'This email has already been sent again or is waiting to be sent',
      );

      // Another council's email is not found, and stays failed.
      const token = csrfOf(after.text);
      await expectStatus(
        admin.post(`/admin/notifications/${foreign}/retry`, { _csrf: token }),
        404,
      );
      expect(await statusOf(foreign)).toBe('failed');
    });

    it('pages through many failed emails', async () => {
      const cast = await createCouncilWithPeople(t);
      for (let week = 1; week <= 27; week += 1) {
        await failedEmail(cast, cast.staff, { moment: `w2026-w${week}` });
      }
      const browser = WebBrowser.as(t.server, cast.admin);
      const first = await expectStatus(browser.get('/admin/notifications'), 200);
      expect(visible(first.text)).toContain('27 failed emails, showing 1 to 25');
      expect(first.text.match(/\/retry"/g)).toHaveLength(25);
      expect(first.text).toContain('govuk-pagination');
      expect(first.text).toContain('href="/admin/notifications?page=2"');
      const second = await expectStatus(browser.get('/admin/notifications?page=2'), 200);
      expect(visible(second.text)).toContain('showing 26 to 27');
      expect(second.text.match(/\/retry"/g)).toHaveLength(2);
      expect(second.text).toContain('href="/admin/notifications"');
    });

    it('says when there are none', async () => {
      const cast = await createCouncilWithPeople(t);
      const res = await expectStatus(
        WebBrowser.as(t.server, cast.admin).get('/admin/notifications'),
        200,
      );
      expect(res.text).toContain('There are no failed emails.');
    });
  });
});
