/**
 * Socket errors that mean a backing service (PostgreSQL, Redis) cannot be reached right now.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs for "not now" rather than "wrong query": the server is shutting down,
 * starting up, out of connections or resources, or the database was taken away.
 */
const POSTGRES_UNAVAILABLE = /^(08...|57P0[1-4]|53...|3D000)$/;

/** What node-postgres, its pool and ioredis say when the connection, not the command, failed. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error/,
  /^Connection is closed\.?$/,
  /^Reached the max retries per request limit/,
  /^Stream isn't writeable/,
  /^Command timed out$/,
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Whether `error` says a database or Redis could not be reached (an outage, a failover, a full
 * connection pool) rather than anything about the request: a 503 and "try again later", never
 * a sign-out. Looks through TypeORM's `driverError`, `cause` and AggregateError's `errors`.
 */
export function isServiceUnavailable(error: unknown, depth = 0): boolean {
  if (!isRecord(error) || depth > 4) return false;
  const { code, message, name } = error;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || POSTGRES_UNAVAILABLE.test(code))) {
    return true;
  }
  if (name === 'MaxRetriesPerRequestError') return true;
  if (
    typeof message === 'string' &&
    UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))
  ) {
    return true;
  }
  const errors: unknown[] = Array.isArray(error.errors) ? (error.errors as unknown[]) : [];
  const nested: unknown[] = [error.driverError, error.cause, ...errors];
  return nested.some((inner) => isServiceUnavailable(inner, depth + 1));
}
