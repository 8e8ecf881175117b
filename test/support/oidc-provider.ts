import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = join(__dirname, 'oidc-provider.mjs');

export interface OidcClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

/** A real OpenID Connect provider in a process of its own (test/support/oidc-provider.mjs). */
export interface OidcProvider {
  /** http://127.0.0.1:<port>, as its discovery document says. */
  issuer: string;
  stop(): Promise<void>;
}

/** Starts a provider that knows `clients`; resolves once it listens. */
export function startOidcProvider(clients: OidcClient[]): Promise<OidcProvider> {
  const child: ChildProcess = spawn(process.execPath, [SCRIPT, JSON.stringify(clients)], {
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`The OpenID provider did not start:\n${output}`));
    }, 20_000);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const issuer = /^ready (\S+)$/m.exec(output)?.[1];
      if (issuer) {
        clearTimeout(timer);
        resolve({ issuer, stop });
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`The OpenID provider exited:\n${output}`));
    });
  });
}
