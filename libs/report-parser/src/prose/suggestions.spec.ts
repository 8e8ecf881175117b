import { Headings } from '../structure/headings';
import type { Recommendation } from '../types';
import { joinLines } from '../layout/line';
import { linesOfText } from '../testing/text';
import { judgeClause } from './polarity';
import { contrastSegments, criticalPart, findSuggestions, paragraphs } from './suggestions';

const linesOf = (text: string): Headings => new Headings(linesOfText(text), null);

function recommendation(text: string): Recommendation {
  return {
    ref: 'R1',
    label: null,
    text,
    subItems: [],
    section: 'Areas for improvement',
    theme: null,
    priority: 'improvement',
    timescale: null,
    timescaleText: null,
    dueOn: null,
    responsible: [],
    page: 1,
  };
}

describe('judging a clause', () => {
  const cue = (text: string): string | null => judgeClause(text)?.cue.toLowerCase() ?? null;

  it('finds the words that state a weakness, as written', () => {
    expect(cue('Plans are Not Consistently specific and some lack detail')).toBe(
      'not consistently',
    );
    expect(cue('Too many children wait for an assessment')).toBe('too many');
    expect(cue('Families are connected to help without delay')).toBeNull();
    expect(cue('Leaders know what still needs to improve')).toBeNull();
  });

  it.each([
    'Case notes are brief.',
    'The child’s history is less visible in plans.',
    'This could be improved.',
    'A few children live in homes that are not registered.',
    'Reviews describe events rather than analyse them.',
    'The senior leaders paused the programme of audits during the pandemic.',
    'Staff are working to embed the use of health passports more consistently.',
  ])('reads a weakness with no cue word: %j', (text) => {
    expect(judgeClause(text)).not.toBeNull();
  });

  it.each([
    'Social workers avoid drift by reviewing plans monthly.',
    'Carers seldom need to escalate concerns because problems are resolved quickly.',
    'No child waits for a placement.',
    'There is not one approach for everyone.',
    'The service meets their needs to a high standard.',
    'Leaders are not complacent.',
    'This does not prevent them from identifying emerging risk.',
    'Staff turnover is very low.',
    'Leaders are determined to improve outcomes even further.',
    'Inspectors found no concerns about children’s safety.',
    'No child was left without a plan.',
    'Leaders understand the strengths and weaknesses of practice.',
    'Delays in assessments have been reduced.',
    'The local authority was judged inadequate in 2024.',
    'As a result, only one care leaver is not in touch with the service.',
    'Delays in achieving permanence have been minimised.',
    'Decisions about where children should live are carefully considered.',
    'Effective mediation at an early stage helped young people home.',
    'The service was not tested fully during the focused visit.',
    'Children living in unregistered homes are visited often by managers.',
    'No children were identified as living in an unregistered home.',
    'Exclusions are low, with no permanent exclusions in three years.',
  ])('reads praise or background as no weakness: %j', (text) => {
    expect(judgeClause(text)).toBeNull();
  });

  it('reads a duty or a stage of development as a weakness', () => {
    expect(cue('Plans should be reviewed monthly.')).toBe('should');
    expect(cue('The new service is at an early stage.')).toBe('is at an early stage');
    expect(cue('One care leaver is not in touch with the service.')).toBe('not in');
    expect(cue('Care plans are not consistently specific.')).toBe('not consistently');
  });

  it('reads a negation, frequency or amount by what it turns', () => {
    expect(cue('Learning from audits is not yet used well enough.')).toBe('not yet');
    expect(cue('Managers rarely record their decisions.')).toBe('rarely record');
    expect(cue('Take-up of the training has been low.')).toBe('low');
    expect(judgeClause('Partners rarely need to escalate disagreements.')).toBeNull();
  });

  it('counts only a word that names a weakness in a conceded clause', () => {
    expect(judgeClause('Although professionals are not all co-located', true)).toBeNull();
    expect(judgeClause('Despite long waits for therapy', true)?.cue).toBe('long waits');
  });
});

