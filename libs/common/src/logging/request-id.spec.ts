import type { IncomingMessage, ServerResponse } from 'node:http';
import { ensureRequestId, isValidRequestId, REQUEST_ID_HEADER } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function fakeExchange(headers: Record<string, string | string[]> = {}) {
  const sent: Record<string, unknown> = {};
  const req = { headers } as unknown as IncomingMessage;
  const res = {
    headersSent: false,
    getHeader: (name: string) => sent[name],
    setHeader: (name: string, value: unknown) => {
      sent[name] = value;
    },
  } as unknown as ServerResponse;
  return { req, res, sent };
}

describe('isValidRequestId', () => {
  it.each(['abc', 'A-b_9', '0b6f1c1e-4a53-4a43-9f55-2b1a3a9f9c2d', 'x'.repeat(64)])(
    'accepts %s',
    (id) => expect(isValidRequestId(id)).toBe(true),
  );

  it.each(['', 'x'.repeat(65), 'has space', 'new\nline', 'semi;colon', 42])('rejects %p', (id) =>
    expect(isValidRequestId(id)).toBe(false),
  );
});

describe('ensureRequestId', () => {
  it('reuses a valid incoming x-request-id and echoes it', () => {
    const { req, res, sent } = fakeExchange({ [REQUEST_ID_HEADER]: 'client-123' });
    expect(ensureRequestId(req, res)).toBe('client-123');
    expect(sent[REQUEST_ID_HEADER]).toBe('client-123');
  });

  it('replaces an invalid incoming id with a UUID', () => {
    const { req, res, sent } = fakeExchange({ [REQUEST_ID_HEADER]: 'bad id; drop table' });
    const id = ensureRequestId(req, res);
    expect(id).toMatch(UUID);
    expect(sent[REQUEST_ID_HEADER]).toBe(id);
  });

  it('returns the same id on later calls', () => {
    const { req, res } = fakeExchange();
    const first = ensureRequestId(req, res);
    expect(first).toMatch(UUID);
    expect(ensureRequestId(req, res)).toBe(first);
  });
});
