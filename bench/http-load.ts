/** What the HTTP benchmarks share: starting a built server, and load with latency percentiles. */
import autocannon from 'autocannon';
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface Figures {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

export const log = (line: string): void => console.log(line);

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export function start(main: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [main], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

export async function waitFor(url: string, child: ChildProcess, seconds = 60): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((wait) => setTimeout(wait, 250));
    }
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

export interface LoadRequest {
  path: string;
  headers: Record<string, string>;
}

/**
 * One autocannon run; each connection walks through `requests` in turn. Latencies come from each
 * response (autocannon's own summary has no p95).
 */
export function cannon(
  url: string,
  requests: readonly LoadRequest[],
  seconds: number,
  connections: number,
): Promise<Figures> {
  return new Promise((done, fail) => {
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: requests.map(({ path, headers }) => ({ method: 'GET' as const, path, headers })),
      },
      (error: Error | null, result: autocannon.Result) => {
        if (error) return fail(error);
        latencies.sort((a, b) => a - b);
        done({
          requestsPerSecond: result.requests.average,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          errors: result.errors + result.timeouts + result.non2xx,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
}

/** A real login through the API: the tokens a client (or a browser's cookies) would hold. */
export async function apiLogin(
  apiUrl: string,
  email: string,
  password: string,
): Promise<{ accessToken: string; refreshToken: string }> {
  const response = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { accessToken: string; refreshToken: string };
}
