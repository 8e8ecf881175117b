import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
/** ts-node compiles the app on the way in: a cold start takes several seconds. */
const START_TIMEOUT_MS = 90_000;

/** The apps a test can start as processes, and the log line that says each is ready. */
const APPS = {
  api: { main: 'apps/api/src/main.ts', name: 'API', ready: '"API listening on port' },
  worker: { main: 'apps/worker/src/main.ts', name: 'Worker', ready: '"Worker started"' },
} as const;

/**
 * A real app (the API or the worker) in a process of its own, so a test can do to it what only
 * happens to processes: SIGKILL, with its sockets closed by the kernel mid-conversation, or
 * reading its memory from the kernel while it is flooded.
 */
export interface AppProcess {
  child: ChildProcess;
  /** Resolves once the app has logged that it started (listening, or its processors running). */
  ready: Promise<void>;
  /** Resolves when the process has exited, however. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it printed (JSON log lines), for a failing test's message. */
  output(): string;
  /** Sends `signal` and waits for the process to exit. Does nothing if it already has. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGTERM (a clean shutdown), SIGKILL if that takes over 10 s; waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts `app` with exactly `env` (nothing inherited but PATH): give it DATABASE_URL, REDIS_URL,
 * QUEUE_PREFIX, JWT_SECRET, SMTP_URL (and the API a PORT) and whatever else it should see. Logs
 * at `info` unless env says otherwise, because its start-up line is how readiness is seen.
 */
export function startAppProcess(
  app: keyof typeof APPS,
  env: Record<string, string | undefined>,
): AppProcess {
  const { main, name, ready: readyLine } = APPS[app];
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', main],
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
      () => reject(new Error(`${name} process did not start in time:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: string) => {
      output += chunk;
      if (output.includes(readyLine)) {
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
      reject(new Error(`${name} process exited (${signal ?? code}) before it started:\n${output}`));
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
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The worker (apps/worker/src/main.ts) as a process: see startAppProcess. */
export const startWorkerProcess = (env: Record<string, string | undefined>): AppProcess =>
  startAppProcess('worker', env);

/** The API (apps/api/src/main.ts) as a process on `port`, as a deployment runs several. */
export const startApiProcess = (
  env: Record<string, string | undefined>,
  port: number,
): AppProcess & { url: string } => ({
  ...startAppProcess('api', { ...env, PORT: String(port) }),
  url: `http://127.0.0.1:${port}`,
});

/**
 * What a worker process needs to share a test app's database, queues and secrets, with mail to
 * `smtpUrl`: the test app is the API, the processes are the only workers.
 */
export function workerEnvFor(
  api: { env: Record<string, string | undefined> },
  smtpUrl: string,
  extra: Record<string, string> = {},
): Record<string, string | undefined> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: api.env.DATABASE_URL,
    REDIS_URL: api.env.REDIS_URL,
    // The API's queues: the workers consume what it (and they) put there.
    QUEUE_PREFIX: api.env.QUEUE_PREFIX,
    JWT_SECRET: api.env.JWT_SECRET,
    SMTP_URL: smtpUrl,
    APP_URL: 'https://actions.example.gov.uk',
    REMINDER_SWEEP_EVERY: '1s',
    ...extra,
  };
}

/** What processes printed, each under its number: the first thing to read when a test fails. */
export const outputsOf = (processes: readonly AppProcess[]): string =>
  processes.map((child, index) => `--- process ${index + 1}\n${child.output()}`).join('\n');
