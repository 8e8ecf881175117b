import { OrganisationsService } from '@app/people';
import { SsoSecretBox } from '@app/auth';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createCouncilWithPeople } from '../factories/people';
import { createTestApp, type TestApp } from '../support/app';
import { first, nth } from '../support/items';

const ROOT = join(__dirname, '..', '..');
const PASSWORD = 'a long enough passphrase';
// Each case starts a CLI process (ts-node compiles on the way), so give them room.
const SLOW = 60_000;

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs apps/cli/src/main.ts in a child process with exactly `env` (no inherited variables: in
 * particular no JWT_SECRET or REDIS_URL) and `input` on stdin. Asynchronous, so independent
 * cases can run side by side.
 */
function runCli(args: string[], env: Record<string, string>, input = ''): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', TS_NODE_TRANSPILE_ONLY: 'true', ...env },
        timeout: SLOW,
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** stdout as the one JSON object it must be, after checking the run succeeded quietly. */
function printed(result: CliResult): Record<string, unknown> {
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  const lines = result.stdout.split('\n').filter((line) => line !== '');
  expect(lines).toHaveLength(1);
  return JSON.parse(first(lines)) as Record<string, unknown>;
}

/** A failure: the exit status and exactly one line on stderr, nothing on stdout. */
function expectFailure(result: CliResult, status: 1 | 2, message: RegExp): void {
  expect(result.stdout).toBe('');
  expect(result.stderr.split('\n').filter((line) => line !== '')).toHaveLength(1);
  expect(result.stderr).toMatch(message);
  expect(result.status).toBe(status);
}

describe('cli council:create and user:create (e2e)', () => {
  let t: TestApp;
  let env: Record<string, string>;
  let council: { id: string; name: string };
  let admin: { id: string; email: string };

  // The API on the same database, to prove a CLI-made user can log in.
  beforeAll(async () => {
    t = await createTestApp();
    env = { DATABASE_URL: t.database.url };
  });

  afterAll(() => t?.close());

  const userArgs = (overrides: Record<string, string | undefined> = {}): string[] => {
    const options: Record<string, string | undefined> = {
      '--council': council.name,
      '--email': `person.${Math.random().toString(36).slice(2)}@example.gov.uk`,
      '--name': 'Sam Okafor',
      '--role': 'staff',
      ...overrides,
    };
    return [
      'user:create',
      ...Object.entries(options).flatMap(([flag, value]) =>
        value === undefined ? [] : [flag, value],
      ),
      '--password-stdin',
    ];
  };

  it(
    'council:create prints the council, with a code made from its name or given',
    async () => {
      const [made, given] = await Promise.all([
        runCli(['council:create', '--name', 'Stockport Metropolitan Borough Council'], env),
        runCli(['council:create', '--name', 'Isle of Wight', '--code', 'IOW'], env),
      ]);
      const created = printed(made);
      expect(created).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
        name: 'Stockport Metropolitan Borough Council',
        code: 'STK',
        immediateWindowDays: 14,
        defaultWindowMonths: 6,
        measureTolerancePercent: 10,
        createdAt: expect.any(String) as unknown,
      });
      council = created as typeof council;
      expect(printed(given)).toMatchObject({ name: 'Isle of Wight', code: 'IOW' });
    },
    SLOW,
  );

  it(
    'user:create reads the password from stdin, prints the user, and they can log in',
    async () => {
      const created = printed(
        await runCli(
          userArgs({
            '--council': council.name.toLowerCase(),
            '--email': 'Priya.Shah@Stockport.gov.uk',
            '--name': 'Priya Shah',
            '--role': 'admin',
          }),
          env,
          `${PASSWORD}\n`,
        ),
      );
      expect(created).toEqual({
        id: expect.any(String) as unknown,
        councilId: council.id,
        email: 'priya.shah@stockport.gov.uk',
        name: 'Priya Shah',
        role: 'admin',
        team: null,
        organisationId: null,
        lineManager: null,
        disabled: false,
        createdAt: expect.any(String) as unknown,
      });
      admin = created as typeof admin;

      // Only the one trailing newline was dropped: the password is exactly PASSWORD.
      const login = await request(t.server)
        .post('/api/auth/login')
        .send({ email: admin.email, password: PASSWORD })
        .expect(200);
      const token = (login.body as { accessToken: string }).accessToken;
      const seen = await request(t.server)
        .get('/api/council')
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      expect(seen.body).toMatchObject({ id: council.id, code: 'STK' });
    },
    SLOW,
  );

  it(
    'user:create takes the council by id, a line manager by email and a team',
    async () => {
      // Leading spaces are part of the password, and no trailing newline is needed.
      const password = `  ${PASSWORD}`;
      const created = printed(
        await runCli(
          userArgs({
            '--council': council.id,
            '--line-manager': admin.email.toUpperCase(),
            '--team': 'Children in care',
          }),
          env,
          password,
        ),
      );
      expect(created).toMatchObject({
        councilId: council.id,
        role: 'staff',
        team: 'Children in care',
        lineManager: { id: admin.id, email: admin.email, name: 'Priya Shah' },
      });
      expect(JSON.stringify(created)).not.toMatch(/password|argon2/i);
      await request(t.server)
        .post('/api/auth/login')
        .send({ email: created.email, password })
        .expect(200);
    },
    SLOW,
  );

  it(
    'user:create makes a partner of one of the council’s organisations, named as the admin knows it',
    async () => {
      const icb = await t.app
        .get(OrganisationsService)
        .create(council.id, { name: 'NHS Stockport Integrated Care Board', kind: 'health' });
      const created = printed(
        await runCli(
          userArgs({
            '--role': 'partner',
            '--organisation': 'nhs stockport integrated care board',
          }),
          env,
          PASSWORD,
        ),
      );
      expect(created).toMatchObject({ role: 'partner', organisationId: icb.id });
      expectFailure(
        await runCli(userArgs({ '--role': 'partner' }), env, PASSWORD),
        1,
        /^error: Select the partner’s organisation\n$/,
      );
      expectFailure(
        await runCli(
          userArgs({ '--role': 'partner', '--organisation': 'Nowhere NHS' }),
          env,
          PASSWORD,
        ),
        1,
        /^error: No partner organisation named Nowhere NHS in /,
      );
    },
    SLOW,
  );

  it(
    'exits 2 with one line for missing or invalid options and unacceptable passwords',
    async () => {
      // Each option's checks are unit-tested beside the commands; here, that they exit 2.
      const cases: Array<[string[], string, RegExp]> = [
        [['council:create'], '', /^error: required option '--name <name>' not specified/],
        [
          userArgs({ '--role': 'boss' }),
          PASSWORD,
          /role must be one of partner, staff, manager, admin/,
        ],
        [userArgs().slice(0, -1), PASSWORD, /required option '--password-stdin'/],
        [userArgs(), 'too short\n', /^error: Password must be at least 12 characters/],
      ];
      const results = await Promise.all(cases.map(([args, input]) => runCli(args, env, input)));
      results.forEach((result, i) => expectFailure(result, 2, nth(cases, i)[2]));
    },
    SLOW,
  );

  it(
    'exits 1 with one line for an unknown council or line manager, a duplicate, or no DATABASE_URL',
    async () => {
      const cases: Array<[Promise<CliResult>, RegExp]> = [
        [
          runCli(userArgs({ '--council': 'Nowhere Council' }), env, PASSWORD),
          /^error: No council "Nowhere Council"\n$/,
        ],
        [
          runCli(userArgs({ '--line-manager': 'ghost@example.gov.uk' }), env, PASSWORD),
          /^error: No user with email ghost@example.gov.uk in Stockport Metropolitan Borough Council\n$/,
        ],
        [
          runCli(userArgs({ '--email': admin.email.toUpperCase() }), env, PASSWORD),
          /^error: This email address cannot be used. Check it, or use another one\n$/,
        ],
        [
          runCli(['council:create', '--name', 'STOCKPORT Metropolitan Borough Council'], env),
          /^error: A council named .* already exists\n$/,
        ],
        [
          runCli(['council:create', '--name', 'Anywhere'], {}),
          /^Invalid environment: DATABASE_URL is required \(a postgres:\/\/ URL\)\n$/,
        ],
      ];
      for (const [run, message] of cases) expectFailure(await run, 1, message);
    },
    SLOW,
  );
});

