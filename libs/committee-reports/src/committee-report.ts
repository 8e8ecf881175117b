/**
 * The committee progress report as data: what the page, the Word document and the workbook all
 * show, built once from the history "as at" a date so each format says the same thing.
 */

export type Rag = 'red' | 'amber' | 'green';

/** How many actions are at each RAG, and the RAG they roll up to. */
export interface RagRollUp {
  rag: Rag;
  red: number;
  amber: number;
  green: number;
  /** Actions not rated: cancelled ones. */
  unrated: number;
}

export interface ReportReading {
  value: number;
  /** The date the value describes. */
  observedOn: string;
}

export interface ReportMeasure {
  name: string;
  unit: 'percentage' | 'days' | 'count' | 'milestone';
  direction: 'higher' | 'lower';
  baseline: ReportReading | null;
  target: ReportReading;
  latest: ReportReading | null;
  /** Null until there is a reading to judge. */
  rag: Rag | null;
  /** Why, in a sentence: "Behind the line to the target by 4." */
  reason: string;
  /** Every reading known at the report's date, oldest first: the chart and its table. */
  readings: ReportReading[];
}

export interface ReportActionRag {
  /** From the deadline and the measures, by the documented rules. */
  computed: Rag | null;
  /** A manager's override, shown beside the computed value; null when there is none. */
  override: { rag: Rag; reason: string; by: string } | null;
  /** The override when there is one, else the computed value. Null for a cancelled action. */
  rag: Rag | null;
  /** Why the computed value is what it is. */
  reason: string;
}

export interface ReportAction {
  id: string;
  reference: string;
  title: string;
  /** The owner's name, or null when no one owns it. */
  owner: string | null;
  status: 'draft' | 'open' | 'in_progress' | 'blocked' | 'completed' | 'verified' | 'cancelled';
  /** The deadline as first committed, and as it stands: null while there is none. */
  originalDueOn: string | null;
  dueOn: string | null;
  /** Days the deadline has moved from the original (negative if brought forward). */
  slippageDays: number;
  /** The reason given for each move, oldest first. */
  slippageReasons: string[];
  rag: ReportActionRag;
  latestNote: { note: string; on: string; by: string } | null;
  /** Evidence links from the progress notes, oldest first. */
  evidence: string[];
  measures: ReportMeasure[];
}

export interface ReportRecommendation {
  id: string;
  /** "R5", "4.2", or similar: how the inspectors numbered it, when they did. */
  label: string | null;
  text: string;
  section: string;
  priority: 'priority_action' | 'improvement';
  /**
   * Set on a repeat finding (confirmed by the report's date): "Raised before: R9 of ASV-2015".
   * Repeat findings come first in their inspection.
   */
  repeatOf?: string;
  actions: ReportAction[];
}

export interface ReportInspection {
  id: string;
  /** The council's own reference for it: "STK-2012". */
  reference: string;
  title: string;
  publishedOn: string | null;
  rag: RagRollUp;
  recommendations: ReportRecommendation[];
}

export const REPORT_CHANGE_KINDS = [
  'opened',
  'completed',
  'verified',
  'slipped',
  'rag_moved',
] as const;
export type ReportChangeKind = (typeof REPORT_CHANGE_KINDS)[number];

/** Something that happened between the `since` date and the report's date. */
export interface ReportChange {
  actionId: string;
  reference: string;
  title: string;
  kind: ReportChangeKind;
  /** The date (Europe/London) it happened. */
  on: string;
  /** In words: "Deadline moved from 31 March 2026 to 30 June 2026: waiting for recruitment." */
  detail: string;
}

export interface CommitteeReport {
  councilName: string;
  /** The report's date: everything is as it stood at the end of this day. */
  asAt: string;
  /** The earlier date the changes are counted from; null when no comparison was asked for. */
  since: string | null;
  /** One inspection's report, or every live inspection's. */
  scope: { kind: 'inspection'; inspectionId: string } | { kind: 'council' };
  /** The council's (or the one inspection's) RAG. */
  rag: RagRollUp;
  inspections: ReportInspection[];
  /** Oldest first. Empty when `since` is null. */
  changes: ReportChange[];
}
