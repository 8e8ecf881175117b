export { councilCode } from './council-code';
export { CouncilsModule } from './councils.module';
export {
  CouncilsService,
  isUniqueViolation,
  type CouncilSettings,
  type CreateCouncilInput,
} from './councils.service';
export { Council } from './entities/council.entity';
export { ROLES, User, type Role } from './entities/user.entity';
export {
  normaliseEmail,
  UsersService,
  type CreateUserInput,
  type UserChanges,
} from './users.service';
