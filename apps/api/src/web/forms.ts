import { findNul } from '@app/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/** A GOV.UK error summary entry: the message, and a link to the field it is about. */
export interface ErrorLink {
  text: string;
  href: string;
}

export type FormResult<T> =
  { ok: true; value: T } | { ok: false; fieldErrors: Record<string, string>; errors: ErrorLink[] };

/**
 * A posted form, validated by a class-validator class the way the API validates JSON: unknown
 * fields refused, one message per field (the first), in the class's field order. The CSRF field
 * is checked elsewhere and dropped here. Messages are shown to people, so write them as GOV.UK
 * error messages ("Enter a reason").
 */
export function readForm<T extends object>(
  type: new () => T,
  body: unknown,
  fieldIds: Partial<Record<keyof T & string, string>> = {},
): FormResult<T> {
  const fields = { ...((body ?? {}) as Record<string, unknown>) };
  delete fields._csrf;
  const fieldErrors: Record<string, string> = {};
  const nul = findNul(fields);
  if (nul) fieldErrors[nul.split('.')[0]] = 'Remove the invisible control characters';
  const value = plainToInstance(type, fields);
  const problems = validateSync(value, { whitelist: true, forbidNonWhitelisted: true });
  for (const problem of problems) {
    if (fieldErrors[problem.property]) continue;
    const messages = Object.values(problem.constraints ?? {});
    fieldErrors[problem.property] = problem.constraints?.whitelistValidation
      ? 'This form has a field it does not expect; reload the page and try again'
      : (messages[messages.length - 1] ?? 'Check this answer');
  }
  const keys = Object.keys(fieldErrors);
  if (keys.length === 0) return { ok: true, value };
  return {
    ok: false,
    fieldErrors,
    errors: keys.map((key) => ({
      text: fieldErrors[key],
      href: `#${fieldIds[key as keyof T & string] ?? key}`,
    })),
  };
}

/** `path?a=1&b=2` with empty values left out, for links that keep a page's filters. */
export function withQuery(
  path: string,
  params: Record<string, string | number | undefined | null>,
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
