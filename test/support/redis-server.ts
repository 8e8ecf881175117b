import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './ports';

/**
 * A Redis of the test's own, for what must never happen to the shared one (FLUSHALL, a
 * restart): other test files run in parallel on 127.0.0.1:6379.
 */
export interface RedisServer {
  port: number;
  /** redis://127.0.0.1:<port> */
  url: string;
  /** A plain client (not BullMQ's), for poking at the server. Closed by stop(). */
  client: Redis;
  /** What the server printed, for a failing test's message. */
  output(): string;
  /** Kills the server and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 10_000;
const START_ATTEMPTS = 3;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export interface RedisServerOptions {
  /**
   * A Redis Cluster of one node that holds every hash slot: a plain client can use it (nothing
   * is ever MOVED), and it refuses a command or script whose keys are in different slots
   * (CROSSSLOT) exactly as a real cluster does.
   */
  cluster?: boolean;
}

/** Starts `redis-server` (on PATH) on a free port: in memory only, loopback only. */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  let lastError: unknown;
  // The free port can be taken between probing and binding: try again on a new one.
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt += 1) {
    try {
      return await startOn(await freePort(), options);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

async function startOn(
  port: number,
  { cluster = false }: RedisServerOptions,
): Promise<RedisServer> {
  // A cluster node insists on a file for its view of the cluster; it lives and dies with it.
  const clusterDir = cluster ? mkdtempSync(join(tmpdir(), 'ft-redis-cluster-')) : null;
  const clusterArgs = clusterDir
    ? ['--cluster-enabled', 'yes', '--cluster-config-file', join(clusterDir, 'nodes.conf')]
    : [];
  const child = spawn(
    'redis-server',
    [
      ...clusterArgs,
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      // What production requires (RedisPolicyCheck refuses anything else at boot).
      '--maxmemory-policy',
      'noeviction',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const gone = exited(child);

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`redis-server on ${port} not ready in time:\n${output}`)),
      START_TIMEOUT_MS,
    );
    child.stdout?.on('data', () => {
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void gone.then(() => {
      clearTimeout(timer);
      reject(new Error(`redis-server on ${port} exited:\n${output}`));
    });
  });
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis({ host: '127.0.0.1', port, lazyConnect: true });
  const removeClusterDir = () => {
    if (clusterDir) rmSync(clusterDir, { recursive: true, force: true });
  };
  try {
    await ready;
    await client.connect();
    if (cluster) await takeEverySlot(client);
  } catch (error) {
    client.disconnect();
    child.kill('SIGKILL');
    await gone;
    removeClusterDir();
    throw error;
  }
  let stopped: Promise<void> | undefined;
  return {
    port,
    url,
    client,
    output: () => output,
    stop: () => {
      stopped ??= (async () => {
        client.disconnect();
        // Nothing in it is worth keeping: no need for a graceful shutdown.
        child.kill('SIGKILL');
        await gone;
        removeClusterDir();
      })();
      return stopped;
    },
  };
}

/** Gives a lone cluster node all 16,384 slots and waits until it says the cluster is ok. */
async function takeEverySlot(client: Redis): Promise<void> {
  await client.call('CLUSTER', 'ADDSLOTSRANGE', '0', '16383');
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const info = String(await client.call('CLUSTER', 'INFO'));
    if (info.includes('cluster_state:ok')) return;
    if (Date.now() > deadline) throw new Error(`Redis cluster not ok in time:\n${info}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
