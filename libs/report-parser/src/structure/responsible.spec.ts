import { leadInBodies, ownerNames } from './responsible';

const names = {
  authority: 'Northvale Borough Council',
  board: 'Northvale Safeguarding Children Board',
};

describe('leadInBodies', () => {
  it('names every body in the lead-in', () => {
    expect(
      leadInBodies(
        'NHS Northvale, Northvale Community Health and Kingsmere NHS Foundation Trust should ensure that supervision is established',
        names,
      ),
    ).toEqual(['NHS Northvale', 'Northvale Community Health', 'Kingsmere NHS Foundation Trust']);
  });

  it('resolves "the council" to the authority', () => {
    expect(
      leadInBodies('the council and NHS Northvale should ensure that dentists engage', names),
    ).toEqual(['Northvale Borough Council', 'NHS Northvale']);
  });

  it('drops generic partners and asides', () => {
    expect(
      leadInBodies(
        'The local authority, in partnership with commissioners and providers, should ensure that plans are met',
        names,
      ),
    ).toEqual(['Northvale Borough Council']);
    expect(
      leadInBodies('The local authority and its statutory partners should agree a protocol', names),
    ).toEqual(['Northvale Borough Council']);
  });

  it('keeps a compound name whole', () => {
    expect(
      leadInBodies('The Health and Wellbeing Board should prioritise children', names),
    ).toEqual(['Health and Wellbeing Board']);
  });

  it('reads the council’s own people and panels as the council', () => {
    expect(
      leadInBodies(
        'The corporate parenting panel should ensure that council services meet their duties',
        names,
      ),
    ).toEqual(['Northvale Borough Council']);
    expect(leadInBodies('Senior leaders should ensure that audits are acted on', names)).toEqual([
      'Northvale Borough Council',
    ]);
  });

  it('keeps an NHS body named after two places whole, and reads "Leaders in X" as X', () => {
    expect(
      leadInBodies(
        'Leaders in NHS Dunmere and Wyre Integrated Care Board should reduce waiting times',
        names,
      ),
    ).toEqual(['NHS Dunmere and Wyre Integrated Care Board']);
    expect(leadInBodies('NHS Northvale and NHS Kingsmere should agree a protocol', names)).toEqual([
      'NHS Northvale',
      'NHS Kingsmere',
    ]);
  });

  it('reads leaders across the partnership as the safeguarding partnership', () => {
    expect(leadInBodies('Leaders across the partnership should strengthen audit', names)).toEqual([
      'Northvale Safeguarding Children Board',
    ]);
  });

  it('resolves the LSCB to the board', () => {
    expect(leadInBodies('The LSCB should be assured that the chair has time', names)).toEqual([
      'Northvale Safeguarding Children Board',
    ]);
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

describe('who must act', () => {
  it('keeps agency names that contain "and" whole', () => {
    expect(leadInBodies('Avon and Somerset Constabulary should review its records', names)).toEqual(
      ['Avon and Somerset Constabulary'],
    );
    expect(
      leadInBodies(
        'The council, Devon and Cornwall Police and NHS Nottingham and Nottinghamshire ICB should meet',
        names,
      ),
    ).toEqual([
      'Northvale Borough Council',
      'Devon and Cornwall Police',
      'NHS Nottingham and Nottinghamshire ICB',
    ]);
  });

  it('reads the body named as the one that must act in a passive sentence', () => {
    expect(
      leadInBodies(
        'Urgent action is required by the Northvale Hospitals NHS Foundation Trust to improve triage.',
        names,
      ),
    ).toEqual(['Northvale Hospitals NHS Foundation Trust']);
  });

  it('reads a police force named as the one that must act', () => {
    expect(
      leadInBodies('Westmoor Police need to take urgent action to improve their records.', names),
    ).toEqual(['Westmoor Police']);
  });
});
