/**
 * Judges what a clause says about the service: better or worse than it should be. Words carry a
 * polarity ("drift" is a weakness, "effective" a strength); negation ("not", "no", "without"),
 * frequency ("rarely") and verbs that act on a problem ("avoid", "prevent", "have been
 * reduced") turn it; a negation with nothing polar in its scope ("homes that are not
 * registered", "rarely record what children said") states a shortfall; hedges ("could be
 * improved", "not always") and work still under way ("working to embed … more consistently")
 * admit one. Conditions ("when children are not safe"), the inspection's own methods ("was not
 * tested during the visit") and reports of past judgements say nothing about the service now.
 *
 * A clause is tokenised once and each word looked up in one table, so the cost grows with the
 * text, not with the number of rules.
 */

/** What a clause says, if it states a weakness. */
export interface Verdict {
  /** How strongly the clause states a weakness (0-1). */
  strength: number;
  /** The words that show it, as written (an exact substring of the clause). */
  cue: string;
  /** Offset of the cue in the clause. */
  index: number;
}

type Role =
  /** A weakness: "drift", "inconsistent", "long waits". */
  | 'neg'
  /** A strength: "effective", "timely". */
  | 'pos'
  /** Turns what follows in its clause: "not", "no", "never", "without". */
  | 'not'
  /** How often something happens: "rarely record" is a weakness, "rarely need to escalate" not. */
  | 'rare'
  /** How many: "few", "very few" turn what follows only if it is polar. */
  | 'few'
  /** How much: "low take-up" is a weakness, "low turnover" a strength. */
  | 'low'
  /** Acts against what follows: avoiding drift is a strength; not avoiding it undoes that. */
  | 'shift'
  /** Knows what follows: knowing the weaknesses is a strength; not knowing them a weakness. */
  | 'aware'
  /** Acts on what came before: "delays have been reduced". */
  | 'after'
  /** Admits a weakness: "could be improved", "not always", "at an early stage". */
  | 'hedge'
  /** A duty stated in the text: "should", "must", "needs to". */
  | 'duty'
  /** Nothing about the service now: what follows sets a condition ("when", "if"). */
  | 'cond'
  /** Words that look polar but are not: "at risk", "children in need", "what needs to". */
  | 'none';

interface Entry {
  role: Role;
  /** The words, lower-case; the first is the table key. */
  words: string[];
  weight: number;
}

const STRONG = 1;
const MEDIUM = 0.8;
const MILD = 0.6;
const DUTY = 0.5;

/**
 * The lexicon: each line a role, a weight and the phrases that carry it. Multi-word phrases are
 * matched before single words.
 */
