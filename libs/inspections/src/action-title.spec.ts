import { actionTitle, MAX_TITLE_LENGTH } from './action-title';

describe('actionTitle', () => {
  it('takes the first sentence, capitalised, without its full stop', () => {
    expect(
      actionTitle(
        'ensure that plans are reviewed. Managers should check this monthly.',
        'Recommendation R1',
      ),
    ).toBe('Ensure that plans are reviewed');
  });

  it('keeps abbreviations followed by lower case inside the sentence', () => {
    expect(actionTitle('Improve plans, e.g. for care leavers.', 'x')).toBe(
      'Improve plans, e.g. for care leavers',
    );
  });

  it('uses the first line only (sub-items follow on later lines)', () => {
    expect(actionTitle('Improve the quality of:\nassessments\nplans', 'x')).toBe(
      'Improve the quality of',
    );
  });

  it('drops a list item’s trailing "; and"', () => {
    expect(actionTitle('ensure that core groups meet regularly; and', 'x')).toBe(
      'Ensure that core groups meet regularly',
    );
    // ...but not a word that merely ends in "and".
    expect(actionTitle('meet the demand', 'x')).toBe('Meet the demand');
  });

  it('cuts a long sentence at a word boundary with an ellipsis', () => {
    const text =
      'NHS Harrowfield and Harrowfield Community Health Services should ensure that initial health assessments for looked after children are completed promptly';
    const title = actionTitle(text, 'x');
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(title).toBe(
      // "…for looked after" is 120 characters, one too many with the ellipsis.
      'NHS Harrowfield and Harrowfield Community Health Services should ensure that initial health assessments for looked…',
    );
    expect(text.startsWith(title.slice(0, -1))).toBe(true);
  });

  it('cuts one enormous word anyway', () => {
    const title = actionTitle('x'.repeat(300), 'fallback');
    expect(title).toBe(`X${'x'.repeat(MAX_TITLE_LENGTH - 2)}…`);
  });

  it('falls back when there is nothing to use', () => {
    expect(actionTitle('  .  ', 'Recommendation R4')).toBe('Recommendation R4');
  });
});
