import { RepeatFindingsService } from '@app/inspections';
import { CurrentUser, type Principal, RequireRole } from '@app/auth';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRefusals } from '../common/api-refusals';
import {
  DecideRepeatLinkDto,
  RaisedAgainDto,
  RaisedBeforeDto,
  RepeatLinkDto,
} from './dto/repeat-link.dto';

/**
 * Repeat findings: links from an inspection's recommendations to the council's earlier ones
 * that they likely repeat, proposed on import; managers confirm or reject each.
 */
@ApiTags('inspections')
@ApiRefusals({ 401: 'No valid access token.' })
@Controller()
export class RepeatLinksController {
  constructor(private readonly repeats: RepeatFindingsService) {}

  @Get('inspections/:id/repeat-links')
  @ApiOperation({
    summary: 'Likely repeats of earlier findings, proposed for this inspection’s recommendations',
    description:
      'Each new recommendation is compared on import with every earlier recommendation of your ' +
      'council (any inspection kind); likely repeats are listed with a score, the words both ' +
      'share and what was done about the earlier one. Only your council’s recommendations are ' +
      'ever candidates.',
  })
  @ApiOkResponse({ type: [RepeatLinkDto] })
  @ApiRefusals({ 404: 'No such inspection in your council.' })
  async list(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<RepeatLinkDto[]> {
    const links = await this.repeats.listForInspection(principal.councilId, id);
    return links.map((link) => RepeatLinkDto.of(link));
  }

  @Post('inspections/:id/repeat-links/:linkId/decision')
  @RequireRole('manager')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm or reject a proposed repeat (managers)',
    description:
      'A confirmed repeat shows on the new action (“raised before”) and on the earlier ' +
      'inspection (“raised again”), and its actions cannot be verified without a note on why ' +
      'this time is different. A decision can be changed later.',
  })
  @ApiOkResponse({ type: RepeatLinkDto })
  @ApiRefusals({
    400: 'A decision other than confirmed or rejected, or unknown fields.',
    403: 'Managers and admins only.',
    404: 'No such link on this inspection in your council.',
    413: 'Body over 100 KB.',
  })
  async decide(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('linkId', new ParseUUIDPipe()) linkId: string,
    @Body() body: DecideRepeatLinkDto,
  ): Promise<RepeatLinkDto> {
    return RepeatLinkDto.of(await this.repeats.decide(principal, id, linkId, body.decision));
  }

  @Get('inspections/:id/raised-again')
  @ApiOperation({
    summary: 'Where this inspection’s findings were raised again (confirmed repeats)',
  })
  @ApiOkResponse({ type: [RaisedAgainDto] })
  @ApiRefusals({ 404: 'No such inspection in your council.' })
  async raisedAgain(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<RaisedAgainDto[]> {
    const items = await this.repeats.raisedAgain(principal.councilId, id);
    return items.map((item) => RaisedAgainDto.of(item));
  }

  @Get('actions/:id/raised-before')
  @ApiOperation({
    summary:
      'Raised before, and what was done then: confirmed earlier findings this action repeats',
  })
  @ApiOkResponse({ type: [RaisedBeforeDto] })
  @ApiRefusals({ 404: 'No such action in your council.' })
  async raisedBefore(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<RaisedBeforeDto[]> {
    const items = await this.repeats.raisedBeforeAction(principal.councilId, id);
    return items.map((item) => RaisedBeforeDto.of(item));
  }
}
