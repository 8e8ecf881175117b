import { fixedClock } from '@app/common';
import type { MailConfig } from '@app/config';
import type { CookieOptions, Request, Response } from 'express';
import { QueueBoardSessionController } from './queue-board-session.controller';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** Shaped like an access token; the guard has verified the real one before the handler runs. */
const tokenExpiringAt = (exp: number) =>
  `${base64url({ alg: 'HS256' })}.${base64url({ sub: 'u', exp })}.c2lnbmF0dXJl`;

function fakeResponse() {
  const calls: { name: string; value?: string; options: CookieOptions }[] = [];
  const response = {
    cookie(name: string, value: string, options: CookieOptions) {
      calls.push({ name, value, options });
      return this;
    },
    clearCookie(name: string, options: CookieOptions) {
      calls.push({ name, options });
      return this;
    },
  };
  return { response: response as unknown as Response, calls };
}

function controllerFor(appUrl: string) {
  return new QueueBoardSessionController(
    { appUrl } as MailConfig,
    fixedClock('2026-03-02T09:00:00Z'),
  );
}

const now = Date.parse('2026-03-02T09:00:00Z') / 1000;
const requestWith = (token: string) =>
  ({ headers: { authorization: `Bearer ${token}` } }) as Request;

describe('QueueBoardSessionController', () => {
  it('sets the access token as an httpOnly, strict cookie on the board path until it expires', () => {
    const token = tokenExpiringAt(now + 600);
    const { response, calls } = fakeResponse();
    controllerFor('http://localhost:3000').open(requestWith(token), response);
    expect(calls).toEqual([
      {
        name: 'ft_queue_board',
        value: token,
        options: {
          httpOnly: true,
          sameSite: 'strict',
          path: '/admin/queues',
          secure: false,
          maxAge: 600_000,
        },
      },
    ]);
  });

  it('marks the cookie Secure when the app is served over https', () => {
    const { response, calls } = fakeResponse();
    controllerFor('https://actions.example.gov.uk').open(
      requestWith(tokenExpiringAt(now + 60)),
      response,
    );
    expect(calls[0]?.options).toMatchObject({ secure: true, maxAge: 60_000 });
  });

  it('never gives a negative lifetime', () => {
    const { response, calls } = fakeResponse();
    controllerFor('http://localhost:3000').open(requestWith(tokenExpiringAt(now - 5)), response);
    expect(calls[0]?.options.maxAge).toBe(0);
  });

  it('clears the cookie with the attributes it was set with', () => {
    const { response, calls } = fakeResponse();
    controllerFor('https://actions.example.gov.uk').close(response);
    expect(calls).toEqual([
      {
        name: 'ft_queue_board',
        options: { httpOnly: true, sameSite: 'strict', path: '/admin/queues', secure: true },
      },
    ]);
  });
});