const LEXICON: Array<[Role, number, string]> = [
  [
    'neg',
    STRONG,
    'weak|weaker|weakly|weakness|weaknesses|poor|poorly|inadequate|inadequately|ineffective|ineffectively|insufficient|insufficiently|inconsistent|inconsistently|inconsistency|inconsistencies|variable|variability|patchy|fragile|unclear|vague|vaguely|drift|drifted|delay|delays|delayed|backlog|backlogs|shortfall|shortfalls|shortage|shortages|deteriorated|deteriorating|deterioration|unsuitable|unsafe|underdeveloped|under-developed|overdue|out-of-date|unregistered|unable|complacent|complacency|missed|overly|over-optimistic|superficial|fragmented|disjointed|unmet',
  ],
  [
    'neg',
    MEDIUM,
    'limited|brief|briefly|sparse|slow|slowly|late|infrequent|infrequently|gap|gaps|vary|varies|varied|variation|harder|difficult|difficulty|difficulties|struggle|struggles|struggling|paused|suspended|halted|ceased|discontinued|wait|waits|waited|worse|worsened|decline|declined|declining|escalating|re-emerging|re-emerge|recurring|unnecessary|unnecessarily|turnover|re-referral|re-referrals|errors|outdated|underestimate|underestimates|underestimated|exclusion|exclusions|excluded|suspensions|absences|reoffending|re-offending',
  ],
  [
    'neg',
    STRONG,
    'too long|too slow|too slowly|too many|too few|too high|too late|too often|too much|too little|too variable|too narrow|too generic|too vague|too weak',
  ],
  [
    'neg',
    STRONG,
    'remains a concern|remain a concern|a cause for concern|a cause of concern|serious concerns|concerns remain|concerns persist',
  ],
  [
    'neg',
    MEDIUM,
    'long waits|long wait|wait too long|waiting too long|waited too long|little time|little evidence|little impact|little progress|rather than analysing|rather than analyse|rather than evaluating|rather than evaluate|rather than reflecting|rather than considering|rather than assessing|rather than exploring|longer than needed|longer than necessary|longer than they need|referred again|stepped up again|out of date|in short supply',
  ],
  [
    'neg',
    MILD,
    'need to escalate|needs to escalate|needed to escalate|still waiting|are waiting|is waiting|were waiting|waiting for|waiting list|waiting lists|one approach for everyone|one-size-fits-all|one size fits all|satisfied with good enough|content with good enough|satisfied with the status quo',
  ],
  [
    'pos',
    MEDIUM,
    'effective|effectively|timely|strong|strongly|robust|robustly|good|well|thorough|thoroughly|clear|clearly|prompt|promptly|consistent|consistently|appropriate|appropriately|skilled|skilful|skilfully|sensitive|sensitively|excellent|outstanding|stable|secure|accurate|accurately|comprehensive|detailed|proportionate|responsive|creative|innovative|positive|positively|swift|swiftly|quickly|high-quality|improved|improving|improvement|embedded|resolved|strength|strengths|committed|ambitious|proud|valued|exemplary|impressive|purposeful|meaningful|rightly',
  ],
  [
    'pos',
    MEDIUM,
    'good enough|on time|up to date|up-to-date|at the right time|at the earliest opportunity|as soon as|even further|even better|no concerns|no concern|no significant concerns|no issues|no problems',
  ],
  [
    'not',
    1,
    "not|no|never|without|nor|neither|none|nobody|nothing|cannot|can't|don't|doesn't|didn't|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|won't|shouldn't|wouldn't|couldn't|no longer|lack|lacks|lacked|lacking|lack of|absence of|in the absence of|failure to|fail to|fails to|failed to",
  ],
  ['rare', MEDIUM, 'rarely|seldom|hardly|barely|infrequently|sporadically'],
  ['few', 1, 'few|very few|fewer|lower|lowest|little|a minority of|a small number of|a handful of'],
  [
    'low',
    MEDIUM,
    'low|very low|low number|low numbers|low level|low levels|low rate|low rates|low take-up|low uptake|less',
  ],
  [
    'shift',
    1,
    'avoid|avoids|avoided|avoiding|prevent|prevents|prevented|preventing|reduce|reduces|reducing|minimise|minimises|minimising|tackle|tackles|tackling|address|addresses|addressing|resolve|resolves|resolving|overcome|overcomes|eliminate|eliminates|mitigate|mitigates|respond to|responds to|responded to|responding to|response to|deal with|deals with|dealt with|challenge|challenges|challenged|disrupt|disrupts|counter|counters',
  ],
  [
    'aware',
    1,
    'know|knows|knew|understand|understands|understood|understanding of|recognise|recognises|recognised|acknowledge|acknowledges|acknowledged|aware of|awareness of|grip of|view of|identify|identifies|identified|identifying',
  ],
  [
    'after',
    1,
    'have been reduced|has been reduced|have reduced|has reduced|have been addressed|has been addressed|have been resolved|has been resolved|have been tackled|has been tackled|have been minimised|has been minimised|have been eliminated|has been eliminated|have been removed|has been removed|have been overcome|has been overcome|have been cleared|has been cleared|have been closed|has been closed|have fallen|has fallen|have decreased|has decreased|have been avoided|has been avoided|have been prevented|has been prevented|now addressed|are being addressed|is being addressed',
  ],
  [
    'hedge',
    MEDIUM,
    'could be improved|could be better|could be stronger|could be clearer|could be strengthened|would benefit from|scope to improve|room for improvement|not always|not all|not yet|yet to|not consistently|not sufficiently|not enough|is at an early stage|are at an early stage|remains at an early stage|remain at an early stage|still at an early stage|is still at an early stage|was at an early stage|in its infancy|in their infancy|beginning to|only just|more work is needed|more progress is needed|still to be done|still needs to|needs to improve|need to improve|needs improving|needs to be improved|needs to be strengthened|need to be improved|need to be strengthened|requires improvement in',
  ],
  ['duty', DUTY, 'should|must|needs to|need to|will need to|is required to|are required to'],
  ['cond', 1, 'when|whenever|if|unless|once|whether|in cases where|where'],
  [
    'none',
    0,
    'at risk|in need|children in need|child in need|go missing|goes missing|went missing|what needs to|what still needs to|who need to|who needs to|which need to|that need to|that needs to|they need to|needs of|needs are|needs were|needs well|needs met|the needs|their needs|his needs|her needs|its needs|our needs|your needs|these needs|those needs|whose needs|additional needs|complex needs|emotional needs|health needs|learning needs|identity needs|cultural needs|individual needs|specific needs|particular needs|well-being needs|early help|no one|not only|requires improvement to be good|require improvement to be good|low-level|at an early stage|concerns about|concerns are|concerns were',
  ],
];

