import { createValidationPipe, ErrorResponse } from '@app/common';
import { ReportReader } from '@app/actions';
import {
  BadRequestException,
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  Post,
  Req,
  UploadedFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { ReportUpload } from '../common/report-upload';
import { ExtractTextDto } from './dto/extract-text.dto';
import { ExtractionResultDto } from './dto/extraction-result.dto';
import { asHttpError } from './report-input-status';

@ApiTags('extract')
@ApiExtraModels(ExtractTextDto)
@Controller('extract')
export class ExtractController {
  constructor(private readonly reader: ReportReader) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ReportUpload()
  @ApiOperation({
    summary: 'Extract recommendations from a report',
    description:
      'Send a PDF or plain-text report as the multipart field `file`, or text as JSON `{ "text": "…" }`. ' +
      'Nothing is stored: the result is the document’s facts and every recommendation it lists.',
  })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({
    schema: {
      oneOf: [
        {
          type: 'object',
          required: ['file'],
          properties: {
            file: { type: 'string', format: 'binary', description: 'PDF or text, up to 20 MB' },
          },
        },
        { $ref: getSchemaPath(ExtractTextDto) },
      ],
    },
  })
  @ApiOkResponse({ type: ExtractionResultDto })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'No file or text, an empty file or a damaged PDF.',
  })
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'Not logged in.' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponse, description: 'Over 20 MB.' })
  @ApiUnsupportedMediaTypeResponse({
    type: ErrorResponse,
    description: 'Not a PDF or text (an image, a Word file…).',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'A PDF with no text layer (a scan) or a password.',
  })
  async extract(
    @Req() request: Request,
    @UploadedFile() file: Express.Multer.File | undefined,
    // Validated by textFrom for JSON requests: a union type keeps the global pipe off it.
    @Body() body: ExtractTextDto | Record<string, never>,
  ): Promise<ExtractionResultDto> {
    const input = file ? file.buffer : await textFrom(request, body);
    try {
      return await this.reader.extract(input);
    } catch (error) {
      throw asHttpError(error);
    }
  }
}

const validation = createValidationPipe();

/**
 * The JSON form, checked by the same pipe as every other body. It runs here rather than on the
 * parameter because a multipart request has no JSON body to validate.
 */
async function textFrom(request: Request, body: unknown): Promise<string> {
  if (!request.is('application/json')) {
    throw new BadRequestException(
      'Send the report as the multipart field "file", or as JSON { "text": "…" }.',
    );
  }
  const dto = (await validation.transform(body, {
    type: 'body',
    metatype: ExtractTextDto,
  })) as ExtractTextDto;
  if (dto.text.trim().length === 0) throw new BadRequestException('text must not be blank');
  return dto.text;
}
