import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PasswordHasher,
  passwordProblem,
} from './password-hasher';

describe('passwordProblem', () => {
  it('accepts any password of 12 to 128 characters, spaces and all', () => {
    expect(passwordProblem('x'.repeat(PASSWORD_MIN_LENGTH))).toBeNull();
    expect(passwordProblem('x'.repeat(PASSWORD_MAX_LENGTH))).toBeNull();
    expect(passwordProblem('correct horse battery staple')).toBeNull();
  });

  it('names the bound that was missed', () => {
    expect(passwordProblem('x'.repeat(PASSWORD_MIN_LENGTH - 1))).toBe(
      'Password must be at least 12 characters',
    );
    expect(passwordProblem('x'.repeat(PASSWORD_MAX_LENGTH + 1))).toBe(
      'Password must be at most 128 characters',
    );
    expect(passwordProblem('')).not.toBeNull();
  });
});

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('hashes with argon2id at 19 MiB and 2 passes (OWASP minimum), salted', async () => {
    const [first, second] = await Promise.all([
      hasher.hash('correct horse battery staple'),
      hasher.hash('correct horse battery staple'),
    ]);
    // PHC string: $argon2id$v=19$<params>$<salt>$<hash>; parameter order varies by version.
    const [, kind, , params] = first.split('$');
    expect(kind).toBe('argon2id');
    expect(Object.fromEntries((params ?? '').split(',').map((pair) => pair.split('=')))).toEqual({
      m: '19456',
      t: '2',
      p: '1',
    });
    expect(first).not.toBe(second);
    expect(hasher.needsRehash(first)).toBe(false);
  });

  it('verifies the right password only, and never a missing or malformed hash', async () => {
    const hash = await hasher.hash('correct horse battery staple');
    await expect(hasher.verify(hash, 'correct horse battery staple')).resolves.toBe(true);
    await expect(hasher.verify(hash, 'Correct horse battery staple')).resolves.toBe(false);
    await expect(hasher.verify(null, 'not-a-real-password')).resolves.toBe(false);
    await expect(hasher.verify('not a hash', 'anything')).resolves.toBe(false);
  });
});
