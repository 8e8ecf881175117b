import { CurrentUser, hasRole, type Principal, RequireRole, UserAccountsService } from '@app/auth';
import { UsersService } from '@app/people';
import {
  Body,
  Controller,
  ForbiddenException,
  Get,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRefusals } from '../common/api-refusals';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQueryDto } from './dto/list-users-query.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserDto } from './dto/user.dto';

/** People in the caller's council. Ids from any other council answer 404. */
@ApiTags('users')
@Controller('users')
@ApiRefusals({ 401: 'No live session.' })
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly accounts: UserAccountsService,
  ) {}

  @Get()
  @RequireRole('manager')
  @ApiOperation({
    summary: "List the council's users, by name",
    description: 'Managers and admins. Disabled accounts are left out unless includeDisabled=true.',
  })
  @ApiOkResponse({ type: UserDto, isArray: true })
  @ApiRefusals({ 400: 'Unknown or invalid filter.', 403: 'Staff cannot list users.' })
  async list(
    @CurrentUser() principal: Principal,
    @Query() query: ListUsersQueryDto,
  ): Promise<UserDto[]> {
    const users = await this.users.list(principal.councilId, query);
    return users.map((user) => UserDto.of(user));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One user',
    description: 'Managers and admins see anyone in their council; staff see only themselves.',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiRefusals({
    400: 'The id is not a UUID.',
    403: 'Staff asking for someone else.',
    404: 'No such user in your council.',
  })
  async get(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<UserDto> {
    // Looked up first: someone outside the council gets 404 whatever the caller's role.
    const user = await this.users.get(principal.councilId, id);
    if (user.id !== principal.userId && !hasRole(principal.role, 'manager')) {
      throw new ForbiddenException('Staff can see only their own account');
    }
    return UserDto.of(user);
  }

  @Post()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Add a user to your council (admins)' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiRefusals({
    400: 'Invalid or unknown fields, or a password of the wrong length.',
    403: 'Only an admin can add users.',
    404: 'lineManagerId is not a user in your council.',
    409: 'The email is already in use.',
  })
  async create(@CurrentUser() principal: Principal, @Body() body: CreateUserDto): Promise<UserDto> {
    return UserDto.of(await this.accounts.create({ ...body, councilId: principal.councilId }));
  }

  @Patch(':id')
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Change a user (admins)',
    description:
      'Disabling, or setting a password, ends all of the user’s sessions at once. Admins cannot ' +
      'disable themselves or change their own role, so a council always keeps an admin. ' +
      'null removes the user from their team, or their line manager.',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiRefusals({
    400: 'Invalid or unknown fields; disabling yourself or changing your own role; a user as their own line manager.',
    403: 'Only an admin can change users.',
    404: 'No such user (or line manager) in your council.',
    409: 'The email is already in use.',
  })
  async update(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return UserDto.of(await this.accounts.change(principal.userId, principal.councilId, id, body));
  }
}
