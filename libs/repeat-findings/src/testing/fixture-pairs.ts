/**
 * Recommendations written for the tests (not from any report), in pairs a person has judged:
 * the same weakness said again in other words (repeats), and pairs on a nearby subject that are
 * a different weakness (near misses). The matcher's unit tests hold it to these.
 */
export interface FixturePair {
  earlier: string;
  later: string;
  /** Words the matcher must report as shared, for repeats. */
  shares?: string[];
}

export const FIXTURE_REPEATS: readonly FixturePair[] = [
  {
    earlier: 'Ensure that supervision is regular, reflective and recorded on the child’s file.',
    later:
      'The recording of supervision sessions, so that reflection and agreed actions are clear.',
    shares: ['supervision'],
  },
  {
    earlier: 'Improve the timeliness of assessments for children in need.',
    later: 'Assessments of children in need should be completed in a timely way.',
    shares: ['assessments'],
  },
  {
    earlier:
      'Ensure that all care leavers have up-to-date pathway plans that they have contributed to.',
    later:
      'Care leavers’ pathway plans are not up to date and young people do not contribute to them.',
    shares: ['careleaver', 'pathwayplan'],
  },
  {
    earlier: 'Make sure that children looked after receive life story work.',
    later: 'Life-story work for children in care, so they understand their histories.',
    shares: ['lifestory'],
  },
  {
    earlier: 'Reduce caseloads in the assessment teams so that social workers can visit children.',
    later: 'Social workers’ case loads in assessment teams are too high.',
    shares: ['caseload'],
  },
  {
    earlier: 'Return home interviews for children who go missing should be completed promptly.',
    later: 'Children who go missing are not always offered a return home interview.',
    shares: ['missing'],
  },
];

export const FIXTURE_NEAR_MISSES: readonly FixturePair[] = [
  {
    // Visits to foster carers by their supervising social worker, not social workers' supervision.
    earlier:
      'Foster carers should be visited at least every six weeks by their supervising social worker.',
    later: 'Supervision of social workers should be reflective and challenge their practice.',
  },
  {
    // Plans, but education plans, not care leavers' pathway plans.
    earlier: 'Care leavers’ pathway plans should be up to date.',
    later: 'Personal education plans should set targets for attainment in school.',
  },
  {
    // Timeliness, but of health assessments, not of strategy meetings.
    earlier: 'Strategy meetings should be held promptly and include the police.',
    later: 'Initial health assessments for children in care should be timely.',
  },
  {
    // Quality assurance of adoption panel papers, not of frontline case audits.
    earlier: 'Case audits should be moderated and their findings used to improve practice.',
    later: 'Ensure effective quality assurance of reports presented to the adoption panel.',
  },
];
