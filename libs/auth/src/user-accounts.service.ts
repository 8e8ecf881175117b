import { Clock } from '@app/common';
import { type CreateUserInput, type User, type UserChanges, UsersService } from '@app/people';
import { BadRequestException, Injectable } from '@nestjs/common';
import { PasswordHasher, passwordProblem } from './password-hasher';
import type { Principal } from './principal';
import { SessionsService } from './sessions.service';

export type CreateAccountInput = Omit<CreateUserInput, 'passwordHash'> & { password: string };

/** What an admin may change about an account, in the API's terms. */
export type AccountChanges = Omit<UserChanges, 'disabledAt'> & {
  /** true disables (ending every session), false enables again. */
  disabled?: boolean;
  /** A new password; every session ends with the old one. */
  password?: string;
};

/** Creating and changing people where credentials or sessions are involved. */
@Injectable()
export class UserAccountsService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
  ) {}

  async create(input: CreateAccountInput): Promise<User> {
    const { password, ...rest } = input;
    return this.users.create({ ...rest, passwordHash: await this.hashAcceptable(password) });
  }

  /** Applies `changes`; disabling the account also ends every session it has. */
  async update(councilId: string, userId: string, changes: UserChanges): Promise<User> {
    const user = await this.users.update(councilId, userId, changes);
    if (changes.disabledAt) await this.sessions.revokeAllForUser(userId, 'user_disabled');
    return user;
  }

  /**
   * An admin's change to an account in their council (`actorId` is the admin). Nobody may
   * disable or demote themselves: the acting admin always remains, so a council cannot lose its
   * last admin by accident, and someone else has to take an admin's rights away.
   */
  async change(
    actorId: string,
    councilId: string,
    userId: string,
    changes: AccountChanges,
  ): Promise<User> {
    const { disabled, password, ...rest } = changes;
    const current = await this.users.get(councilId, userId);
    if (actorId === userId) {
      if (disabled === true) {
        throw new BadRequestException({
          message: 'You cannot disable your own account',
          details: { field: 'disabled' },
        });
      }
      if (rest.role !== undefined && rest.role !== current.role) {
        throw new BadRequestException({
          message: 'You cannot change your own role',
          details: { field: 'role' },
        });
      }
    }
    // Hashed before anything is written, so a refused password leaves the account untouched.
    const passwordHash = password === undefined ? undefined : await this.hashAcceptable(password);
    const userChanges: UserChanges = { ...rest };
    // Disabling an already disabled account keeps the time it was first disabled.
    if (disabled === true && !current.disabledAt) userChanges.disabledAt = this.clock.now();
    if (disabled === false) userChanges.disabledAt = null;
    const user = await this.update(councilId, userId, userChanges);
    if (passwordHash !== undefined) await this.storePassword(userId, passwordHash);
    return user;
  }

  async setPassword(userId: string, password: string): Promise<void> {
    await this.storePassword(userId, await this.hashAcceptable(password));
  }

  /**
   * Someone changing their own password: only with the current one. Every other session ends;
   * the one they are using stays, so they are not signed out for doing it. A new password the
   * rules refuse is a 400, as for setPassword.
   */
  async changeOwnPassword(
    principal: Principal,
    current: string,
    next: string,
  ): Promise<'changed' | 'wrong-current-password'> {
    const { email } = await this.users.get(principal.councilId, principal.userId);
    const account = await this.users.findForLogin(email);
    if (!(await this.hasher.verify(account?.passwordHash ?? null, current))) {
      return 'wrong-current-password';
    }
    await this.storePassword(
      principal.userId,
      await this.hashAcceptable(next),
      principal.sessionId,
    );
    return 'changed';
  }

  private async storePassword(userId: string, passwordHash: string, keep?: string): Promise<void> {
    await this.users.setPasswordHash(userId, passwordHash);
    await this.sessions.revokeAllForUser(userId, 'password_changed', keep);
  }

  private async hashAcceptable(password: string): Promise<string> {
    const problem = passwordProblem(password);
    if (problem)
      throw new BadRequestException({ message: problem, details: { field: 'password' } });
    return this.hasher.hash(password);
  }
}
