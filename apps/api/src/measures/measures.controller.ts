import { CurrentUser, type Principal, RequireRole } from '@app/auth';
import { MeasuresService } from '@app/measures';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiRefusals } from '../common/api-refusals';
import {
  ActionPath,
  CreateMeasureDto,
  MeasurePath,
  MeasureDto,
  ReadingDto,
  RecordReadingDto,
  UpdateMeasureDto,
} from './dto/measure.dto';

/** An action's measures with targets, and the readings that show whether it is working. */
@ApiTags('measures')
@ApiBearerAuth()
@ApiRefusals({
  400: 'An id is not a UUID, or the body is invalid (unknown fields, a value outside the unit).',
  401: 'No valid session.',
  404: 'No such action, or measure on it, in your council.',
})
@Controller('actions/:id/measures')
export class MeasuresController {
  constructor(private readonly measures: MeasuresService) {}

  @Get()
  @ApiOperation({ summary: 'An action’s measures, each with its readings' })
  @ApiOkResponse({ type: [MeasureDto] })
  list(@CurrentUser() principal: Principal, @Param() { id }: ActionPath): Promise<MeasureDto[]> {
    return this.measures.list(principal.councilId, id);
  }

  @Post()
  @RequireRole('manager')
  @ApiOperation({
    summary: 'Add a measure with a target (managers)',
    description: 'A baseline is a value and its date together, before the target date.',
  })
  @ApiCreatedResponse({ type: MeasureDto })
  @ApiRefusals({ 403: 'Managers and admins only.' })
  add(
    @CurrentUser() principal: Principal,
    @Param() { id }: ActionPath,
    @Body() body: CreateMeasureDto,
  ): Promise<MeasureDto> {
    return this.measures.add(principal, id, body);
  }

  @Patch(':measureId')
  @RequireRole('manager')
  @ApiOperation({ summary: 'Change a measure (managers); the change is in the action’s history' })
  @ApiOkResponse({ type: MeasureDto })
  @ApiRefusals({ 403: 'Managers and admins only.' })
  change(
    @CurrentUser() principal: Principal,
    @Param() path: MeasurePath,
    @Body() body: UpdateMeasureDto,
  ): Promise<MeasureDto> {
    return this.measures.change(principal, path.id, path.measureId, body);
  }

  @Post(':measureId/readings')
  @ApiOperation({
    summary: 'Record a reading (the owner or a manager)',
    description: 'The value is in the measure’s unit; the date it describes is not in the future.',
  })
  @ApiCreatedResponse({ type: ReadingDto })
  @ApiRefusals({ 403: 'Staff on an action they do not own.' })
  record(
    @CurrentUser() principal: Principal,
    @Param() path: MeasurePath,
    @Body() body: RecordReadingDto,
  ): Promise<ReadingDto> {
    return this.measures.record(principal, path.id, path.measureId, body);
  }
}
