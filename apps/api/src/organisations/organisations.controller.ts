import { CurrentUser, type Principal, RequireRole } from '@app/auth';
import { OrganisationsService } from '@app/people';
import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRefusals } from '../common/api-refusals';
import {
  CreateOrganisationDto,
  OrganisationDto,
  UpdateOrganisationDto,
} from './dto/organisation.dto';

/** The council's partner agencies. Ids from any other council answer 404. */
@ApiTags('organisations')
@Controller('organisations')
@ApiRefusals({ 401: 'No live session.' })
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @ApiOperation({ summary: 'Your council’s partner organisations, by name (council staff)' })
  @ApiOkResponse({ type: OrganisationDto, isArray: true })
  @ApiRefusals({ 403: 'Partner users cannot list organisations.' })
  async list(@CurrentUser() principal: Principal): Promise<OrganisationDto[]> {
    const found = await this.organisations.list(principal.councilId);
    return found.map((organisation) => OrganisationDto.of(organisation));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One partner organisation (council staff)' })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiRefusals({ 400: 'The id is not a UUID.', 404: 'No such organisation in your council.' })
  async get(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<OrganisationDto> {
    return OrganisationDto.of(await this.organisations.get(principal.councilId, id));
  }

  @Post()
  @RequireRole('admin')
  @ApiOperation({ summary: 'Add a partner organisation (admins)' })
  @ApiCreatedResponse({ type: OrganisationDto })
  @ApiRefusals({
    400: 'Invalid or unknown fields.',
    403: 'Only an admin can add organisations.',
    404: 'councilLeadId is not a manager or admin of your council.',
    409: 'The council already has an organisation of that name.',
  })
  async create(
    @CurrentUser() principal: Principal,
    @Body() body: CreateOrganisationDto,
  ): Promise<OrganisationDto> {
    return OrganisationDto.of(await this.organisations.create(principal.councilId, body));
  }

  @Patch(':id')
  @RequireRole('admin')
  @ApiOperation({ summary: 'Change a partner organisation (admins)' })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiRefusals({
    400: 'Invalid or unknown fields.',
    403: 'Only an admin can change organisations.',
    404: 'No such organisation, lead or council lead in your council.',
    409: 'The council already has an organisation of that name.',
  })
  async update(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateOrganisationDto,
  ): Promise<OrganisationDto> {
    return OrganisationDto.of(await this.organisations.update(principal.councilId, id, body));
  }
}
