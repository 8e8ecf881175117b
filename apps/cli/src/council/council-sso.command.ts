import {
  CouncilSso,
  issuerProblem,
  SsoSecretBox,
  SsoSettingsService,
  type SsoSettingsView,
} from '@app/auth';
import { loadSsoConfig, type SsoConfig, ssoConfig } from '@app/config';
import { SqlRunner } from '@app/database';
import { CouncilsService, PeopleModule } from '@app/people';
import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Command, Option } from 'nest-commander';
import { DatabaseCommand } from '../database-command';
import { readPasswordFromStdin } from '../user/read-password';
import { withCliDatabase } from './cli-database';
import { failUsage, InvalidOptionValue, nonBlank } from './cli-options';

interface CouncilSsoOptions {
  council: string;
  issuer: string;
  clientId: string;
  clientSecretStdin?: boolean;
  passwordsAllowed?: boolean;
  createStaff?: boolean;
}

/** The single sign-on settings service on the CLI's database, with SSO_SECRET_KEY's key. */
@Module({})
class CliSsoModule {
  static forConfig(config: SsoConfig): DynamicModule {
    return {
      module: CliSsoModule,
      imports: [TypeOrmModule.forFeature([CouncilSso]), PeopleModule],
      providers: [
        { provide: ssoConfig.KEY, useValue: config },
        SqlRunner,
        SsoSecretBox,
        SsoSettingsService,
      ],
    };
  }
}

/** What the command prints: the settings as the API shows them; never the secret. */
export function ssoJson(councilId: string, view: SsoSettingsView): Record<string, unknown> {
  return { councilId, ...view, updatedAt: view.updatedAt.toISOString() };
}

function yesNo(value: string, what: string): boolean {
  if (value === 'yes') return true;
  if (value === 'no') return false;
  throw new InvalidOptionValue(`${what} must be yes or no.`);
}

@Command({
  name: 'council:sso',
  description:
    'Set a council’s single sign-on (OpenID Connect) on DATABASE_URL, the client secret read ' +
    'from stdin and stored encrypted under SSO_SECRET_KEY, and print the settings as JSON',
})
export class CouncilSsoCommand extends DatabaseCommand {
  async run(_args: string[], options: CouncilSsoOptions): Promise<void> {
    const config = loadSsoConfig(this.env);
    const clientSecret = options.clientSecretStdin ? await readPasswordFromStdin() : undefined;
    if (clientSecret === '') {
      failUsage('The client secret read from stdin is empty');
      return;
    }
    const result = await withCliDatabase(
      this.env,
      async (app) => {
        const council = await app.get(CouncilsService).findByIdOrName(options.council);
        const sso = app.get(SsoSettingsService);
        const current = await sso.find(council.id);
        const view = await sso.save(council.id, {
          issuer: options.issuer,
          clientId: options.clientId,
          clientSecret,
          // Left out: as stored, or the defaults for a council setting it up.
          passwordsAllowed: options.passwordsAllowed ?? current?.passwordsAllowed ?? true,
          createStaffOnFirstSignIn:
            options.createStaff ?? current?.createStaffOnFirstSignIn ?? false,
        });
        return ssoJson(council.id, view);
      },
      [CliSsoModule.forConfig(config)],
    );
    this.output.line(result);
  }

  @Option({
    flags: '--council <id-or-name>',
    description: 'The council, by id or by name (any case)',
    required: true,
  })
  parseCouncil(value: string): string {
    return nonBlank(value, 'The council');
  }

  @Option({
    flags: '--issuer <url>',
    description: 'The provider’s issuer, e.g. https://login.microsoftonline.com/<tenant id>/v2.0',
    required: true,
  })
  parseIssuer(value: string): string {
    const issuer = value.trim();
    const problem = issuerProblem(issuer);
    if (problem) throw new InvalidOptionValue(`${problem}.`);
    return issuer;
  }

  @Option({
    flags: '--client-id <id>',
    description: 'The client (application) id registered with the provider',
    required: true,
  })
  parseClientId(value: string): string {
    return nonBlank(value, 'The client id');
  }

  @Option({
    flags: '--client-secret-stdin',
    description: 'Read the client secret from stdin (required the first time; else kept)',
  })
  parseClientSecretStdin(): boolean {
    return true;
  }

  @Option({
    flags: '--passwords-allowed <yes|no>',
    description: 'Whether people may still sign in with a password (default: yes, or as stored)',
  })
  parsePasswordsAllowed(value: string): boolean {
    return yesNo(value, 'Passwords allowed');
  }

  @Option({
    flags: '--create-staff <yes|no>',
    description:
      'Whether someone without an account gets one, as staff, on first sign-in (default: no, or as stored)',
  })
  parseCreateStaff(value: string): boolean {
    return yesNo(value, 'Create staff');
  }
}
