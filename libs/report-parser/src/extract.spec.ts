import { extractReport } from './extract';
import { ReportInputError } from './errors';
import { doc } from './testing/text';

describe('extractReport on text', () => {
  it('reads a focused visit letter with priority actions and improvements', async () => {
    const result = await extractReport(
      doc(
        '4 June 2021',
        '',
        'Ms Alex Carter',
        'Director of Children’s Services',
        'Harrowfield City Council',
        '',
        'Dear Ms Carter',
        '',
        'Focused visit to Harrowfield children’s services',
        '',
        'This letter summarises the findings of a focused visit to Harrowfield children’s services on 11 and 12 May 2021.',
        '',
        'Areas for priority action',
        '',
        '- The timeliness of strategy discussions when children are at risk of significant harm.',
        '- Management oversight of children waiting for',
        '  an allocated social worker.',
        '',
        'What needs to improve in this area of social work practice',
        '',
        '- The quality of written plans for children in need.',
        '',
        'Findings',
        '',
        '- Leaders know their services well.',
        '',
        'Yours sincerely',
      ),
    );
    expect(result.document).toMatchObject({
      kind: 'focused_visit',
      authority: 'Harrowfield City Council',
      publishedOn: '2021-06-04',
      visitStartedOn: '2021-05-11',
      visitEndedOn: '2021-05-12',
      inspectorate: 'Ofsted',
    });
    expect(result.recommendations.map((r) => [r.priority, r.section, r.text])).toEqual([
      [
        'priority_action',
        'Areas for priority action',
        'The timeliness of strategy discussions when children are at risk of significant harm.',
      ],
      [
        'priority_action',
        'Areas for priority action',
        'Management oversight of children waiting for an allocated social worker.',
      ],
      [
        'improvement',
        'What needs to improve in this area of social work practice',
        'The quality of written plans for children in need.',
      ],
    ]);
    expect(result.recommendations.map((r) => r.ref)).toEqual(['R1', 'R2', 'R3']);
    expect(result.recommendations[0]?.responsible).toEqual(['Harrowfield City Council']);
  });

  it('applies timescale sub-headings and names the bodies in each lead-in', async () => {
    const result = await extractReport(
      doc(
        'Inspection of safeguarding and looked after children services',
        '',
        'Kingsmere Borough Council',
        '',
        'Inspection dates: 7 – 18 March 2011',
        '',
        'Published: 20 April 2011',
        '',
        'Areas for improvement',
        '',
        '12. In order to improve the quality of services, the local authority and its partners should take the following action.',
        '',
        'Immediately:',
        '- ensure that all referrals are screened by a qualified social worker',
        '- NHS Kingsmere and Kingsmere Community Health should ensure that health visitors record concerns.',
        '',
        'Within three months:',
        '- the council and NHS Kingsmere should agree a protocol for information sharing',
        '',
        'Within six months:',
        '- improve the attendance of looked after children at school',
        '',
        'Safeguarding outcomes for children and young people',
        '',
        'Grade 3 (Adequate)',
      ),
    );
    expect(
      result.recommendations.map((r) => [r.timescale, r.timescaleText, r.dueOn, r.responsible]),
    ).toEqual([
      ['P0D', 'Immediately', '2011-04-20', ['Kingsmere Borough Council']],
      ['P0D', 'Immediately', '2011-04-20', ['NHS Kingsmere', 'Kingsmere Community Health']],
      ['P3M', 'Within three months', '2011-07-20', ['Kingsmere Borough Council', 'NHS Kingsmere']],
      ['P6M', 'Within six months', '2011-10-20', ['Kingsmere Borough Council']],
    ]);
    expect(result.document.kind).toBe('full_inspection');
  });

  it('follows a numbered list across a page break with running header and footer', async () => {
    const header = 'Inspection of Eastbrook local authority children’s services';
    const result = await extractReport(
      [
        doc(
          header,
          '',
          'Recommendations',
          '',
          '1. Ensure that assessments consider the history of each child.',
          '2. Improve the timeliness of initial health assessments so that children who',
        ),
        doc(
          header,
          '',
          'become looked after have their health needs assessed promptly.',
          '3. Strengthen the oversight of children placed at a distance.',
          '',
          'Summary for children and young people',
          '',
          '- You told us that you see your social worker often.',
          '',
          'Page 2',
        ),
        doc(header, '', 'Information about this inspection', '', 'Page 3'),
      ].join('\f'),
    );
    expect(result.recommendations.map((r) => [r.label, r.text, r.page])).toEqual([
      ['1', 'Ensure that assessments consider the history of each child.', 1],
      [
        '2',
        'Improve the timeliness of initial health assessments so that children who become looked after have their health needs assessed promptly.',
        1,
      ],
      ['3', 'Strengthen the oversight of children placed at a distance.', 2],
    ]);
    expect(result.document.pages).toBe(3);
  });

  it('reads per-agency headings in a joint inspection letter', async () => {
    const result = await extractReport(
      doc(
        '14 January 2020',
        '',
        'Joint targeted area inspection of the multi-agency response to child exploitation in Westmoor',
        '',
        'This letter sets out the findings of the joint targeted area inspection by Ofsted, the Care Quality Commission, HMICFRS and HM Inspectorate of Probation.',
        '',
        'Areas for improvement',
        '',
        'Westmoor Constabulary should:',
        '- review all open cases of missing children within 28 days',
        '- improve the recording of the voice of the child',
        '',
        'The local authority should:',
        '- ensure return home interviews are offered to every child',
        '',
        'Next steps',
        '',
        'The director of children’s services should prepare a written statement of proposed action by 10 March 2020.',
      ),
    );
    expect(result.document.kind).toBe('joint_inspection');
    expect(result.document.inspectorates).toEqual([
      'Ofsted',
      'Care Quality Commission',
      'HMICFRS',
      'HM Inspectorate of Probation',
    ]);
    expect(result.document.authority).toBe('Westmoor');
    expect(result.recommendations.map((r) => [r.responsible, r.timescale, r.dueOn])).toEqual([
      [['Westmoor Constabulary'], 'P28D', '2020-02-11'],
      [['Westmoor Constabulary'], null, null],
      [['Westmoor'], null, null],
    ]);
  });

  it('ignores contents entries and a list of strengths that carries on the numbering', async () => {
    const result = await extractReport(
      doc(
        'Ashby Vale',
        'Inspection of services for children in need of help and protection, children looked after and care leavers',
        'Inspection date: 3 to 27 March 2016',
        'Report published: 10 May 2016',
        '',
        'Contents',
        'The local authority 3',
        'What does the local authority need to improve? 4',
        'The local authority’s strengths 5',
        '',
        'What does the local authority need to improve?',
        'Priority and immediate action',
        'The inspection did not find any areas for priority and immediate action.',
        'Areas for improvement',
        'Quality of practice',
        '1. Ensure that plans are specific and measurable.',
        '2. Improve the recording of management decisions.',
        'Leadership, management and governance',
        '3. Ensure that audits lead to improved practice.',
        '',
        'The local authority’s strengths',
        '4. Leaders have a good understanding of the quality of practice.',
        '5. Partners work well together to provide early help.',
      ),
    );
    expect(result.recommendations.map((r) => [r.label, r.theme, r.section])).toEqual([
      ['1', 'Quality of practice', 'Areas for improvement'],
      ['2', 'Quality of practice', 'Areas for improvement'],
      ['3', 'Leadership, management and governance', 'Areas for improvement'],
    ]);
    expect(result.document.authority).toBe('Ashby Vale');
  });

  it('gives items in the safeguarding board’s part of a report to the board', async () => {
    const result = await extractReport(
      doc(
        'Recommendations',
        '',
        '1. Improve the quality of supervision.',
        '',
        'The Local Safeguarding Children Board (LSCB)',
        '',
        'The Westmoor Safeguarding Children Board requires improvement.',
        '',
        'Recommendations',
        '',
        '41. Monitor the take-up of multi-agency training.',
        '',
        'Inspection findings – the Local Safeguarding Children Board',
        '',
        '42. The board has an independent chair.',
      ),
    );
    expect(result.recommendations.map((r) => [r.label, r.responsible])).toEqual([
      ['1', ['The local authority']],
      ['41', ['Westmoor Safeguarding Children Board']],
    ]);
  });

  it('keeps sub-bullets with their item', async () => {
    const result = await extractReport(
      doc(
        'Recommendations',
        '',
        '1. Strengthen senior managers’ oversight of:',
        '   • children living in unregulated placements (paragraph 31)',
        '   • care leavers who are homeless (paragraph 77).',
        '2. Ensure that supervision is reflective (paragraph 40).',
        '',
        'Summary for children and young people',
      ),
    );
    expect(result.recommendations).toHaveLength(2);
    expect(result.recommendations[0]?.subItems).toEqual([
      'children living in unregulated placements (paragraph 31)',
      'care leavers who are homeless (paragraph 77).',
    ]);
    expect(result.recommendations[0]?.text).toBe(
      'Strengthen senior managers’ oversight of:\nchildren living in unregulated placements (paragraph 31)\ncare leavers who are homeless (paragraph 77).',
    );
  });

  it('reads lettered items and items without markers', async () => {
    const lettered = await extractReport(
      doc(
        'Areas for development',
        '',
        '(a) Develop a sufficiency strategy by 31 March 2020.',
        '(b) Review the use of agency staff within six months.',
      ),
    );
    expect(lettered.recommendations.map((r) => [r.label, r.timescale, r.dueOn])).toEqual([
      ['a', null, '2020-03-31'],
      ['b', 'P6M', null],
    ]);

    const paragraphs = await extractReport(
      doc(
        'What needs to improve',
        '',
        'The consistency of management oversight of children in need.',
        '',
        'The quality and timeliness of pathway plans for care leavers.',
        '',
        'Ofsted will take the findings from this focused visit into account.',
      ),
    );
    expect(paragraphs.recommendations.map((r) => r.text)).toEqual([
      'The consistency of management oversight of children in need.',
      'The quality and timeliness of pathway plans for care leavers.',
    ]);
  });

  it('finds no recommendations in a letter without a list', async () => {
    const result = await extractReport(
      doc(
        '2 February 2022',
        '',
        'Dear Mr Osei',
        '',
        'Monitoring visit to Kingsmere children’s services',
        '',
        'This letter summarises the findings of the monitoring visit on 12 and 13 January 2022.',
        '',
        'Private fostering arrangements are not consistently identified. Too many plans lack clear actions.',
        '',
        'Yours sincerely',
      ),
    );
    expect(result.document.kind).toBe('monitoring_visit');
    expect(result.recommendations).toEqual([]);
  });
});

