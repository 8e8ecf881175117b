import type { EntityManager } from 'typeorm';

/** An action as an email about it shows it: with its recommendation and inspection. */
export interface ActionMailFacts {
  id: string;
  status: string;
  ownerId: string | null;
  ownerName: string | null;
  dueOn: string | null;
  reference: string;
  title: string;
  successMeasure: string | null;
  recommendation: string;
  inspectionTitle: string | null;
  inspectionReference: string;
}

/** The actions `ids` with the words of what they answer, read inside the caller's transaction. */
export async function actionMailFacts(
  em: EntityManager,
  ids: readonly string[],
): Promise<Map<string, ActionMailFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await em.query<ActionMailFacts[]>(
    `SELECT a.id, a.status, a.owner_id AS "ownerId", o.name AS "ownerName",
            a.due_on::text AS "dueOn", a.reference, a.title,
            a.success_measure AS "successMeasure", r.text AS recommendation,
            i.title AS "inspectionTitle", i.reference AS "inspectionReference"
       FROM actions a
       JOIN recommendations r ON r.id = a.recommendation_id
       JOIN inspections i ON i.id = a.inspection_id
       LEFT JOIN users o ON o.id = a.owner_id
      WHERE a.id = ANY($1)`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((row) => [row.id, row]));
}
