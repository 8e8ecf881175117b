/** A phrase that marks a weakness, and how strongly it does so (0-1). */
export interface CueMatch {
  /** The phrase as it appears, lower-case. */
  cue: string;
  weight: number;
  /** Offset of the phrase in the text searched. */
  index: number;
}

interface CueRule {
  pattern: RegExp;
  weight: number;
  /** Text just before the phrase that turns it into something else ("without" + "delay"). */
  notAfter?: RegExp;
  /** Text just after the phrase that does the same ("not only"). */
  notBefore?: RegExp;
}

/** "what (still) needs to improve" names a topic, not a finding. */
const WHAT = /\bwhat (?:still |else |now )?$/;

const STRONG = 0.85;
const MEDIUM = 0.7;
const WEAK = 0.55;

/**
 * The cue lexicon. Each pattern is matched case-insensitively on word boundaries; the first
 * rule that matches earliest in a clause gives the clause its cue.
 */
const RULES: CueRule[] = [
  { pattern: /not (?:yet )?consistently/, weight: STRONG },
  { pattern: /inconsistent(?:ly)?|inconsistency/, weight: STRONG },
  { pattern: /insufficient(?:ly)?/, weight: STRONG },
  {
    pattern: /not sufficiently|not (?:good|well|strong|robust|effective|timely) enough/,
    weight: STRONG,
  },
  {
    pattern:
      /too (?:many|few|long|slow|slowly|high|low|often|variable|late|little|much|narrow|vague|generic|limited|inconsistent|weak|infrequent|large)/,
    weight: STRONG,
  },
  { pattern: /lack(?:s|ed|ing)?/, weight: STRONG },
  { pattern: /not (?:yet|always|routinely|enough|clear|understood|effective)/, weight: STRONG },
  {
    pattern:
      /(?:do|does|did|are|is|was|were|has|have|had) not(?: yet| always)?|(?:don['’]t|doesn['’]t|didn['’]t|aren['’]t|isn['’]t|hasn['’]t|haven['’]t)/,
    weight: MEDIUM,
    notBefore:
      /^\s*(?:only|find|found|identify|identified|at risk|in need|required|necessary|applicable|subject|a concern|raise)/,
    // "…act quickly when children are not safe": the negation sets a condition.
    notAfter: /\b(?:when|if|where|unless|whether)\b[^,;]{0,40}$/,
  },
  { pattern: /weak(?:ness|nesses|er|ly)?/, weight: STRONG, notAfter: /strengths and\s*$/ },
  { pattern: /poor(?:ly)?/, weight: STRONG },
  { pattern: /variable|variability|variation/, weight: STRONG },
  { pattern: /inadequate|ineffective|unsuitable|unsafe|unclear|vague|fragile/, weight: STRONG },
  { pattern: /deteriorat(?:ed|ing|ion)/, weight: STRONG },
  {
    pattern:
      /remains? (?:a |an area of )?concerns?|(?:is|are|was|were|remains?) (?:a |of |a cause (?:of|for) |a matter of )?(?:serious |significant |continuing )?concern|serious concerns?|concerns? (?:remain|persist)/,
    weight: STRONG,
  },
  { pattern: /out[ -]of[ -]date/, weight: MEDIUM },
  { pattern: /overly|over-optimistic|underestimat(?:e|es|ed|ing)/, weight: MEDIUM },
  {
    pattern: /not all|at an early stage|in its infancy|little (?:time|evidence|impact|progress)/,
    weight: MEDIUM,
    // "mediation at an early stage", "help at an early stage": early help is a strength.
    notAfter:
      /\b(?:help|support|intervention|mediation|action|identified|identify|acted|act|effective(?:ly)?)\s*$/,
  },
  {
    pattern:
      /(?:higher|lower|slower|later|longer|fewer) than (?:planned|intended|expected|needed|(?:leaders|the council|managers) (?:intended|planned|expected))/,
    weight: MEDIUM,
  },
  {
    pattern: /shortfalls?|gaps?|backlogs?|shortages?|short supply/,
    weight: MEDIUM,
    notAfter: /\bno\s*$/,
  },
  {
    pattern: /drift|delays?|delayed/,
    weight: MEDIUM,
    notAfter: /\b(?:without|no|prevent|avoid|avoids|reduced)\s*$/,
  },
  { pattern: /slow(?:ly)?|rarely|seldom|infrequent(?:ly)?/, weight: MEDIUM },
  { pattern: /limited|limits/, weight: MEDIUM },
  {
    pattern:
      /remains? (?:low|high|fragile|patchy|underdeveloped|under-developed)|(?:has|have) been (?:too |very )?low|patchy|under-?developed/,
    weight: MEDIUM,
  },
  {
    pattern:
      /without (?:a |an |any )?(?:clear |timely )?(?:decision|plan|assessment|review|oversight|support|contingency)s?/,
    weight: MEDIUM,
  },
  {
    pattern:
      /requires? improvement|need(?:s)? (?:to )?improv(?:e|ing|ement)|needs? to be (?:improved|strengthened|better)/,
    weight: STRONG,
    notAfter: WHAT,
  },
  {
    pattern: /needs? to|must|should/,
    weight: WEAK,
    // "what needs to improve", "decisions about where children should live": a topic, not a finding.
    notAfter:
      /\b(?:what(?: still| else| now)?|who|which|that|they|we|you|skills|support|help|information|care)\s*$|\b(?:where|how|whether|why)\b[^,;.]{0,40}$/,
  },
  {
    pattern: /more (?:work |progress )?(?:is needed|needs to be done)|still to be (?:done|made)/,
    weight: MEDIUM,
  },
];

const COMPILED = RULES.map((rule) => ({
  ...rule,
  regex: new RegExp(`(?<![\\p{L}'’-])(?:${rule.pattern.source})(?![\\p{L}])`, 'giu'),
}));

/** The strongest cue in the text (ties go to the earliest), or null when there is none. */
export function findCue(text: string): CueMatch | null {
  let best: CueMatch | null = null;
  for (const rule of COMPILED) {
    rule.regex.lastIndex = 0;
    for (const m of text.matchAll(rule.regex)) {
      const before = text.slice(Math.max(0, m.index - 40), m.index).toLowerCase();
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40).toLowerCase();
      if (rule.notAfter?.test(before) || rule.notBefore?.test(after)) continue;
      const found = { cue: m[0].toLowerCase(), weight: rule.weight, index: m.index };
      if (
        !best ||
        found.weight > best.weight ||
        (found.weight === best.weight && found.index < best.index)
      ) {
        best = found;
      }
      break;
    }
  }
  return best;
}

/**
 * Clauses that read as a strength or as background even though they contain a cue: the
 * inspectors found nothing wrong, a weakness has been dealt with, leaders know the weaknesses,
 * or the text reports a past judgement.
 */
const STRENGTH_PATTERNS: RegExp[] = [
  /\b(?:found|identified|raised|were|was|are|is|had|has|have) no (?:concerns?|evidence|backlog|delay|gaps?|drift|weakness)/i,
  /^(?:there (?:is|are|was|were) )?no (?:child|children|young person|young people|family|families|one|concerns?|backlog|delay|drift|gaps?)\b/i,
  /\b(?:did|does|do) not (?:find|identify|see|raise)\b/i,
  /\bnot at risk\b/i,
  /\b(?:strengths and weaknesses|weaknesses and strengths)\b/i,
  /\b(?:know|knows|knew|understand|understands|understood|aware|awareness|understanding|view|grip) of (?:the |their |its )?(?:weaknesses|shortfalls|gaps)\b/i,
  /\b(?:identify|identifies|identified|recognise[sd]?|recognize[sd]?|know|knows|understand|understands|acknowledge[sd]?)\s+(?:\w+\s+){0,2}?(?:the |their |its )?(?:same )?(?:weaknesses|shortfalls|gaps|areas for improvement)\b/i,
  /\b(?:delays?|drift|backlogs?|gaps?|weaknesses|shortfalls?|concerns?)\b[^,;]{0,40}\b(?:have|has|had) (?:been )?(?:reduced|fallen|decreased|addressed|resolved|tackled|eliminated|removed|closed|cleared|overcome|minimised|minimized|avoided|prevented)\b/i,
  // "only one care leaver is not in touch": the exception proves the strength.
  /\bonly (?:one|two|three|a (?:few|small number|handful)|a minority)\b[^,;]{0,60}\b(?:is|are|was|were|do|does|did|has|have) not\b/i,
  /\b(?:judged|rated|graded|found to be|judgement of|grade of)\s+(?:as\s+)?["“]?(?:inadequate|requires? improvement|requiring improvement)/i,
  /\brequires? improvement\b(?! in\b)/i,
];

export function readsAsStrength(text: string): boolean {
  return STRENGTH_PATTERNS.some((p) => p.test(text));
}
