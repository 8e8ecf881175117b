import { lineAt, type Line } from '../layout/line';
import type { Judgement } from '../types';

const GRADES = `outstanding|good|requires? improvement(?: to be good)?|adequate|inadequate`;
const TRAILING_GRADE = new RegExp(`(?:^|\\s)(${GRADES})$`, 'i');
const GRADE_ONLY = new RegExp(`^(?:grade \\d \\()?(${GRADES})\\)?$`, 'i');

/** Lines that head a table of judgements. */
const TABLE_HEAD =
  /^(?:judgements?|judgement grade|record of main findings:?|summary of judgements|the judgements on areas of the service that contribute to overall effectiveness are:?)$/i;

/** "Children's services in X require improvement to be good"; "The overall judgement is…". */
const OVERALL = new RegExp(
  `^(?:children['’]s services in .+?|the overall judgement is(?: that children['’]s services)?) (?:are |is )?(${GRADES})\\.?$`,
  'i',
);
const BOARD_OVERALL = new RegExp(
  `^(?:the effectiveness of )?the (?:local safeguarding children board|lscb)(?: \\(lscb\\))? (?:is |are )?(${GRADES})\\.?$`,
  'i',
);

function tidyGrade(grade: string): string {
  const g = grade.trim().toLowerCase();
  if (g.startsWith('require')) {
    return g.includes('to be good') ? 'Requires improvement to be good' : 'Requires improvement';
  }
  return g.charAt(0).toUpperCase() + g.slice(1);
}

function tidyArea(area: string): string {
  return area
    .replace(/^\d+(?:\.\d+)*\.?\s+/, '')
    .replace(/\s*[-–:]\s*$/, '')
    .trim();
}

/**
 * Table cells arrive as separate lines, and narrow grade columns wrap ("Requires" /
 * "improvement", "Requires improvement to" / "be good"): join such fragments first.
 */
function joinGradeFragments(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lineAt(lines, i);
    let text = line.text;
    let j = i;
    while (j + 1 < lines.length) {
      const next = lineAt(lines, j + 1).text;
      const joined = `${text} ${next}`;
      const fragment =
        /(?:^|\s)requires?$|requires? improvement to$|(?:^|\s)requires? improvement$/i;
      if (fragment.test(text) && /^(?:improvement(?: to)?|be good|to be good)\b/i.test(next)) {
        text = joined;
        j++;
        continue;
      }
      // An overall judgement sentence wrapped onto a short second line.
      if (/^children['’]s services in\b/i.test(text) && !/[.]$/.test(text) && next.length < 40) {
        text = joined;
        j++;
        continue;
      }
      break;
    }
    out.push(j === i ? line : { ...line, text, cells: [text], cellX: [line.x] });
    i = j;
  }
  return out;
}

/**
 * Reads judgement tables: the ILACS "Judgement / Grade" table, the SIF list of numbered areas
 * after the overall judgement, the 2012 "Record of main findings", and the overall judgement
 * sentences for the authority and its safeguarding board.
 */
export function findJudgements(input: Line[]): Judgement[] {
  const lines = joinGradeFragments(input);
  const judgements: Judgement[] = [];
  const seen = new Set<string>();
  const add = (area: string, grade: string, group: string | null): void => {
    const a = tidyArea(area);
    if (!a || a.length > 140) return;
    const key = `${group ?? ''}|${a}`.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    judgements.push({ area: a, grade: tidyGrade(grade), group });
  };

  // Each pattern's grade group is required: a match fills it.
  lines.forEach((line, i) => {
    const overall = OVERALL.exec(line.text);
    if (overall?.[1] !== undefined && i < 120) add('Overall effectiveness', overall[1], null);
    const board = BOARD_OVERALL.exec(line.text)?.[1];
    if (board !== undefined) add('Local Safeguarding Children Board', board, null);
    if (overall || TABLE_HEAD.test(line.text)) readTable(lines, i + 1, add);
  });
  return judgements;
}

function readTable(
  lines: Line[],
  from: number,
  add: (area: string, grade: string, group: string | null) => void,
): void {
  let pending: string[] = [];
  let group: string | null = null;
  let misses = 0;
  const startPage = lines[from]?.page ?? 0;
  for (let j = from; j < lines.length && misses < 6; j++) {
    const line = lineAt(lines, j);
    if (line.page > startPage + 1) break;
    const { text, cells } = line;
    if (/^grade$/i.test(text)) continue;
    // The grade groups of GRADE_ONLY and TRAILING_GRADE are required: a match fills them.
    const gradeOnly = GRADE_ONLY.exec(text);
    if (gradeOnly) {
      const [, grade = ''] = gradeOnly;
      if (pending.length > 0) add(pending.join(' '), grade, group);
      pending = [];
      misses = 0;
      continue;
    }
    // Overall judgements are read on their own; a sentence ending in a grade is not a row.
    if (OVERALL.test(text) || BOARD_OVERALL.test(text)) continue;
    const trailing = TRAILING_GRADE.exec(text);
    const sentence =
      trailing && /\b(?:is|are|was|were|remains?|be)$/i.test(text.slice(0, trailing.index));
    if (trailing && !sentence && text.length < 160 && !/[.]$/.test(text)) {
      const [, grade = ''] = trailing;
      const [firstCell = ''] = cells;
      if (cells.length >= 2) {
        // A tabular row: its area is its first cell; a row above with no grade was a group.
        if (pending.length > 0) group = pending.join(' ');
        add(firstCell, grade, group);
      } else {
        add([...pending, text.slice(0, trailing.index)].join(' '), grade, group);
      }
      pending = [];
      misses = 0;
      continue;
    }
    if (text.length > 110 || /[.!:]$/.test(text)) {
      misses++;
      pending = [];
      continue;
    }
    // An area wrapped over lines, or a group heading: the next graded row tells which.
    pending.push(text);
  }
}
