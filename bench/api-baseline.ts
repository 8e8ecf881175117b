/**
 * The bare baseline the API is measured against: node:http and a `pg` pool of 10 (TypeORM's
 * default pool size), running the SAME statements from the shared SQL builders (as named
 * prepared statements, like the API) and shaping the same payload with the same pure functions. No framework, no validation, no authentication:
 * the council comes in an `x-council-id` header. Started by api.bench.ts as a child process
 * (PORT, DATABASE_URL); prints "listening" when ready.
 */
import './register-paths';
import { createServer, type ServerResponse } from 'node:http';
import { Pool, type QueryResultRow } from 'pg';
import {
  type ActionRow,
  buildActionListQuery,
} from '../libs/actions/src/actions/action-list.query';
import { toActionView } from '../libs/actions/src/actions/action-view';
import { assembleDashboard } from '../libs/inspections/src/dashboard/dashboard';
import {
  dashboardQuery,
  type DashboardRow,
} from '../libs/inspections/src/dashboard/dashboard.queries';
import { londonDateOf } from '../libs/common/src/time/clock';
import { statementName } from '../libs/database/src/statement-name';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

/** As the API's SqlRunner runs them: named prepared statements, planned once per connection. */
function run<T extends QueryResultRow>(sql: string, params: unknown[]) {
  return pool.query<T>({ name: statementName(sql), text: sql, values: params });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  response.end(json);
}

async function dashboard(councilId: string): Promise<unknown> {
  const today = londonDateOf(new Date());
  const query = dashboardQuery(councilId, today);
  const { rows } = await run<DashboardRow>(query.sql, query.params);
  const [row] = rows;
  // An aggregate with no GROUP BY: Postgres always answers exactly one row.
  if (row === undefined) throw new Error('The dashboard query returned no row');
  return assembleDashboard(row, today);
}

async function overdueActions(councilId: string): Promise<unknown> {
  const today = londonDateOf(new Date());
  const query = buildActionListQuery(councilId, today, { overdue: true, sort: 'dueOn' });
  // Page and count side by side, as the API does.
  const [page, count] = await Promise.all([
    run<ActionRow>(query.sql, query.params),
    run<{ total: number }>(query.countSql, query.params),
  ]);
  return {
    items: page.rows.map((row) => toActionView(row, today)),
    // count(*) with no GROUP BY: always one row.
    total: count.rows[0]?.total ?? 0,
    page: 1,
    pageSize: 25,
  };
}

const server = createServer((request, response) => {
  const councilId = request.headers['x-council-id'];
  const path = (request.url ?? '/').split('?')[0];
  if (typeof councilId !== 'string') return send(response, 400, { message: 'x-council-id' });
  const work =
    path === '/api/dashboard'
      ? dashboard(councilId)
      : path === '/api/actions'
        ? overdueActions(councilId)
        : null;
  if (!work) return send(response, 404, { message: 'Not found' });
  work.then(
    (body) => send(response, 200, body),
    (error: unknown) => send(response, 500, { message: String(error) }),
  );
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => {
  server.close();
  void pool.end();
});
