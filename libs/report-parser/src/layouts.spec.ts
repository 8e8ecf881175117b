import { extractReport } from './extract';
import { doc } from './testing/text';

/**
 * The layouts councils receive now (area SEND reports, joint targeted area inspection letters,
 * focused visit letters whose lists cross a page break), each in the smallest fictional text
 * that shows it. The public corpus in ../shared/corpus-next has real documents in each.
 */
const items = async (text: string): Promise<Array<[string | undefined, string[], string[]]>> =>
  (await extractReport(text)).recommendations.map((r) => [
    r.text.split('\n')[0],
    r.subItems,
    r.responsible,
  ]);

describe('items that are plain paragraphs', () => {
  const areaSend = (...list: string[]): string =>
    doc(
      'Area SEND inspection of Ashdown Local',
      'Area Partnership',
      'Inspection dates: 4 to 8 March 2024',
      '',
      'Areas for improvement',
      '',
      ...list,
      '',
      'Local area partnership details',
      '',
      'Ashdown Borough Council    NHS Ashdown Integrated Care Board',
    );

  it('takes each paragraph as an item, with blank lines between them', async () => {
    const text = areaSend(
      'Leaders across the partnership should widen the range of views they gather from',
      'families. They should use these views to plan services.',
      '',
      'Leaders across the partnership should check the quality of new EHC plans.',
    );
    expect(await items(text)).toEqual([
      [
        'Leaders across the partnership should widen the range of views they gather from families. They should use these views to plan services.',
        [],
        ['Ashdown Local Area Partnership'],
      ],
      [
        'Leaders across the partnership should check the quality of new EHC plans.',
        [],
        ['Ashdown Local Area Partnership'],
      ],
    ]);
  });

  // Each case: a list of paragraphs or phrases, and the first line of each item read from it.
  it.each([
    {
      name: 'tells paragraphs apart without blank lines by how each sentence opens',
      text: areaSend(
        'Area leaders need to speed up their plans for preparing young people for adulthood.',
        'They need to make sure that every setting knows the guidance. There needs to be',
        'better communication between settings.',
        'Local authority leaders need a clear plan for alternative provision.',
        'Health leaders need to reduce waiting times for therapy.',
      ),
      firstLines: [
        'Area leaders need to speed up their plans for preparing young people for adulthood. They need to make sure that every setting knows the guidance. There needs to be better communication between settings.',
        'Local authority leaders need a clear plan for alternative provision.',
        'Health leaders need to reduce waiting times for therapy.',
      ],
    },
    {
      name: 'tells phrases apart without blank lines where a line stops short of the others',
      text: doc(
        'What needs to improve in this area of social work practice',
        '',
        'The quality and timeliness of assessments for children who are new to care, so that',
        'their needs are understood from the start.',
        'The consistency of supervision for social workers.',
        'The recording of children’s views in their plans and reviews, so that plans reflect what',
        'children have said.',
        '',
        'Main findings',
        '',
        'Children are seen regularly.',
      ),
      firstLines: [
        'The quality and timeliness of assessments for children who are new to care, so that their needs are understood from the start.',
        'The consistency of supervision for social workers.',
        'The recording of children’s views in their plans and reviews, so that plans reflect what children have said.',
      ],
    },
    {
      name: 'takes phrases without full stops as items, however short, until the next part',
      text: doc(
        'What needs to improve in this area of social work practice',
        '',
        'The quality of plans for children who live far from home, so that they say how children keep in touch',
        '',
        'Reviewing officers’ challenge',
        '',
        'Arrangements for children’s schooling when they move home during the school year',
        '',
        'Main findings',
        '',
        'Children who live far away are visited often.',
      ),
      firstLines: [
        'The quality of plans for children who live far from home, so that they say how children keep in touch',
        'Reviewing officers’ challenge',
        'Arrangements for children’s schooling when they move home during the school year',
      ],
    },
  ])('$name', async ({ text, firstLines }) => {
    expect((await items(text)).map(([first]) => first)).toEqual(firstLines);
  });

  it('ignores a glyph left alone before the next heading', async () => {
    const text = areaSend('Leaders across the partnership should check the quality of plans.', '◼');
    expect(await items(text)).toHaveLength(1);
  });
});

