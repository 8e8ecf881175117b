import { textToPages } from '../input/text-lines';
import { Headings } from '../structure/headings';
import type { Recommendation } from '../types';
import { findCue, readsAsStrength } from './cues';
import { contrastSegments, criticalPart, findSuggestions, paragraphs } from './suggestions';

const linesOf = (text: string): Headings =>
  new Headings(
    textToPages(text).flatMap((p) => p.lines),
    null,
  );

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

describe('cues', () => {
  it('finds the strongest cue, lower-case as written', () => {
    expect(findCue('Plans are Not Consistently specific and some lack detail')).toMatchObject({
      cue: 'not consistently',
    });
    expect(findCue('Too many children wait for an assessment')?.cue).toBe('too many');
    expect(findCue('Families are connected to help without delay')).toBeNull();
    expect(findCue('Leaders know what still needs to improve')).toBeNull();
  });

  it('reads strengths and background as strengths', () => {
    expect(readsAsStrength('Inspectors found no concerns about children’s safety.')).toBe(true);
    expect(readsAsStrength('No child was left without a plan.')).toBe(true);
    expect(readsAsStrength('Leaders understand the strengths and weaknesses of practice.')).toBe(
      true,
    );
    expect(readsAsStrength('Delays in assessments have been reduced.')).toBe(true);
    expect(readsAsStrength('The local authority was judged inadequate in 2024.')).toBe(true);
    expect(readsAsStrength('Care plans are not consistently specific.')).toBe(false);
  });

  // False positives seen in a sample of suggestions from real inspection reports.
  it('reads an exception that proves a strength as a strength', () => {
    expect(
      readsAsStrength('As a result, only one care leaver is not in touch with the service.'),
    ).toBe(true);
    expect(readsAsStrength('Delays in achieving permanence have been minimised.')).toBe(true);
    expect(readsAsStrength('One care leaver is not in touch with the service.')).toBe(false);
  });

  it('does not take "should" in a question of where or how for a finding', () => {
    expect(findCue('Decisions about where children should live are carefully considered.')).toBe(
      null,
    );
    expect(findCue('Plans should be reviewed monthly.')).toMatchObject({ cue: 'should' });
  });

  it('does not take help given at an early stage for a weakness', () => {
    expect(findCue('Effective mediation at an early stage helped young people home.')).toBe(null);
    expect(findCue('The new service is at an early stage.')).toMatchObject({
      cue: 'at an early stage',
    });
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
    expect(found[0].confidence).toBeGreaterThan(0.9);
  });

  it('reads the page each suggestion starts on', () => {
    const found = findSuggestions(linesOf('Intro text.\fFindings\n\nReviews are too slow.'), []);
    expect(found).toEqual([expect.objectContaining({ text: 'Reviews are too slow.', page: 2 })]);
  });
});
