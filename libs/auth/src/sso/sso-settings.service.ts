import { ssoConfig, type SsoConfig } from '@app/config';
import { SqlRunner } from '@app/database';
import { CouncilsService } from '@app/people';
import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CouncilSso } from '../entities/council-sso.entity';
import { SSO_KEY_MISSING, SsoSecretBox } from './sso-secret-box';
import { CLIENT_ID_MAX_LENGTH, CLIENT_SECRET_MAX_LENGTH, issuerProblem } from './sso-fields';

/** What an admin sets; `clientSecret` left out keeps the stored one. */
export interface SsoSettingsInput {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  passwordsAllowed: boolean;
  createStaffOnFirstSignIn: boolean;
}

/** A council's settings as anyone may see them: whether a secret is set, never the secret. */
export interface SsoSettingsView {
  issuer: string;
  clientId: string;
  clientSecretSet: boolean;
  passwordsAllowed: boolean;
  createStaffOnFirstSignIn: boolean;
  /** What to register with the provider as the redirect URI. */
  redirectUri: string;
  updatedAt: Date;
}

/** A council people may choose on the sign-in page. */
export interface SsoCouncilChoice {
  councilId: string;
  name: string;
}

export const SSO_NOT_SET_UP = 'Single sign-on is not set up for this council';

export const PASSWORDS_OFF =
  'Your council signs in with its own account, not a password here. Use “Sign in with your council’s account”.';

/** Each council's OpenID Connect provider, as admins (page, API, CLI) set it. */
@Injectable()
export class SsoSettingsService {
  constructor(
    @InjectRepository(CouncilSso) private readonly settings: Repository<CouncilSso>,
    private readonly box: SsoSecretBox,
    private readonly councils: CouncilsService,
    private readonly sql: SqlRunner,
    @Inject(ssoConfig.KEY) private readonly config: SsoConfig,
  ) {}

  get available(): boolean {
    return this.box.available;
  }

  get redirectUri(): string {
    return this.config.redirectUri;
  }

  /** The council's settings; 404 when it has none. */
  async get(councilId: string): Promise<SsoSettingsView> {
    const row = await this.settings.findOneBy({ councilId });
    if (!row) throw new NotFoundException(SSO_NOT_SET_UP);
    return this.view(row);
  }

  async find(councilId: string): Promise<SsoSettingsView | null> {
    const row = await this.settings.findOneBy({ councilId });
    return row ? this.view(row) : null;
  }

  /**
   * Sets the council's provider. The secret is encrypted before it is stored; without
   * SSO_SECRET_KEY nothing can be saved (409, saying why).
   */
  async save(councilId: string, input: SsoSettingsInput): Promise<SsoSettingsView> {
    if (!this.box.available) throw new ConflictException(SSO_KEY_MISSING);
    const issuer = input.issuer.trim();
    const clientId = input.clientId.trim();
    const problem =
      issuerProblem(issuer) ??
      (clientId === '' || clientId.length > CLIENT_ID_MAX_LENGTH
        ? `Client ID must be 1-${CLIENT_ID_MAX_LENGTH} characters`
        : null) ??
      (input.clientSecret !== undefined &&
      (input.clientSecret === '' || input.clientSecret.length > CLIENT_SECRET_MAX_LENGTH)
        ? `Client secret must be 1-${CLIENT_SECRET_MAX_LENGTH} characters`
        : null);
    if (problem) throw new BadRequestException(problem);
    await this.councils.get(councilId);
    const existing = await this.settings.findOneBy({ councilId });
    if (!existing && input.clientSecret === undefined) {
      throw new BadRequestException({
        message: 'Enter the client secret',
        details: { field: 'clientSecret' },
      });
    }
    const clientSecretEncrypted =
      input.clientSecret === undefined
        ? // Checked above: a council without settings must give a secret.
          (existing as CouncilSso).clientSecretEncrypted
        : this.box.encrypt(input.clientSecret, councilId);
    const saved = await this.settings.save(
      this.settings.create({
        ...existing,
        councilId,
        issuer,
        clientId,
        clientSecretEncrypted,
        passwordsAllowed: input.passwordsAllowed,
        createStaffOnFirstSignIn: input.createStaffOnFirstSignIn,
      }),
    );
    return this.view(saved);
  }

  /** Ends single sign-on for the council: passwords are allowed again. 404 when none was set. */
  async remove(councilId: string): Promise<void> {
    const { affected } = await this.settings.delete({ councilId });
    if (!affected) throw new NotFoundException(SSO_NOT_SET_UP);
  }

  /** Whether people of `councilId` may sign in with a password (true without single sign-on). */
  async passwordsAllowed(councilId: string): Promise<boolean> {
    const rows = await this.sql.query<{ passwords_allowed: boolean }>(
      'SELECT passwords_allowed FROM council_sso WHERE council_id = $1',
      [councilId],
    );
    return rows[0]?.passwords_allowed ?? true;
  }

  /** The councils people can sign in through, by name (none while the service has no key). */
  async choices(): Promise<SsoCouncilChoice[]> {
    if (!this.box.available) return [];
    const rows = await this.sql.query<{ id: string; name: string }>(
      `SELECT c.id, c.name FROM council_sso s JOIN councils c ON c.id = s.council_id
        ORDER BY lower(c.name), c.id`,
      [],
    );
    return rows.map((row) => ({ councilId: row.id, name: row.name }));
  }

  /** The stored row with its secret readable, for signing in; null when there is none. */
  async forSignIn(
    councilId: string,
  ): Promise<(Omit<CouncilSso, 'clientSecretEncrypted'> & { clientSecret: string | null }) | null> {
    if (!this.box.available) return null;
    const row = await this.settings.findOneBy({ councilId });
    if (!row) return null;
    const { clientSecretEncrypted, ...rest } = row;
    return { ...rest, clientSecret: this.box.decrypt(clientSecretEncrypted, councilId) };
  }

  private view(row: CouncilSso): SsoSettingsView {
    return {
      issuer: row.issuer,
      clientId: row.clientId,
      clientSecretSet: row.clientSecretEncrypted !== '',
      passwordsAllowed: row.passwordsAllowed,
      createStaffOnFirstSignIn: row.createStaffOnFirstSignIn,
      redirectUri: this.config.redirectUri,
      updatedAt: row.updatedAt,
    };
  }
}