describe('extractReport input checks', () => {
  it('refuses an empty file', async () => {
    await expect(extractReport(new Uint8Array(0))).rejects.toMatchObject({ code: 'empty' });
  });

  it('refuses a file with only whitespace', async () => {
    await expect(extractReport('  \n\n\t \n')).rejects.toMatchObject({ code: 'empty' });
  });

  it('refuses a file over the size limit', async () => {
    await expect(extractReport(new Uint8Array(11), { maxBytes: 10 })).rejects.toBeInstanceOf(
      ReportInputError,
    );
    await expect(extractReport(new Uint8Array(11), { maxBytes: 10 })).rejects.toMatchObject({
      code: 'too_large',
    });
  });
});

describe('extractReport on other joint inspection layouts', () => {
  it('reads agency sub-headings, timescales in agency headings and "Recommendation N" labels', async () => {
    const result = await extractReport(
      doc(
        'Joint inspection of child protection arrangements in Kingsmere',
        '',
        'Recommendations',
        '',
        'Kingsmere Police',
        'Recommendation 1: Ensure that officers record the voice of the child at every incident.',
        'Recommendation 2: Review the use of police protection powers.',
        '',
        'Within six months, the local authority should:',
        '1.1 Ensure that strategy meetings include health professionals.',
        '1.2 Audit the quality of child protection plans.',
        '',
        'NHS Kingsmere Integrated Care Board should:',
        '1. Ensure that GPs share information with child protection conferences.',
        '',
        'Next steps',
        '',
        'The local authority should prepare a written statement of action.',
      ),
    );
    expect(result.recommendations.map((r) => [r.label, r.responsible, r.timescale])).toEqual([
      ['1', ['Kingsmere Police'], null],
      ['2', ['Kingsmere Police'], null],
      ['1.1', ['Kingsmere'], 'P6M'],
      ['1.2', ['Kingsmere'], 'P6M'],
      ['1', ['NHS Kingsmere Integrated Care Board'], null],
    ]);
  });
});

