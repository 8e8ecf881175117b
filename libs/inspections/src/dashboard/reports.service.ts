import { Clock, COUNCIL_TIME_ZONE, londonDateOf } from '@app/common';
import { SqlRunner } from '@app/database';
import { Injectable } from '@nestjs/common';
import {
  type ActionTimeline,
  type LiveSpan,
  liveSpans,
  type StatusEvent,
} from '../progress/live-spans';

const londonDate = (column: string) =>
  `to_char(${column} AT TIME ZONE '${COUNCIL_TIME_ZONE}', 'YYYY-MM-DD')`;

/** An inspection as a filter offers it. */
export interface InspectionOption {
  id: string;
  reference: string;
  title: string | null;
}

/**
 * The reads behind the managers' reports that the other services do not offer: the inspections
 * to filter by, and the live-action history of one inspection from the audit log. Every query
 * is scoped by council.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly sql: SqlRunner,
    private readonly clock: Clock,
  ) {}

  /** Today in England, the day the reports count to. */
  today(): string {
    return londonDateOf(this.clock.now());
  }

  /** The council's inspections for a filter: newest import first. */
  async inspectionOptions(councilId: string): Promise<InspectionOption[]> {
    return this.sql.query(
      `SELECT id, reference, title FROM inspections
        WHERE council_id = $1 ORDER BY imported_at DESC, reference`,
      [councilId],
    );
  }

  /**
   * When each action of an inspection was live, from its status changes in the audit log
   * (actions with no logged change: since creation, or until their last change when finished).
   */
  async liveSpans(councilId: string, inspectionId: string): Promise<LiveSpan[]> {
    const [actions, events] = await Promise.all([
      this.sql.query<{ id: string; status: string; created_on: string; settled_on: string }>(
        `SELECT a.id, a.status, ${londonDate('a.created_at')} AS created_on,
                ${londonDate('coalesce(a.completed_at, a.verified_at, a.updated_at)')} AS settled_on
           FROM actions a
          WHERE a.council_id = $1 AND a.inspection_id = $2`,
        [councilId, inspectionId],
      ),
      this.sql.query<{ action_id: string; on: string; from: string | null; to: string }>(
        `SELECT e.action_id, ${londonDate('e.occurred_at')} AS "on",
                e.changes -> 'status' ->> 'from' AS "from", e.changes -> 'status' ->> 'to' AS "to"
           FROM audit_entries e JOIN actions a ON a.id = e.action_id
          WHERE e.council_id = $1 AND a.council_id = $1 AND a.inspection_id = $2
            AND e.event = 'status_changed' AND e.changes ? 'status'
          ORDER BY e.id`,
        [councilId, inspectionId],
      ),
    ]);
    return liveSpans(
      actions.map((a): ActionTimeline => ({
        id: a.id,
        status: a.status,
        createdOn: a.created_on,
        settledOn: a.settled_on,
      })),
      events.map((e): StatusEvent => ({ actionId: e.action_id, on: e.on, from: e.from, to: e.to })),
    );
  }
}
