import { SuggestionsService } from '@app/inspections';
import { CurrentUser, type Principal, RequireRole } from '@app/auth';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRefusals } from '../common/api-refusals';
import { AcceptedSuggestionDto, DismissSuggestionDto, SuggestionDto } from './dto/suggestion.dto';

/** Weaknesses an inspection's report states in prose, for managers to accept or dismiss. */
@ApiTags('inspections')
@ApiRefusals({
  401: 'No valid access token.',
  404: 'No such inspection or suggestion in your council.',
})
@Controller('inspections/:id/suggestions')
export class SuggestionsController {
  constructor(private readonly suggestions: SuggestionsService) {}

  @Get()
  @ApiOperation({ summary: 'Weaknesses stated in the report’s prose, in document order' })
  @ApiOkResponse({ type: [SuggestionDto] })
  async list(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<SuggestionDto[]> {
    const suggestions = await this.suggestions.list(principal.councilId, id);
    return suggestions.map((suggestion) => SuggestionDto.of(suggestion));
  }

  @Post(':suggestionId/accept')
  @RequireRole('manager')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Turn a suggestion into a recommendation with a draft action (managers)',
    description:
      'The recommendation quotes the report and is marked `source: suggestion`; the draft ' +
      'action gets the council’s default deadline. Then PATCH /actions/:id to assign and open it.',
  })
  @ApiOkResponse({ type: AcceptedSuggestionDto })
  @ApiRefusals({ 403: 'Managers and admins only.', 409: 'Already accepted or dismissed.' })
  async accept(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('suggestionId', new ParseUUIDPipe()) suggestionId: string,
  ): Promise<AcceptedSuggestionDto> {
    const { suggestion, action } = await this.suggestions.accept(principal, id, suggestionId);
    return {
      suggestion: SuggestionDto.of(suggestion),
      action: {
        id: action.id,
        reference: action.reference,
        title: action.title,
        dueOn: action.dueOn,
        status: action.status,
      },
    };
  }

  @Post(':suggestionId/dismiss')
  @RequireRole('manager')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dismiss a suggestion, saying why (managers)' })
  @ApiOkResponse({ type: SuggestionDto })
  @ApiRefusals({
    400: 'No reason, or unknown fields.',
    403: 'Managers and admins only.',
    409: 'Already accepted or dismissed.',
  })
  async dismiss(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('suggestionId', new ParseUUIDPipe()) suggestionId: string,
    @Body() body: DismissSuggestionDto,
  ): Promise<SuggestionDto> {
    return SuggestionDto.of(
      await this.suggestions.dismiss(principal, id, suggestionId, body.reason),
    );
  }
}
