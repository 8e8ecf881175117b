import { splitSentences } from './sentences';

const texts = (paragraph: string): string[] => splitSentences(paragraph).map((s) => s.text);

describe('splitSentences', () => {
  it('splits at full stops, question marks and exclamation marks before a capital', () => {
    expect(texts('Plans are vague. Reviews are late! Is drift tackled? Yes.')).toEqual([
      'Plans are vague.',
      'Reviews are late!',
      'Is drift tackled?',
      'Yes.',
    ]);
  });

  it('does not split at abbreviations, initials or decimals', () => {
    const paragraph =
      'The inspectors were Dr. Helen Ashdown and Mr. J. K. Pryce. Histories, e.g. Referrals, are ' +
      'read, i.e. In full. Caseloads fell to 22.5 on average. See No. 4 Bridge Street. Agency use ' +
      'fell from 40% to 22.5%. Work is checked by St. Anne’s team.';
    expect(texts(paragraph)).toEqual([
      'The inspectors were Dr. Helen Ashdown and Mr. J. K. Pryce.',
      'Histories, e.g. Referrals, are read, i.e. In full.',
      'Caseloads fell to 22.5 on average.',
      'See No. 4 Bridge Street.',
      'Agency use fell from 40% to 22.5%.',
      'Work is checked by St. Anne’s team.',
    ]);
  });

  it('keeps closing quotes and brackets with the sentence they close', () => {
    expect(texts('He said: "Plans are late." Then (as agreed.) Work began.')).toEqual([
      'He said: "Plans are late."',
      'Then (as agreed.)',
      'Work began.',
    ]);
  });

  it('ends a sentence at "no." when no number follows, and gives exact offsets', () => {
    const paragraph = 'Were there delays? There were no. Children  were seen.';
    const spans = splitSentences(paragraph);
    expect(spans.map((s) => s.text)).toEqual([
      'Were there delays?',
      'There were no.',
      'Children  were seen.',
    ]);
    for (const span of spans) expect(paragraph.slice(span.start, span.end)).toBe(span.text);
  });

  it('does not split before a lower-case word', () => {
    expect(texts('Plans etc. are late. Reviews follow.')).toEqual([
      'Plans etc. are late.',
      'Reviews follow.',
    ]);
  });
});
