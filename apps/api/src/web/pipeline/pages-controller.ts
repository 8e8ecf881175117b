import {
  applyDecorators,
  Controller,
  HttpStatus,
  ParseUUIDPipe,
  SetMetadata,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IS_PAGE } from '../page-guards';
import { WebExceptionFilter } from '../web-exception.filter';
import { PageInterceptor } from './page.interceptor';

/**
 * A controller of web pages: left out of the API docs, signed in by the session cookies rather
 * than a bearer token (SessionGuard reads IS_PAGE), its answers made by PageInterceptor and its
 * errors shown as pages.
 */
export const PagesController = (path = ''): ClassDecorator =>
  applyDecorators(
    ApiExcludeController(),
    SetMetadata(IS_PAGE, true),
    UseFilters(WebExceptionFilter),
    UseInterceptors(PageInterceptor),
    Controller(path),
  );

/** An id in a page's address: anything but a UUID is a page that does not exist (404). */
export const pageId = new ParseUUIDPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND });
