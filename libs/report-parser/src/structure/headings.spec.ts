import {
  agencyHeadingSubject,
  isIntroStatement,
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
    ['Priorities for further improvement', 'improvement', null],
    ['13. Priorities for further improvement:', 'improvement', null],
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
      owner: { kind: 'council' },
    });
  });

  it('keeps the section as written, without its trailing punctuation or footnote mark', () => {
    expect(matchListHeading('What needs to improve?')?.section).toBe('What needs to improve');
    expect(
      matchListHeading('What needs to improve in this area of social work practice?1')?.section,
    ).toBe('What needs to improve in this area of social work practice');
  });

  it('reads the school and provider heading as a list heading of its own', () => {
    expect(matchListHeading('What does the school need to do to improve further?')).toMatchObject({
      parent: true,
      section: 'What does the school need to do to improve further',
    });
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

  it('tells a list introduction from an item with a lead-in of its own', () => {
    expect(isIntroStatement('The local authority should take the following action.')).toBe(true);
    expect(
      isIntroStatement(
        'Leaders across the partnership need to take swift and decisive action to ensure that:',
      ),
    ).toBe(true);
    expect(isIntroStatement('Leaders must improve the quality of plans by:')).toBe(false);
    expect(
      isIntroStatement(
        'Leaders need to strengthen support for care leavers. They should focus on:',
      ),
    ).toBe(false);
    expect(isIntroStatement('Services for care leavers are effective. This includes:')).toBe(false);
  });
});
