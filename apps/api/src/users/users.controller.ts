import { CurrentUser, hasRole, type Principal, RequireRole, UserAccountsService } from '@app/auth';
import { ErrorResponse } from '@app/common';
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
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQueryDto } from './dto/list-users-query.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserDto } from './dto/user.dto';

/** People in the caller's council. Ids from any other council answer 404. */
@ApiTags('users')
@Controller('users')
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'No live session.' })
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
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'Unknown or invalid filter.' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'Staff cannot list users.' })
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
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'The id is not a UUID.' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'Staff asking for someone else.' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such user in your council.' })
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
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'Invalid or unknown fields, or a password of the wrong length.',
  })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'Only an admin can add users.' })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'lineManagerId is not a user in your council.',
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The email is already in use.' })
  async create(@CurrentUser() principal: Principal, @Body() body: CreateUserDto): Promise<UserDto> {
    return UserDto.of(await this.accounts.create({ ...body, councilId: principal.councilId }));
  }

  @Patch(':id')
  @RequireRole('admin')
  @ApiOperation({
    summary: 'Change a user (admins)',
    description:
      'Disabling, or setting a password, ends all of the user’s sessions at once. Admins cannot ' +
      'disable themselves or change their own role, so a council always keeps an admin.',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description:
      'Invalid or unknown fields; disabling yourself or changing your own role; a user as their own line manager.',
  })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'Only an admin can change users.' })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'No such user (or line manager) in your council.',
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The email is already in use.' })
  async update(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return UserDto.of(await this.accounts.change(principal.userId, principal.councilId, id, body));
  }
}
