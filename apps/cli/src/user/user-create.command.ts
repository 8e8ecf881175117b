import { PasswordHasher, passwordProblem } from '@app/auth';
import {
  CouncilsService,
  OrganisationsService,
  ROLES,
  type Role,
  type User,
  UsersService,
} from '@app/people';
import { isEmail } from 'class-validator';
import { Command, Option } from 'nest-commander';
import { DatabaseCommand } from '../database-command';
import { withCliDatabase } from '../council/cli-database';
import { failUsage, InvalidOptionValue, nonBlank } from '../council/cli-options';
import { readPasswordFromStdin } from './read-password';

interface UserCreateOptions {
  council: string;
  email: string;
  name: string;
  role: Role;
  lineManager?: string;
  organisation?: string;
  team?: string;
  passwordStdin: boolean;
}

/** What the command prints: the user as the API shows them; never the hash. */
export function userJson(user: User): Record<string, unknown> {
  return {
    id: user.id,
    councilId: user.councilId,
    email: user.email,
    name: user.name,
    role: user.role,
    team: user.team,
    organisationId: user.organisationId,
    lineManager: user.lineManager
      ? { id: user.lineManager.id, name: user.lineManager.name, email: user.lineManager.email }
      : null,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt.toISOString(),
  };
}

function email(value: string, what: string): string {
  const trimmed = value.trim();
  if (!isEmail(trimmed) || trimmed.length > 254) {
    throw new InvalidOptionValue(`${what} must be an email address.`);
  }
  return trimmed;
}

@Command({
  name: 'user:create',
  description:
    'Create a user on DATABASE_URL with the password read from stdin, and print it as JSON',
})
export class UserCreateCommand extends DatabaseCommand {
  async run(_args: string[], options: UserCreateOptions): Promise<void> {
    const password = await readPasswordFromStdin();
    const problem = passwordProblem(password);
    if (problem) {
      failUsage(`${problem} (read from stdin)`);
      return;
    }
    const user = await withCliDatabase(this.env, async (app) => {
      const council = await app.get(CouncilsService).findByIdOrName(options.council);
      const users = app.get(UsersService);
      let lineManagerId: string | null = null;
      if (options.lineManager) {
        const manager = await users.findByEmail(council.id, options.lineManager);
        if (!manager) {
          throw new Error(`No user with email ${options.lineManager} in ${council.name}`);
        }
        lineManagerId = manager.id;
      }
      let organisationId: string | null = null;
      if (options.organisation) {
        const wanted = options.organisation.toLowerCase();
        const found = (await app.get(OrganisationsService).list(council.id)).find(
          (organisation) => organisation.name.toLowerCase() === wanted,
        );
        if (!found) {
          throw new Error(
            `No partner organisation named ${options.organisation} in ${council.name}`,
          );
        }
        organisationId = found.id;
      }
      return users.create({
        councilId: council.id,
        email: options.email,
        name: options.name,
        role: options.role,
        team: options.team ?? null,
        lineManagerId,
        organisationId,
        passwordHash: await app.get(PasswordHasher).hash(password),
      });
    });
    this.output.line(userJson(user));
  }

  @Option({
    flags: '--council <id-or-name>',
    description: 'The council, by id or by name (any case)',
    required: true,
  })
  parseCouncil(value: string): string {
    return nonBlank(value, 'The council');
  }

  @Option({ flags: '--email <email>', description: 'Login email, unique', required: true })
  parseEmail(value: string): string {
    return email(value, 'The email');
  }

  @Option({ flags: '--name <name>', description: 'Full name', required: true })
  parseName(value: string): string {
    return nonBlank(value, 'The name');
  }

  @Option({ flags: '--role <role>', description: ROLES.join(' | '), required: true })
  parseRole(value: string): Role {
    const role = ROLES.find((candidate) => candidate === value);
    if (!role) throw new InvalidOptionValue(`The role must be one of ${ROLES.join(', ')}.`);
    return role;
  }

  @Option({
    flags: '--line-manager <email>',
    description: 'Email of their line manager, in the same council',
  })
  parseLineManager(value: string): string {
    return email(value, 'The line manager');
  }

  @Option({
    flags: '--organisation <name>',
    description: 'A partner’s organisation, by name (required with --role partner)',
  })
  parseOrganisation(value: string): string {
    return nonBlank(value, 'The organisation', 200);
  }

  @Option({ flags: '--team <name>', description: 'Their team' })
  parseTeam(value: string): string {
    return nonBlank(value, 'The team', 100);
  }

  @Option({
    flags: '--password-stdin',
    description:
      'Read the password from stdin (required: passwords never go on the command line, ' +
      'where other users and shell history can see them)',
    required: true,
  })
  parsePasswordStdin(): boolean {
    return true;
  }
}
