// A real OpenID Connect provider (oidc-provider) for the SSO tests, in a process of its own:
// oidc-provider is ESM only, which jest on Node 20 cannot load in-process.
//
// Started by test/support/oidc-provider.ts with its clients (a JSON list) as its argument. It listens
// on a free loopback port and prints `ready <issuer>` once it does.
//
// Anyone may sign in: the login page asks for the email address to put in the ID token and how
// the provider vouches for it (email_verified true or false, left out, or Microsoft Entra's
// xms_edov instead), so each test picks the person and the claims it needs. The account id
// carries those answers, so nothing is stored between requests but the provider's own state.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const clients = JSON.parse(process.argv[2] ?? '[]');

/** The answers of the login form, as an account id (and back). */
const accountIdOf = (answers) => Buffer.from(JSON.stringify(answers)).toString('base64url');
const answersOf = (accountId) => JSON.parse(Buffer.from(accountId, 'base64url').toString('utf8'));

const escapeHtml = (text) =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

const server = createServer();
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients,
    // Test keys for the provider's own cookies; nothing outlives the process.
    cookies: { keys: ['oidc-test-cookie-key-0123456789'] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified', 'xms_edov'],
      profile: ['name'],
    },
    // The email claims in the ID token itself, as Microsoft Entra sends its optional claims.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    async findAccount(_ctx, sub) {
      const answers = answersOf(sub);
      return {
        accountId: sub,
        async claims() {
          const claims = { sub, email: answers.email, name: answers.name ?? answers.email };
          if (answers.emailVerified === 'true') claims.email_verified = true;
          if (answers.emailVerified === 'false') claims.email_verified = false;
          if (answers.xmsEdov === 'true') claims.xms_edov = true;
          return claims;
        },
      };
    },
  });
  provider.on('server_error', (_ctx, error) => process.stderr.write(`${error.stack}\n`));
  const callback = provider.callback();

  server.on('request', (req, res) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url ?? '');
    if (!match) return callback(req, res);
    handleInteraction(provider, req, res, match[2] === '/login').catch((error) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  process.stdout.write(`ready ${issuer}\n`);
});

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return Object.fromEntries(new URLSearchParams(body));
}

async function handleInteraction(provider, req, res, isLogin) {
  const details = await provider.interactionDetails(req, res);
  // Every test client is first party: consent is given at once, with no page.
  if (details.prompt.name === 'consent') {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({
          accountId: details.session.accountId,
          clientId: details.params.client_id,
        });
    grant.addOIDCScope(details.params.scope);
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      {
        mergeWithLastSubmission: true,
      },
    );
    return;
  }
  if (isLogin && req.method === 'POST') {
    const form = await readForm(req);
    const accountId = accountIdOf({
      email: form.email,
      emailVerified: form.emailVerified ?? 'true',
      xmsEdov: form.xmsEdov ?? 'absent',
    });
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId } },
      {
        mergeWithLastSubmission: false,
      },
    );
    return;
  }
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(`<!doctype html>
<html lang="en"><head><title>Test identity provider</title></head>
<body><main>
<h1>Test identity provider</h1>
<form method="post" action="/interaction/${escapeHtml(details.uid)}/login">
  <label for="email">Email</label>
  <input id="email" name="email" type="email">
  <label for="emailVerified">Email verified</label>
  <select id="emailVerified" name="emailVerified">
    <option value="true">true</option><option value="false">false</option>
    <option value="absent">not sent</option>
  </select>
  <label for="xmsEdov">xms_edov</label>
  <select id="xmsEdov" name="xmsEdov">
    <option value="absent">not sent</option><option value="true">true</option>
  </select>
  <button type="submit">Continue</button>
</form>
</main></body></html>`);
}
