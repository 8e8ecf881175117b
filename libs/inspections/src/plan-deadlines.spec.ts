import { planDeadlines } from './plan-deadlines';

describe('planDeadlines', () => {
  it('gives a full inspection a final plan deadline 70 working days on, and no draft', () => {
    // Tue 12 July 2016: 14 weeks → Tue 18 Oct; summer bank holiday Mon 29 Aug adds one → Wed 19 Oct.
    expect(planDeadlines('full_inspection', ['improvement'], '2016-07-12')).toEqual({
      draftPlanDueOn: null,
      finalPlanDueOn: '2016-10-19',
    });
  });

  it('adds a draft plan deadline 20 working days on when there are priority actions', () => {
    // Tue 12 July 2016: 4 weeks, no holiday → Tue 9 Aug.
    expect(
      planDeadlines('full_inspection', ['priority_action', 'improvement'], '2016-07-12'),
    ).toEqual({ draftPlanDueOn: '2016-08-09', finalPlanDueOn: '2016-10-19' });
  });

  it('gives a letter with areas for priority action both deadlines', () => {
    // Thu 20 Feb 2020: 20 working days → Thu 19 Mar; 70 → Wed 3 June (see working-days.spec).
    expect(planDeadlines('focused_visit', ['priority_action'], '2020-02-20')).toEqual({
      draftPlanDueOn: '2020-03-19',
      finalPlanDueOn: '2020-06-03',
    });
  });

  it('sets none for other documents', () => {
    expect(planDeadlines('focused_visit', ['improvement'], '2020-02-20')).toEqual({
      draftPlanDueOn: null,
      finalPlanDueOn: null,
    });
    expect(planDeadlines('joint_inspection', [], '2020-02-20')).toEqual({
      draftPlanDueOn: null,
      finalPlanDueOn: null,
    });
  });
});
