import { ImportService, InspectionsService } from '@app/inspections';
import { CurrentUser, type Principal, RequireRole } from '@app/auth';
import { Clock, londonDateOf } from '@app/common';
import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ApiRefusals } from '../common/api-refusals';
import type { Response } from 'express';
import { ReportUpload } from '../common/report-upload';
import { asHttpError } from '../extract/report-input-status';
import { ActionDetailDto } from '../actions/dto/action.dto';
import { ImportedInspectionDto } from './dto/imported-inspection.dto';
import { InspectionDetailDto } from './dto/inspection-detail.dto';
import { InspectionSummaryDto } from './dto/inspection-summary.dto';
import { OpenDraftsDto, OpenedDraftsDto } from './dto/open-drafts.dto';

@ApiTags('inspections')
@ApiRefusals({ 401: 'No valid access token.' })
@Controller('inspections')
export class InspectionsController {
  constructor(
    private readonly importer: ImportService,
    private readonly inspections: InspectionsService,
    private readonly clock: Clock,
  ) {}

  @Post()
  @RequireRole('manager')
  @HttpCode(HttpStatus.CREATED)
  // Guards run before the upload is read, so staff get their 403 before any of it arrives.
  @ReportUpload()
  @ApiOperation({
    summary: 'Import a report',
    description:
      'Send the report (PDF or plain text, up to 20 MB) as the multipart field `file`. Creates the ' +
      'inspection, its recommendations and one draft action per recommendation, with draft ' +
      'deadlines from the timescales and the council’s settings, and records the post-inspection ' +
      'action plan deadlines. The same file imported twice answers 409 with the existing ' +
      'inspection’s id and reference in `details`. Managers and admins only.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'PDF or text, up to 20 MB' },
      },
    },
  })
  @ApiCreatedResponse({ type: ImportedInspectionDto })
  @ApiRefusals({
    400: 'No file, other form fields, an empty file or a damaged PDF.',
    403: 'Staff cannot import.',
    409: 'Already imported: `details.inspectionId` and `details.reference` name the existing inspection.',
    413: 'Over 20 MB, or more pages or characters of text than the limits allow.',
    415: 'Not a PDF or text (an image, a Word file…).',
    422:
      'A PDF with no text layer (a scan) or a password, a report that took longer or needed more ' +
      'memory to read than the limits allow, or a file with no inspectorate, dates or ' +
      'recommendations in it (not an inspection document).',
    429: 'The council already has as many reports waiting to be read as it may.',
  })
  async import(
    @CurrentUser() principal: Principal,
    @UploadedFile() file: Express.Multer.File | undefined,
    // Multipart text fields land here. Typed loosely so the global pipe leaves it alone (an
    // empty DTO fails its "unknown value" check); any field at all is refused below.
    @Body() body: Record<string, unknown> | undefined,
  ): Promise<ImportedInspectionDto> {
    const unknown = Object.keys(body ?? {});
    if (unknown.length > 0) {
      throw new BadRequestException(
        unknown.map((field) => `property ${field} should not exist`).join('; '),
      );
    }
    if (!file) {
      throw new BadRequestException('Send the report as the multipart field "file".');
    }
    const imported = await this.importer
      .importReport({
        councilId: principal.councilId,
        importedById: principal.userId,
        fileName: file.originalname,
        content: file.buffer,
      })
      .catch((error: unknown) => {
        throw asHttpError(error);
      });
    const detail = await this.inspections.get(
      principal.councilId,
      imported.inspection.id,
      this.today(),
    );
    return ImportedInspectionDto.ofImport(detail, imported.actions.length, imported.notices);
  }

  @Get()
  @ApiOperation({
    summary: 'The council’s inspections',
    description: 'Most recently imported first, each with its plan deadlines and progress.',
  })
  @ApiOkResponse({ type: [InspectionSummaryDto] })
  async list(@CurrentUser() principal: Principal): Promise<InspectionSummaryDto[]> {
    const inspections = await this.inspections.list(principal.councilId, this.today());
    return inspections.map((item) => InspectionSummaryDto.of(item));
  }

  @Get(':id')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({
    summary: 'One inspection',
    description: 'Its facts, file, plan deadlines, progress and recommendations.',
  })
  @ApiOkResponse({ type: InspectionDetailDto })
  @ApiRefusals({ 400: 'The id is not a UUID.', 404: 'No such inspection in your council.' })
  async get(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<InspectionDetailDto> {
    return InspectionDetailDto.of(
      await this.inspections.get(principal.councilId, id, this.today()),
    );
  }

  @Get(':id/file')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({ summary: 'Download the file an inspection was imported from' })
  @ApiProduces('application/pdf', 'text/plain')
  @ApiOkResponse({
    description: 'The file as uploaded.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiRefusals({ 400: 'The id is not a UUID.', 404: 'No such inspection in your council.' })
  async file(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.inspections.file(principal.councilId, id);
    // attachment: never rendered inline, so a crafted text file cannot run as a page. It also
    // guesses a type from the name's extension; the type found at import replaces that guess.
    response.attachment(file.fileName);
    response.setHeader('Content-Type', file.mediaType);
    return new StreamableFile(file.content, { length: file.content.byteLength });
  }

  @Patch(':id/drafts')
  @RequireRole('manager')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOperation({
    summary: 'Fill in and open draft actions in one go, all or none (managers)',
    description:
      'Each change is made by the rules of PATCH /actions/:id, in one transaction: if any is ' +
      'refused, none is made, and the refusal names the action in `details.actionId` (and the ' +
      'field in `details.field` where it can). Assignment emails go once all have been made.',
  })
  @ApiOkResponse({ type: OpenedDraftsDto })
  @ApiRefusals({
    400: 'Invalid or unknown fields, or a deadline out of range.',
    403: 'Managers and admins only.',
    404: 'No such inspection, action on it, or owner, in your council.',
    409: 'An action is no longer a draft.',
    422: 'An action to open lacks an owner, success measure or deadline.',
  })
  async openDrafts(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: OpenDraftsDto,
  ): Promise<OpenedDraftsDto> {
    return this.inspections.openDrafts(principal, id, body.changes);
  }

  @Post(':id/recommendations/:recommendationId/actions')
  @RequireRole('manager')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'recommendationId', format: 'uuid' })
  @ApiOperation({
    summary: 'Split a recommendation: add another draft action to it (managers)',
    description:
      'The draft is titled from the recommendation, takes its next reference ' +
      '(`STK-2026-R5-2`) and starts with the deadline of the recommendation’s first action.',
  })
  @ApiCreatedResponse({ type: ActionDetailDto })
  @ApiRefusals({
    400: 'An id is not a UUID.',
    403: 'Managers and admins only.',
    404: 'No such inspection, or recommendation on it, in your council.',
  })
  async split(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('recommendationId', new ParseUUIDPipe()) recommendationId: string,
  ): Promise<ActionDetailDto> {
    const { action } = await this.inspections.splitRecommendation(principal, id, recommendationId);
    return action;
  }

  private today(): string {
    return londonDateOf(this.clock.now());
  }
}
