import { ValidationPipe } from '@nestjs/common';

/**
 * The global pipe (registered with APP_PIPE): unknown body fields are rejected rather than
 * silently dropped, and payloads are turned into their DTO classes.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
  });
}