/** The lexicon keyed by first word, longest phrases first. */
const TABLE = new Map<string, Entry[]>();
for (const [role, weight, phrases] of LEXICON) {
  for (const phrase of phrases.split('|')) {
    const words = phrase.split(' ');
    // split always returns at least one part.
    const [first = ''] = words;
    const list = TABLE.get(first) ?? [];
    list.push({ role, words, weight });
    TABLE.set(first, list);
  }
}
for (const list of TABLE.values()) list.sort((a, b) => b.words.length - a.words.length);

/**
 * A text's words, as parallel lists (a word is read millions of times and allocated once):
 * each lower-case with curly apostrophes made straight, where it starts and ends, and whether
 * a comma, semicolon, colon, dash or bracket comes before it.
 */
export class WordList {
  readonly words: string[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly breaks: boolean[] = [];
  /** What each word can do (bits of `Is`), looked up once when the word is read. */
  readonly kinds: number[] = [];

  get length(): number {
    return this.words.length;
  }
}

/** A letter or digit: ASCII, or any letter beyond it (not the punctuation of U+2000-U+206F). */
function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    (code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && (code < 0x2000 || code > 0x206f))
  );
}

/** Splits a clause into lower-case words with their offsets (by hand: this runs on every clause). */
export function tokenize(text: string): WordList {
  const list = new WordList();
  const n = text.length;
  let boundary = false;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (!isWordChar(code)) {
      // , ; : ( ) – —
      if (
        code === 44 ||
        code === 59 ||
        code === 58 ||
        code === 40 ||
        code === 41 ||
        code === 0x2013 ||
        code === 0x2014
      ) {
        boundary = true;
      }
      i++;
      continue;
    }
    const start = i;
    let curly = false;
    // Most words are lower case already: lower-casing (slow on text with curly quotes in it)
    // only those that are not.
    let upper = code < 97 || code > 122;
    i++;
    for (;;) {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (!isWordChar(c)) break;
        if (c < 97 || c > 122) upper = upper || c < 48 || c > 57;
        i++;
      }
      // An apostrophe or hyphen inside a word ("children's", "well-being") keeps it whole.
      const c = text.charCodeAt(i);
      if (
        (c === 39 || c === 0x2019 || c === 45) &&
        i + 1 < n &&
        isWordChar(text.charCodeAt(i + 1))
      ) {
        curly ||= c === 0x2019;
        i += 2;
        continue;
      }
      break;
    }
    const raw = text.slice(start, i);
    const word = upper ? raw.toLowerCase() : raw;
    const lower = curly ? word.replace(/’/g, "'") : word;
    list.words.push(lower);
    list.kinds.push(KINDS.get(lower) ?? 0);
    list.starts.push(start);
    list.ends.push(i);
    list.breaks.push(boundary);
    boundary = false;
  }
  return list;
}

