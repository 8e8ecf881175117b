import type { Server } from 'node:http';
import request, { type Response } from 'supertest';
import type { TestUser } from '../factories/people';

/** The CSRF token of the first form on a page. */
export function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token on the page');
  return token;
}

/**
 * A browser for supertest: keeps cookies between requests like a real one, and submits forms
 * with the CSRF token of the page they are on. Signed in by setting the session cookies from a
 * test user's tokens, so tests do not spend the sign-in rate limit.
 */
export class WebBrowser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly server: Server) {}

  static as(server: Server, user: TestUser): WebBrowser {
    const browser = new WebBrowser(server);
    browser.cookies.set('ft_access', user.token);
    browser.cookies.set('ft_refresh', user.refreshToken);
    return browser;
  }

  async get(path: string): Promise<Response> {
    return this.keep(await request(this.server).get(path).set('Cookie', this.header()));
  }

  /** Posts a form as-is (add `_csrf` yourself, or use `submit`). */
  async post(path: string, fields: Record<string, string | string[]>): Promise<Response> {
    return this.keep(
      await request(this.server).post(path).set('Cookie', this.header()).type('form').send(fields),
    );
  }

  /** Opens `page`, then posts `fields` to `action` with that page's CSRF token. */
  async submit(
    page: string,
    action: string,
    fields: Record<string, string | string[]>,
  ): Promise<Response> {
    const form = await this.get(page);
    if (form.status !== 200) throw new Error(`GET ${page} answered ${form.status}`);
    return this.post(action, { _csrf: csrfOf(form.text), ...fields });
  }

  private header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keep(response: Response): Response {
    const set = (response.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
    for (const line of set) {
      // split always returns at least one part.
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value === '' || /Expires=Thu, 01 Jan 1970/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}
