import { LIVE_STATUSES, overdueSql } from '@app/actions';
import { Clock } from '@app/common';
import type { DocumentKind } from '@app/report-parser';
import { findRepeats } from '@app/repeat-findings';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { RepeatLinkState } from '../entities/repeat-link.entity';

/** Who decides a proposed link: the principal of the request. */
export interface RepeatActor {
  councilId: string;
  userId: string;
}

export interface RepeatInspectionRef {
  id: string;
  reference: string;
  kind: DocumentKind;
  publishedOn: string | null;
  visitEndedOn: string | null;
}

export interface RepeatRecommendationRef {
  id: string;
  ref: string;
  text: string;
  inspection: RepeatInspectionRef;
}

/** An action taken on the earlier recommendation: what was done then. */
export interface EarlierAction {
  id: string;
  reference: string;
  title: string;
  status: string;
  completedAt: Date | null;
  verifiedAt: Date | null;
}

export interface EarlierActionWithNotes extends EarlierAction {
  /** Progress notes, oldest first. */
  updates: Array<{ note: string; createdAt: Date; author: string | null }>;
}

export interface RepeatLinkView {
  id: string;
  state: RepeatLinkState;
  score: number;
  sharedWords: string[];
  decidedBy: { id: string; name: string } | null;
  decidedAt: Date | null;
  recommendation: RepeatRecommendationRef;
  earlier: RepeatRecommendationRef;
  earlierActions: EarlierAction[];
}

/** On the new action's page: the earlier recommendation, its actions and their notes. */
export interface RaisedBefore {
  linkId: string;
  sharedWords: string[];
  earlier: RepeatRecommendationRef;
  actions: EarlierActionWithNotes[];
}

/** An action on a confirmed repeat finding, for the dashboard. */
export interface RepeatFindingAction {
  id: string;
  reference: string;
  title: string;
  status: string;
  dueOn: string | null;
  overdue: boolean;
  inspection: { id: string; reference: string };
  recommendationRef: string;
  /** "R9 of ASV-2015", best match first. */
  raisedBefore: string[];
}

/** The dashboard shows this many actions on repeat findings at most, most pressing first. */
export const REPEAT_DASHBOARD_LIMIT = 50;

/** On the earlier inspection's page: where one of its recommendations was raised again. */
export interface RaisedAgain {
  linkId: string;
  earlierRef: string;
  later: RepeatRecommendationRef;
}

interface LinkRow {
  id: string;
  state: RepeatLinkState;
  score: number;
  shared_words: string[];
  decided_by_id: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  recommendation_id: string;
  earlier_recommendation_id: string;
}

interface RecommendationRow {
  id: string;
  ref: string;
  text: string;
  inspection_id: string;
  reference: string;
  kind: DocumentKind;
  published_on: string | null;
  visit_ended_on: string | null;
}

interface ActionRow {
  id: string;
  recommendation_id: string;
  reference: string;
  title: string;
  status: string;
  completed_at: Date | null;
  verified_at: Date | null;
}

const toRef = (row: RecommendationRow): RepeatRecommendationRef => ({
  id: row.id,
  ref: row.ref,
  text: row.text,
  inspection: {
    id: row.inspection_id,
    reference: row.reference,
    kind: row.kind,
    publishedOn: row.published_on,
    visitEndedOn: row.visit_ended_on,
  },
});

const toAction = (row: ActionRow): EarlierAction => ({
  id: row.id,
  reference: row.reference,
  title: row.title,
  status: row.status,
  completedAt: row.completed_at,
  verifiedAt: row.verified_at,
});

const LINK_COLUMNS = `l.id, l.state, l.score, l.shared_words, l.decided_by_id, u.name AS decided_by_name,
  l.decided_at, l.recommendation_id, l.earlier_recommendation_id`;

/**
 * Repeat findings: proposes, on import (and when a suggestion is accepted), links from each new
 * recommendation to the council's earlier recommendations it likely repeats (the matcher in
 * @app/repeat-findings); lets a manager confirm or reject each; reads confirmed links both ways.
 * Candidates are only the same council's recommendations, and every query filters by council.
 */
