import { doc, linesOfText } from '../testing/text';
import { findJudgements } from './judgements';

const judgementsIn = (lines: string[]) => findJudgements(linesOfText(doc(...lines)));

describe('findJudgements', () => {
  it('reads the ILACS table, with grades wrapped in a narrow column', () => {
    expect(
      judgementsIn([
        'Judgement',
        'Grade',
        'The impact of leaders on social work practice with',
        'children and families',
        'Requires improvement to',
        'be good',
        'The experiences and progress of children in care',
        'Good',
        'Overall effectiveness',
        'Requires improvement to be good',
        '',
        'Leaders have made progress since the last inspection.',
      ]),
    ).toEqual([
      {
        area: 'The impact of leaders on social work practice with children and families',
        grade: 'Requires improvement to be good',
        group: null,
      },
      { area: 'The experiences and progress of children in care', grade: 'Good', group: null },
      { area: 'Overall effectiveness', grade: 'Requires improvement to be good', group: null },
    ]);
  });

  it('reads the SIF areas after the overall judgement, in order', () => {
    expect(
      judgementsIn([
        'Children’s services in Westmoor require improvement to be',
        'good',
        'There are no widespread or serious failures.',
        'The judgements on areas of the service that contribute to overall effectiveness are:',
        '1. Children who need help and protection Requires improvement',
        '2. Children looked after and achieving',
        'permanence',
        'Inadequate',
        '2.1 Adoption performance Good',
        'The Local Safeguarding Children Board is inadequate',
      ]).map((j) => `${j.area}: ${j.grade}`),
    ).toEqual([
      'Overall effectiveness: Requires improvement to be good',
      'Children who need help and protection: Requires improvement',
      'Children looked after and achieving permanence: Inadequate',
      'Adoption performance: Good',
      'Local Safeguarding Children Board: Inadequate',
    ]);
  });

  it('keeps the groups of a tabbed "Record of main findings"', () => {
    expect(
      judgementsIn([
        'Record of main findings:',
        '',
        'Safeguarding services\t',
        'Overall effectiveness\tAdequate',
        'Capacity for improvement\tGood',
        'Services for looked after children\t',
        'Overall effectiveness\tGood',
      ]),
    ).toEqual([
      { area: 'Overall effectiveness', grade: 'Adequate', group: 'Safeguarding services' },
      { area: 'Capacity for improvement', grade: 'Good', group: 'Safeguarding services' },
      { area: 'Overall effectiveness', grade: 'Good', group: 'Services for looked after children' },
    ]);
  });

  it('finds nothing in prose that merely uses the words', () => {
    expect(judgementsIn(['Practice is good.', 'Some plans require improvement.', ''])).toEqual([]);
  });
});
