import { QueueName } from '@app/queue';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { daysFromToday } from '../factories/actions';
import { createCouncilWithPeople, type TestUser } from '../factories/people';
import { createPlan, type PlanActionInput } from '../factories/plans';
import { createTestApp, type TestApp } from '../support/app';
import { createReminderRig, type ReminderRig } from '../support/reminders';
import { WebBrowser } from '../support/web';
import { first } from '../support/items';

type Cast = Awaited<ReturnType<typeof createCouncilWithPeople>>;

/** "12 March 2027", as the page writes dates. */
function longDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T12:00:00Z`));
}

/** The text of the History section. */
const historyOf = (html: string): string => html.split('id="history"')[1] ?? '';

describe('web pages (e2e): the action page', () => {
  let t: TestApp;
  let home: Cast;
  let away: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    home = await createCouncilWithPeople(t, { name: 'Brackwater Borough Council' });
    away = await createCouncilWithPeople(t, { name: 'Farshire County Council' });
  });

  afterAll(() => t?.close());

  /** An action of the home council: open, owned by the staff member, due in 20 days. */
  async function makeAction(
    input: PlanActionInput = {},
  ): Promise<{ id: string; reference: string }> {
    const plan = await createPlan(t, home.council, home.manager.user, {
      recommendations: [
        {
          text: 'Improve the timeliness of child protection plans.',
          actions: [
            {
              title: 'Audit every child protection plan',
              status: 'open',
              ownerId: home.staff.user.id,
              dueOn: daysFromToday(20),
              successMeasure: '95% of plans audited as good',
              ...input,
            },
          ],
        },
      ],
    });
    const { id, reference } = first(plan.actions);
    return { id, reference };
  }

  const as = (user: TestUser) => WebBrowser.as(t.server, user);

  const count = async (sql: string, params: unknown[]): Promise<number> => {
    const rows = await t.app.get(DataSource).query<{ n: number }[]>(sql, params);
    return Number(first(rows).n);
  };

  it('shows the owner the action, its recommendation, details and their forms', async () => {
    const { id, reference } = await makeAction();
    const res = await as(home.staff).get(`/actions/${id}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<title>Audit every child protection plan');
    expect(res.text).toContain(`Action ${reference}`);
    expect(res.text).toContain('Brackwater Borough Council');
    expect(res.text).toMatch(/govuk-tag--blue">\s*Open\s*</);
    expect(res.text).toMatch(
      /class="govuk-inset-text">[\s\S]*Improve the timeliness of child protection plans\./,
    );
    expect(res.text).toContain(
      `${home.council.code}-2026: Inspection of Brackwater Borough Council`,
    );
    expect(res.text).toContain('What needs to improve');
    expect(res.text).toContain(home.staff.user.name);
    expect(res.text).toContain(longDate(daysFromToday(20)));
    expect(res.text).toContain('20 days left');
    expect(res.text).toContain('95% of plans audited as good');
    expect(res.text).toMatch(
      /class="govuk-back-link"[^>]*href="\/"|href="\/"[^>]*class="govuk-back-link"/,
    );
    // The owner moves it along and adds notes, but not to verified or cancelled.
    expect(res.text).toContain(`action="/actions/${id}/status"`);
    expect(res.text).toContain('value="in_progress"');
    expect(res.text).toContain('value="blocked"');
    expect(res.text).not.toContain('value="verified"');
    expect(res.text).not.toContain('value="cancelled"');
    expect(res.text).toContain(`action="/actions/${id}/progress"`);
  });

  it('says what a draft still needs before it can open, and refuses to open it', async () => {
    const { id } = await makeAction({ status: 'draft', ownerId: null, successMeasure: null });
    const b = as(home.manager);
    const page = await b.get(`/actions/${id}`);
    expect(page.text).toContain('govuk-warning-text');
    expect(page.text).toMatch(
      /govuk-warning-text[\s\S]*Before it can open it needs an owner and a success measure\./,
    );
    const refused = await b.submit(`/actions/${id}`, `/actions/${id}/status`, { status: 'open' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('There is a problem');
    expect(refused.text).toContain(
      'Before this action can open it needs an owner and a success measure',
    );
  });

  it('answers a bad id with Page not found', async () => {
    const res = await as(home.staff).get('/actions/not-a-uuid');
    expect(res.status).toBe(404);
    expect(res.text).toContain('Page not found');
    // Every error page quotes the request id the logs carry.
    expect(res.text).toContain(`quote this reference: ${String(res.headers['x-request-id'])}`);
  });

  it('lets staff move their own action along, with a banner and a history entry', async () => {
    const { id } = await makeAction();
    const b = as(home.staff);
    const noReason = await b.submit(`/actions/${id}`, `/actions/${id}/status`, {
      status: 'blocked',
      statusReason: '',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('href="#statusReason"');
    expect(noReason.text).toContain('Enter why the action is blocked');

    const done = await b.submit(`/actions/${id}`, `/actions/${id}/status`, {
      status: 'blocked',
      statusReason: 'Waiting for the new case system',
    });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe(`/actions/${id}`);
    const page = await b.get(`/actions/${id}`);
    expect(page.text).toContain('govuk-notification-banner--success');
    expect(page.text).toContain('Status changed to Blocked');
    const history = historyOf(page.text);
    expect(history).toContain('Moved from Open to Blocked.');
    expect(history).toContain('Reason: Waiting for the new case system');
    expect(history).toContain(home.staff.user.name);
    // The banner is shown once.
    expect((await b.get(`/actions/${id}`)).text).not.toContain('govuk-notification-banner');
  });

  it('adds a progress note with an evidence link to the history', async () => {
    const { id } = await makeAction();
    const b = as(home.staff);
    const res = await b.submit(`/actions/${id}`, `/actions/${id}/progress`, {
      note: 'Audited 40 of 120 plans; 31 good or better.',
      evidenceUrl: 'https://sharepoint.example.gov.uk/audits/2026-05.xlsx',
    });
    expect(res.status).toBe(303);
    const page = await b.get(`/actions/${id}`);
    expect(page.text).toContain('Progress note added');
    const history = historyOf(page.text);
    expect(history).toContain('Audited 40 of 120 plans; 31 good or better.');
    expect(history).toContain('href="https://sharepoint.example.gov.uk/audits/2026-05.xlsx"');
  });

  it('refuses an evidence link that is not https, keeping what was typed and storing nothing', async () => {
    const { id } = await makeAction();
    const res = await as(home.staff).submit(`/actions/${id}`, `/actions/${id}/progress`, {
      note: 'Audited the first plans',
      evidenceUrl: 'http://example.com/evidence',
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<title>Error: Audit every child protection plan');
    expect(res.text).toContain('govuk-error-summary');
    expect(res.text).toContain('href="#evidenceUrl"');
    expect(res.text).toMatch(
      /id="evidenceUrl-error"[\s\S]*Enter a link to the evidence that starts with https:\/\//,
    );
    expect(res.text).toContain('value="http://example.com/evidence"');
    expect(res.text).toContain('Audited the first plans');
    expect(await count('SELECT count(*) AS n FROM action_updates WHERE action_id = $1', [id])).toBe(
      0,
    );
  });

  it('lets a manager reassign the action, which queues a reminder check', async () => {
    const { id } = await makeAction();
    const b = as(home.manager);
    const res = await b.submit(`/actions/${id}`, `/actions/${id}/owner`, {
      ownerId: home.otherStaff.user.id,
    });
    expect(res.status).toBe(303);
    const page = await b.get(`/actions/${id}`);
    expect(page.text).toContain(`Action assigned to ${home.otherStaff.user.name}`);
    expect(historyOf(page.text)).toContain(
      `Reassigned from ${home.staff.user.name} to ${home.otherStaff.user.name}.`,
    );
    // No worker runs here: the job waits in the reminders queue.
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Reminders), { strict: false });
    const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed']);
    expect(jobs.map((job) => (job.data as { actionId: string }).actionId)).toContain(id);
  });

  it('lets a manager change the deadline with a reason, shown with the due date', async () => {
    const { id } = await makeAction({ dueOn: '2027-03-12' });
    const b = as(home.manager);
    const noReason = await b.submit(`/actions/${id}`, `/actions/${id}/deadline`, {
      dueDay: '9',
      dueMonth: '4',
      dueYear: '2027',
      dueOnReason: '',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('Enter a reason for the new deadline');
    expect(noReason.text).toContain('href="#dueOnReason"');

    const notADate = await b.submit(`/actions/${id}`, `/actions/${id}/deadline`, {
      dueDay: '31',
      dueMonth: '2',
      dueYear: '2027',
      dueOnReason: 'Audit tool delivered late',
    });
    expect(notADate.status).toBe(400);
    expect(notADate.text).toContain('The new deadline must be a real date');
    expect(notADate.text).toContain('href="#dueOn-day"');

    const tooFar = await b.submit(`/actions/${id}`, `/actions/${id}/deadline`, {
      dueDay: '31',
      dueMonth: '12',
      dueYear: '9999',
      dueOnReason: 'Audit tool delivered late',
    });
    expect(tooFar.status).toBe(400);
    const message =
      /The new deadline must be between Saturday 1 January 2000 and \w+ \d{1,2} \w+ \d{4}/;
    expect(tooFar.text).toContain('href="#dueOn-day"');
    // Inline on the field as well as in the summary.
    expect(tooFar.text).toMatch(
      new RegExp(
        `govuk-error-message">\\s*<span class="govuk-visually-hidden">Error:</span> ${message.source}`,
      ),
    );

    const res = await b.submit(`/actions/${id}`, `/actions/${id}/deadline`, {
      dueDay: '9',
      dueMonth: '4',
      dueYear: '2027',
      dueOnReason: 'Audit tool delivered late',
    });
    expect(res.status).toBe(303);
    const page = await b.get(`/actions/${id}`);
    expect(page.text).toContain('Deadline changed to Friday 9 April 2027');
    expect(page.text).toContain('Originally Friday 12 March 2027');
    expect(page.text).toContain(
      `From Friday 12 March 2027 to Friday 9 April 2027 by ${home.manager.user.name}`,
    );
    expect(page.text).toContain('Reason: Audit tool delivered late');
    expect(historyOf(page.text)).toContain(
      'Moved from Friday 12 March 2027 to Friday 9 April 2027.',
    );
  });

  it('lets a manager verify a completed action and cancel another with a reason', async () => {
    const completed = await makeAction({ status: 'completed' });
    const b = as(home.manager);
    expect(
      (await b.submit(`/actions/${completed.id}`, `/actions/${completed.id}/verify`, {})).status,
    ).toBe(303);
    expect((await b.get(`/actions/${completed.id}`)).text).toContain('Action verified');

    const open = await makeAction();
    const noReason = await b.submit(`/actions/${open.id}`, `/actions/${open.id}/cancel`, {
      cancelReason: ' ',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('Enter why the action is cancelled');
    const res = await b.submit(`/actions/${open.id}`, `/actions/${open.id}/cancel`, {
      cancelReason: 'Replaced by a council-wide audit',
    });
    expect(res.status).toBe(303);
    const page = await b.get(`/actions/${open.id}`);
    expect(page.text).toContain('Action cancelled');
    expect(historyOf(page.text)).toContain('Reason: Replaced by a council-wide audit');
  });

  it('shows what ActionsService refuses on the field it names, in the page’s words', async () => {
    const b = as(home.manager);
    const open = await makeAction();
    const illegal = await b.submit(`/actions/${open.id}`, `/actions/${open.id}/status`, {
      status: 'draft',
    });
    expect(illegal.status).toBe(400);
    expect(illegal.text).toContain('href="#status"');
    expect(illegal.text).toContain('The status cannot change from Open to Draft');

    const stranger = await b.submit(`/actions/${open.id}`, `/actions/${open.id}/owner`, {
      ownerId: away.staff.user.id,
    });
    expect(stranger.status).toBe(400);
    expect(stranger.text).toContain('href="#ownerId"');
    expect(stranger.text).toContain('Select who will own this action');

    const verified = await makeAction({ status: 'verified' });
    const late = await b.submit(`/actions/${verified.id}`, `/actions/${verified.id}/cancel`, {
      cancelReason: 'Too late',
    });
    expect(late.status).toBe(400);
    expect(late.text).toContain('This action can no longer be cancelled');
    expect(
      await count(`SELECT count(*) AS n FROM actions WHERE id = $1 AND status = 'verified'`, [
        verified.id,
      ]),
    ).toBe(1);
  });

  it('shows staff no manager forms and refuses their manager posts', async () => {
    const { id } = await makeAction({ status: 'completed' });
    const b = as(home.staff);
    const page = await b.get(`/actions/${id}`);
    expect(page.status).toBe(200);
    for (const form of ['owner', 'success-measure', 'deadline', 'verify', 'cancel']) {
      expect(page.text).not.toContain(`action="/actions/${id}/${form}"`);
    }
    const assign = await b.submit(`/actions/${id}`, `/actions/${id}/owner`, {
      ownerId: home.staff.user.id,
    });
    expect(assign.status).toBe(403);
    expect(assign.text).toContain('You cannot do that');
    expect((await b.submit(`/actions/${id}`, `/actions/${id}/verify`, {})).status).toBe(403);
    expect(
      (await b.submit(`/actions/${id}`, `/actions/${id}/status`, { status: 'verified' })).status,
    ).toBe(403);

    // Someone else's action: no status form, and a post is refused.
    const other = await makeAction({ ownerId: home.otherStaff.user.id });
    const theirs = await b.get(`/actions/${other.id}`);
    expect(theirs.text).not.toContain(`action="/actions/${other.id}/status"`);
    expect(theirs.text).not.toContain(`action="/actions/${other.id}/progress"`);
    const moved = await b.submit(`/actions/${other.id}`, `/actions/${other.id}/status`, {
      status: 'in_progress',
    });
    expect(moved.status).toBe(403);
    expect(
      await count(`SELECT count(*) AS n FROM actions WHERE id = $1 AND status = 'open'`, [
        other.id,
      ]),
    ).toBe(1);
  });

  it('answers another council’s manager with Page not found', async () => {
    const { id } = await makeAction();
    const b = as(away.manager);
    const page = await b.get(`/actions/${id}`);
    expect(page.status).toBe(404);
    expect(page.text).toContain('Page not found');
    const post = await b.submit('/', `/actions/${id}/status`, { status: 'in_progress' });
    expect(post.status).toBe(404);
    expect(
      await count(`SELECT count(*) AS n FROM actions WHERE id = $1 AND status = 'open'`, [id]),
    ).toBe(1);
  });

  it('refuses a form posted without its CSRF token', async () => {
    const { id } = await makeAction();
    const res = await as(home.staff).post(`/actions/${id}/progress`, { note: 'No token' });
    expect(res.status).toBe(403);
    expect(res.text).toContain('You cannot do that');
    expect(await count('SELECT count(*) AS n FROM action_updates WHERE action_id = $1', [id])).toBe(
      0,
    );
  });
});

describe('web pages (e2e): the action page and reminders', () => {
  let rig: ReminderRig;

  beforeAll(async () => {
    rig = await createReminderRig({ start: '2027-03-03T08:30:00Z' });
  });

  afterAll(() => rig?.close());

  it('emails the new owner at once when a manager reassigns the action', async () => {
    const home = await createCouncilWithPeople(rig.api);
    const plan = await createPlan(rig.api, home.council, home.manager.user, {
      recommendations: [
        {
          actions: [
            {
              title: 'Review every child in need plan',
              status: 'open',
              ownerId: home.staff.user.id,
              dueOn: '2027-03-12',
            },
          ],
        },
      ],
    });
    const { id } = first(plan.actions);
    const b = WebBrowser.as(rig.api.server, home.manager);
    const res = await b.submit(`/actions/${id}`, `/actions/${id}/owner`, {
      ownerId: home.otherStaff.user.id,
    });
    expect(res.status).toBe(303);
    await rig.settle();
    const rows = await rig.api.app
      .get(DataSource)
      .query<{ recipient_id: string }[]>(
        `SELECT recipient_id FROM notifications WHERE action_id = $1 AND kind = 'assigned'`,
        [id],
      );
    expect(rows.map((row) => row.recipient_id)).toEqual([home.otherStaff.user.id]);
    expect(
      rig.takeMail().map((mail) => `${mail.to.join(',')} ${mail.subject.split(':')[0]}`),
    ).toEqual([`${home.otherStaff.user.email} Assigned to you`]);
  });
});
