import { type ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';

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

/** The properties a DTO class declares (with any class-validator decorator), inherited too. */
function declaredProperties(metatype: ArgumentMetadata['metatype']): Set<string> | null {
  if (typeof metatype !== 'function') return null;
  const declared = getMetadataStorage().getTargetValidationMetadatas(metatype, '', true, false);
  return declared.length > 0 ? new Set(declared.map((m) => m.propertyName)) : null;
}

/**
 * Unknown top-level fields are split off before anything walks the body, so a large body of junk
 * is turned away after one pass over its keys, not after being transformed and searched in
 * full. Worded as class-validator words the same refusal.
 */
function splitUnknownFields(
  value: unknown,
  metadata: ArgumentMetadata,
): { known: Record<string, unknown>; refusals: string[] } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const declared = declaredProperties(metadata.metatype);
  if (!declared) return null;
  const known: Record<string, unknown> = {};
  const refusals: string[] = [];
  for (const key of Object.keys(value)) {
    if (declared.has(key)) known[key] = (value as Record<string, unknown>)[key];
    else if (refusals.length < 10) refusals.push(`property ${key.slice(0, 100)} should not exist`);
  }
  return refusals.length > 0 ? { known, refusals } : null;
}

const nulRefusal = (field: string): string => `${field} must not contain NUL (\\u0000) characters`;

/** The messages of a refusal from ValidationPipe (one per problem). */
function messagesOf(error: BadRequestException): string[] {
  const { message } = error.getResponse() as { message?: unknown };
  return Array.isArray(message) ? message.map(String) : [error.message];
}

/**
 * Postgres cannot store a NUL character in text and answers with an error, so strings holding
 * one are refused here, with a 400 naming the field, before any code sees them.
 */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // A custom parameter (a page's posted form) brings its own pipe, as ValidationPipe assumes.
    if (metadata.type === 'custom') return value;
    const unknown = splitUnknownFields(value, metadata);
    if (unknown) {
      const problems = await this.problems(unknown.known, metadata);
      throw new BadRequestException([...problems, ...unknown.refusals]);
    }
    const field = findNul(value);
    if (field) throw new BadRequestException(nulRefusal(field));
    return super.transform(value, metadata);
  }

  /** What else is wrong with the declared fields, to say in the same refusal. */
  private async problems(
    known: Record<string, unknown>,
    metadata: ArgumentMetadata,
  ): Promise<string[]> {
    const field = findNul(known);
    if (field) return [nulRefusal(field)];
    try {
      await super.transform(known, metadata);
      return [];
    } catch (error) {
      if (error instanceof BadRequestException) return messagesOf(error);
      throw error;
    }
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