/** Finite verbs that end a subject noun phrase. */
const VERB = new Set(
  'is are was were be been has have had remains remain becomes become means receive receives received benefit benefits get gets live lives experience experiences'.split(
    ' ',
  ),
);
/** Groups of people a sentence may pick out before saying something about them. */
const GROUP = new Set(
  'children child families family parents carers leavers people babies adolescents'.split(' '),
);
const MODIFIER = new Set('living placed who whose in with at from on subject looked'.split(' '));

/** Words that close a negation's scope: a new clause begins. */
const SCOPE_END = new Set([
  'and',
  'but',
  'because',
  'so',
  'which',
  'while',
  'whilst',
  'although',
  'though',
  'since',
]);

/** Clauses that report the inspection itself, or a judgement, say nothing about the service. */
const ABOUT_THE_VISIT =
  /\binspectors? (?:did not|were not able to|was not able to|could not|evaluated|looked at|considered|reviewed|met|spoke|tracked|sampled|focused|scrutinised)\b|\b(?:was|were|could|could not|did not|not)(?: be)? (?:tested|sampled|seen|considered|evaluated|looked at|scrutinised|inspected)\b[^.]*\b(?:visit|inspection)\b|\bthis (?:visit|letter|inspection) (?:was|is|considered|looked|focused|summarises|evaluated)\b/i;
