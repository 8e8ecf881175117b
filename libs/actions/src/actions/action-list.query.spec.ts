import { buildActionListQuery, containsPattern } from './action-list.query';

const COUNCIL = '11111111-1111-4111-8111-111111111111';
const TODAY = '2026-11-23';

/** The number of distinct $n placeholders in a statement. */
function placeholders(sql: string): number {
  return new Set(sql.match(/\$\d+/g) ?? []).size;
}

describe('buildActionListQuery', () => {
  it('scopes by council and pages by dueOn by default', () => {
    const { sql, countSql, params } = buildActionListQuery(COUNCIL, TODAY);
    expect(params).toEqual([COUNCIL]);
    expect(sql).toContain('WHERE a.council_id = $1');
    expect(sql).toMatch(/ORDER BY a\.due_on ASC NULLS LAST, a\.id ASC\s+LIMIT 25 OFFSET 0$/);
    expect(countSql).toContain('count(*)::int AS total');
    expect(countSql).not.toContain('JOIN');
  });

  it('writes overdue with the partial index’s literal status list, today as a parameter', () => {
    const { sql, params } = buildActionListQuery(COUNCIL, TODAY, { overdue: true });
    expect(params).toEqual([COUNCIL, TODAY]);
    expect(sql).toContain(
      "(a.due_on < $2 AND a.status IN ('draft', 'open', 'in_progress', 'blocked'))",
    );
  });

  it('treats actions without a deadline as not overdue', () => {
    const { sql } = buildActionListQuery(COUNCIL, TODAY, { overdue: false });
    expect(sql).toContain('NOT COALESCE((a.due_on < $2');
  });

  it('numbers every filter in order, and both statements use all the params', () => {
    const query = buildActionListQuery(COUNCIL, TODAY, {
      statuses: ['open', 'blocked'],
      overdue: true,
      dueBefore: '2026-12-31',
      dueAfter: '2026-01-01',
      ownerId: '22222222-2222-4222-8222-222222222222',
      inspectionId: '33333333-3333-4333-8333-333333333333',
      q: 'plan',
    });
    expect(query.params).toEqual([
      COUNCIL,
      ['open', 'blocked'],
      TODAY,
      '2026-12-31',
      '2026-01-01',
      '22222222-2222-4222-8222-222222222222',
      '33333333-3333-4333-8333-333333333333',
      '%plan%',
    ]);
    expect(query.sql).toContain('a.status = ANY($2::text[])');
    expect(query.sql).toContain('a.due_on <= $4::date');
    expect(query.sql).toContain('a.due_on >= $5::date');
    expect(query.sql).toContain('r.text ILIKE $8');
    // node-postgres refuses a statement whose placeholders and params disagree.
    expect(placeholders(query.sql)).toBe(query.params.length);
    expect(placeholders(query.countSql)).toBe(query.params.length);
    expect(query.countSql).toContain('JOIN recommendations r');
  });

  it('filters by team ignoring case, joining the owner in the count only then', () => {
    const { sql, countSql, params } = buildActionListQuery(COUNCIL, TODAY, { team: 'Front door' });
    expect(params).toEqual([COUNCIL, 'Front door']);
    expect(sql).toContain('lower(u.team) = lower($2)');
    expect(countSql).toContain('JOIN users u ON u.id = a.owner_id');
    expect(countSql).toContain('lower(u.team) = lower($2)');
  });

  it('sorts by owner or team with the unassigned last both ways, ties by deadline', () => {
    const owner = buildActionListQuery(COUNCIL, TODAY, { sort: 'owner' }).sql;
    expect(owner).toContain('ORDER BY lower(u.name) ASC NULLS LAST, a.due_on ASC NULLS LAST');
    const team = buildActionListQuery(COUNCIL, TODAY, { sort: '-team' }).sql;
    expect(team).toContain('ORDER BY lower(u.team) DESC NULLS LAST, a.due_on ASC NULLS LAST');
  });

  it('pages with LIMIT/OFFSET integers', () => {
    expect(buildActionListQuery(COUNCIL, TODAY, { page: 3, pageSize: 10 }).sql).toMatch(
      /LIMIT 10 OFFSET 20$/,
    );
  });

  it('refuses a page that is not a positive integer', () => {
    expect(() => buildActionListQuery(COUNCIL, TODAY, { page: 0 })).toThrow(RangeError);
    expect(() => buildActionListQuery(COUNCIL, TODAY, { pageSize: 1.5 })).toThrow(RangeError);
  });

  it.each([
    ['-dueOn', 'a.due_on DESC NULLS LAST, a.id ASC'],
    ['-updatedAt', 'a.updated_at DESC, a.id ASC'],
    ['reference', 'i.reference ASC, r.position ASC, a.sequence ASC, a.id ASC'],
    ['title', 'lower(a.title) ASC, a.id ASC'],
  ] as const)('sorts %s by %s', (sort, orderBy) => {
    expect(buildActionListQuery(COUNCIL, TODAY, { sort }).sql).toContain(`ORDER BY ${orderBy}`);
  });
});

describe('containsPattern', () => {
  it('takes % _ and \\ literally', () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
