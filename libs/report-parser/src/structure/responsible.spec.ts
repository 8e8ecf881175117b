import { leadInBodies, ownerNames } from './responsible';

const names = {
  authority: 'Northvale Borough Council',
  board: 'Northvale Safeguarding Children Board',
};

describe('leadInBodies', () => {
  it.each([
    {
      name: 'names every body in the lead-in',
      lead: 'NHS Northvale, Northvale Community Health and Kingsmere NHS Foundation Trust should ensure that supervision is established',
      bodies: ['NHS Northvale', 'Northvale Community Health', 'Kingsmere NHS Foundation Trust'],
    },
    {
      name: 'resolves "the council" to the authority',
      lead: 'the council and NHS Northvale should ensure that dentists engage',
      bodies: ['Northvale Borough Council', 'NHS Northvale'],
    },
    {
      name: 'drops an aside that names generic partners',
      lead: 'The local authority, in partnership with commissioners and providers, should ensure that plans are met',
      bodies: ['Northvale Borough Council'],
    },
    {
      name: 'drops generic partners',
      lead: 'The local authority and its statutory partners should agree a protocol',
      bodies: ['Northvale Borough Council'],
    },
    {
      name: 'keeps a compound name whole',
      lead: 'The Health and Wellbeing Board should prioritise children',
      bodies: ['Health and Wellbeing Board'],
    },
    {
      name: 'reads the council’s own panels as the council',
      lead: 'The corporate parenting panel should ensure that council services meet their duties',
      bodies: ['Northvale Borough Council'],
    },
    {
      name: 'reads the council’s own people as the council',
      lead: 'Senior leaders should ensure that audits are acted on',
      bodies: ['Northvale Borough Council'],
    },
    {
      name: 'keeps an NHS body named after two places whole, and reads "Leaders in X" as X',
      lead: 'Leaders in NHS Dunmere and Wyre Integrated Care Board should reduce waiting times',
      bodies: ['NHS Dunmere and Wyre Integrated Care Board'],
    },
    {
      name: 'keeps two NHS bodies joined by "and" apart',
      lead: 'NHS Northvale and NHS Kingsmere should agree a protocol',
      bodies: ['NHS Northvale', 'NHS Kingsmere'],
    },
    {
      name: 'reads leaders across the partnership as the safeguarding partnership',
      lead: 'Leaders across the partnership should strengthen audit',
      bodies: ['Northvale Safeguarding Children Board'],
    },
    {
      name: 'resolves the LSCB to the board',
      lead: 'The LSCB should be assured that the chair has time',
      bodies: ['Northvale Safeguarding Children Board'],
    },
    {
      name: 'keeps an agency name that contains "and" whole',
      lead: 'Avon and Somerset Constabulary should review its records',
      bodies: ['Avon and Somerset Constabulary'],
    },
    {
      name: 'keeps agency names that contain "and" whole in a list of bodies',
      lead: 'The council, Devon and Cornwall Police and NHS Nottingham and Nottinghamshire ICB should meet',
      bodies: [
        'Northvale Borough Council',
        'Devon and Cornwall Police',
        'NHS Nottingham and Nottinghamshire ICB',
      ],
    },
    {
      name: 'reads the body named as the one that must act in a passive sentence',
      lead: 'Urgent action is required by the Northvale Hospitals NHS Foundation Trust to improve triage.',
      bodies: ['Northvale Hospitals NHS Foundation Trust'],
    },
    {
      name: 'reads a police force named as the one that must act',
      lead: 'Westmoor Police need to take urgent action to improve their records.',
      bodies: ['Westmoor Police'],
    },
  ])('$name', ({ lead, bodies }) => {
    expect(leadInBodies(lead, names)).toEqual(bodies);
  });

  it.each([
    'Strategy discussions should always include relevant partner agencies',
    'Private fostering should be promoted',
    'Ensure that plans are reviewed. Plans must be specific',
    'Improve the quality of supervision',
  ])('finds no bodies in %j', (text) => {
    expect(leadInBodies(text, names)).toBeNull();
  });
});

describe('ownerNames', () => {
  it('names the authority when nobody else is named', () => {
    expect(ownerNames(null, names)).toEqual(['Northvale Borough Council']);
    expect(ownerNames({ kind: 'board' }, names)).toEqual(['Northvale Safeguarding Children Board']);
    expect(ownerNames({ kind: 'named', names: ['Northvale Constabulary'] }, names)).toEqual([
      'Northvale Constabulary',
    ]);
  });
});

describe('the partnership spoken of in general', () => {
  it('is the local area partnership an area SEND report is about', () => {
    const send = { authority: 'Ashdown Local Area Partnership', board: null };
    expect(leadInBodies('Leaders across the partnership should check plans', send)).toEqual([
      'Ashdown Local Area Partnership',
    ]);
    expect(leadInBodies('Area leaders need to act', send)).toEqual([
      'Ashdown Local Area Partnership',
    ]);
  });

  it('is the area itself when no safeguarding partnership is named', () => {
    const letter = { authority: 'Solmere', board: null };
    expect(
      leadInBodies('Leaders of the local safeguarding children partnership need to act', letter),
    ).toEqual(['Solmere']);
    expect(ownerNames({ kind: 'board' }, letter)).toEqual(['Local Safeguarding Children Board']);
  });
});
