import { Client } from 'pg';

/** How many of each thing a bench data set has. */
export interface DataShape {
  councils: number;
  usersPerCouncil: number;
  inspectionsPerCouncil: number;
  recommendationsPerInspection: number;
  actionsPerCouncil: number;
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs one loading statement and logs how many rows it wrote and how long it took. */
export function timedStep(
  client: Client,
  log: (line: string) => void,
): (label: string, sql: string, params?: unknown[]) => Promise<void> {
  return async (label, sql, params = []) => {
    const started = Date.now();
    const result = await client.query(sql, params);
    log(
      `  ${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  };
}

/**
 * Numbered ids first, so the inserts that follow can join by number: temp tables bc (council
 * c), bu (user u of council c), bi (inspection i) and br (recommendation r), dropped at COMMIT.
 * Council codes are `<codePrefix>AA`, `<codePrefix>AB`, ...
 */
export async function createNumberedIds(
  client: Client,
  shape: DataShape,
  names: { codePrefix: string; councilName: string },
): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE bc ON COMMIT DROP AS
       SELECT c, gen_random_uuid() AS id, $2 || chr(65 + c / 26) || chr(65 + c % 26) AS code,
              format('%s %s', $3::text, c) AS name
         FROM generate_series(0, $1::int - 1) c`,
    [shape.councils, names.codePrefix, names.councilName],
  );
  await client.query(
    `CREATE TEMP TABLE bu ON COMMIT DROP AS
       SELECT c, u, gen_random_uuid() AS id FROM bc, generate_series(0, $1::int - 1) u`,
    [shape.usersPerCouncil],
  );
  await client.query(
    `CREATE TEMP TABLE bi ON COMMIT DROP AS
       SELECT c, i, gen_random_uuid() AS id, code || '-' || (2019 + i) AS reference
         FROM bc, generate_series(0, $1::int - 1) i`,
    [shape.inspectionsPerCouncil],
  );
  await client.query(
    `CREATE TEMP TABLE br ON COMMIT DROP AS
       SELECT bi.c, bi.i, r, gen_random_uuid() AS id, bi.id AS inspection_id, bi.reference
         FROM bi, generate_series(0, $1::int - 1) r`,
    [shape.recommendationsPerInspection],
  );
}

/** One ILACS inspection a year from 2019 per council (bi), imported by user 1, from bc/bi/bu. */
export const INSERT_INSPECTIONS = `
  INSERT INTO inspections (id, council_id, reference, kind, title, authority, inspectorates,
                            published_on, visit_started_on, visit_ended_on, format, pages,
                            file_name, file_media_type, file_size, file_sha256, imported_by_id,
                            deadlines_counted_from, deadlines_basis)
   SELECT bi.id, bc.id, bi.reference, 'ilacs',
          format('Inspection of %s children''s services', bc.name), bc.name, '{Ofsted}',
          make_date(2019 + i, 3, 1), make_date(2019 + i, 1, 10), make_date(2019 + i, 1, 21),
          'text', 12, 'report.txt', 'text/plain', 40000,
          encode(sha256(convert_to(bi.id::text, 'UTF8')), 'hex'),
          (SELECT bu.id FROM bu WHERE bu.c = bi.c AND bu.u = 1),
          make_date(2019 + i, 3, 1), 'published'
     FROM bi JOIN bc USING (c)`;

/** Each inspection's recommendations (br), the first an area for priority action, from bc/br. */
export const INSERT_RECOMMENDATIONS = `
  INSERT INTO recommendations (id, council_id, inspection_id, ref, position, text, section,
                               priority, responsible, page)
   SELECT br.id, bc.id, br.inspection_id, 'R' || (r + 1), r + 1,
          format('Improve the consistency of management oversight and supervision, area %s.', r + 1),
          'What needs to improve',
          CASE WHEN r = 0 THEN 'priority_action' ELSE 'improvement' END, ARRAY[bc.name], 3
     FROM br JOIN bc USING (c)`;
