import { doc, linesOfText } from '../testing/text';
import { extractFacts } from './document-facts';

function factsOf(lines: string[]) {
  const read = linesOfText(doc(...lines));
  return extractFacts(read, read, 'text', 1);
}

/** The inspectorates of a joint targeted area inspection, lead first. */
const JTAI_INSPECTORATES = [
  'Ofsted',
  'Care Quality Commission',
  'HMICFRS',
  'HM Inspectorate of Probation',
];

describe('extractFacts', () => {
  // Each case: a document's opening lines, and the facts read from them (those it names).
  it.each([
    {
      name: 'reads a focused visit letter: date line, addressee council, visit dates',
      lines: [
        '12 October 2021',
        'Sam Patel',
        'Director of Children’s Services',
        'Millbridge Metropolitan Borough Council',
        'Dear Mr Patel',
        'Focused visit to Millbridge children’s services',
        'This letter summarises the findings of a focused visit to Millbridge children’s services on 14 and 15 September 2021.',
      ],
      facts: {
        kind: 'focused_visit',
        inspectorate: 'Ofsted',
        authority: 'Millbridge Metropolitan Borough Council',
        title: 'Focused visit to Millbridge children’s services',
        publishedOn: '2021-10-12',
        visitStartedOn: '2021-09-14',
        visitEndedOn: '2021-09-15',
      },
    },
    {
      name: 'reads an ILACS report cover without a publication date',
      lines: [
        'Inspection of Radford Vale local authority children’s services',
        'Inspection dates: 6 to 17 March 2023',
        'Lead inspector: Alex Moore, His Majesty’s Inspector',
      ],
      facts: {
        kind: 'full_inspection',
        authority: 'Radford Vale',
        publishedOn: null,
        visitStartedOn: '2023-03-06',
        visitEndedOn: '2023-03-17',
      },
    },
    {
      name: 'splits a cover line that runs the council’s name into the title',
      lines: [
        '1',
        'Westmoor Borough Council Re-inspection of services for children in need of help and',
        '',
        'protection, children looked after and care leavers',
        'Inspection dates: 2 to 26 October 2017',
      ],
      facts: {
        kind: 'full_inspection',
        authority: 'Westmoor Borough Council',
        title:
          'Re-inspection of services for children in need of help and protection, children looked after and care leavers',
      },
    },
    {
      name: 'recognises joint inspections and names every inspectorate',
      lines: [
        'Joint targeted area inspection of the multi-agency response to children living with domestic abuse in Castlereach',
        'This inspection was carried out by Ofsted, the Care Quality Commission (CQC), HMICFRS and HMI Probation.',
      ],
      facts: {
        kind: 'joint_inspection',
        authority: 'Castlereach',
        inspectorates: JTAI_INSPECTORATES,
      },
    },
    {
      name: 'tells a news article from a letter that mentions a visit',
      lines: [
        'Penwick Gazette',
        'Council told to improve children’s services',
        'By Jo Smith, Local Democracy Reporter',
        'Ofsted inspectors found that plans were too vague, the report said.',
        'A council spokesperson said a focused visit was expected next year.',
      ],
      facts: { kind: 'article', inspectorate: 'Ofsted' },
    },
    {
      name: 'recognises a news site’s article by its dateline, caption and reporting verbs',
      lines: [
        'Inspectors praise early help in Sedgemoor',
        '',
        'Tuesday, March 3, 2020',
        '',
        'Inspectors have praised leaders at Sedgemoor Heath Council after a two-day visit.',
        'Picture: Sedgemoor Heath Council',
        'The full report can be read on the Ofsted website.',
      ],
      facts: { kind: 'article', publishedOn: '2020-03-03' },
    },
    {
      name: 'does not take the children in care council for the authority',
      lines: [
        'Annual report',
        'The Children in Care Council met the Lead Member. The Children in Care Council asked for more activities.',
        'Westmoor Borough Council has agreed to fund them.',
      ],
      facts: { authority: 'Westmoor Borough Council' },
    },
    {
      name: 'says "other" for a document it cannot place',
      lines: ['Minutes of the corporate parenting panel', 'Item 1: apologies'],
      facts: { kind: 'other' },
    },
    {
      name: 'names an area SEND report after the local area partnership, from a title split over two lines',
      lines: [
        'Local area partnership report',
        '',
        'Area SEND inspection of Ashdown Local',
        'Area Partnership',
        'Inspection dates: 4 to 8 March 2024',
        'Dates of previous inspection: 2 to 6 May 2016',
        '',
        'Ashdown Borough Council and NHS Ashdown Integrated Care Board are jointly responsible.',
      ],
      facts: {
        kind: 'joint_inspection',
        authority: 'Ashdown Local Area Partnership',
        title: 'Area SEND inspection of Ashdown Local Area Partnership',
        visitStartedOn: '2024-03-04',
      },
    },
    {
      name: 'takes the area from the title, not the greeting or an addressee’s job line',
      lines: [
        '18 December 2019',
        'Jo Reed, Interim Director of Children’s Services, Westby Metropolitan Borough',
        'Council (MBC)',
        'Sam Cole, Chief Constable of Westby Police',
        '',
        'Dear local partnership',
        'Joint targeted area inspection of the multi-agency response to children’s',
        'mental health in Westby.',
        'Between 23 and 27 September 2019, Ofsted, the Care Quality Commission (CQC), HMICFRS and HMI Probation carried out a joint inspection.',
      ],
      facts: {
        kind: 'joint_inspection',
        authority: 'Westby',
        title:
          'Joint targeted area inspection of the multi-agency response to children’s mental health in Westby',
        publishedOn: '2019-12-18',
        inspectorates: JTAI_INSPECTORATES,
      },
    },
    {
      name: 'never takes a greeting above the title for the authority',
      lines: [
        '21 February 2022',
        'Dear Eastmere Local Safeguarding Partnership',
        'Joint targeted area inspection of Eastmere',
        'This letter summarises the findings of the joint targeted area inspection.',
      ],
      facts: { authority: 'Eastmere' },
    },
  ])('$name', ({ lines, facts }) => {
    expect(factsOf(lines)).toMatchObject(facts);
  });

  it.each([
    ['Joint local area SEND revisit in Ashmere', 'joint_inspection'],
    ['Joint area review', 'joint_inspection'],
    ['Joint targeted area inspection of Ashmere', 'joint_inspection'],
    ['Area SEND inspection of Ashmere Local Area Partnership', 'joint_inspection'],
    ['Focused visit to Ashmere children’s services', 'focused_visit'],
  ])('reads the kind of %j', (title, kind) => {
    expect(factsOf([title, 'This letter summarises the findings.']).kind).toBe(kind);
  });
});
