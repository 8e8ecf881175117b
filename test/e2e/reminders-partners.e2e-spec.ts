import { CouncilsService, OrganisationsService } from '@app/people';
import { createCouncil, createUser, type TestUser } from '../factories/people';
import { createPlan } from '../factories/plans';
import { createReminderRig, dayFrom, type ReminderRig } from '../support/reminders';
import { first } from '../support/items';

// Thursday 17 June 2027: no bank holiday or weekend moves any moment below (docs/reminders.md).
const DUE_ON = '2027-06-17';
const TITLE = 'Complete initial health assessments within 20 working days';

/**
 * A partner's overdue action through the real sweep, worker and SMTP: escalated first to the
 * partner's own lead, then, past 28 days, to the council's lead for that partner instead of
 * the admins (who hear about the council's own actions, not this one).
 */
describe('Reminders: a partner agency’s overdue action', () => {
  let rig: ReminderRig;
  let admin: TestUser;
  let councilLead: TestUser;
  let partnerLead: TestUser;
  let owner: TestUser;
  let reference: string;
  const received: string[] = [];

  beforeAll(async () => {
    rig = await createReminderRig({ start: `${DUE_ON}T07:30:00+01:00` });
    const council = await createCouncil(rig.api, { code: 'PTN' });
    await rig.api.app
      .get(CouncilsService)
      .updateSettings(council.id, { notifications: { weeklyDigest: false } });
    admin = await createUser(rig.api, council, { role: 'admin', name: 'Ada Admin' });
    councilLead = await createUser(rig.api, council, { role: 'manager', name: 'Cal Lead' });
    const organisations = rig.api.app.get(OrganisationsService);
    const icb = await organisations.create(council.id, {
      name: 'NHS Partnerton Integrated Care Board',
      kind: 'health',
      councilLeadId: councilLead.user.id,
    });
    partnerLead = await createUser(rig.api, council, {
      role: 'partner',
      name: 'Pat Lead',
      organisationId: icb.id,
    });
    await organisations.update(council.id, icb.id, { leadId: partnerLead.user.id });
    owner = await createUser(rig.api, council, {
      role: 'partner',
      name: 'Olu Owner',
      organisationId: icb.id,
    });
    const plan = await createPlan(rig.api, council, admin.user, {
      recommendations: [
        {
          actions: [
            {
              title: TITLE,
              status: 'open',
              ownerId: owner.user.id,
              organisationId: icb.id,
              dueOn: DUE_ON,
            },
          ],
        },
      ],
    });
    reference = first(plan.actions).reference;

    for (let day = 0; day <= 29; day++) {
      rig.clock.set(`${dayFrom(DUE_ON, day)}T08:30:00+01:00`);
      await rig.sweep();
      await rig.settle();
      received.push(
        ...rig
          .takeMail()
          .map((mail) => `${day} ${mail.to.join(',')} ${mail.subject}`)
          .sort(),
      );
    }
  }, 120_000);

  afterAll(() => rig?.close());

  it('escalates to the partner’s lead, then the council’s lead for the partner, never the admins', () => {
    const to = (user: TestUser) => user.user.email;
    const escalations = received.filter((line) => / Escalation: /.test(line));
    expect(escalations).toEqual([
      `1 ${to(partnerLead)} Escalation: 1 action overdue in your team`,
      `8 ${to(partnerLead)} Escalation: 1 action overdue in your team`,
      `15 ${to(partnerLead)} Escalation: 1 action overdue in your team`,
      `22 ${to(partnerLead)} Escalation: 1 action overdue in your team`,
      `29 ${to(councilLead)} Escalation: 1 action overdue by more than 28 days`,
      `29 ${to(partnerLead)} Escalation: 1 action overdue in your team`,
    ]);
    expect(received.join('\n')).not.toContain(to(admin));
    // The owner hears as anyone does.
    expect(received).toContain(`1 ${to(owner)} Overdue by 1 day: ${reference} ${TITLE}`);
  });
});