describe('a lead-in with sub-bullets', () => {
  it('is one item when the lead-in says something of its own, whatever the glyph', async () => {
    const text = doc(
      'Areas for improvement',
      '',
      'Leaders need to strengthen support for young people preparing for adulthood. They',
      'should focus on:',
      '▪ a wider offer of training; and',
      '▪ checking that registers are',
      'complete.',
      'Health leaders should ensure that a quality assurance framework is in place. This',
      'includes:',
      '',
      '– better advice from therapists;',
      '',
      '– plans that are updated at key transitions.',
      '',
      'Health leaders should reduce waiting times for assessments.',
    );
    expect(await items(text)).toEqual([
      [
        'Leaders need to strengthen support for young people preparing for adulthood. They should focus on:',
        ['a wider offer of training; and', 'checking that registers are complete.'],
        ['The local authority'],
      ],
      [
        'Health leaders should ensure that a quality assurance framework is in place. This includes:',
        ['better advice from therapists;', 'plans that are updated at key transitions.'],
        ['The local authority'],
      ],
      ['Health leaders should reduce waiting times for assessments.', [], ['The local authority']],
    ]);
  });

  it('keeps a bulleted lead-in ending "This includes:" with its dashes', async () => {
    const text = doc(
      'Areas for priority action',
      '',
      '◼ Leaders of the partnership need to take urgent action to understand the needs of',
      'children at the front door. This includes:',
      '− making sure there is enough capacity in the hub',
      '− making sure the right agencies take part.',
      '◼ Northvale Police need to take urgent action to improve the records they hold.',
    );
    const result = await extractReport(text);
    expect(result.recommendations.map((r) => [r.priority, r.subItems.length])).toEqual([
      ['priority_action', 2],
      ['priority_action', 0],
    ]);
  });

  it('makes each bullet an item when the lead-in only says who must act', async () => {
    const text = doc(
      'Areas for priority action',
      '',
      'Leaders across the strategic partnership need to take swift and decisive action to',
      'ensure that:',
      '◼ the mental health needs of children are understood',
      '◼ thresholds are applied consistently',
    );
    const result = await extractReport(text);
    expect(result.recommendations.map((r) => [r.text, r.priority, r.subItems])).toEqual([
      ['the mental health needs of children are understood', 'priority_action', []],
      ['thresholds are applied consistently', 'priority_action', []],
    ]);
  });
});

describe('lists across a page break', () => {
  it('skips a footer and header seen only once, between two items at a page break', async () => {
    const text = doc(
      'What needs to improve in this area of social work practice',
      '',
      '• The timeliness of assessments for disabled children.',
      '• The quality of written plans.',
      '',
      'Scrutiny Committee, 17 September 2019',
      '1',
      '\fAppendix B',
      '',
      '• Management oversight of work with children in need.',
      '',
      'Findings',
      '',
      'Referrals are screened quickly.',
    );
    expect((await items(text)).map(([first]) => first)).toEqual([
      'The timeliness of assessments for disabled children.',
      'The quality of written plans.',
      'Management oversight of work with children in need.',
    ]);
  });

  it('stops at the heading of another part over a page break, though the numbers go on', async () => {
    const text = doc(
      'Areas for improvement',
      '',
      '21. Ensure that the panel scrutinises outcomes.',
      '22. Work with health partners on mental health services.',
      '',
      '\fThe local authority’s strengths',
      '23. Partner agencies work well together.',
    );
    expect(await items(text)).toHaveLength(2);
  });

  it('skips a footnote at the foot of the page and carries on with the next item', async () => {
    const text = doc(
      'Dear Ms Lowe',
      '',
      'What needs to improve in this area of social work practice?1',
      '◼ The consistency of responses to children who go missing (Outcome 3, national framework)',
      '',
      'The areas for improvement have been cross-referenced with the national framework.',
      '\f◼ Life-story work for children in long-term care (Outcome 4, national framework).',
      'Main findings',
      'Children are well supported.',
    );
    const result = await extractReport(text);
    expect(result.recommendations.map((r) => [r.section, r.text])).toEqual([
      [
        'What needs to improve in this area of social work practice',
        'The consistency of responses to children who go missing (Outcome 3, national framework)',
      ],
      [
        'What needs to improve in this area of social work practice',
        'Life-story work for children in long-term care (Outcome 4, national framework).',
      ],
    ]);
  });
});