describe('rejoining lines', () => {
  it('makes a word broken at a line’s end whole, and keeps a compound’s hyphen', () => {
    expect(joinLines(['Life-story work is incon-', 'sistent.'])).toBe(
      'Life-story work is inconsistent.',
    );
    expect(joinLines(['a multi-', 'agency meeting'])).toBe('a multi-agency meeting');
    expect(joinLines(['their well-', 'being'])).toBe('their well-being');
  });
});

describe('contrastive sentences', () => {
  it('cuts a sentence at "but", "although" and an opening concession', () => {
    const s = 'Visits are regular, but direct work is variable.';
    expect(contrastSegments(s).map((g) => s.slice(g.start, g.end))).toEqual([
      'Visits are regular',
      'direct work is variable.',
    ]);
    const t = 'Although planning has started, there are too few foster carers.';
    expect(contrastSegments(t).map((g) => t.slice(g.start, g.end))).toEqual([
      'Although planning has started',
      'there are too few foster carers.',
    ]);
  });

  it('keeps only the critical clause, as an exact substring', () => {
    const s =
      'Health assessments happen on time, but too many lack a plan for the child’s emotional needs.';
    const part = criticalPart(s);
    expect(part?.text).toBe('too many lack a plan for the child’s emotional needs.');
    expect(part?.contrast).toBe(true);
    expect(s.slice(part?.start)).toBe(part?.text);
  });

  it('keeps the critical clause when it comes first', () => {
    expect(criticalPart('Caseloads remain too high, although recruitment has started.')?.text).toBe(
      'Caseloads remain too high',
    );
  });

  it('keeps a whole sentence that turns against the one before', () => {
    expect(criticalPart('However, too many plans are out of date.')?.text).toBe(
      'However, too many plans are out of date.',
    );
  });

  it('ignores a cue in an opening condition', () => {
    expect(
      criticalPart('When circumstances do not improve, the panel considers proceedings.'),
    ).toBeNull();
  });

  it('ignores a negation that sets a condition', () => {
    expect(criticalPart('Social workers act quickly when children are not safe.')).toBeNull();
  });

  it('finds nothing in a strength', () => {
    expect(criticalPart('Inspectors found no concerns about the safety of children.')).toBeNull();
    expect(criticalPart('Placement stability has improved, and caseloads are lower.')).toBeNull();
  });
});

