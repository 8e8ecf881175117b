import { type ActionListFilters, ActionsService, EXPORT_MAX_ROWS } from '@app/actions';
import { CurrentUser, type Principal, RequireRole } from '@app/auth';
import { Clock, londonDateOf } from '@app/common';
import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Header,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ApiRefusals } from '../common/api-refusals';
import type { Response } from 'express';
import { ActionDetailDto, ActionListDto, ActionUpdateDto, HistoryEntryDto } from './dto/action.dto';
import { AddUpdateDto } from './dto/add-update.dto';
import { CreateActionDto } from './dto/create-action.dto';
import { ExportActionsQuery, ListActionsQuery } from './dto/list-actions.query';
import { UpdateActionDto } from './dto/update-action.dto';

/** Validated query → list filters: `me` becomes the caller. */
function filtersOf(
  query: ExportActionsQuery & Partial<Pick<ListActionsQuery, 'page' | 'pageSize'>>,
  principal: Principal,
): ActionListFilters {
  if (query.dueAfter && query.dueBefore && query.dueAfter > query.dueBefore) {
    throw new BadRequestException('dueAfter must not be later than dueBefore');
  }
  return {
    statuses: query.status,
    overdue: query.overdue,
    dueBefore: query.dueBefore,
    dueAfter: query.dueAfter,
    ownerId: query.ownerId === 'me' ? principal.userId : query.ownerId,
    team: query.team,
    inspectionId: query.inspectionId,
    organisationId: query.organisationId,
    q: query.q,
    sort: query.sort,
    page: query.page,
    pageSize: query.pageSize,
  };
}

const ID_NOT_FOUND = 'No such action in your council (another council’s id answers the same).';

@ApiTags('actions')
@ApiBearerAuth()
@ApiRefusals({ 401: 'No valid session.' })
@Controller('actions')
export class ActionsController {
  constructor(
    private readonly actions: ActionsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @RequireRole('partner')
  @ApiOperation({
    summary: 'List your council’s actions',
    description:
      'Filter, sort and page. Dates are inclusive. `overdue` means past dueOn (Europe/London) and ' +
      'not completed, verified or cancelled.',
  })
  @ApiOkResponse({ type: ActionListDto })
  @ApiRefusals({ 400: 'A bad filter, sort, date, id or page value, or an unknown parameter.' })
  async list(
    @CurrentUser() principal: Principal,
    @Query() query: ListActionsQuery,
  ): Promise<ActionListDto> {
    return this.actions.list(principal, filtersOf(query, principal));
  }

  // Declared before the :id routes so "export.csv" is never read as an id.
  @Get('export.csv')
  @RequireRole('partner')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Export actions as CSV',
    description:
      `The same filters as GET /actions, every page, up to ${EXPORT_MAX_ROWS.toLocaleString('en-GB')} ` +
      'rows (X-Total-Count gives the full count; X-Export-Truncated: true when capped). UTF-8 ' +
      'with BOM, CRLF line endings, ISO dates; cells that a spreadsheet would run as a formula ' +
      'start with a quote.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'The CSV file (attachment).',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiRefusals({ 400: 'A bad filter value.' })
  async exportCsv(
    @CurrentUser() principal: Principal,
    @Query() query: ExportActionsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const result = await this.actions.exportCsv(principal, filtersOf(query, principal));
    response.setHeader('X-Total-Count', String(result.total));
    if (result.truncated) response.setHeader('X-Export-Truncated', 'true');
    const today = londonDateOf(this.clock.now());
    return new StreamableFile(Buffer.from(result.csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="actions-${today}.csv"`,
    });
  }

  @Get(':id')
  @RequireRole('partner')
  @ApiOperation({ summary: 'One action, with its progress notes and deadline revisions' })
  @ApiOkResponse({ type: ActionDetailDto })
  @ApiRefusals({ 400: 'The id is not a UUID.', 404: ID_NOT_FOUND })
  async get(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ActionDetailDto> {
    return this.actions.get(principal, id);
  }

  @Post()
  @RequireRole('manager')
  @ApiOperation({
    summary: 'Split a recommendation: add a draft action to it (managers)',
    description:
      'The action takes the next sequence on its recommendation (`STK-2026-R5-2`). The owner ' +
      'must be an enabled user of your council.',
  })
  @ApiCreatedResponse({ type: ActionDetailDto })
  @ApiRefusals({
    400: 'Invalid or unknown fields.',
    403: 'Staff cannot create actions.',
    404: 'No such recommendation, or owner, in your council.',
  })
  async create(
    @CurrentUser() principal: Principal,
    @Body() body: CreateActionDto,
  ): Promise<ActionDetailDto> {
    return this.actions.create(principal, body);
  }

  @Patch(':id')
  @RequireRole('partner')
  @ApiOperation({
    summary: 'Change an action',
    description:
      'Managers may change any field; staff only the status of actions they own (not to ' +
      'verified or cancelled). Every change is recorded in the history. While draft the ' +
      'deadline moves freely (originalDueOn follows); once out of draft a change of dueOn needs ' +
      'dueOnReason and is recorded as a deadline revision.',
  })
  @ApiOkResponse({ type: ActionDetailDto })
  @ApiRefusals({
    400:
      'Empty body, invalid fields, an illegal status change (the message names what is ' +
      'allowed), a missing statusReason or dueOnReason.',
    403: 'Staff changing another’s action, a field other than status, or verifying/cancelling.',
    404: 'No such action, or owner, in your council.',
    422: 'The action would be out of draft without ownerId, dueOn or successMeasure (details.missing).',
  })
  async update(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateActionDto,
  ): Promise<ActionDetailDto> {
    return this.actions.update(principal, id, body);
  }

  @Post(':id/updates')
  @RequireRole('partner')
  @ApiOperation({ summary: 'Add a progress note (the owner or a manager)' })
  @ApiCreatedResponse({ type: ActionUpdateDto })
  @ApiRefusals({
    400: 'Invalid note or evidenceUrl.',
    403: 'Staff on an action they do not own.',
    404: ID_NOT_FOUND,
  })
  async addUpdate(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AddUpdateDto,
  ): Promise<ActionUpdateDto> {
    return this.actions.addUpdate(principal, id, body);
  }

  @Get(':id/history')
  @RequireRole('partner')
  @ApiOperation({ summary: 'The audit log of an action, oldest first' })
  @ApiOkResponse({ type: [HistoryEntryDto] })
  @ApiRefusals({ 400: 'The id is not a UUID.', 404: ID_NOT_FOUND })
  async history(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<HistoryEntryDto[]> {
    return this.actions.history(principal, id);
  }
}