describe('older and other headings', () => {
  it('reads a joint area review: timescale headings over lead-ins, and a numbered paragraph heading', async () => {
    const result = await extractReport(
      doc(
        'Joint area review',
        '',
        'Ashmere Children’s Services Authority Area',
        '',
        'Published: 12 June 2007',
        '',
        'Recommendations',
        '',
        'For immediate action',
        'The local partnership should:',
        '• visit every child who is privately fostered.',
        'For action over the next six months',
        'The council and Ashmere Primary Care Trust should:',
        '• agree a joint plan for disabled children.',
        'For action in the longer term',
        'The council and its partners should:',
        '• raise the attainment of young people in care.',
        '',
        'Service management',
        '',
        '40. Financial management is sound.',
        '41. Priorities for further improvement:',
        '• Set measurable targets in the plan.',
        '42. The capacity to improve further is adequate.',
      ),
    );
    expect(result.document.authority).toBe('Ashmere');
    expect(
      result.recommendations.map((r) => [r.text, r.timescale, r.responsible, r.section]),
    ).toEqual([
      ['visit every child who is privately fostered.', 'P0D', ['Ashmere'], 'Recommendations'],
      [
        'agree a joint plan for disabled children.',
        'P6M',
        ['Ashmere', 'Ashmere Primary Care Trust'],
        'Recommendations',
      ],
      ['raise the attainment of young people in care.', null, ['Ashmere'], 'Recommendations'],
      [
        'Set measurable targets in the plan.',
        null,
        ['Ashmere'],
        'Priorities for further improvement',
      ],
    ]);
  });
});

describe('who must act', () => {
  const letter = (...body: string[]): string =>
    doc(
      '4 December 2019',
      '',
      'Jo Reed, Independent Scrutineer, Ashmere Safeguarding Children Partnership',
      '',
      'Dear Ashmere Safeguarding Children Partnership',
      '',
      'Joint targeted area inspection of the multi-agency response to neglect in Ashmere',
      '',
      'This letter summarises the findings of the joint targeted area inspection.',
      '',
      ...body,
    );

  it('gives each item of a lead-in the bodies it names, "and" in their names kept whole', async () => {
    const result = await extractReport(
      letter(
        'Areas for priority action',
        '',
        'Ashmere Borough Council, NHS Fenn and North Ashmere Clinical Commissioning Group and Wold and Tarn Constabulary need to take swift and decisive action to ensure that:',
        '',
        '◼ strategy discussions take place promptly',
        '◼ children are offered a medical examination',
        '',
        'Areas for improvement',
        '',
        'Leaders do not have a clear understanding of how many children are affected.',
        '',
        'Wold and Tarn Constabulary should ensure that officers record children’s views.',
        '',
        'Leaders of the safeguarding partnership should review their audit programme.',
        '',
        'Yours sincerely',
      ),
    );
    expect(result.document.authority).toBe('Ashmere');
    const bodies = [
      'Ashmere Borough Council',
      'NHS Fenn and North Ashmere Clinical Commissioning Group',
      'Wold and Tarn Constabulary',
    ];
    expect(result.recommendations.map((r) => [r.priority, r.responsible])).toEqual([
      ['priority_action', bodies],
      ['priority_action', bodies],
      // Findings stated as plain paragraphs are items too; the partnership the letter is
      // addressed to (and names nowhere else) is the area.
      ['improvement', ['Ashmere']],
      ['improvement', ['Wold and Tarn Constabulary']],
      ['improvement', ['Ashmere']],
    ]);
  });
});