const PAST_JUDGEMENT =
  /\b(?:judged|rated|graded|found to be|judgement of|grade of)\s+(?:as\s+)?["“]?(?:inadequate|requires? improvement|requiring improvement)|\brequires? improvement\b(?! in\b)/i;
/** "only one care leaver is not in touch": the exception proves the strength. */
const EXCEPTION =
  /\bonly (?:one|two|three|a (?:few|small number|handful)|a minority)\b[^,;]{0,60}\b(?:is|are|was|were|do|does|did|has|have) not\b/i;
/** Work still under way admits a shortfall: "working with health colleagues to embed X more consistently". */
const WORK_UNDER_WAY =
  /\b(?:working|work|plans?|planning|seeking|exploring|continuing|beginning|started|aiming|intend(?:s|ing)?|developing|taking steps)\b[^.;:]{0,80}?\bto (?:embed|raise|improve|increase|strengthen|extend|develop|make|ensure)\b[^.;:]{0,80}?\b(more (?:consistently|widely|fully|effectively|robustly|quickly|routinely|systematically|reliably)|awareness)\b/i;
/** Words before a duty that make it a question or a topic: "decisions about where children should live". */
const QUESTION_WORDS = new Set('where how whether why what who which that they we you'.split(' '));

/** Whether a duty at `at` follows a question word within a few words of the same stretch. */
function dutyInQuestion(list: WordList, at: number, from: number): boolean {
  for (let k = at - 1; k >= from && k >= at - 7; k--) {
    const word = list.words[k];
    if (word !== undefined && QUESTION_WORDS.has(word)) return true;
    if (list.breaks[k]) return false;
  }
  return false;
}

/** The inspectors' letter and report furniture that uses duty words without a finding. */
function aboutTheVisit(clause: string): boolean {
  // (The patterns run only where their words are: this runs on every weakness found.)
  return (
    ((clause.includes('nspect') || clause.includes('visit') || clause.includes('letter')) &&
      ABOUT_THE_VISIT.test(clause)) ||
    ((clause.includes('mprovement') || clause.includes('nadequate')) && PAST_JUDGEMENT.test(clause))
  );
}

interface Pending {
  role: 'not' | 'rare' | 'few' | 'low' | 'shift' | 'aware';
  token: number;
  /** Text offset where the operator starts. */
  start: number;
  end: number;
  weight: number;
  /** Negations seen in this scope (two cancel out: "no child was left without a plan"). */
  count: number;
  /** Already counted as a weakness (a hedge): nothing more when nothing follows. */
  noted?: boolean;
}

/**
 * Judges one clause. `concession` marks a clause that opens "Although…" or "Despite…": there,
 * only a word that names a weakness counts, not a bare negation ("Although professionals are
 * not all co-located, they work as one team").
 */
export function judgeClause(
  clause: string,
  concession = false,
  /** The clause's words, if already read: those from `from` to `to`, offsets less `base`. */
  list: WordList = tokenize(clause),
  from = 0,
  to = list.length,
  base = 0,
): Verdict | null {
  const { words, starts, ends, breaks, kinds } = list;
  // Each stretch between commas, semicolons or colons is scored on its own, so that a strength
  // in one ("exploring innovative ways to raise awareness,") does not hide a weakness in the
  // next ("given the very low number of referrals").
  let score = 0;
  let worst: Hit | null = null;
  let verdictScore = 0;
  let verdictWorst: Hit | null = null;
  let pending: Pending | null = null;
  let inCondition = false;
  let relative = false;
  let describing = false;
  /** Negative values found so far in the stretch, to be turned by a later "have been reduced". */
  let seen: Hit[] = [];

  const note = (value: number, start: number, end: number): void => {
    score += value;
    if (value < 0) {
      const hit = { value, start, end };
      seen.push(hit);
      if (!worst || value < worst.value) worst = hit;
    }
  };

  /** A negation, frequency or quantity left with nothing polar to act on. */
  const settle = (): void => {
    if (!pending) return;
    const p: Pending = pending;
    pending = null;
    if (inCondition || (relative && p.role === 'not') || p.noted) return;
    if (p.role === 'not' && p.count % 2 === 1 && !concession) note(-MEDIUM, p.start, p.end);
    if ((p.role === 'rare' || p.role === 'low') && !concession) note(-p.weight, p.start, p.end);
  };

  /** Ends a stretch: the most negative stretch is the clause's verdict. */
  const close = (): void => {
    settle();
    if (worst && score < verdictScore) {
      verdictScore = score;
      verdictWorst = worst;
    }
    score = 0;
    worst = null;
    seen = [];
  };

  for (let i = from; i < to; i++) {
    const word = words[i];
    // The lists are parallel and `to` is within them: never undefined.
    const kind = kinds[i];
    if (kind === undefined) break;
    if (breaks[i] && i > from) {
      close();
      inCondition = false;
      relative = false;
    } else if (kind & Is.scopeEnd) {
      settle();
    } else if (kind & Is.verb) {
      // The main verb ends a noun phrase: "the response to children at risk is underdeveloped".
      if (pending?.role === 'shift' || pending?.role === 'aware') settle();
      describing = false;
    }
    // "Children living in unregistered homes are visited often": words that pick out whom
    // the sentence is about state no finding, until its verb.
    if (kind & Is.group && i + 1 < to && (kinds[i + 1] ?? 0) & Is.modifier && i - from < 4) {
      describing = true;
    }
    if (describing && !(kind & Is.verb)) continue;
    // "Children who do not attend school receive…": a negation that picks out whom the
    // sentence is about states no finding; "there are children who do not…" does.
    if ((word === 'who' || word === 'whom') && !/^there (?:is|are|was|were)\b/i.test(clause)) {
      relative = true;
    }
    const entry = kind & Is.phrase ? match(list, i, to) : null;
    if (!entry) {
      // The cue of a negation with nothing polar after it is the negation and the next word.
      if (pending && pending.role !== 'shift' && i === pending.token + 1) {
        pending.end = (ends[i] ?? 0) - base;
      }
      continue;
    }
    // match() only answers an entry whose words all lie before `to`.
    const start = (starts[i] ?? 0) - base;
    const end = (ends[i + entry.words.length - 1] ?? 0) - base;
    i += entry.words.length - 1;
    switch (entry.role) {
      case 'none':
        break;
      case 'cond':
        settle();
        inCondition = true;
        break;
      case 'not':
        if (pending?.role === 'not') {
          pending.count++;
          pending.end = end;
        } else if (pending?.role === 'shift') {
          // "does not prevent them from identifying": the negation turns the shift.
          pending = { role: 'not', token: i, start, end, weight: 1, count: 1 };
        } else {
          settle();
          pending = { role: 'not', token: i, start, end, weight: 1, count: 1 };
        }
        break;
      case 'aware':
        // "do not identify risks": the negation stands; "know the weaknesses" turns them.
        if (pending?.role === 'not') {
          pending.end = end;
          break;
        }
        settle();
        pending = { role: 'aware', token: i, start, end, weight: entry.weight, count: 0 };
        break;
      case 'shift':
        // "does not prevent them from identifying": acting against a problem, negated, says
        // nothing either way.
        if (pending?.role === 'not') {
          pending = null;
          break;
        }
        settle();
        pending = { role: 'shift', token: i, start, end, weight: entry.weight, count: 0 };
        break;
      case 'low':
        // "Staff turnover is very low": a low amount of a weakness is a strength.
        if (
          seen.length > 0 &&
          /\b(?:is|are|was|were|been|remains?|stays?)(?: very| too)?$/i.test(
            clause.slice(0, start).trimEnd(),
          )
        ) {
          for (const hit of seen.splice(0)) score -= 2 * hit.value;
          worst = null;
          break;
        }
        settle();
        pending = { role: entry.role, token: i, start, end, weight: entry.weight, count: 0 };
        break;
      case 'rare':
      case 'few':
        settle();
        pending = { role: entry.role, token: i, start, end, weight: entry.weight, count: 0 };
        break;
      case 'after':
        // "Delays have been reduced": what came before is turned.
        for (const hit of seen.splice(0)) score -= 2 * hit.value;
        worst = null;
        break;
      case 'duty':
        // "seldom need to escalate": the duty belongs to the frequency before it.
        if (pending && pending.role !== 'shift' && pending.role !== 'aware') break;
        if (inCondition || dutyInQuestion(list, i - entry.words.length + 1, from)) break;
        if (!concession) note(-entry.weight, start, end);
        break;
      case 'hedge':
        if (inCondition || concession) break;
        settle();
        note(-entry.weight, start, end);
        // "not yet used well enough": the negation in the hedge turns a strength after it too.
        if (entry.words[0] === 'not') {
          pending = { role: 'not', token: i, start, end, weight: 1, count: 1, noted: true };
        }
        break;
      case 'neg':
      case 'pos': {
        if (inCondition) break;
        let value = entry.role === 'neg' ? -entry.weight : entry.weight;
        let from = start;
        let to = end;
        if (pending) {
          // Acting against or knowing of a strength leaves it one ("address their needs well").
          const againstOnly = pending.role === 'shift' || pending.role === 'aware';
          const turns =
            (againstOnly && value < 0) ||
            pending.role === 'rare' ||
            pending.role === 'few' ||
            pending.role === 'low' ||
            (pending.role === 'not' && pending.count % 2 === 1);
          if (turns) value = -value;
          // "not … timely": the cue runs from the negation when it is close by, else it is the
          // negation and the word after it.
          from = pending.start;
          if (i - entry.words.length + 1 - pending.token > 3) to = pending.end;
          pending = null;
        }
        if (relative && value < 0 && entry.role === 'pos') break;
        note(value, from, to);
        break;
      }
    }
  }
  close();
  if (verdictScore > -0.45 || !verdictWorst) {
    // (Checked only where it may apply: this runs for every clause that states no weakness.)
    const mayBeUnderWay =
      !concession &&
      clause.includes(' to ') &&
      (clause.includes('more ') || clause.includes('awareness'));
    const underWay = mayBeUnderWay ? WORK_UNDER_WAY.exec(clause) : null;
    if (!underWay || /\beven further\b/i.test(clause) || aboutTheVisit(clause)) return null;
    // The pattern's last group is required: a match fills it.
    const [whole, cue = ''] = underWay;
    const at = underWay.index + whole.lastIndexOf(cue);
    return { strength: MILD, cue, index: at };
  }
  // The inspection's own methods, past judgements and exceptions that prove the rule.
  if (aboutTheVisit(clause) || (clause.includes('nly') && EXCEPTION.test(clause))) return null;
  const found: Hit = verdictWorst;
  return {
    strength: Math.min(1, -verdictScore) * 0.6 + Math.min(1, -found.value) * 0.4,
    cue: clause.slice(found.start, found.end),
    index: found.start,
  };
}

interface Hit {
  value: number;
  start: number;
  end: number;
}

/** Whether a word is one the lexicon judges by (it says how things are, not what they are). */
export function isEvaluative(word: string): boolean {
  return TABLE.has(word);
}

/**
 * First words of the phrases that can make a clause state a weakness: words for one, turners,
 * hedges, duties (a strength alone cannot), and the words of work still under way.
 */
const TRIGGERS = new Set<string>(['more', 'awareness']);
for (const [role, , phrases] of LEXICON) {
  if (['pos', 'shift', 'aware', 'after', 'cond', 'none'].includes(role)) continue;
  // A phrase's longest word, which it cannot do without ("is at an early stage": "early").
  for (const phrase of phrases.split('|')) {
    TRIGGERS.add(phrase.split(' ').reduce((a, b) => (b.length > a.length ? b : a)));
  }
}

/** Whether any of the words could make a clause state a weakness (a quick test first). */
export function mayJudge(list: WordList, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((list.kinds[i] ?? 0) & Is.trigger) return true;
  return false;
}

/**
 * The trigger words as one pattern: a sentence without any is not read word by word at all
 * (the regular expression engine scans text far faster than a loop in JavaScript).
 */
export const MAY_JUDGE = new RegExp(`\\b(?:${byFirstLetter([...TRIGGERS])})\\b`, 'i');

/**
 * Words as one alternation grouped by their first letter ("a(?:bsence|lthough)|b(?:…)"), which
 * the engine tries a letter at a time instead of word by word (three times faster here).
 */
function byFirstLetter(words: string[]): string {
  const groups = new Map<string, string[]>();
  for (const word of words) {
    const first = word.charAt(0);
    const rest = word.slice(1).replace(/'/g, "['’]");
    groups.set(first, [...(groups.get(first) ?? []), rest]);
  }
  return [...groups]
    .map(([first, rests]) => `${first}(?:${rests.sort((a, b) => b.length - a.length).join('|')})`)
    .join('|');
}

/** Whether any of the words may turn a sentence or open a condition or concession. */
export function mayTurn(list: WordList, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((list.kinds[i] ?? 0) & Is.turn) return true;
  return false;
}

/** What a word can do in a clause, as bits: looked up once per word read. */
export const Is = {
  phrase: 1,
  trigger: 2,
  scopeEnd: 4,
  verb: 8,
  group: 16,
  modifier: 32,
  turn: 64,
} as const;

/** Words that may turn a sentence or open a condition or concession (see contrastSegments). */
const TURN_WORDS =
  'but although though however despite while whilst yet nevertheless even notwithstanding when whenever if unless once in';

const KINDS = new Map<string, number>();
const mark = (words: Iterable<string>, bit: number): void => {
  for (const word of words) KINDS.set(word, (KINDS.get(word) ?? 0) | bit);
};
mark(TABLE.keys(), Is.phrase);
mark(TRIGGERS, Is.trigger);
mark(SCOPE_END, Is.scopeEnd);
mark(VERB, Is.verb);
mark(GROUP, Is.group);
mark(MODIFIER, Is.modifier);
mark(TURN_WORDS.split(' '), Is.turn);

function match(list: WordList, at: number, to: number): Entry | null {
  const word = list.words[at];
  const entries = word === undefined ? undefined : TABLE.get(word);
  if (!entries) return null;
  for (const entry of entries) {
    let ok = at + entry.words.length <= to;
    for (let k = 1; ok && k < entry.words.length; k++) {
      ok = list.words[at + k] === entry.words[k] && !list.breaks[at + k];
    }
    if (ok) return entry;
  }
  return null;
}
