import { type CreateUserInput, type User, type UserChanges, UsersService } from '@app/councils';
import { Injectable } from '@nestjs/common';
import { PasswordHasher } from './password-hasher';
import { SessionsService } from './sessions.service';

export type CreateAccountInput = Omit<CreateUserInput, 'passwordHash'> & { password: string };

/** Creating and changing people where credentials or sessions are involved. */
@Injectable()
export class UserAccountsService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
  ) {}

  async create(input: CreateAccountInput): Promise<User> {
    const { password, ...rest } = input;
    return this.users.create({ ...rest, passwordHash: await this.hasher.hash(password) });
  }

  /** Applies `changes`; disabling the account also ends every session it has. */
  async update(councilId: string, userId: string, changes: UserChanges): Promise<User> {
    const user = await this.users.update(councilId, userId, changes);
    if (changes.disabledAt) await this.sessions.revokeAllForUser(userId, 'user_disabled');
    return user;
  }

  async setPassword(userId: string, password: string): Promise<void> {
    await this.users.setPasswordHash(userId, await this.hasher.hash(password));
    await this.sessions.revokeAllForUser(userId, 'password_changed');
  }
}
