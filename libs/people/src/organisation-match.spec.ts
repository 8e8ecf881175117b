import { type NamedOrganisation, organisationNamedBy } from './organisation-match';

const icb: NamedOrganisation = {
  id: 'icb',
  name: 'NHS Nottingham and Nottinghamshire ICB',
  kind: 'health',
};
const trust: NamedOrganisation = {
  id: 'trust',
  name: 'Nottinghamshire Healthcare NHS Foundation Trust',
  kind: 'health',
};
const police: NamedOrganisation = { id: 'police', name: 'West Midlands Police', kind: 'police' };
const yjs: NamedOrganisation = {
  id: 'yjs',
  name: 'Solihull Youth Justice Service',
  kind: 'youth_justice',
};

describe('organisationNamedBy', () => {
  it('matches a body that names the organisation in other words', () => {
    expect(
      organisationNamedBy(['Nottingham and Nottinghamshire Integrated Care Board'], [icb, police]),
    ).toBe(icb);
  });

  it('prefers the organisation whose name matches most words', () => {
    expect(
      organisationNamedBy(['Nottinghamshire Healthcare NHS Foundation Trust'], [icb, trust]),
    ).toBe(trust);
  });

  it('does not take a partner of another kind that shares the place name', () => {
    const harbourPolice = { id: 'hp', name: 'Harbourside Police', kind: 'police' as const };
    const harbourIcb = { id: 'hi', name: 'NHS Harbourside ICB', kind: 'health' as const };
    expect(
      organisationNamedBy(['NHS Harbourside Integrated Care Board'], [harbourPolice, harbourIcb]),
    ).toBe(harbourIcb);
    expect(organisationNamedBy(['Harbourside Police'], [harbourIcb, harbourPolice])).toBe(
      harbourPolice,
    );
  });

  it('falls back on the kind when the council has exactly one of it', () => {
    expect(organisationNamedBy(['the police'], [icb, police])).toBe(police);
    expect(organisationNamedBy(['the youth offending team'], [icb, yjs])).toBe(yjs);
    expect(organisationNamedBy(['The NHS integrated care board'], [icb, police])).toBe(icb);
  });

  it('suggests nothing when the kind is ambiguous or absent', () => {
    expect(organisationNamedBy(['health partners'], [icb, trust])).toBeNull();
    expect(organisationNamedBy(['Solihull Council'], [icb, police])).toBeNull();
    expect(organisationNamedBy([], [icb])).toBeNull();
  });

  it('does not take another force for the council’s own', () => {
    expect(organisationNamedBy(['Greater Manchester Police'], [police])).toBeNull();
    const two = [police, { id: 'gmp', name: 'Greater Manchester Police', kind: 'police' as const }];
    expect(organisationNamedBy(['Greater Manchester Police'], two)?.id).toBe('gmp');
  });

  it('never takes the council for a partner that shares its place name', () => {
    expect(organisationNamedBy(['Solihull Council'], [yjs])).toBeNull();
  });

  it('tries the bodies in the report’s order', () => {
    expect(organisationNamedBy(['Solihull Council', 'West Midlands Police'], [police, yjs])).toBe(
      police,
    );
  });
});