describe('findSuggestions', () => {
  const letter = [
    '1 May 2026',
    '',
    'Ms A Smith',
    'Director of Children’s Services',
    'Limited Street',
    '',
    'Dear Ms Smith',
    '',
    'Monitoring visit to Eastmere children’s services',
    '',
    'This was the second visit since the local authority was judged inadequate. Private',
    'fostering arrangements are not consistently identified.',
    '',
    'Children in care',
    '',
    'Children are seen often. Life-story work is too',
    'often left unfinished.',
    '',
    'Areas for improvement',
    '',
    '•   Plans that are not consistently specific.',
    '',
    'Yours sincerely',
    '',
    'Poor Signature',
  ].join('\n');

  it('finds weaknesses in body prose with their section, cue and page', () => {
    const found = findSuggestions(linesOf(letter), []);
    expect(found.map(({ confidence: _confidence, ...rest }) => rest)).toEqual([
      {
        text: 'Private fostering arrangements are not consistently identified.',
        section: 'Monitoring visit to Eastmere children’s services',
        cue: 'not consistently',
        page: 1,
      },
      {
        text: 'Life-story work is too often left unfinished.',
        section: 'Children in care',
        cue: 'too often',
        page: 1,
      },
      {
        text: 'Plans that are not consistently specific.',
        section: 'Areas for improvement',
        cue: 'not consistently',
        page: 1,
      },
    ]);
    for (const s of found) expect(s.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('does not repeat an item of the recommendations list', () => {
    const found = findSuggestions(linesOf(letter), [
      recommendation('Plans that are not\nconsistently specific.'),
    ]);
    expect(found.map((s) => s.text)).toEqual([
      'Private fostering arrangements are not consistently identified.',
      'Life-story work is too often left unfinished.',
    ]);
  });

  it('skips list lead-ins and the copyright notice, which only look like weaknesses', () => {
    const report = [
      'Areas for improvement',
      '',
      'To improve services, the local authority and its partners should take the following action.',
      '',
      'You may reuse this report free of charge, provided that it is not altered.',
      '',
      'Return home interviews are not always offered.',
    ].join('\n');
    expect(findSuggestions(linesOf(report), []).map((s) => s.text)).toEqual([
      'Return home interviews are not always offered.',
    ]);
  });

  it('skips the address block and the signature, and rejoins wrapped lines', () => {
    const texts = paragraphs(linesOf(letter)).map((p) => p.text);
    expect(texts).not.toContain('Limited Street');
    expect(texts).not.toContain('Poor Signature');
    expect(texts).toContain(
      'Children are seen often. Life-story work is too often left unfinished.',
    );
  });

  it('lowers confidence for quoted speech and raises it under an improvement heading', () => {
    const article = [
      'What needs to improve',
      '',
      'Too many plans are late.',
      '',
      'Other news',
      '',
      'The councillor said: "Too many plans are late."',
    ].join('\n');
    const found = findSuggestions(linesOf(article), []);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ section: 'What needs to improve', cue: 'too many' });
    expect(found[0]?.confidence).toBeGreaterThan(0.9);
  });

  it('reads the page each suggestion starts on', () => {
    const found = findSuggestions(linesOf('Intro text.\fFindings\n\nReviews are too slow.'), []);
    expect(found).toEqual([expect.objectContaining({ text: 'Reviews are too slow.', page: 2 })]);
  });

  it('merges sentences about one weakness and gives a pointer its antecedent', () => {
    const found = findSuggestions(
      linesOf(
        [
          'Children in care',
          '',
          'Life-story work is too often left unfinished. As a result, older children do not understand their histories.',
          '',
          'Leaders have started a new audit programme. However, this work is at an early stage.',
        ].join('\n'),
      ),
      [],
    );
    expect(found.map((f) => f.text)).toEqual([
      'Life-story work is too often left unfinished. As a result, older children do not understand their histories.',
      'Leaders have started a new audit programme. However, this work is at an early stage.',
    ]);
  });
});

describe('findSuggestions across a page break', () => {
  it('keeps a sentence a page break cuts in two whole', () => {
    const found = findSuggestions(
      linesOf(
        'Findings\n\nManagement oversight and actions to reduce risk are not always clear from\fchildren’s records.',
      ),
      [],
    );
    expect(found.map((f) => [f.text, f.page])).toEqual([
      [
        'Management oversight and actions to reduce risk are not always clear from children’s records.',
        1,
      ],
    ]);
  });
});

describe('findSuggestions where the report has a list', () => {
  const report = [
    'Findings',
    '',
    'Private fostering arrangements are not consistently identified.',
    '',
    'Supervision records are brief and rarely show the reasons for decisions.',
    '',
    'As a result, some children wait too long for help.',
    '',
    'Areas for improvement',
    '',
    '• The identification of private fostering arrangements.',
  ].join('\n');

  it('suggests only what no listed item covers, and not a consequence on its own', () => {
    const listed = recommendation('The identification of private fostering arrangements.');
    expect(findSuggestions(linesOf(report), [listed]).map((f) => f.text)).toEqual([
      'Supervision records are brief and rarely show the reasons for decisions.',
    ]);
    // Without the list, each is a weakness of its own.
    expect(findSuggestions(linesOf(report), []).map((f) => f.cue)).toEqual([
      'not consistently',
      'brief',
      'wait too long',
    ]);
  });
});
