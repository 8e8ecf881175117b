import type { Server } from 'node:http';
import request, { type Response } from 'supertest';
import { csrfOf } from './web';

/** Where a request goes: an in-process app's server, or the address of an API process. */
export type Target = Server | string;

/** One password attempt at POST /api/auth/login, from `ip` (needs TRUST_PROXY_HOPS=1). */
export function apiAttempt(
  target: Target,
  ip: string,
  email: string,
  password: string,
): Promise<Response> {
  return request(target)
    .post('/api/auth/login')
    .set('X-Forwarded-For', ip)
    .send({ email, password })
    .then((res) => res);
}

/**
 * One password attempt at the sign-in page from `ip` (needs TRUST_PROXY_HOPS=1), as a browser
 * makes it: the form first, then the post with its CSRF token and cookie.
 */
export async function pageAttempt(
  target: Target,
  ip: string,
  email: string,
  password: string,
): Promise<Response> {
  const agent = request.agent(target);
  const form = await agent.get('/sign-in').set('X-Forwarded-For', ip).expect(200);
  return agent
    .post('/sign-in')
    .set('X-Forwarded-For', ip)
    .type('form')
    .send({ _csrf: csrfOf(form.text), email, password });
}
