import request from 'supertest';
import { daysFromToday } from '../factories/actions';
import { createCouncilWithPeople, createUser, type TestUser } from '../factories/people';
import { createPlan } from '../factories/plans';
import { createTestApp, type TestApp } from '../support/app';
import { WebBrowser } from '../support/web';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

/** The events of a feed: each one's UID, DTSTART and SUMMARY. */
function eventsOf(ics: string): { uid: string; start: string; summary: string }[] {
  return [...ics.matchAll(/BEGIN:VEVENT([\s\S]*?)END:VEVENT/g)].map((m) => {
    // Long lines are folded (a CRLF then a space); unfold before reading fields.
    const body = (m[1] ?? '').replace(/\r\n[ \t]/g, '');
    const field = (name: string) =>
      new RegExp(`^${name}[^:\\r\\n]*:(.*)$`, 'm').exec(body)?.[1]?.trim() ?? '';
    return { uid: field('UID'), start: field('DTSTART'), summary: field('SUMMARY') };
  });
}

describe('calendar feeds (e2e)', () => {
  let t: TestApp;
  let home: Cast;
  let away: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    home = await createCouncilWithPeople(t, { code: 'CAL' });
    away = await createCouncilWithPeople(t, { code: 'CAW' });
  });

  afterAll(() => t?.close());

  const linkOf = async (who: TestUser): Promise<string> => {
    const res = await who.as(request(t.server).post('/api/me/calendar')).expect(201);
    return (res.body as { url: string }).url;
  };
  /** The feed at `url`, fetched with no session at all, as a calendar app does. */
  const fetchFeed = (url: string) => request(t.server).get(new URL(url).pathname);

  it('lists my live actions with a deadline, and moves an event when the deadline moves', async () => {
    const plan = await createPlan(t, home.council, home.manager.user, {
      recommendations: [
        {
          actions: [
            {
              title: 'Audit plans',
              status: 'open',
              ownerId: home.staff.user.id,
              dueOn: daysFromToday(30),
            },
            {
              title: 'Done already',
              status: 'completed',
              ownerId: home.staff.user.id,
              dueOn: daysFromToday(10),
            },
            {
              title: 'Someone else’s',
              status: 'open',
              ownerId: home.otherStaff.user.id,
              dueOn: daysFromToday(20),
            },
          ],
        },
      ],
    });
    const [mine] = plan.actions;
    if (!mine) throw new Error('no action');
    const url = await linkOf(home.staff);
    expect(url).toMatch(/\/api\/calendar\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{43}\.ics$/);
    const res = await fetchFeed(url).expect(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const events = eventsOf(res.text);
    expect(events).toEqual([
      {
        uid: expect.stringContaining(mine.id) as unknown,
        start: daysFromToday(30).replace(/-/g, ''),
        summary: `Due: ${mine.reference} Audit plans`,
      },
    ]);
    expect(res.text.replace(/\r\n[ \t]/g, '')).toContain(`/actions/${mine.id}`);

    await home.manager
      .as(request(t.server).patch(`/api/actions/${mine.id}`))
      .send({ dueOn: daysFromToday(45), dueOnReason: 'Agreed at the board' })
      .expect(200);
    const moved = eventsOf((await fetchFeed(url).expect(200)).text);
    expect(moved.map((e) => e.start)).toEqual([daysFromToday(45).replace(/-/g, '')]);

    // A manager's feed has their direct reports' actions too.
    const managerFeed = eventsOf((await fetchFeed(await linkOf(home.manager)).expect(200)).text);
    expect(managerFeed.map((e) => e.summary)).toEqual(
      expect.arrayContaining([`Due: ${mine.reference} Audit plans`]),
    );
  });

  it('ends the old address at once when reset or stopped, and for a disabled account', async () => {
    const person = await createUser(t, home.council);
    const first = await linkOf(person);
    await fetchFeed(first).expect(200);
    const second = await linkOf(person);
    expect(second).not.toBe(first);
    await fetchFeed(first).expect(404);
    await fetchFeed(second).expect(200);
    expect((await person.as(request(t.server).get('/api/me/calendar')).expect(200)).body).toEqual({
      url: second,
    });
    await person.as(request(t.server).delete('/api/me/calendar')).expect(200);
    await fetchFeed(second).expect(404);
    expect((await person.as(request(t.server).get('/api/me/calendar')).expect(200)).body).toEqual({
      url: null,
    });

    const leaver = await createUser(t, home.council);
    const leaverUrl = await linkOf(leaver);
    await home.admin
      .as(request(t.server).patch(`/api/users/${leaver.user.id}`))
      .send({ disabled: true })
      .expect(200);
    await fetchFeed(leaverUrl).expect(404);
  });

  it('refuses guessed, borrowed and malformed addresses', async () => {
    const url = await linkOf(home.staff);
    const [, , , userId, file] = new URL(url).pathname.split('/');
    const otherId = away.staff.user.id;
    // Someone else's id with my token, a token one character off, and junk.
    await request(t.server).get(`/api/calendar/${otherId}/${file}`).expect(404);
    const flipped = `${file?.startsWith('A') ? 'B' : 'A'}${file?.slice(1)}`;
    await request(t.server).get(`/api/calendar/${userId}/${flipped}`).expect(404);
    await request(t.server).get(`/api/calendar/${userId}/not-a-token.ics`).expect(400);
    await request(t.server).get(`/api/calendar/not-a-uuid/${file}`).expect(400);
    await request(t.server)
      .get(`/api/calendar/${userId}/${'A'.repeat(5000)}.ics`)
      .expect(400);
    await request(t.server).post('/api/me/calendar').expect(401);
  });

  it('keeps serving the right feed through a flood of guessed addresses', async () => {
    const url = await linkOf(home.staff);
    const [, , , userId] = new URL(url).pathname.split('/');
    const guess = () =>
      `${Buffer.from(Math.random().toString()).toString('base64url').padEnd(43, 'x').slice(0, 43)}.ics`;
    const answers = await Promise.all(
      Array.from({ length: 300 }, () =>
        request(t.server).get(`/api/calendar/${userId}/${guess()}`),
      ),
    );
    expect(new Set(answers.map((res) => res.status))).toEqual(new Set([404]));
    await fetchFeed(url).expect(200);
  });

  it('is offered, reset and stopped on My settings', async () => {
    const b = WebBrowser.as(t.server, home.otherStaff);
    const before = await b.get('/settings');
    expect(before.text).toContain('Get a calendar link');
    const made = await b.submit('/settings', '/settings/calendar', {});
    expect(made.status).toBe(303);
    const page = (await b.get('/settings')).text;
    const shown = /value="(https?:\/\/[^"]+\.ics)"/.exec(page)?.[1];
    expect(shown).toBeDefined();
    await fetchFeed(shown ?? '').expect(200);
    const stopped = await b.submit('/settings', '/settings/calendar/stop', {});
    expect(stopped.status).toBe(303);
    await fetchFeed(shown ?? '').expect(404);
  });
});
