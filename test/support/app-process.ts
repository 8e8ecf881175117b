import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** ts-node compiles the worker on the way in: a cold start takes several seconds. */
const START_TIMEOUT_MS = 60_000;

/**
 * The real worker (apps/worker/src/main.ts) in a process of its own, so a test can do to it
 * what only happens to processes: SIGKILL, with its sockets closed by the kernel mid-conversation.
 */
export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves once the worker has logged that it started (its processors are running). */
  ready: Promise<void>;
  /** Resolves when the process has exited, however. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it printed (JSON log lines), for a failing test's message. */
  output(): string;
  /** Sends `signal` and waits for the process to exit. Does nothing if it already has. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts the worker with exactly `env` (nothing inherited but PATH): give it DATABASE_URL,
 * REDIS_URL, QUEUE_PREFIX, JWT_SECRET, SMTP_URL and whatever else it should see. Logs at
 * `info` unless env says otherwise, because "Worker started" is how readiness is seen.
 */
export function startWorkerProcess(env: Record<string, string | undefined>): WorkerProcess {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'apps/worker/src/main.ts',
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        TS_NODE_PROJECT: 'tsconfig.json',
        LOG_LEVEL: 'info',
        ...env,
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
      () => reject(new Error(`Worker process did not start in time:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: string) => {
      output += chunk;
      if (output.includes('"Worker started"')) {
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
      reject(new Error(`Worker process exited (${signal ?? code}) before it started:\n${output}`));
    });
  });
  // Whoever does not wait for readiness must not get an unhandled rejection from it.
  ready.catch(() => undefined);

  return {
    child,
    ready,
    exited,
    output: () => output,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
