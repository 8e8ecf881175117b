import type { SsoConfig } from '@app/config';
import { SsoSecretBox } from './sso-secret-box';

const COUNCIL = '0b5c1f0e-7d2a-4c39-9a57-1f6a0e2d9b11';
const OTHER_COUNCIL = '6f1d2c3b-4a59-4e68-8b77-2c3d4e5f6a7b';

const boxWith = (key: Buffer | null) =>
  new SsoSecretBox({
    secretKey: key,
    redirectUri: 'https://x.example/sign-in/sso/callback',
  } as SsoConfig);

describe('SsoSecretBox', () => {
  const box = boxWith(Buffer.alloc(32, 1));

  it('gives back what it encrypted, and never stores it in clear', () => {
    const stored = box.encrypt('the-client-secret', COUNCIL);
    expect(stored).not.toContain('the-client-secret');
    expect(stored).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(box.decrypt(stored, COUNCIL)).toBe('the-client-secret');
  });

  it('encrypts the same secret differently each time (a fresh IV)', () => {
    expect(box.encrypt('same', COUNCIL)).not.toBe(box.encrypt('same', COUNCIL));
  });

  it('reads nothing from another council’s row, another key, or an altered secret', () => {
    const stored = box.encrypt('the-client-secret', COUNCIL);
    expect(box.decrypt(stored, OTHER_COUNCIL)).toBeNull();
    expect(boxWith(Buffer.alloc(32, 2)).decrypt(stored, COUNCIL)).toBeNull();
    const parts = stored.split('.');
    const ciphertext = Buffer.from(parts[4] ?? '', 'base64url');
    ciphertext[0] = (ciphertext[0] ?? 0) ^ 1;
    parts[4] = ciphertext.toString('base64url');
    expect(box.decrypt(parts.join('.'), COUNCIL)).toBeNull();
    expect(box.decrypt('not a stored secret', COUNCIL)).toBeNull();
  });

  it('without a key, is unavailable and refuses to encrypt, saying why', () => {
    const none = boxWith(null);
    expect(none.available).toBe(false);
    expect(() => none.encrypt('x', COUNCIL)).toThrow(/SSO_SECRET_KEY/);
  });
});