describe('extractReport introductions', () => {
  it('does not swallow the first item when the introduction ends without a full stop', async () => {
    const result = await extractReport(
      doc(
        'Areas for improvement',
        'To improve services for children in Westmoor, the local authority and its partners',
        'should take the following action',
        '1. Ensure that strategy discussions include health professionals.',
        '2. Improve the recording of management decisions.',
      ),
    );
    expect(result.recommendations.map((r) => r.label)).toEqual(['1', '2']);
  });
});

describe('extractReport on pasted and edited text', () => {
  it('returns to the list’s own bullet after an item’s sub-bullets', async () => {
    const result = await extractReport(
      doc(
        'Areas for improvement',
        '',
        '– Strengthen the oversight of:',
        '  o children subject to plans for over two years',
        '  o care leavers in unregulated accommodation',
        '– Improve the recording of supervision.',
        '',
        'Findings',
      ),
    );
    expect(result.recommendations.map((r) => [r.text.split('\n')[0], r.subItems.length])).toEqual([
      ['Strengthen the oversight of:', 2],
      ['Improve the recording of supervision.', 0],
    ]);
  });

  it('reads headings marked up as Markdown, and Windows line endings', async () => {
    const result = await extractReport(
      '## What needs to improve\r\n\r\n- The quality of plans.\r\n\r\n**Findings**\r\n\r\n- Leaders know their services.\r\n',
    );
    expect(result.recommendations.map((r) => [r.section, r.text])).toEqual([
      ['What needs to improve', 'The quality of plans.'],
    ]);
  });
});

