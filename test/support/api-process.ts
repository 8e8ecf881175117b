import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** ts-node compiles the API on the way in: a cold start takes several seconds. */
const START_TIMEOUT_MS = 90_000;

/** A port nothing listens on right now (the OS picks it; released before the API takes it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The real API (apps/api/src/main.ts) in a process of its own, as a deployment runs several. */
export interface ApiProcess {
  child: ChildProcess;
  /** `http://127.0.0.1:<port>`, for supertest. */
  url: string;
  /** Resolves once it logged that it is listening. */
  ready: Promise<void>;
  /** Resolves when the process has exited, however. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it printed, for a failing test's message. */
  output(): string;
  /** SIGTERM (a clean shutdown), SIGKILL if that takes over 10 s; waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts the API on `port` with exactly `env` (nothing inherited but PATH): give it what
 * production would (DATABASE_URL, REDIS_URL, QUEUE_PREFIX, JWT_SECRET, SMTP_URL...). Logs at
 * `info` unless env says otherwise, because "API listening" is how readiness is seen.
 */
export function startApiProcess(env: Record<string, string | undefined>, port: number): ApiProcess {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'apps/api/src/main.ts',
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        TS_NODE_PROJECT: 'tsconfig.json',
        LOG_LEVEL: 'info',
        ...env,
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`API process did not start in time:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: string) => {
      output += chunk;
      if (output.includes('API listening on port')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.setEncoding('utf8').on('data', onData);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`API process exited (${signal ?? code}) before it started:\n${output}`));
    });
  });
  // Whoever does not wait for readiness must not get an unhandled rejection from it.
  ready.catch(() => undefined);

  return {
    child,
    url: `http://127.0.0.1:${port}`,
    ready,
    exited,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
