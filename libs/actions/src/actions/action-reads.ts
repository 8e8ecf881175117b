import { rowsById } from '@app/database';
import type { EntityManager } from 'typeorm';
import { LIVE_STATUSES } from '../entities/action.entity';

/**
 * What other domains (the reminders) read of the actions' own records, inside their own
 * transaction: the owning library says how its tables answer.
 */

/** A deadline revision of an action: from when, why, and who moved it. */
export async function deadlineRevisionOf(
  em: EntityManager,
  actionId: string,
  revisionId: string,
): Promise<{ fromDueOn: string; reason: string; changedByName: string } | undefined> {
  const [revision] = await em.query<
    Array<{ fromDueOn: string; reason: string; changedByName: string }>
  >(
    `SELECT d.from_due_on::text AS "fromDueOn", d.reason, u.name AS "changedByName"
       FROM deadline_revisions d JOIN users u ON u.id = d.revised_by_id
      WHERE d.id = $1 AND d.action_id = $2`,
    [revisionId, actionId],
  );
  return revision;
}

/**
 * Who last made `ownerId` the action's owner, by the audit log: their id (null for the system)
 * and name. Undefined when no entry did (an import).
 */
export async function lastAssignmentOf(
  em: EntityManager,
  actionId: string,
  ownerId: string,
): Promise<{ actorId: string | null; name: string | null } | undefined> {
  const [latest] = await em.query<Array<{ actorId: string | null; name: string | null }>>(
    `SELECT e.actor_id AS "actorId", u.name
       FROM audit_entries e LEFT JOIN users u ON u.id = e.actor_id
      WHERE e.action_id = $1 AND e.changes -> 'ownerId' ->> 'to' = $2
      ORDER BY e.id DESC
      LIMIT 1`,
    [actionId, ownerId],
  );
  return latest;
}

/**
 * The FROM and WHERE of "actions of `person` or of their direct reports, in council `council`,
 * in `statuses`, due by `dueBy`" (each a SQL expression or placeholder): the weekly digest's
 * test, used both to choose who gets one and to fill it.
 */
export const teamActionsDueSql = (p: {
  person: string;
  council: string;
  statuses: string;
  dueBy: string;
}): string =>
  // By council and owner: the index actions are found by when their owner is known.
  `FROM actions a JOIN users o ON o.id = a.owner_id
    WHERE a.council_id = ${p.council} AND (o.id = ${p.person} OR o.line_manager_id = ${p.person})
      AND a.status = ANY(${p.statuses}) AND a.due_on <= ${p.dueBy}`;

/**
 * The ids of a person's and their direct reports' actions in `statuses` due by `dueBy`,
 * nearest deadline first.
 */
export async function actionsDueForTeam(
  em: EntityManager,
  team: { councilId: string; personId: string },
  statuses: readonly string[],
  dueBy: string,
): Promise<string[]> {
  const rows = await em.query<Array<{ id: string }>>(
    `SELECT a.id ${teamActionsDueSql({ person: '$1', council: '$4', statuses: '$2', dueBy: '$3' })}
      ORDER BY a.due_on, a.reference`,
    [team.personId, [...statuses], dueBy, team.councilId],
  );
  return rows.map((row) => row.id);
}

/** The references and titles of the actions `ids`, by id. */
export const actionHeadlinesOf = rowsById<{ id: string; reference: string; title: string }>(
  `SELECT id, reference, title FROM actions WHERE id = ANY($1)`,
);

/** An action as a calendar shows it: nothing more than its reference, title, deadline and status. */
export interface CalendarAction {
  id: string;
  reference: string;
  title: string;
  dueOn: string;
  status: string;
  updatedAt: Date;
}

/** Most events one feed carries: a calendar app fetches it every few hours, whoever asks. */
export const CALENDAR_MAX_EVENTS = 2000;

/**
 * What a person's calendar feed shows: their live actions with a deadline and, with `team`, their
 * direct reports' too; nearest deadline first, at most CALENDAR_MAX_EVENTS.
 */
export async function calendarActionsOf(
  em: EntityManager,
  holder: { councilId: string; personId: string; team: boolean },
): Promise<CalendarAction[]> {
  return em.query<CalendarAction[]>(
    `SELECT a.id, a.reference, a.title, a.due_on::text AS "dueOn", a.status,
            a.updated_at AS "updatedAt"
       FROM actions a JOIN users o ON o.id = a.owner_id
      WHERE a.council_id = $1 AND (o.id = $2 OR ($3 AND o.line_manager_id = $2))
        AND a.status = ANY($4) AND a.due_on IS NOT NULL
      ORDER BY a.due_on, a.reference
      LIMIT $5`,
    [holder.councilId, holder.personId, holder.team, [...LIVE_STATUSES], CALENDAR_MAX_EVENTS],
  );
}
