import type { EntityManager } from 'typeorm';

/**
 * Repeat findings for the report: which recommendations a manager had confirmed, by the report's
 * date, as repeating an earlier inspection's. The links are @app/inspections' table (read here
 * by SQL like the rest of the report). Decided since the date: not yet a repeat in that report;
 * a link confirmed and later rejected counts as it stands now (decisions keep no history).
 */
export async function repeatsAsAt(
  db: EntityManager,
  councilId: string,
  inspectionIds: readonly string[],
  asAtEnd: Date,
): Promise<Map<string, string>> {
  const rows = await db.query<Array<{ recommendationId: string; ref: string; reference: string }>>(
    `SELECT l.recommendation_id AS "recommendationId", e.ref, i.reference
       FROM repeat_links l
       JOIN recommendations r ON r.id = l.recommendation_id AND r.council_id = l.council_id
       JOIN recommendations e ON e.id = l.earlier_recommendation_id AND e.council_id = l.council_id
       JOIN inspections i ON i.id = e.inspection_id AND i.council_id = e.council_id
      WHERE l.council_id = $1 AND r.inspection_id = ANY($2) AND l.state = 'confirmed'
        AND l.decided_at < $3
      ORDER BY l.score DESC, l.id`,
    [councilId, inspectionIds, asAtEnd],
  );
  const earlier = new Map<string, string[]>();
  for (const row of rows) {
    const list = earlier.get(row.recommendationId) ?? [];
    list.push(`${row.ref} of ${row.reference}`);
    earlier.set(row.recommendationId, list);
  }
  return new Map([...earlier].map(([id, refs]) => [id, `Raised before: ${refs.join(', ')}`]));
}

/** Repeat findings first, each group in the report's own order. */
export function repeatsFirst<T extends { repeatOf?: string }>(recommendations: readonly T[]): T[] {
  return [
    ...recommendations.filter((r) => r.repeatOf !== undefined),
    ...recommendations.filter((r) => r.repeatOf === undefined),
  ];
}
