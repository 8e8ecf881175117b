import { digestToken, newRefreshToken, refreshSuccessorKey, successorRefreshToken } from './tokens';

describe('successorRefreshToken', () => {
  const key = refreshSuccessorKey('a-test-secret-of-at-least-32-characters');

  it('gives the same successor for the same token, so a retry can be handed it again', () => {
    const token = newRefreshToken();
    expect(successorRefreshToken(token, key)).toBe(successorRefreshToken(token, key));
  });

  it('looks like any refresh token: 256 bits, URL-safe, and unlike the one it replaces', () => {
    const token = newRefreshToken();
    const next = successorRefreshToken(token, key);
    expect(next).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(next).not.toBe(token);
    expect(digestToken(next)).not.toBe(digestToken(token));
  });

  it('depends on the key: without JWT_SECRET nobody can work out the next token', () => {
    const token = newRefreshToken();
    const otherKey = refreshSuccessorKey('another-secret-that-is-long-enough-0123');
    expect(successorRefreshToken(token, otherKey)).not.toBe(successorRefreshToken(token, key));
  });
});
