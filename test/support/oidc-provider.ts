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

/** How the test provider vouches for the email address (its login form's choices). */
export interface ProviderAnswers {
  email: string;
  /** `email_verified` in the ID token: true, false or left out. Default true. */
  emailVerified?: 'true' | 'false' | 'absent';
  /** Microsoft Entra's `xms_edov`: true or left out. Default left out. */
  xmsEdov?: 'true' | 'absent';
}

/**
 * A person at the provider, as a browser is: follows its redirects with its cookies, fills in
 * its login form with `answers`, and stops when the provider sends the browser back to
 * `appUrl`. Resolves with that address (the callback, with its code and state).
 */
export async function signInAtProvider(
  authorizeUrl: string,
  answers: ProviderAnswers,
  appUrl: string,
): Promise<string> {
  const cookies = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  let url = authorizeUrl;
  let answered = false;
  for (let step = 0; step < 10; step++) {
    if (url.startsWith(appUrl)) return url;
    const response = await send(url);
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action || answered) {
      throw new Error(`The provider answered ${response.status} at ${url}:\n${html.slice(0, 500)}`);
    }
    answered = true;
    const posted = await send(new URL(action, url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        email: answers.email,
        emailVerified: answers.emailVerified ?? 'true',
        xmsEdov: answers.xmsEdov ?? 'absent',
      }).toString(),
    });
    const next = posted.headers.get('location');
    if (!next) throw new Error(`The provider's login answered ${posted.status}`);
    url = new URL(next, url).href;
  }
  throw new Error(`The provider never sent the browser back to ${appUrl}`);
}
