/** What kinds of publication a document can be: listed once, for the API's schemas too. */
export const DOCUMENT_KINDS = [
  'full_inspection',
  'focused_visit',
  'monitoring_visit',
  'joint_inspection',
  'article',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** `priority_action` for items the inspectors flagged for priority or immediate action. */
export const RECOMMENDATION_PRIORITIES = ['priority_action', 'improvement'] as const;
export type RecommendationPriority = (typeof RECOMMENDATION_PRIORITIES)[number];

export interface Judgement {
  /** The area judged, as the report words it ("Overall effectiveness"). */
  area: string;
  /** The grade as the report words it ("Requires improvement to be good"). */
  grade: string;
  /** The table group the row sits under, where the report groups rows ("Safeguarding services"). */
  group: string | null;
}

export interface DocumentFacts {
  kind: DocumentKind;
  /** The lead inspectorate ("Ofsted"). */
  inspectorate: string | null;
  /** Every inspectorate named as taking part, lead first (joint inspections name several). */
  inspectorates: string[];
  /** The local authority the document is about, as the document names it. */
  authority: string | null;
  title: string | null;
  /** ISO date: the letter's date or the report's "Published:" date. */
  publishedOn: string | null;
  visitStartedOn: string | null;
  visitEndedOn: string | null;
  judgements: Judgement[];
  /** `pdf` or `text`: what the input was. */
  format: 'pdf' | 'text';
  /** Pages in a PDF; for text, form-feed separated pages (1 when there are none). */
  pages: number;
}

export interface Recommendation {
  /** Stable reference within this extraction: R1, R2, ... in document order. */
  ref: string;
  /** The report's own label for the item ("17", "a"), when it numbers or letters them. */
  label: string | null;
  /** The whole item with its lines rejoined; sub-bullets follow on their own lines. */
  text: string;
  /** Sub-bullets that belong to the item, in order (also included in `text`). */
  subItems: string[];
  /** The list heading the item sits under ("Areas for improvement"). */
  section: string;
  /** A themed sub-heading inside the list ("Quality of practice"), if any. */
  theme: string | null;
  priority: RecommendationPriority;
  /** ISO 8601 duration from publication (`P0D`, `P3M`, `P28D`), or null when none is set. */
  timescale: string | null;
  /** The words that set the timescale ("Within three months", "by 31 March 2020"). */
  timescaleText: string | null;
  /** ISO date the item is due: a fixed date, or `publishedOn` plus `timescale`. */
  dueOn: string | null;
  /** Bodies responsible for the item; the authority's own name when none is named. */
  responsible: string[];
  /** 1-based page the item starts on. */
  page: number;
}

/** A weakness stated in prose rather than in a recommendations list. */
export interface Suggestion {
  /** The sentence, or its critical clause, exactly as written with its lines rejoined. */
  text: string;
  /** The heading it sits under; null before the first heading. */
  section: string | null;
  /** The cue phrase that marked it, lower-case as it appears (e.g. "not consistently"). */
  cue: string;
  /** 0-1: how sure the rules are that this states a weakness. */
  confidence: number;
  /** 1-based page it starts on. */
  page: number;
}

export interface ExtractionResult {
  document: DocumentFacts;
  recommendations: Recommendation[];
  suggestions: Suggestion[];
}

export interface ExtractOptions {
  /** Largest input accepted, in bytes (default 20 MB). */
  maxBytes?: number;
  /** Most pages read (default 500); a longer PDF is refused before any page is read. */
  maxPages?: number;
  /** Most characters of text read (default 2,000,000; spaces aside in a PDF). */
  maxChars?: number;
}
