import { rowsById } from '@app/database';

/** What the reminders plan an action's emails from. */
export interface ReminderFacts {
  councilId: string;
  status: string;
  ownerId: string | null;
  dueOn: string | null;
}

/**
 * The reminder facts of the actions `ids`, by id, each locked FOR KEY SHARE until the caller
 * commits (so none is deleted under it). An action a request is changing right now is left out,
 * not waited for: waiting could deadlock with that request, which has its own look afterwards.
 */
export const lockReminderFactsOf = rowsById<ReminderFacts & { id: string }>(
  `SELECT id, council_id AS "councilId", status, owner_id AS "ownerId", due_on::text AS "dueOn"
     FROM actions
    WHERE id = ANY($1)
      FOR KEY SHARE SKIP LOCKED`,
);