describe('extractReport on letters that address each agency', () => {
  it('reads numbered, wrapped agency headings over 1.1-style items', async () => {
    const result = await extractReport(
      doc(
        'Recommendations',
        '',
        '1.    NHS Westmoor Clinical Commissioning Group and Westmoor Hospitals NHS',
        '      Foundation Trust should:',
        '',
        '1.1   Ensure that staff record who accompanies children to the emergency department.',
        '',
        '2.    Westmoor Recovery Partnership should:',
        '',
        '2.1   Ensure that adult workers record whether clients care for children.',
      ),
    );
    expect(result.recommendations.map((r) => [r.label, r.responsible])).toEqual([
      [
        '1.1',
        ['NHS Westmoor Clinical Commissioning Group', 'Westmoor Hospitals NHS Foundation Trust'],
      ],
      ['2.1', ['Westmoor Recovery Partnership']],
    ]);
  });

  it('takes paragraphs that name an agency after the list as items, and stops at other prose', async () => {
    const result = await extractReport(
      doc(
        'What needs to improve?',
        '',
        '1. Strengthen multi-agency audit.',
        '',
        'Westmoor Police should ensure that officers record the views of children.',
        '',
        'The Probation Service should ensure that enquiries are made in time.',
        '',
        'Inspectors saw many examples of strong practice across the partnership.',
        '',
        '<!-- PageBreak -->',
        '- This bullet is not part of the list.',
      ),
    );
    expect(result.recommendations.map((r) => r.responsible[0])).toEqual([
      'The local authority',
      'Westmoor Police',
      'Probation Service',
    ]);
  });
});
