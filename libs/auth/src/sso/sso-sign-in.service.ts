import { Clock } from '@app/common';
import { SqlRunner } from '@app/database';
import { type User, UsersService } from '@app/people';
import { ConflictException, Injectable, Logger } from '@nestjs/common';
import { addMinutes, subDays } from 'date-fns';
import { createHash, randomBytes } from 'node:crypto';
import {
  type CallbackParamsType,
  type Client,
  errors,
  generators,
  Issuer,
  type IdTokenClaims,
} from 'openid-client';
import { AuthService, type IssuedTokens } from '../auth.service';
import { PasswordHasher } from '../password-hasher';
import type { ClientInfo } from '../sessions.service';
import { SsoRefused } from './sso-refused';
import { SsoSettingsService } from './sso-settings.service';

/** How long someone has at their provider before the sign-in must start again. */
export const SSO_ATTEMPT_MINUTES = 10;

/**
 * How long a provider's discovery document (public metadata, the same for everyone) is reused
 * by this process, so that a burst of sign-ins does not become a burst of requests to it.
 */
const DISCOVERY_TTL_MS = 5 * 60_000;

/** What the callback address may carry from the provider; anything else is ignored. */
const CALLBACK_PARAMS = ['code', 'state', 'iss', 'error', 'error_description', 'session_state'];

const digest = (value: string): string => createHash('sha256').update(value).digest('hex');

/**
 * Whether the provider vouches that the person owns `email`: the standard `email_verified`, or
 * Microsoft Entra's optional claim `xms_edov` (Entra does not send email_verified). Anything
 * but a real `true` is no.
 */
export function emailIsVerified(claims: IdTokenClaims): boolean {
  return claims.email_verified === true || claims.xms_edov === true;
}

/**
 * Sign-in through a council's OpenID Connect provider: the authorization code flow with PKCE,
 * state and nonce (openid-client checks the ID token's signature, issuer, audience, expiry and
 * nonce). What is begun is kept in sso_attempts, not in memory, so any API process can finish
 * it; each attempt is used once. The person is the enabled account of that council with the
 * provider's verified email, and gets an ordinary session, as a password sign-in does.
 */
@Injectable()
export class SsoSignInService {
  private readonly logger = new Logger(SsoSignInService.name);
  private readonly discovered = new Map<string, { issuer: Issuer; until: number }>();

  constructor(
    private readonly settings: SsoSettingsService,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly hasher: PasswordHasher,
    private readonly sql: SqlRunner,
    private readonly clock: Clock,
  ) {}

