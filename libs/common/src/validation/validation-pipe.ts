import { type ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';

/** The first string inside `value` (at any depth) that holds a NUL character, if any. */
export function findNul(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'value' : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = findNul(item, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return undefined;
}

/**
 * Postgres cannot store a NUL character in text and answers with an error, so strings holding
 * one are refused here, with a 400 naming the field, before any code sees them.
 */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const field = findNul(value);
    if (field) throw new BadRequestException(`${field} must not contain NUL (\\u0000) characters`);
    return super.transform(value, metadata);
  }
}

/**
 * The global pipe (registered with APP_PIPE): unknown body fields are rejected rather than
 * silently dropped, and payloads are turned into their DTO classes.
 */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
  });
}
