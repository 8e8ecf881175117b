import { textToPages } from '../input/text-lines';
import { extractFacts } from './document-facts';

function factsOf(text: string) {
  const lines = textToPages(text).flatMap((p) => p.lines);
  return extractFacts(lines, lines, 'text', 1);
}

describe('extractFacts', () => {
  it('reads a focused visit letter: date line, addressee council, visit dates', () => {
    expect(
      factsOf(
        [
          '12 October 2021',
          'Sam Patel',
          'Director of Children’s Services',
          'Millbridge Metropolitan Borough Council',
          'Dear Mr Patel',
          'Focused visit to Millbridge children’s services',
          'This letter summarises the findings of a focused visit to Millbridge children’s services on 14 and 15 September 2021.',
        ].join('\n'),
      ),
    ).toMatchObject({
      kind: 'focused_visit',
      inspectorate: 'Ofsted',
      authority: 'Millbridge Metropolitan Borough Council',
      title: 'Focused visit to Millbridge children’s services',
      publishedOn: '2021-10-12',
      visitStartedOn: '2021-09-14',
      visitEndedOn: '2021-09-15',
    });
  });

  it('reads an ILACS report cover without a publication date', () => {
    expect(
      factsOf(
        [
          'Inspection of Radford Vale local authority children’s services',
          'Inspection dates: 6 to 17 March 2023',
          'Lead inspector: Alex Moore, His Majesty’s Inspector',
        ].join('\n'),
      ),
    ).toMatchObject({
      kind: 'full_inspection',
      authority: 'Radford Vale',
      publishedOn: null,
      visitStartedOn: '2023-03-06',
      visitEndedOn: '2023-03-17',
    });
  });

  it('splits a cover line that runs the council’s name into the title', () => {
    expect(
      factsOf(
        [
          '1',
          'Westmoor Borough Council Re-inspection of services for children in need of help and',
          '',
          'protection, children looked after and care leavers',
          'Inspection dates: 2 to 26 October 2017',
        ].join('\n'),
      ),
    ).toMatchObject({
      kind: 'full_inspection',
      authority: 'Westmoor Borough Council',
      title:
        'Re-inspection of services for children in need of help and protection, children looked after and care leavers',
    });
  });

  it('recognises joint inspections and names every inspectorate', () => {
    const facts = factsOf(
      [
        'Joint targeted area inspection of the multi-agency response to children living with domestic abuse in Castlereach',
        'This inspection was carried out by Ofsted, the Care Quality Commission (CQC), HMICFRS and HMI Probation.',
      ].join('\n'),
    );
    expect(facts.kind).toBe('joint_inspection');
    expect(facts.authority).toBe('Castlereach');
    expect(facts.inspectorates).toEqual([
      'Ofsted',
      'Care Quality Commission',
      'HMICFRS',
      'HM Inspectorate of Probation',
    ]);
  });

  it('tells a news article from a letter that mentions a visit', () => {
    const facts = factsOf(
      [
        'Penwick Gazette',
        'Council told to improve children’s services',
        'By Jo Smith, Local Democracy Reporter',
        'Ofsted inspectors found that plans were too vague, the report said.',
        'A council spokesperson said a focused visit was expected next year.',
      ].join('\n'),
    );
    expect(facts.kind).toBe('article');
    expect(facts.inspectorate).toBe('Ofsted');
  });

  it('recognises a news site’s article by its dateline, caption and reporting verbs', () => {
    expect(
      factsOf(
        [
          'Inspectors praise early help in Sedgemoor',
          '',
          'Tuesday, March 3, 2020',
          '',
          'Inspectors have praised leaders at Sedgemoor Heath Council after a two-day visit.',
          'Picture: Sedgemoor Heath Council',
          'The full report can be read on the Ofsted website.',
        ].join('\n'),
      ),
    ).toMatchObject({ kind: 'article', publishedOn: '2020-03-03' });
  });

  it('does not take the children in care council for the authority', () => {
    expect(
      factsOf(
        [
          'Annual report',
          'The Children in Care Council met the Lead Member. The Children in Care Council asked for more activities.',
          'Westmoor Borough Council has agreed to fund them.',
        ].join('\n'),
      ).authority,
    ).toBe('Westmoor Borough Council');
  });

  it('says "other" for a document it cannot place', () => {
    expect(factsOf('Minutes of the corporate parenting panel\nItem 1: apologies').kind).toBe(
      'other',
    );
  });

  it('names an area SEND report after the local area partnership, from a title split over two lines', () => {
    expect(
      factsOf(
        [
          'Local area partnership report',
          '',
          'Area SEND inspection of Ashdown Local',
          'Area Partnership',
          'Inspection dates: 4 to 8 March 2024',
          'Dates of previous inspection: 2 to 6 May 2016',
          '',
          'Ashdown Borough Council and NHS Ashdown Integrated Care Board are jointly responsible.',
        ].join('\n'),
      ),
    ).toMatchObject({
      kind: 'joint_inspection',
      authority: 'Ashdown Local Area Partnership',
      title: 'Area SEND inspection of Ashdown Local Area Partnership',
      visitStartedOn: '2024-03-04',
    });
  });

  it('takes the area from the title, not the greeting or an addressee’s job line', () => {
    const facts = factsOf(
      [
        '18 December 2019',
        'Jo Reed, Interim Director of Children’s Services, Westby Metropolitan Borough',
        'Council (MBC)',
        'Sam Cole, Chief Constable of Westby Police',
        '',
        'Dear local partnership',
        'Joint targeted area inspection of the multi-agency response to children’s',
        'mental health in Westby.',
        'Between 23 and 27 September 2019, Ofsted, the Care Quality Commission (CQC), HMICFRS and HMI Probation carried out a joint inspection.',
      ].join('\n'),
    );
    expect(facts).toMatchObject({
      kind: 'joint_inspection',
      authority: 'Westby',
      title:
        'Joint targeted area inspection of the multi-agency response to children’s mental health in Westby',
      publishedOn: '2019-12-18',
    });
    expect(facts.inspectorates).toEqual([
      'Ofsted',
      'Care Quality Commission',
      'HMICFRS',
      'HM Inspectorate of Probation',
    ]);
  });

  it('never takes a greeting above the title for the authority', () => {
    expect(
      factsOf(
        [
          '21 February 2022',
          'Dear Eastmere Local Safeguarding Partnership',
          'Joint targeted area inspection of Eastmere',
          'This letter summarises the findings of the joint targeted area inspection.',
        ].join('\n'),
      ).authority,
    ).toBe('Eastmere');
  });

  it.each([
    ['Joint local area SEND revisit in Ashmere', 'joint_inspection'],
    ['Joint area review', 'joint_inspection'],
    ['Joint targeted area inspection of Ashmere', 'joint_inspection'],
    ['Area SEND inspection of Ashmere Local Area Partnership', 'joint_inspection'],
    ['Focused visit to Ashmere children’s services', 'focused_visit'],
  ])('reads the kind of %j', (title, kind) => {
    expect(factsOf([title, 'This letter summarises the findings.'].join('\n')).kind).toBe(kind);
  });
});
