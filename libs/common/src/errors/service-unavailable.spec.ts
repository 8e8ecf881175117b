import { isServiceUnavailable } from './service-unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isServiceUnavailable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    [
      'a refused dual-stack connection (AggregateError)',
      Object.assign(new AggregateError([withCode('x', 'ECONNREFUSED')], ''), {}),
    ],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a pool that cannot connect', new Error('timeout exceeded when trying to connect')],
    [
      'Postgres shutting down',
      withCode('terminating connection due to administrator command', '57P01'),
    ],
    ['Postgres out of connections', withCode('sorry, too many clients already', '53300')],
    ['a database that is gone', withCode('database "x" does not exist', '3D000')],
    [
      'a TypeORM QueryFailedError wrapping a lost connection',
      Object.assign(new Error('Connection terminated'), {
        name: 'QueryFailedError',
        driverError: new Error('Connection terminated unexpectedly'),
      }),
    ],
    [
      'Redis unreachable (ioredis)',
      Object.assign(
        new Error(
          'Reached the max retries per request limit (which is 1). Refer to "maxRetriesPerRequest" option for details.',
        ),
        { name: 'MaxRetriesPerRequestError' },
      ),
    ],
    ['Redis closed (ioredis)', new Error('Connection is closed.')],
    ['Redis too slow (ioredis)', new Error('Command timed out')],
  ])('recognises %s', (_case, error) => {
    expect(isServiceUnavailable(error)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a constraint violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['a syntax error in SQL', withCode('syntax error at or near "FROM"', '42601')],
    ['not an error at all', 'Connection terminated'],
    ['nothing', undefined],
  ])('does not mistake %s for an outage', (_case, error) => {
    expect(isServiceUnavailable(error)).toBe(false);
  });
});
