import { issuerProblem } from './sso-fields';
import { emailIsVerified } from './sso-sign-in.service';

describe('issuerProblem', () => {
  it.each([
    'https://login.microsoftonline.com/8f2c6a55-2a0e-4b8b-9a44-0f8f6c1d2e3f/v2.0',
    'https://accounts.google.com',
    'http://127.0.0.1:4567',
    'http://localhost:4567/realm',
  ])('accepts %s', (issuer) => {
    expect(issuerProblem(issuer)).toBeNull();
  });

  it.each([
    'http://login.example.org',
    'ftp://login.example.org',
    'https://login.example.org/?tenant=1',
    'https://user:pw@login.example.org',
    'login.example.org',
  ])('refuses %s', (issuer) => {
    expect(issuerProblem(issuer)).toMatch(/https address/);
  });
});

describe('emailIsVerified', () => {
  const base = { iss: 'i', sub: 's', aud: 'a', exp: 1, iat: 1, email: 'a@b.gov.uk' };

  it('takes email_verified true, or Entra’s xms_edov true', () => {
    expect(emailIsVerified({ ...base, email_verified: true })).toBe(true);
    expect(emailIsVerified({ ...base, xms_edov: true })).toBe(true);
  });

  it('refuses false, absent, or a string that only looks true', () => {
    expect(emailIsVerified({ ...base, email_verified: false })).toBe(false);
    expect(emailIsVerified(base)).toBe(false);
    expect(emailIsVerified({ ...base, email_verified: 'true' as unknown as boolean })).toBe(false);
    expect(emailIsVerified({ ...base, xms_edov: 'true' })).toBe(false);
  });
});
