import {
  type ActionStatus,
  type AuditChanges,
  type AuditEvent,
  LIVE_STATUSES,
  type Rag,
  rollUpRag,
} from '@app/actions';
import { Clock, daysBetween, groupBy, londonDateOf } from '@app/common';
import { actionRagOf, effectiveRag, toleranceOf, trajectoryOf } from '@app/measures';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  type ActionRow,
  actionsAt,
  type EntryRow,
  type MeasureRow,
  measuresAt,
  type OverrideAt,
  overridesAt,
} from './as-at';
import type {
  CommitteeReport,
  RagRollUp,
  ReportAction,
  ReportChange,
  ReportInspection,
  ReportMeasure,
  ReportReading,
} from './committee-report';
import { dateInWords, RAG_WORDS } from './words';
import { repeatsAsAt, repeatsFirst } from './repeat-findings';

/**
 * Most actions a report is drawn as a page or a Word document for: beyond it, a single report
 * would hold the server's one thread (and every other council's requests) for seconds. The
 * workbook is streamed, so it has no such limit.
 */
export const REPORT_DRAWN_MAX_ACTIONS = 1000;

export interface ReportRequest {
  /** One inspection's report; all live inspections' when left out. */
  inspectionId?: string;
  /** The report's date: today when left out. */
  asAt?: string;
  /** The earlier date to count changes from. */
  since?: string;
}

interface InspectionRow {
  id: string;
  reference: string;
  title: string | null;
  publishedOn: string | null;
}

interface RecommendationRow {
  id: string;
  inspectionId: string;
  ref: string;
  text: string;
  section: string;
  priority: 'priority_action' | 'improvement';
}

interface ReadingRow {
  measureId: string;
  value: number;
  observedOn: string;
  createdAt: Date;
}

interface NoteRow {
  actionId: string;
  note: string;
  createdAt: Date;
  authorId: string;
}

interface RevisionRow {
  actionId: string;
  reason: string;
  revisedAt: Date;
}

/** What is known at one instant: the actions, their measures, readings and overrides. */
interface Snapshot {
  date: string;
  actions: Map<string, ActionRow>;
  measures: Map<string, MeasureRow[]>;
  overrides: Map<string, OverrideAt>;
  readingsBefore: Date;
}

const refused = (field: string, message: string) =>
  new BadRequestException({ message, details: { code: 'invalid-report', field } });

const LIVE: ReadonlySet<ActionStatus> = new Set(LIVE_STATUSES);

/**
 * The committee progress report, rebuilt from the history "as at" a date: the state of each
 * action at the end of that day (Europe/London), its measures' readings entered by then, and the
 * RAG on that day by the same rules the pages use. So last quarter's report can be produced
 * again exactly, and a report for today is what the pages show today.
 */