  /**
   * Begins a sign-in at `councilId`'s provider: the address to send the browser to, and the
   * state to bind to that browser (a cookie), which the callback must bring back.
   */
  async start(councilId: string): Promise<{ url: string; state: string }> {
    const client = await this.clientFor(councilId);
    const state = generators.state();
    const nonce = generators.nonce();
    const codeVerifier = generators.codeVerifier();
    const now = this.clock.now();
    // Attempts nobody finished are kept a day (to tell "expired" from "never begun"), then go.
    await this.sql.query('DELETE FROM sso_attempts WHERE expires_at < $1', [subDays(now, 1)]);
    await this.sql.query(
      `INSERT INTO sso_attempts (council_id, state_digest, nonce, code_verifier, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [councilId, digest(state), nonce, codeVerifier, now, addMinutes(now, SSO_ATTEMPT_MINUTES)],
    );
    const url = client.authorizationUrl({
      scope: 'openid email profile',
      response_type: 'code',
      state,
      nonce,
      code_challenge: generators.codeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, state };
  }

  /**
   * Finishes a sign-in from the provider's answer (`query`, the callback's) in the browser
   * holding `browserState`. Throws SsoRefused saying why when nobody is signed in.
   */
  async finish(
    query: Record<string, unknown>,
    browserState: string | undefined,
    client: ClientInfo = {},
  ): Promise<{ user: User; tokens: IssuedTokens }> {
    const params = callbackParamsOf(query);
    // Begun in this browser: a callback link sent to someone else does not sign them in.
    if (!params.state || !browserState || params.state !== browserState) {
      throw new SsoRefused('not-started');
    }
    const attempt = await this.consume(params.state);
    const claims = await this.exchange(attempt, params);
    if (typeof claims.email !== 'string' || claims.email === '') {
      throw new SsoRefused('email-unverified');
    }
    const email = claims.email;
    if (!emailIsVerified(claims)) throw new SsoRefused('email-unverified', email);
    const user = await this.accountFor(attempt.councilId, email, claims);
    return this.auth.startSession(user, client, 'sso');
  }

  /** The attempt `state` names, marked used; refused when unknown, used or expired. */
  private async consume(
    state: string,
  ): Promise<{ councilId: string; nonce: string; codeVerifier: string; state: string }> {
    // One UPDATE, so two callbacks racing (a replay, on any process) cannot both win.
    const rows = await this.sql.query<{ council_id: string; nonce: string; code_verifier: string }>(
      `UPDATE sso_attempts SET used_at = $2
        WHERE state_digest = $1 AND used_at IS NULL AND expires_at > $2
        RETURNING council_id, nonce, code_verifier`,
      [digest(state), this.clock.now()],
    );
    const row = rows[0];
    if (!row) throw new SsoRefused('expired');
    return { councilId: row.council_id, nonce: row.nonce, codeVerifier: row.code_verifier, state };
  }

  /** The ID token's claims, once openid-client has checked the code, the token and the nonce. */
  private async exchange(
    attempt: { councilId: string; nonce: string; codeVerifier: string; state: string },
    params: CallbackParamsType,
  ): Promise<IdTokenClaims> {
    const client = await this.clientFor(attempt.councilId);
    try {
      const tokens = await client.callback(this.settings.redirectUri, params, {
        state: attempt.state,
        nonce: attempt.nonce,
        code_verifier: attempt.codeVerifier,
        response_type: 'code',
      });
      return tokens.claims();
    } catch (error) {
      if (error instanceof errors.OPError || error instanceof errors.RPError) {
        // The provider said no (the person cancelled, a code used twice) or its answer failed
        // a check (another issuer, audience or nonce): nothing the person can fix by retrying.
        this.logger.warn(
          { councilId: attempt.councilId, error: error.message },
          'Single sign-on answer refused',
        );
        throw new SsoRefused('provider-refused');
      }
      this.logger.error({ councilId: attempt.councilId, err: error }, 'Single sign-on failed');
      throw new SsoRefused('unavailable');
    }
  }

  /** The council's enabled account with `email`, or a new staff account when it allows that. */
  private async accountFor(councilId: string, email: string, claims: IdTokenClaims): Promise<User> {
    const existing = await this.users.findByEmail(councilId, email);
    if (existing) {
      // Leavers: disabled here, or refused by the provider once disabled there.
      if (existing.disabledAt) throw new SsoRefused('disabled', email);
      return existing;
    }
    const settings = await this.settings.forSignIn(councilId);
    if (!settings?.createStaffOnFirstSignIn) throw new SsoRefused('unknown-user', email);
    const name = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name : email;
    try {
      return await this.users.create({
        councilId,
        email,
        name: name.slice(0, 200),
        role: 'staff',
        // A password nobody knows: they sign in through the provider (an admin may set one).
        passwordHash: await this.hasher.hash(randomBytes(32).toString('base64url')),
      });
    } catch (error) {
      // The address is another council's account: this council cannot have it.
      if (error instanceof ConflictException) throw new SsoRefused('unknown-user', email);
      throw error;
    }
  }

  /** An openid-client Client for the council's provider, from its discovery document. */
  private async clientFor(councilId: string): Promise<Client> {
    const settings = await this.settings.forSignIn(councilId);
    if (!settings) throw new SsoRefused('not-set-up');
    if (settings.clientSecret === null) {
      // Saved under another SSO_SECRET_KEY (or altered): an admin must enter it again.
      this.logger.error({ councilId }, 'Single sign-on client secret cannot be decrypted');
      throw new SsoRefused('unavailable');
    }
    const issuer = await this.discover(councilId, settings.issuer);
    // The ID token must come from the issuer this council set, not one its document names.
    if (trimSlash(issuer.metadata.issuer) !== trimSlash(settings.issuer)) {
      this.logger.error(
        { councilId, discovered: issuer.metadata.issuer },
        'Single sign-on provider names another issuer',
      );
      throw new SsoRefused('unavailable');
    }
    return new issuer.Client({
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
      redirect_uris: [this.settings.redirectUri],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    });
  }

  private async discover(councilId: string, issuerUrl: string): Promise<Issuer> {
    const cached = this.discovered.get(issuerUrl);
    if (cached && cached.until > Date.now()) return cached.issuer;
    try {
      // openid-client v5 allows plain http; the settings allow it only for this machine's
      // loopback address (issuerProblem), which is where the tests' provider runs.
      const issuer = await Issuer.discover(issuerUrl);
      this.discovered.set(issuerUrl, { issuer, until: Date.now() + DISCOVERY_TTL_MS });
      return issuer;
    } catch (error) {
      this.logger.error({ councilId, err: error }, 'Single sign-on provider unreachable');
      throw new SsoRefused('unavailable');
    }
  }
}

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

function callbackParamsOf(query: Record<string, unknown>): CallbackParamsType {
  const params: Record<string, string> = {};
  for (const name of CALLBACK_PARAMS) {
    const value = query[name];
    if (typeof value === 'string') params[name] = value;
  }
  return params;
}