@Injectable()
export class RepeatFindingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Proposes links for `fresh` (recommendations of one inspection) against every recommendation
   * the council holds from its other inspections, in the caller's transaction. Idempotent: a pair
   * already linked (whatever was decided) is left as it is. Returns how many were proposed.
   */
  async propose(
    em: EntityManager,
    councilId: string,
    inspectionId: string,
    fresh: ReadonlyArray<{ id: string; text: string }>,
  ): Promise<number> {
    if (fresh.length === 0) return 0;
    const earlier: Array<{ id: string; text: string }> = await em.query(
      `SELECT id, text FROM recommendations WHERE council_id = $1 AND inspection_id <> $2`,
      [councilId, inspectionId],
    );
    const found = findRepeats(fresh, earlier);
    if (found.length === 0) return 0;
    const inserted: unknown[] = await em.query(
      `INSERT INTO repeat_links (council_id, recommendation_id, earlier_recommendation_id, score, shared_words)
       SELECT $1, f.recommendation_id, f.earlier_recommendation_id, f.score, f.shared_words
         FROM jsonb_to_recordset($2::jsonb)
           AS f(recommendation_id uuid, earlier_recommendation_id uuid, score real, shared_words text[])
       ON CONFLICT (recommendation_id, earlier_recommendation_id) DO NOTHING
       RETURNING id`,
      [
        councilId,
        JSON.stringify(
          found.map((candidate) => ({
            recommendation_id: candidate.id,
            earlier_recommendation_id: candidate.earlierId,
            // Floating point can put a perfect match a hair above 1.
            score: Math.min(1, Math.max(0, candidate.score)),
            shared_words: candidate.sharedWords,
          })),
        ),
      ],
    );
    return inserted.length;
  }

  /** The links proposed for an inspection's recommendations, best first per recommendation. */
  async listForInspection(councilId: string, inspectionId: string): Promise<RepeatLinkView[]> {
    await this.assertInspection(councilId, inspectionId);
    const links: LinkRow[] = await this.dataSource.query(
      `SELECT ${LINK_COLUMNS}
         FROM repeat_links l
         JOIN recommendations r ON r.id = l.recommendation_id AND r.council_id = l.council_id
         LEFT JOIN users u ON u.id = l.decided_by_id
        WHERE l.council_id = $1 AND r.inspection_id = $2
        ORDER BY r.position, l.score DESC, l.id`,
      [councilId, inspectionId],
    );
    return this.views(councilId, links);
  }

  /** Confirms or rejects a link (again, if a manager changes their mind); 404 outside the council. */
  async decide(
    actor: RepeatActor,
    inspectionId: string,
    linkId: string,
    state: Exclude<RepeatLinkState, 'proposed'>,
  ): Promise<RepeatLinkView> {
    const updated: unknown[] = await this.dataSource.query(
      `UPDATE repeat_links l SET state = $4, decided_by_id = $5, decided_at = $6
         FROM recommendations r
        WHERE l.id = $3 AND l.council_id = $1
          AND r.id = l.recommendation_id AND r.council_id = l.council_id AND r.inspection_id = $2
       RETURNING l.id`,
      [actor.councilId, inspectionId, linkId, state, actor.userId, this.clock.now()],
    );
    // UPDATE ... RETURNING through TypeORM's postgres driver answers [rows, count].
    const rows = Array.isArray(updated[0]) ? (updated[0] as unknown[]) : updated;
    if (rows.length === 0) throw new NotFoundException('Repeat link not found');
    const links: LinkRow[] = await this.dataSource.query(
      `SELECT ${LINK_COLUMNS} FROM repeat_links l LEFT JOIN users u ON u.id = l.decided_by_id
        WHERE l.id = $1 AND l.council_id = $2`,
      [linkId, actor.councilId],
    );
    const [view] = await this.views(actor.councilId, links);
    if (!view) throw new NotFoundException('Repeat link not found');
    return view;
  }

  /** Confirmed earlier findings a recommendation repeats, with what was done about them then. */
  async raisedBefore(councilId: string, recommendationId: string): Promise<RaisedBefore[]> {
    const links: LinkRow[] = await this.dataSource.query(
      `SELECT ${LINK_COLUMNS} FROM repeat_links l LEFT JOIN users u ON u.id = l.decided_by_id
        WHERE l.council_id = $1 AND l.recommendation_id = $2 AND l.state = 'confirmed'
        ORDER BY l.score DESC, l.id`,
      [councilId, recommendationId],
    );
    if (links.length === 0) return [];
    const earlierIds = links.map((link) => link.earlier_recommendation_id);
    const recommendations = await this.recommendations(councilId, earlierIds);
    const actions = await this.actionsOf(councilId, earlierIds);
    const notes: Array<{
      action_id: string;
      note: string;
      created_at: Date;
      author: string | null;
    }> = await this.dataSource.query(
      `SELECT au.action_id, au.note, au.created_at, p.name AS author
           FROM action_updates au LEFT JOIN users p ON p.id = au.author_id
          WHERE au.council_id = $1 AND au.action_id = ANY($2::uuid[])
          ORDER BY au.created_at, au.id`,
      [councilId, actions.map((action) => action.id)],
    );
    return links.flatMap((link) => {
      const earlier = recommendations.get(link.earlier_recommendation_id);
      if (!earlier) return [];
      return [
        {
          linkId: link.id,
          sharedWords: link.shared_words,
          earlier: toRef(earlier),
          actions: actions
            .filter((action) => action.recommendation_id === link.earlier_recommendation_id)
            .map((action) => ({
              ...toAction(action),
              updates: notes
                .filter((note) => note.action_id === action.id)
                .map((note) => ({
                  note: note.note,
                  createdAt: note.created_at,
                  author: note.author,
                })),
            })),
        },
      ];
    });
  }

  /** raisedBefore for an action's recommendation; 404 for another council's action. */
  async raisedBeforeAction(councilId: string, actionId: string): Promise<RaisedBefore[]> {
    const rows: Array<{ recommendation_id: string }> = await this.dataSource.query(
      `SELECT recommendation_id FROM actions WHERE id = $1 AND council_id = $2`,
      [actionId, councilId],
    );
    const [row] = rows;
    if (!row) throw new NotFoundException('Action not found');
    return this.raisedBefore(councilId, row.recommendation_id);
  }

  /** Confirmed later findings that repeat this inspection's recommendations. */
  async raisedAgain(councilId: string, inspectionId: string): Promise<RaisedAgain[]> {
    await this.assertInspection(councilId, inspectionId);
    const rows: Array<{ id: string; earlier_ref: string; recommendation_id: string }> =
      await this.dataSource.query(
        `SELECT l.id, e.ref AS earlier_ref, l.recommendation_id
           FROM repeat_links l
           JOIN recommendations e ON e.id = l.earlier_recommendation_id AND e.council_id = l.council_id
          WHERE l.council_id = $1 AND e.inspection_id = $2 AND l.state = 'confirmed'
          ORDER BY e.position, l.score DESC, l.id`,
        [councilId, inspectionId],
      );
    const later = await this.recommendations(
      councilId,
      rows.map((row) => row.recommendation_id),
    );
    return rows.flatMap((row) => {
      const recommendation = later.get(row.recommendation_id);
      return recommendation
        ? [{ linkId: row.id, earlierRef: row.earlier_ref, later: toRef(recommendation) }]
        : [];
    });
  }

  /**
   * Actions still to do on confirmed repeat findings, most pressing first (overdue, then by
   * deadline), with the earlier findings they repeat: what the dashboard shows first.
   */
  async dashboardActions(councilId: string, today: string): Promise<RepeatFindingAction[]> {
    const live = LIVE_STATUSES.map((status) => `'${status}'`).join(', ');
    const rows: Array<{
      id: string;
      reference: string;
      title: string;
      status: string;
      due_on: string | null;
      overdue: boolean;
      inspection_id: string;
      inspection_reference: string;
      recommendation_ref: string;
      raised_before: string[];
    }> = await this.dataSource.query(
      `SELECT a.id, a.reference, a.title, a.status, a.due_on::text AS due_on,
              ${overdueSql('a', '$2::date')} AS overdue,
              i.id AS inspection_id, i.reference AS inspection_reference,
              r.ref AS recommendation_ref, rb.raised_before
         FROM actions a
         JOIN recommendations r ON r.id = a.recommendation_id AND r.council_id = a.council_id
         JOIN inspections i ON i.id = a.inspection_id AND i.council_id = a.council_id
         JOIN LATERAL (
           SELECT array_agg(e.ref || ' of ' || ei.reference ORDER BY l.score DESC) AS raised_before
             FROM repeat_links l
             JOIN recommendations e ON e.id = l.earlier_recommendation_id AND e.council_id = l.council_id
             JOIN inspections ei ON ei.id = e.inspection_id AND ei.council_id = e.council_id
            WHERE l.council_id = a.council_id AND l.recommendation_id = a.recommendation_id
              AND l.state = 'confirmed'
         ) rb ON rb.raised_before IS NOT NULL
        WHERE a.council_id = $1 AND a.status IN (${live})
        ORDER BY ${overdueSql('a', '$2::date')} DESC, a.due_on NULLS LAST, a.reference
        LIMIT ${REPEAT_DASHBOARD_LIMIT}`,
      [councilId, today],
    );
    return rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      title: row.title,
      status: row.status,
      dueOn: row.due_on,
      overdue: row.overdue,
      inspection: { id: row.inspection_id, reference: row.inspection_reference },
      recommendationRef: row.recommendation_ref,
      raisedBefore: row.raised_before,
    }));
  }

  private async views(councilId: string, links: LinkRow[]): Promise<RepeatLinkView[]> {
    if (links.length === 0) return [];
    const ids = [
      ...new Set(links.flatMap((link) => [link.recommendation_id, link.earlier_recommendation_id])),
    ];
    const recommendations = await this.recommendations(councilId, ids);
    const actions = await this.actionsOf(
      councilId,
      links.map((link) => link.earlier_recommendation_id),
    );
    return links.flatMap((link) => {
      const recommendation = recommendations.get(link.recommendation_id);
      const earlier = recommendations.get(link.earlier_recommendation_id);
      if (!recommendation || !earlier) return [];
      return [
        {
          id: link.id,
          state: link.state,
          score: link.score,
          sharedWords: link.shared_words,
          decidedBy:
            link.decided_by_id && link.decided_by_name
              ? { id: link.decided_by_id, name: link.decided_by_name }
              : null,
          decidedAt: link.decided_at,
          recommendation: toRef(recommendation),
          earlier: toRef(earlier),
          earlierActions: actions
            .filter((action) => action.recommendation_id === link.earlier_recommendation_id)
            .map(toAction),
        },
      ];
    });
  }

  private async recommendations(
    councilId: string,
    ids: readonly string[],
  ): Promise<Map<string, RecommendationRow>> {
    if (ids.length === 0) return new Map();
    const rows: RecommendationRow[] = await this.dataSource.query(
      `SELECT r.id, r.ref, r.text, r.inspection_id, i.reference, i.kind,
              -- As text: date columns read raw come back as JS Dates at local midnight.
              i.published_on::text AS published_on,
              i.visit_ended_on::text AS visit_ended_on
         FROM recommendations r
         JOIN inspections i ON i.id = r.inspection_id AND i.council_id = r.council_id
        WHERE r.council_id = $1 AND r.id = ANY($2::uuid[])`,
      [councilId, [...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  private actionsOf(councilId: string, recommendationIds: readonly string[]): Promise<ActionRow[]> {
    if (recommendationIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT id, recommendation_id, reference, title, status, completed_at, verified_at
         FROM actions
        WHERE council_id = $1 AND recommendation_id = ANY($2::uuid[])
        ORDER BY sequence, reference`,
      [councilId, [...new Set(recommendationIds)]],
    );
  }

  private async assertInspection(councilId: string, inspectionId: string): Promise<void> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM inspections WHERE id = $1 AND council_id = $2`,
      [inspectionId, councilId],
    );
    if (rows.length === 0) throw new NotFoundException('Inspection not found');
  }
}
