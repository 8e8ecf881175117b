import { CurrentUser, type Principal, RequireRole } from '@app/auth';
import { ActionRagService } from '@app/measures';
import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRefusals } from '../common/api-refusals';
import { ActionPath } from './dto/measure.dto';
import { ActionRagDto, OverrideRagDto } from './dto/rag.dto';

/** An action's RAG from its deadline and measures, and a manager's override with a reason. */
@ApiTags('measures')
@ApiBearerAuth()
@ApiRefusals({
  400: 'The id is not a UUID, or the body is invalid (unknown fields, no reason).',
  401: 'No valid session.',
  404: 'No such action in your council.',
})
@Controller('actions/:id/rag')
export class RagController {
  constructor(private readonly rag: ActionRagService) {}

  @Get()
  @ApiOperation({ summary: 'An action’s RAG: computed, overridden, and the one that counts' })
  @ApiOkResponse({ type: ActionRagDto })
  get(@CurrentUser() principal: Principal, @Param() { id }: ActionPath): Promise<ActionRagDto> {
    return this.rag.ratingOf(principal.councilId, id);
  }

  @Put('override')
  @RequireRole('manager')
  @ApiOperation({
    summary: 'Override an action’s RAG with a reason (managers)',
    description: 'Shown beside the computed RAG, and kept in the action’s history.',
  })
  @ApiOkResponse({ type: ActionRagDto })
  @ApiRefusals({ 403: 'Managers and admins only.' })
  override(
    @CurrentUser() principal: Principal,
    @Param() { id }: ActionPath,
    @Body() body: OverrideRagDto,
  ): Promise<ActionRagDto> {
    return this.rag.override(principal, id, body);
  }

  @Delete('override')
  @RequireRole('manager')
  @ApiOperation({ summary: 'Go back to the computed RAG (managers)' })
  @ApiOkResponse({ type: ActionRagDto })
  @ApiRefusals({ 403: 'Managers and admins only.' })
  clear(@CurrentUser() principal: Principal, @Param() { id }: ActionPath): Promise<ActionRagDto> {
    return this.rag.clear(principal, id);
  }
}