@Injectable()
export class CommitteeReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * The report; with `maxActions`, refused before any of it is built when it would hold more
   * actions than that.
   */
  async build(
    councilId: string,
    request: ReportRequest,
    { maxActions }: { maxActions?: number } = {},
  ): Promise<CommitteeReport> {
    const today = londonDateOf(this.clock.now());
    const asAt = request.asAt ?? today;
    if (asAt > today) throw refused('asAt', 'asAt must be today or earlier');
    const since = request.since ?? null;
    if (since !== null && since >= asAt) throw refused('since', 'since must be before asAt');

    const db = this.dataSource.manager;
    const [bounds] = await db.query<{ asAtEnd: Date; sinceEnd: Date | null }[]>(
      `SELECT (($1::date + 1)::timestamp AT TIME ZONE 'Europe/London') AS "asAtEnd",
              (($2::date + 1)::timestamp AT TIME ZONE 'Europe/London') AS "sinceEnd"`,
      [asAt, since],
    );
    if (!bounds) throw new Error('The database did not work out the report’s dates');
    const { asAtEnd, sinceEnd } = bounds;
    const [council] = await db.query<{ name: string }[]>(
      `SELECT name FROM councils WHERE id = $1`,
      [councilId],
    );
    const tolerance = await toleranceOf(db, councilId);

    const inspections = await db.query<InspectionRow[]>(
      `SELECT id, reference, title, published_on::text AS "publishedOn"
         FROM inspections
        WHERE council_id = $1 AND imported_at < $2 ${request.inspectionId ? 'AND id = $3' : ''}
        ORDER BY published_on DESC NULLS LAST, reference`,
      request.inspectionId ? [councilId, asAtEnd, request.inspectionId] : [councilId, asAtEnd],
    );
    if (request.inspectionId && inspections.length === 0) {
      throw new NotFoundException('Inspection not found');
    }
    const inspectionIds = inspections.map((i) => i.id);
    if (maxActions !== undefined) {
      const [{ count } = { count: 0 }] = await db.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM actions
          WHERE council_id = $1 AND inspection_id = ANY($2) AND created_at < $3`,
        [councilId, inspectionIds, asAtEnd],
      );
      if (count > maxActions) {
        throw new BadRequestException({
          message: `This report has ${count.toLocaleString('en-GB')} actions, more than the ${maxActions.toLocaleString('en-GB')} a page or a Word document can show: choose one inspection, or download the workbook`,
          details: { code: 'report-too-large', actions: count, limit: maxActions },
        });
      }
    }
    const from = sinceEnd ?? asAtEnd;
    const [recommendations, actions, entries, overrideEntries, measures, readings] =
      await Promise.all([
        db.query<RecommendationRow[]>(
          `SELECT id, inspection_id AS "inspectionId", ref, text, section, priority
             FROM recommendations
            WHERE council_id = $1 AND inspection_id = ANY($2)
            ORDER BY position`,
          [councilId, inspectionIds],
        ),
        db.query<ActionRow[]>(
          `SELECT id, inspection_id AS "inspectionId", recommendation_id AS "recommendationId",
                  reference, sequence, title, owner_id AS "ownerId", due_on::text AS "dueOn",
                  original_due_on::text AS "originalDueOn", status, created_at AS "createdAt"
             FROM actions
            WHERE council_id = $1 AND inspection_id = ANY($2) AND created_at < $3
            ORDER BY sequence`,
          [councilId, inspectionIds, asAtEnd],
        ),
        // Newest first: undone in that order back to each date.
        db.query<EntryRow[]>(
          `SELECT e.action_id AS "actionId", e.actor_id AS "actorId", e.occurred_at AS "occurredAt",
                  e.event, e.changes, e.reason
             FROM audit_entries e JOIN actions a ON a.id = e.action_id
            WHERE e.council_id = $1 AND a.inspection_id = ANY($2) AND e.occurred_at >= $3
            ORDER BY e.id DESC`,
          [councilId, inspectionIds, from],
        ),
        // Oldest first: overrides are replayed forwards, each with its reason.
        db.query<EntryRow[]>(
          `SELECT e.action_id AS "actionId", e.actor_id AS "actorId", e.occurred_at AS "occurredAt",
                  e.event, e.changes, e.reason
             FROM audit_entries e JOIN actions a ON a.id = e.action_id
            WHERE e.council_id = $1 AND a.inspection_id = ANY($2) AND e.occurred_at < $3
              AND e.event IN ('rag_overridden', 'rag_override_cleared')
            ORDER BY e.id`,
          [councilId, inspectionIds, asAtEnd],
        ),
        db.query<MeasureRow[]>(
          `SELECT m.id, m.action_id AS "actionId", m.name, m.unit, m.direction,
                  m.baseline_value::float8 AS "baselineValue", m.baseline_on::text AS "baselineOn",
                  m.target_value::float8 AS "targetValue", m.target_on::text AS "targetOn",
                  m.created_at AS "createdAt"
             FROM measures m JOIN actions a ON a.id = m.action_id
            WHERE m.council_id = $1 AND a.inspection_id = ANY($2) AND m.created_at < $3
            ORDER BY m.created_at, m.id`,
          [councilId, inspectionIds, asAtEnd],
        ),
        // float8: a number from the driver, not a string to convert and throw away.
        db.query<ReadingRow[]>(
          `SELECT r.measure_id AS "measureId", r.value::float8 AS value, r.observed_on::text AS "observedOn",
                  r.created_at AS "createdAt"
             FROM measure_readings r
             JOIN measures m ON m.id = r.measure_id
             JOIN actions a ON a.id = m.action_id
            WHERE r.council_id = $1 AND a.inspection_id = ANY($2) AND r.created_at < $3
            ORDER BY r.observed_on, r.created_at, r.id`,
          [councilId, inspectionIds, asAtEnd],
        ),
      ]);
    const [notes, evidence, revisions, people] = await Promise.all([
      db.query<NoteRow[]>(
        `SELECT DISTINCT ON (u.action_id) u.action_id AS "actionId", u.note,
                u.created_at AS "createdAt", u.author_id AS "authorId"
           FROM action_updates u JOIN actions a ON a.id = u.action_id
          WHERE u.council_id = $1 AND a.inspection_id = ANY($2) AND u.created_at < $3
          ORDER BY u.action_id, u.created_at DESC, u.id DESC`,
        [councilId, inspectionIds, asAtEnd],
      ),
      db.query<{ actionId: string; links: string[] }[]>(
        `SELECT u.action_id AS "actionId", array_agg(u.evidence_url ORDER BY u.created_at) AS links
           FROM action_updates u JOIN actions a ON a.id = u.action_id
          WHERE u.council_id = $1 AND a.inspection_id = ANY($2) AND u.created_at < $3
            AND u.evidence_url IS NOT NULL
          GROUP BY u.action_id`,
        [councilId, inspectionIds, asAtEnd],
      ),
      db.query<RevisionRow[]>(
        `SELECT d.action_id AS "actionId", d.reason, d.revised_at AS "revisedAt"
           FROM deadline_revisions d JOIN actions a ON a.id = d.action_id
          WHERE d.council_id = $1 AND a.inspection_id = ANY($2) AND d.revised_at < $3
          ORDER BY d.revised_at`,
        [councilId, inspectionIds, asAtEnd],
      ),
      db.query<{ id: string; name: string }[]>(`SELECT id, name FROM users WHERE council_id = $1`, [
        councilId,
      ]),
    ]);

    const names = new Map(people.map((p) => [p.id, p.name]));
    const readingsOf = groupBy(readings, (r) => r.measureId);
    const snapshotAt = (date: string, end: Date): Snapshot => ({
      date,
      actions: actionsAt(actions, entries, end),
      measures: measuresAt(measures, entries, end),
      overrides: overridesAt(overrideEntries, end),
      readingsBefore: end,
    });
    const now = snapshotAt(asAt, asAtEnd);
    const then = since !== null && sinceEnd !== null ? snapshotAt(since, sinceEnd) : null;

    const ratedMeasures = (snapshot: Snapshot, actionId: string): ReportMeasure[] =>
      (snapshot.measures.get(actionId) ?? []).map((measure) => {
        const known: ReportReading[] = (readingsOf.get(measure.id) ?? [])
          .filter((r) => r.createdAt < snapshot.readingsBefore)
          .map(({ value, observedOn }) => ({ value, observedOn }));
        const trajectory = trajectoryOf(measure, known, snapshot.date, tolerance);
        return {
          name: measure.name,
          unit: measure.unit,
          direction: measure.direction,
          baseline:
            measure.baselineValue !== null && measure.baselineOn !== null
              ? { value: measure.baselineValue, observedOn: measure.baselineOn }
              : null,
          target: { value: measure.targetValue, observedOn: measure.targetOn },
          latest: known.at(-1) ?? null,
          rag: trajectory.rag,
          reason: trajectory.reason,
          readings: known,
        };
      });
    const ragAt = (snapshot: Snapshot, action: ActionRow, rated: readonly ReportMeasure[]) => {
      const computed = actionRagOf(
        action,
        rated.map((m) => ({ name: m.name, rag: m.rag, reason: m.reason })),
        snapshot.date,
      );
      const override = snapshot.overrides.get(action.id) ?? null;
      return {
        computed: computed.rag,
        override: override && {
          rag: override.rag,
          reason: override.reason,
          by: (override.actorId && names.get(override.actorId)) ?? 'Someone',
        },
        rag: effectiveRag(computed, override),
        reason: computed.reason,
      };
    };

    const latestNote = new Map(notes.map((n) => [n.actionId, n]));
    const evidenceOf = new Map(evidence.map((e) => [e.actionId, e.links]));
    const revisionsOf = groupBy(revisions, (r) => r.actionId);
    const reportActions = new Map<string, ReportAction>();
    for (const action of now.actions.values()) {
      const rated = ratedMeasures(now, action.id);
      const note = latestNote.get(action.id);
      reportActions.set(action.id, {
        id: action.id,
        reference: action.reference,
        title: action.title,
        owner: action.ownerId ? (names.get(action.ownerId) ?? null) : null,
        status: action.status,
        originalDueOn: action.originalDueOn,
        dueOn: action.dueOn,
        slippageDays:
          action.originalDueOn && action.dueOn
            ? daysBetween(action.originalDueOn, action.dueOn)
            : 0,
        slippageReasons: (revisionsOf.get(action.id) ?? []).map((r) => r.reason),
        rag: ragAt(now, action, rated),
        latestNote: note
          ? {
              note: note.note,
              on: londonDateOf(note.createdAt),
              by: names.get(note.authorId) ?? 'Someone',
            }
          : null,
        evidence: evidenceOf.get(action.id) ?? [],
        measures: rated,
      });
    }

    const actionsOf = groupBy(
      [...reportActions.values()],
      (a) => now.actions.get(a.id)?.recommendationId ?? '',
    );
    const reportInspections: ReportInspection[] = [];
    const all: RatedAction[] = [];
    const repeats = await repeatsAsAt(db, councilId, inspectionIds, asAtEnd);
    for (const inspection of inspections) {
      const recs = repeatsFirst(
        recommendations
          .filter((r) => r.inspectionId === inspection.id)
          .map((r) => {
            const repeatOf = repeats.get(r.id);
            return {
              id: r.id,
              label: r.ref,
              text: r.text,
              section: r.section,
              priority: r.priority,
              ...(repeatOf !== undefined && { repeatOf }),
              actions: actionsOf.get(r.id) ?? [],
            };
          }),
      );
      const rated = recs.flatMap((r) =>
        r.actions.map((a) => ({ action: a, priority: r.priority === 'priority_action' })),
      );
      // "All live inspections": those with something still to do on the date.
      if (!request.inspectionId && !rated.some(({ action }) => LIVE.has(action.status))) continue;
      all.push(...rated);
      reportInspections.push({
        id: inspection.id,
        reference: inspection.reference,
        title: inspection.title ?? inspection.reference,
        publishedOn: inspection.publishedOn,
        rag: rollUp(rated),
        recommendations: recs,
      });
    }

    const changes =
      then === null
        ? []
        : changesBetween(
            entries.filter((e) => e.occurredAt < asAtEnd).reverse(),
            reportActions,
            then,
            (action) => {
              const before = then.actions.get(action.id);
              return before ? ragAt(then, before, ratedMeasures(then, action.id)).rag : undefined;
            },
            asAt,
          );

    return {
      councilName: council?.name ?? '',
      asAt,
      since,
      scope: request.inspectionId
        ? { kind: 'inspection', inspectionId: request.inspectionId }
        : { kind: 'council' },
      rag: rollUp(all),
      inspections: reportInspections,
      changes,
    };
  }
}

interface RatedAction {
  action: ReportAction;
  priority: boolean;
}

/** Counts by RAG and the roll-up by the one rule (`rollUpRag`). */
function rollUp(rated: readonly RatedAction[]): RagRollUp {
  const counts = { red: 0, amber: 0, green: 0, unrated: 0 };
  let live = 0;
  let redPriority = 0;
  for (const { action, priority } of rated) {
    const rag = action.rag.rag;
    if (LIVE.has(action.status)) live += 1;
    if (rag === null) counts.unrated += 1;
    else counts[rag] += 1;
    if (rag === 'red' && priority) redPriority += 1;
  }
  return { rag: rollUpRag({ live, red: counts.red, redPriority, amber: counts.amber }), ...counts };
}

/**
 * What happened between the two dates: opened, completed, verified and slipped from the history
 * (`window`, oldest first), and RAG moves from the two snapshots.
 */
function changesBetween(
  window: readonly EntryRow[],
  actions: ReadonlyMap<string, ReportAction>,
  then: Snapshot,
  ragThen: (action: ReportAction) => Rag | null | undefined,
  asAt: string,
): ReportChange[] {
  const changes: ReportChange[] = [];
  for (const entry of window) {
    const action = actions.get(entry.actionId);
    if (!action || entry.occurredAt < then.readingsBefore) continue;
    const base = {
      actionId: action.id,
      reference: action.reference,
      title: action.title,
      on: londonDateOf(entry.occurredAt),
    };
    const kind = changeKindOf(entry.event, entry.changes);
    if (kind === 'slipped') {
      const { from, to } = entry.changes.dueOn as { from: string; to: string };
      changes.push({
        ...base,
        kind,
        detail: `Deadline moved from ${dateInWords(from)} to ${dateInWords(to)}${entry.reason ? `: ${entry.reason}` : '.'}`,
      });
    } else if (kind) {
      changes.push({ ...base, kind, detail: CHANGE_DETAILS[kind] });
    }
  }
  for (const action of actions.values()) {
    const before = ragThen(action);
    if (before === undefined || before === action.rag.rag) continue;
    changes.push({
      actionId: action.id,
      reference: action.reference,
      title: action.title,
      kind: 'rag_moved',
      on: asAt,
      detail: `RAG moved from ${before ? RAG_WORDS[before] : 'not rated'} to ${action.rag.rag ? RAG_WORDS[action.rag.rag] : 'not rated'}.`,
    });
  }
  return changes;
}

const CHANGE_DETAILS = {
  opened: 'Opened: out of draft with an owner and a deadline.',
  completed: 'Marked complete.',
  verified: 'Verified as done.',
} as const;

function changeKindOf(
  event: AuditEvent,
  changes: AuditChanges,
): 'opened' | 'completed' | 'verified' | 'slipped' | null {
  const status = changes.status;
  if (event === 'created') return status?.to === 'open' ? 'opened' : null;
  if (event === 'status_changed') {
    if (status?.to === 'open' && status.from === 'draft') return 'opened';
    if (status?.to === 'completed') return 'completed';
    if (status?.to === 'verified') return 'verified';
  }
  if (event === 'deadline_revised') {
    const due = changes.dueOn;
    if (typeof due?.from === 'string' && typeof due.to === 'string' && due.to > due.from) {
      return 'slipped';
    }
  }
  return null;
}
