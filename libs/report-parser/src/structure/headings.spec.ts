import {
  agencyHeadingSubject,
  isNoItemsStatement,
  isTimescaleHeading,
  matchListHeading,
  readsLikeRecommendation,
} from './headings';

describe('matchListHeading', () => {
  it.each([
    ['What needs to improve in this area of social work practice', 'improvement', null],
    ['What needs to improve?', 'improvement', null],
    ['What needs to improve', 'improvement', null],
    ['Areas for priority action', 'priority_action', null],
    ['Priority and immediate action', 'priority_action', 'P0D'],
    ['Areas for improvement', 'improvement', null],
    ['Areas for development', 'improvement', null],
    ['Recommendations', 'improvement', null],
    ['4. Recommendations', 'improvement', null],
  ])('%s', (text, priority, timescale) => {
    const heading = matchListHeading(text);
    expect(heading).not.toBeNull();
    expect(heading?.priority).toBe(priority);
    expect(heading?.timescale).toBe(timescale);
    expect(heading?.parent).toBe(false);
  });

  it('reads who a parent heading addresses', () => {
    expect(matchListHeading('What does the LSCB need to improve?')).toMatchObject({
      parent: true,
      owner: { kind: 'board' },
    });
    expect(matchListHeading('What does the local authority need to improve?')).toMatchObject({
      parent: true,
      owner: { kind: 'authority' },
    });
  });

  it('keeps the section as written, without its trailing punctuation', () => {
    expect(matchListHeading('What needs to improve?')?.section).toBe('What needs to improve');
  });

  it.each([
    'Areas for improvement were identified at the last inspection.',
    'Recommendations from conference and review meetings are circulated promptly.',
    'The local authority’s strengths',
    'Findings',
  ])('does not take %j for a list heading', (text) => {
    expect(matchListHeading(text)).toBeNull();
  });
});

describe('sub-headings and statements', () => {
  it('recognises timescale headings', () => {
    expect(isTimescaleHeading('Immediately:')).toBe(true);
    expect(isTimescaleHeading('Within three months:')).toBe(true);
    expect(isTimescaleHeading('Within 28 days:')).toBe(true);
    expect(isTimescaleHeading('Within three months the service improved.')).toBe(false);
  });

  it('reads agency headings', () => {
    expect(agencyHeadingSubject('Northvale Constabulary should:')).toBe('Northvale Constabulary');
    expect(agencyHeadingSubject('The local authority and its partners should:')).toBe(
      'The local authority and its partners',
    );
    expect(agencyHeadingSubject('NHS Northvale should ensure that plans are reviewed.')).toBeNull();
  });

  it('recognises a statement that there is nothing to do', () => {
    expect(
      isNoItemsStatement(
        'The inspection did not find any areas for priority and immediate action.',
      ),
    ).toBe(true);
    expect(isNoItemsStatement('There are no areas for priority action.')).toBe(true);
    expect(isNoItemsStatement('Ensure that no child waits for a service.')).toBe(false);
  });

  it('tells recommendations from findings', () => {
    expect(readsLikeRecommendation('Ensure that supervision is reflective.')).toBe(true);
    expect(readsLikeRecommendation('Strategy discussions should always include partners.')).toBe(
      true,
    );
    expect(readsLikeRecommendation('Multi-agency responses to domestic abuse are effective.')).toBe(
      false,
    );
  });
});