describe('cli council:sso (e2e)', () => {
  let t: TestApp;
  const key = randomBytes(32).toString('base64');
  const secret = `client-secret-${randomBytes(8).toString('hex')}`;
  const issuer = 'https://login.microsoftonline.com/8f2c6a55-2a0e-4b8b-9a44-0f8f6c1d2e3f/v2.0';

  // The API on the same database and key, to read back what the CLI stored.
  beforeAll(async () => {
    t = await createTestApp({ env: { SSO_SECRET_KEY: key } });
  });

  afterAll(() => t?.close());

  it(
    'stores the client secret from stdin encrypted, prints the settings without it, and keeps it when none is given',
    async () => {
      const { council, admin } = await createCouncilWithPeople(t);
      const env = { DATABASE_URL: t.database.url, SSO_SECRET_KEY: key };
      const args = ['council:sso', '--council', council.name, '--issuer', issuer];
      const set = await runCli(
        [...args, '--client-id', 'app-1', '--client-secret-stdin', '--passwords-allowed', 'no'],
        env,
        `${secret}\n`,
      );
      expect(set.stdout).not.toContain(secret);
      expect(printed(set)).toMatchObject({
        councilId: council.id,
        issuer,
        clientId: 'app-1',
        clientSecretSet: true,
        passwordsAllowed: false,
        createStaffOnFirstSignIn: false,
      });
      const [stored] = await t.app
        .get(DataSource)
        .query<{ client_secret_encrypted: string }[]>(
          'SELECT client_secret_encrypted FROM council_sso WHERE council_id = $1',
          [council.id],
        );
      expect(stored?.client_secret_encrypted).not.toContain(secret);
      // The API, with the same key, reads it (and still never shows it).
      expect(
        t.app.get(SsoSecretBox).decrypt(stored?.client_secret_encrypted ?? '', council.id),
      ).toBe(secret);

      // Changed without a secret: kept, and what was not given stays as stored.
      printed(await runCli([...args, '--client-id', 'app-2'], env));
      const view = await admin.as(request(t.server).get('/api/council/sso')).expect(200);
      expect(view.body).toMatchObject({ clientId: 'app-2', passwordsAllowed: false });
      expect(view.text).not.toContain(secret);
    },
    SLOW,
  );

  it(
    'refuses without SSO_SECRET_KEY, and a plain-http issuer, saying why',
    async () => {
      const { council } = await createCouncilWithPeople(t);
      const args = ['council:sso', '--council', council.name, '--client-id', 'app'];
      const [noKey, http] = await Promise.all([
        runCli(
          [...args, '--issuer', issuer, '--client-secret-stdin'],
          { DATABASE_URL: t.database.url },
          's',
        ),
        runCli(
          [...args, '--issuer', 'http://login.example.org', '--client-secret-stdin'],
          { DATABASE_URL: t.database.url, SSO_SECRET_KEY: key },
          's',
        ),
      ]);
      expectFailure(noKey, 1, /SSO_SECRET_KEY/);
      expectFailure(http, 2, /https address/);
    },
    SLOW,
  );
});
