import { definedOnly } from '@app/common';
import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { isUniqueViolation } from './councils.service';
import { Organisation } from './entities/organisation.entity';
import { User, type Role } from './entities/user.entity';

export interface CreateUserInput {
  councilId: string;
  email: string;
  name: string;
  role: Role;
  team?: string | null;
  lineManagerId?: string | null;
  /** Required for a partner, refused for anyone else. */
  organisationId?: string | null;
  /** Already hashed (see the auth lib's PasswordHasher). */
  passwordHash: string;
}

export type UserChanges = Partial<
  Pick<
    User,
    | 'name'
    | 'email'
    | 'role'
    | 'team'
    | 'lineManagerId'
    | 'organisationId'
    | 'disabledAt'
    | 'emailPreference'
  >
>;

/** Narrows `list`; disabled accounts are left out unless asked for. */
export interface UserListFilter {
  team?: string;
  role?: Role;
  includeDisabled?: boolean;
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/**
 * The refusal of an email address someone else's account has. Sign-in is by email alone, so an
 * address is unique across the whole service, not per council; a message saying it "already
 * exists" would tell one council's admin who has an account at another. This one reads the same
 * whoever holds the address, this council or another, and claims nothing about either.
 */
export const EMAIL_UNAVAILABLE = 'This email address cannot be used. Check it, or use another one';

// The table refuses blank names; saying so beats a constraint error.
/**
 * A refusal about one field of a person: `details.field` names it, so a form can put the
 * message beside that field and an API client can tell which one was wrong.
 */
function refusedField(
  Refusal: typeof BadRequestException | typeof ConflictException | typeof NotFoundException,
  field: string,
  message: string,
): Error {
  return new Refusal({ message, details: { field } });
}

function requireName(name: string): void {
  if (name.trim() === '') throw refusedField(BadRequestException, 'name', 'Name must not be blank');
}

/**
 * People in a council. Every read takes the council id, so a caller can never reach another
 * council's user: such ids are simply "not found".
 */
@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async create(input: CreateUserInput): Promise<User> {
    requireName(input.name);
    if (input.lineManagerId) await this.lineManager(input.councilId, input.lineManagerId);
    const organisationId = await this.organisationFor(
      input.councilId,
      input.role,
      input.organisationId ?? null,
    );
    try {
      const saved = await this.users.save(
        this.users.create({
          ...input,
          email: normaliseEmail(input.email),
          name: input.name.trim(),
          team: input.team?.trim() || null,
          lineManagerId: input.lineManagerId ?? null,
          organisationId,
        }),
      );
      return this.get(input.councilId, saved.id);
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) {
        throw refusedField(ConflictException, 'email', EMAIL_UNAVAILABLE);
      }
      throw error;
    }
  }

  /** The user in `councilId`, or a 404 naming `what`. */
  async get(councilId: string, id: string, what = 'User'): Promise<User> {
    const user = await this.users.findOne({
      where: { id, councilId },
      relations: { lineManager: true },
    });
    if (!user) throw new NotFoundException(`${what} not found`);
    return user;
  }

  async findByEmail(councilId: string, email: string): Promise<User | null> {
    return this.users.findOneBy({ councilId, email: normaliseEmail(email) });
  }

  /** For login only: the one lookup that is not scoped by council, and the one that reads the hash. */
  async findForLogin(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: normaliseEmail(email) })
      .getOne();
  }

  /** The council's people by name (id breaks ties, so pages of equal names stay stable). */
  async list(councilId: string, filter: UserListFilter = {}): Promise<User[]> {
    const query = this.users
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.lineManager', 'lineManager')
      .where('user.council_id = :councilId', { councilId })
      .orderBy('user.name', 'ASC')
      .addOrderBy('user.id', 'ASC');
    if (!filter.includeDisabled) query.andWhere('user.disabled_at IS NULL');
    if (filter.role) query.andWhere('user.role = :role', { role: filter.role });
    // Teams are free text typed by admins: match them as people read them, ignoring case.
    if (filter.team !== undefined) {
      query.andWhere('lower(user.team) = lower(:team)', { team: filter.team.trim() });
    }
    return query.getMany();
  }

  async update(councilId: string, id: string, changes: UserChanges): Promise<User> {
    if (changes.name !== undefined) requireName(changes.name);
    const user = await this.get(councilId, id);
    if (changes.lineManagerId) {
      if (changes.lineManagerId === id) {
        throw refusedField(
          BadRequestException,
          'lineManagerId',
          'A person cannot be their own line manager',
        );
      }
      const manager = await this.lineManager(councilId, changes.lineManagerId);
      // Escalations climb the line; a loop would send them round it.
      if (await this.manages(id, manager.id)) {
        throw refusedField(
          BadRequestException,
          'lineManagerId',
          `${user.name} cannot be managed by ${manager.name}, who reports to them`,
        );
      }
    }
    const role = changes.role ?? user.role;
    // Leaving the partner role leaves the organisation too; anything else is checked.
    const organisationId =
      role !== 'partner' && changes.organisationId === undefined
        ? null
        : await this.organisationFor(
            councilId,
            role,
            changes.organisationId === undefined ? user.organisationId : changes.organisationId,
          );
    const next = {
      ...definedOnly(changes),
      organisationId,
      ...(changes.email !== undefined && { email: normaliseEmail(changes.email) }),
      ...(changes.name !== undefined && { name: changes.name.trim() }),
      ...(changes.team !== undefined && { team: changes.team?.trim() || null }),
    };
    try {
      await this.users.update({ id: user.id, councilId }, next);
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) {
        throw refusedField(ConflictException, 'email', EMAIL_UNAVAILABLE);
      }
      throw error;
    }
    return this.get(councilId, id);
  }

  /**
   * A partner belongs to one of the council's organisations; nobody else belongs to any (the
   * table holds the same rule).
   */
  private async organisationFor(
    councilId: string,
    role: Role,
    organisationId: string | null,
  ): Promise<string | null> {
    if (role !== 'partner') {
      if (organisationId) {
        throw refusedField(
          BadRequestException,
          'organisationId',
          'Only a partner belongs to a partner organisation',
        );
      }
      return null;
    }
    if (!organisationId) {
      throw refusedField(
        BadRequestException,
        'organisationId',
        'Select the partner’s organisation',
      );
    }
    const found = await this.users.manager
      .getRepository(Organisation)
      .existsBy({ id: organisationId, councilId });
    if (!found) throw refusedField(NotFoundException, 'organisationId', 'Organisation not found');
    return organisationId;
  }

  /** A line manager must be someone in the same council. */
  private async lineManager(councilId: string, id: string): Promise<User> {
    const manager = await this.users.findOneBy({ id, councilId });
    if (!manager) throw refusedField(NotFoundException, 'lineManagerId', 'Line manager not found');
    return manager;
  }

  /** Whether `managerId` is `reportId`'s line manager, or theirs, and so on up the line. */
  private async manages(managerId: string, reportId: string): Promise<boolean> {
    const rows = await this.users.query<unknown[]>(
      `WITH RECURSIVE line (id, depth) AS (
         SELECT line_manager_id, 1 FROM users WHERE id = $1
         UNION ALL
         SELECT u.line_manager_id, line.depth + 1 FROM users u JOIN line ON u.id = line.id
          WHERE line.depth < 100
       )
       SELECT 1 FROM line WHERE id = $2 LIMIT 1`,
      [reportId, managerId],
    );
    return rows.length > 0;
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.users.update({ id: userId }, { passwordHash });
  }
}
