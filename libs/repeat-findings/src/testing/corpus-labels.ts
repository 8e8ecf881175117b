/**
 * Labelled pairs over the public corpus (../shared/corpus and ../shared/corpus-next), by file
 * name and position (1 = the first item of the report's list as the extractor returns it). The
 * reports' text is read at evaluation time and never copied here.
 *
 * How these were labelled: each list item of the QUERY reports (shorter, later letters, as a
 * council's new import would be) was read against every list item of every other corpus report.
 * A pair is a repeat when an inspector reading both would say "this weakness was identified
 * before": the same practice failing (supervision, life-story work, quality assurance, care
 * leavers' health histories), whatever the words. Pairs on the same subject but a different
 * weakness (strategy meetings' partner attendance vs strategy meetings for children already on
 * plans; supervision in health services vs in social work) are near misses, NOT repeats. Every
 * pair of a query item with an item of another report that is not listed in REPEATS is labelled
 * not a repeat.
 */
export const QUERY_FILES: readonly string[] = [
  'stockport-focused-visit-2019.txt',
  'stoke-focused-visit-2018.txt',
  '014_fv_peterborough_2023.pdf',
  'rochdale-2018-ilacs-inspection.pdf',
  '017_fv_brent_2025.pdf',
  'bournemouth-christchurch-poole-2022-ilacs-inspection.pdf',
  '013_fv_luton_2021.pdf',
];

export type LabelledItem = readonly [file: string, position: number];

const STOCKPORT_FV = 'stockport-focused-visit-2019.txt';
const STOCKPORT_2012 = 'stockport-safeguarding-lac-inspection-2012.txt';
const STOKE = 'stoke-focused-visit-2018.txt';
const PETERBOROUGH = '014_fv_peterborough_2023.pdf';
const ROCHDALE = 'rochdale-2018-ilacs-inspection.pdf';
const BRENT = '017_fv_brent_2025.pdf';
const BCP = 'bournemouth-christchurch-poole-2022-ilacs-inspection.pdf';
const LUTON = '013_fv_luton_2021.pdf';
const CHESHIRE = 'cheshire-east-2015-sif-inspection.pdf';
const LAMBETH = 'lambeth-2015-sif-inspection.pdf';
const LIVERPOOL = 'liverpool-2014-sif-inspection.pdf';
const NE_LINCS = 'north-east-lincolnshire-2017-sif-inspection.pdf';
const SOLIHULL = '015_jtai_solihull_2022.pdf';

const repeatsOf = (
  item: LabelledItem,
  ...others: LabelledItem[]
): Array<readonly [LabelledItem, LabelledItem]> => others.map((other) => [item, other] as const);

/** The pairs judged repeats; order within a pair does not matter. */
export const REPEATS: ReadonlyArray<readonly [LabelledItem, LabelledItem]> = [
  // Clarity of actions in children's plans, who does what, what success looks like.
  ...repeatsOf([STOCKPORT_FV, 1], [LAMBETH, 6], [CHESHIRE, 9], [LUTON, 2]),
  // Supervision: recorded, reflective, challenging, next steps.
  ...repeatsOf([STOCKPORT_FV, 2], [CHESHIRE, 3], [LAMBETH, 18], [LIVERPOOL, 12], [STOKE, 2]),
  ...repeatsOf([STOCKPORT_FV, 2], [PETERBOROUGH, 5]),
  // Strategy meetings for children already on plans: no earlier repeat (near misses only).
  // Caseloads.
  ...repeatsOf([STOKE, 1], [LIVERPOOL, 3], [LIVERPOOL, 4]),
  ...repeatsOf([STOKE, 2], [CHESHIRE, 3], [LAMBETH, 18], [LIVERPOOL, 12], [PETERBOROUGH, 5]),
  // Recording decisions and case discussions.
  ...repeatsOf([STOKE, 3], [CHESHIRE, 6]),
  // Timeliness of the front door's response.
  ...repeatsOf([PETERBOROUGH, 1], [SOLIHULL, 3]),
  // Extra-familial harm (sexual exploitation, going missing).
  ...repeatsOf([PETERBOROUGH, 2], [CHESHIRE, 7], [NE_LINCS, 2]),
  // Quality assurance, auditing, managers' oversight.
  ...repeatsOf(
    [PETERBOROUGH, 4],
    [STOCKPORT_2012, 7],
    [STOCKPORT_2012, 19],
    [LAMBETH, 17],
    [SOLIHULL, 9],
    [BCP, 5],
    [LIVERPOOL, 6],
    [LIVERPOOL, 21],
    [CHESHIRE, 13],
  ),
  // Quality of supervision.
  ...repeatsOf([PETERBOROUGH, 5], [CHESHIRE, 3], [LAMBETH, 18], [LIVERPOOL, 12]),
  // Children's experiences and voice.
  ...repeatsOf([PETERBOROUGH, 7], [SOLIHULL, 6], [LIVERPOOL, 11], [ROCHDALE, 2]),
  // Quality of practice and management oversight.
  ...repeatsOf([ROCHDALE, 1], [BCP, 5], [BCP, 2], [CHESHIRE, 1], [LIVERPOOL, 12], [LAMBETH, 9]),
  // Thresholds, stepping down, ending plans.
  ...repeatsOf([ROCHDALE, 3], [CHESHIRE, 10], [CHESHIRE, 4]),
  // Children's understanding of their histories: life-story work, later-life letters.
  ...repeatsOf(
    [ROCHDALE, 4],
    [LAMBETH, 12],
    [LIVERPOOL, 10],
    [BRENT, 2],
    [CHESHIRE, 17],
    [NE_LINCS, 9],
  ),
  // Children missing from home or care.
  ...repeatsOf([BRENT, 1], [LAMBETH, 1], [LIVERPOOL, 13], [CHESHIRE, 7]),
  // Life-story work.
  ...repeatsOf([BRENT, 2], [LAMBETH, 12], [LIVERPOOL, 10], [CHESHIRE, 17]),
  // Recruitment and retention, stable workforce.
  ...repeatsOf([BCP, 1], [LIVERPOOL, 23], [LAMBETH, 15]),
  // Quality of practice: assessment and planning.
  ...repeatsOf(
    [BCP, 2],
    [LIVERPOOL, 5],
    [CHESHIRE, 8],
    [NE_LINCS, 1],
    [STOCKPORT_2012, 2],
    [LUTON, 3],
  ),
  // Quality assurance and management oversight.
  ...repeatsOf(
    [BCP, 5],
    [STOCKPORT_2012, 7],
    [LAMBETH, 17],
    [SOLIHULL, 9],
    [LIVERPOOL, 6],
    [CHESHIRE, 1],
  ),
  // Attainment and progress of children in care.
  ...repeatsOf([BCP, 6], [LIVERPOOL, 16], [STOCKPORT_2012, 24]),
  // Care leavers' health histories.
  ...repeatsOf([BCP, 7], [LAMBETH, 13], [NE_LINCS, 8]),
  // Help for children below the threshold for social care.
  ...repeatsOf([LUTON, 1], [CHESHIRE, 4]),
  // Reviewing progress of child in need and child protection plans.
  ...repeatsOf([LUTON, 2], [LAMBETH, 7], [LAMBETH, 6], [CHESHIRE, 9]),
  // Children's identity and diverse needs in assessments.
  ...repeatsOf([LUTON, 3], [STOCKPORT_2012, 4]),
  // Assessing family and friends carers (connected persons).
  ...repeatsOf([LUTON, 5], [CHESHIRE, 1]),
];
