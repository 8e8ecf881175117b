import request from 'supertest';
import {
  type ActionJson,
  type ActionListJson,
  daysFromToday,
  todayInLondon,
} from '../factories/actions';
import { createCouncilWithPeople } from '../factories/people';
import { createPlan, type Plan } from '../factories/plans';
import { createTestApp, type TestApp } from '../support/app';
import { first } from '../support/items';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

/** Collects a response body as raw bytes (to see the BOM and line endings as sent). */
function bytes(res: request.Response, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('actions: list, filters and CSV export (e2e)', () => {
  let t: TestApp;
  let home: Cast;
  let away: Cast;
  let plan: Plan;
  let second: Plan;
  let theirs: Plan;
  /** Home actions by title. */
  const byTitle = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    home = await createCouncilWithPeople(t, { code: 'STK' });
    away = await createCouncilWithPeople(t, { code: 'OTH' });
    const staff = home.staff.user.id;
    const other = home.otherStaff.user.id;
    plan = await createPlan(t, home.council, home.manager.user, {
      recommendations: [
        {
          text: 'Improve the quality of care plans for children in care.',
          actions: [
            {
              title: 'Audit care plans',
              status: 'open',
              ownerId: staff,
              dueOn: daysFromToday(-10),
            },
            {
              title: 'Train social workers',
              status: 'in_progress',
              ownerId: other,
              dueOn: daysFromToday(-3),
            },
          ],
        },
        {
          text: 'Make sure managers oversee return home interviews.',
          actions: [
            {
              title: 'Report to the board',
              status: 'completed',
              ownerId: staff,
              dueOn: daysFromToday(-20),
            },
            {
              title: 'Buy a new case system',
              status: 'blocked',
              ownerId: staff,
              dueOn: daysFromToday(5),
            },
          ],
        },
        {
          text: 'Raise to 100% the share of children seen alone.',
          actions: [
            { title: 'Visit children alone', dueOn: null },
            {
              title: '=HYPERLINK("http://evil.example","click")',
              status: 'cancelled',
              ownerId: other,
              dueOn: daysFromToday(-1),
            },
          ],
        },
      ],
    });
    second = await createPlan(t, home.council, home.manager.user, {
      recommendations: [
        {
          actions: [
            {
              title: 'Second inspection action',
              status: 'open',
              ownerId: other,
              dueOn: daysFromToday(30),
            },
          ],
        },
      ],
    });
    for (const action of [...plan.actions, ...second.actions]) byTitle.set(action.title, action.id);
    theirs = await createPlan(t, away.council, away.manager.user, {
      recommendations: [
        {
          text: 'Improve the quality of care plans elsewhere.',
          actions: [
            {
              title: 'Audit care plans too',
              status: 'open',
              ownerId: away.staff.user.id,
              dueOn: daysFromToday(-30),
            },
          ],
        },
      ],
    });
  });

  afterAll(() => t?.close());

  const list = async (query: string, who = home.staff): Promise<ActionListJson> =>
    (await who.as(request(t.server).get(`/api/actions${query}`)).expect(200))
      .body as ActionListJson;
  const titles = (page: ActionListJson): string[] => page.items.map((a) => a.title);

  it('lists the council’s actions only, by deadline with undated last', async () => {
    const page = await list('');
    expect(page).toMatchObject({ total: 7, page: 1, pageSize: 25 });
    expect(titles(page)).toEqual([
      'Report to the board',
      'Audit care plans',
      'Train social workers',
      '=HYPERLINK("http://evil.example","click")',
      'Buy a new case system',
      'Second inspection action',
      'Visit children alone',
    ]);
    const theirList = await list('', away.staff);
    expect(theirList.total).toBe(1);
    expect(first(theirList.items).id).toBe(first(theirs.actions).id);
  });

  it('carries the action JSON', async () => {
    const item = first((await list('?q=Audit')).items);
    expect(item).toMatchObject<Partial<ActionJson>>({
      id: byTitle.get('Audit care plans'),
      reference: `${plan.inspection.reference}-R1-1`,
      owner: { id: home.staff.user.id, name: home.staff.user.name, email: home.staff.user.email },
      status: 'open',
      overdue: true,
      daysLeft: -10,
      smartGaps: [],
      responsible: [home.council.name],
    });
    expect(item.recommendation.text).toContain('care plans');
  });

  it('filters overdue=true: past deadline and still live, first by deadline', async () => {
    const page = await list('?overdue=true');
    expect(titles(page)).toEqual(['Audit care plans', 'Train social workers']);
    expect(page.total).toBe(2);
    expect(page.items.every((a) => a.overdue && (a.daysLeft ?? 0) < 0)).toBe(true);
  });

  it('filters overdue=false as the rest, undated included', async () => {
    const page = await list('?overdue=false');
    expect(page.total).toBe(5);
    expect(titles(page)).toContain('Visit children alone');
    expect(titles(page)).not.toContain('Audit care plans');
  });

  it('filters by one status or a list', async () => {
    expect(titles(await list('?status=blocked'))).toEqual(['Buy a new case system']);
    const both = await list('?status=open,blocked');
    expect(titles(both)).toEqual([
      'Audit care plans',
      'Buy a new case system',
      'Second inspection action',
    ]);
    expect(titles(await list('?status=open&status=blocked'))).toEqual(titles(both));
  });

  it('filters by deadline, both ends inclusive', async () => {
    const before = await list(`?dueBefore=${daysFromToday(-10)}`);
    expect(titles(before)).toEqual(['Report to the board', 'Audit care plans']);
    const between = await list(`?dueAfter=${daysFromToday(-3)}&dueBefore=${daysFromToday(5)}`);
    expect(titles(between)).toEqual([
      'Train social workers',
      '=HYPERLINK("http://evil.example","click")',
      'Buy a new case system',
    ]);
  });

  it('filters by owner, me included', async () => {
    const mine = await list('?ownerId=me');
    expect(mine.total).toBe(3);
    expect(mine.items.every((a) => a.owner?.id === home.staff.user.id)).toBe(true);
    const theirsToo = await list(`?ownerId=${home.otherStaff.user.id}`);
    expect(theirsToo.total).toBe(3);
    // Another council's user is nobody here.
    expect((await list(`?ownerId=${away.staff.user.id}`)).total).toBe(0);
  });

  it('filters by the owner’s team, ignoring case, and sorts by owner', async () => {
    const frontDoor = await list('?team=FRONT%20DOOR');
    expect(frontDoor.total).toBe(3);
    expect(frontDoor.items.every((a) => a.owner?.id === home.otherStaff.user.id)).toBe(true);
    expect((await list('?team=Nobody%20here')).total).toBe(0);
    const names = (await list('?sort=-owner&pageSize=100')).items.map((a) => a.owner?.name ?? null);
    const named = names.filter((name): name is string => name !== null);
    expect(named).toEqual(
      [...named].sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase(), 'en')),
    );
    expect(new Set(named).size).toBeGreaterThan(1);
    // Unassigned actions come last, descending too.
    expect(names.slice(named.length).every((name) => name === null)).toBe(true);
  });

  it('filters by inspection', async () => {
    expect(titles(await list(`?inspectionId=${second.inspection.id}`))).toEqual([
      'Second inspection action',
    ]);
    expect((await list(`?inspectionId=${theirs.inspection.id}`)).total).toBe(0);
  });

  it('searches reference, title, description and recommendation text, case-insensitively', async () => {
    expect(titles(await list('?q=TRAIN'))).toEqual(['Train social workers']);
    // Recommendation text: both actions of R2.
    expect((await list('?q=return%20home')).total).toBe(2);
    expect(titles(await list(`?q=${second.inspection.reference}-R1`))).toEqual([
      'Second inspection action',
    ]);
    // % and _ are literal: only R3 mentions "100%"; nothing has an underscore.
    expect((await list('?q=%25')).total).toBe(2);
    expect((await list('?q=_')).total).toBe(0);
    // Not another council's.
    expect((await list('?q=elsewhere')).total).toBe(0);
  });

  it('sorts', async () => {
    const desc = titles(await list('?sort=-dueOn'));
    expect(desc[0]).toBe('Second inspection action');
    expect(desc[desc.length - 1]).toBe('Visit children alone');
    // Punctuation sorts by the database collation; the words, alphabetically.
    expect(titles(await list('?sort=title')).filter((title) => !title.startsWith('='))).toEqual([
      'Audit care plans',
      'Buy a new case system',
      'Report to the board',
      'Second inspection action',
      'Train social workers',
      'Visit children alone',
    ]);
    const refs = (await list('?sort=reference')).items.map((a) => a.reference);
    expect(refs.slice(0, 2)).toEqual([
      `${plan.inspection.reference}-R1-1`,
      `${plan.inspection.reference}-R1-2`,
    ]);
    expect((await list('?sort=status')).items.map((a) => a.status)).toEqual([
      'draft',
      'open',
      'open',
      'in_progress',
      'blocked',
      'completed',
      'cancelled',
    ]);
    const updated = (await list('?sort=-updatedAt')).items.map((a) => a.updatedAt);
    expect([...updated].sort().reverse()).toEqual(updated);
  });

  it('pages', async () => {
    const page = await list('?page=2&pageSize=3');
    expect(page).toMatchObject({ total: 7, page: 2, pageSize: 3 });
    expect(titles(page)).toEqual([
      '=HYPERLINK("http://evil.example","click")',
      'Buy a new case system',
      'Second inspection action',
    ]);
    expect((await list('?page=9&pageSize=3')).items).toEqual([]);
  });

  it.each([
    ['page=0', /page must not be less than 1/],
    ['page=abc', /page must be a whole number/],
    ['page=1.5', /page must be a whole number/],
    ['pageSize=101', /pageSize must not be greater than 100/],
    ['pageSize=0', /pageSize/],
    ['sort=due', /sort must be one of/],
    ['status=done', /status must be one or more of/],
    ['status=open,', /status must be one or more of/],
    ['overdue=yes', /overdue must be true or false/],
    ['dueBefore=2026-02-30', /dueBefore must be a real date/],
    ['dueAfter=1/2/2026', /dueAfter must be a date as YYYY-MM-DD/],
    ['dueBefore=9999-12-31', /^dueBefore must be a date from 2000-01-01 to \d{4}-\d{2}-\d{2}$/],
    ['dueAfter=1999-12-31', /^dueAfter must be a date from 2000-01-01 to \d{4}-\d{2}-\d{2}$/],
    ['ownerId=someone', /ownerId must be a UUID or "me"/],
    ['inspectionId=42', /inspectionId must be a UUID/],
    ['q=', /q must be longer than or equal to 1/],
    [`q=${'x'.repeat(201)}`, /q must be shorter than or equal to 200/],
    ['q=%20%20', /q must not be blank/],
    ['colour=red', /colour should not exist/],
    ['dueAfter=2026-05-01&dueBefore=2026-04-01', /dueAfter must not be later than dueBefore/],
  ])('answers 400 for %s', async (query, message) => {
    const res = await home.staff.as(request(t.server).get(`/api/actions?${query}`)).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect((res.body as { message: string }).message).toMatch(message);
  });

  it('needs a session', async () => {
    await request(t.server).get('/api/actions').expect(401);
    await request(t.server).get('/api/actions/export.csv').expect(401);
  });

  describe('GET /actions/export.csv', () => {
    const download = (query: string, who = home.staff) =>
      who
        .as(request(t.server).get(`/api/actions/export.csv${query}`))
        .buffer(true)
        .parse(bytes)
        .expect(200);
    const csvText = async (query: string, who = home.staff): Promise<string> =>
      ((await download(query, who)).body as Buffer).toString('utf8');

    it('is a UTF-8 CSV attachment with BOM, CRLF, a header row and ISO dates', async () => {
      const res = await download('');
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="actions-${todayInLondon()}.csv"`,
      );
      expect(res.headers['x-total-count']).toBe('7');
      const body = res.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = body.subarray(3).toString('utf8');
      const lines = text.split('\r\n');
      expect(lines[0]).toMatch(/^Reference,Title,Description,Status,/);
      expect(lines).toHaveLength(7 + 2); // header, 7 rows, and "" after the last CRLF
      expect(text.replace(/\r\n/g, '')).not.toContain('\n');
      expect(text).toContain(`${plan.inspection.reference}-R1-1,Audit care plans,`);
      expect(text).toContain(`,${daysFromToday(-10)},`);
      expect(text).not.toContain('Audit care plans too');
    });

    it('neutralises formulas', async () => {
      const text = await csvText('?status=cancelled');
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
      expect(text).not.toMatch(/,"?=HYPERLINK/);
    });

    it('applies the filters, and keeps to the caller’s council', async () => {
      const overdue = await csvText('?overdue=true');
      expect(overdue.split('\r\n')).toHaveLength(2 + 2);
      expect(overdue).toContain('Audit care plans');
      expect(overdue).toContain('Train social workers');

      const theirsCsv = await csvText('', away.staff);
      expect(theirsCsv).toContain('Audit care plans too');
      expect(theirsCsv).not.toContain('Train social workers');
    });

    it('refuses bad filters and paging parameters', async () => {
      await home.staff
        .as(request(t.server).get('/api/actions/export.csv?overdue=maybe'))
        .expect(400);
      await home.staff.as(request(t.server).get('/api/actions/export.csv?page=2')).expect(400);
    });
  });
});
