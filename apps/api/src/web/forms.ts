import { dateRange, findNul, isDateInRange, Trim } from '@app/common';
import { applyDecorators, type HttpException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength, ValidateIf, validateSync } from 'class-validator';
import { longDate } from './view-models';

/** A GOV.UK error summary entry: the message, and a link to the field it is about. */
export interface ErrorLink {
  text: string;
  href: string;
}

/** Left empty: an input or textarea with nothing typed in it arrives as "". */
export const given = (_: object, value: unknown): boolean => value !== undefined && value !== '';

// Applied in this order, the rules are those of the decorators written top-down as
// @ValidateIf(given) (or @IsNotEmpty) @MaxLength @IsString @Trim: readForm shows the last message
// registered.

/** One box of a GOV.UK date input, which may be left empty (dateFromParts says what is missing). */
export const DatePart = (message: string): PropertyDecorator =>
  applyDecorators(Trim(), IsString({ message }), ValidateIf(given));

/** Text that must be given, of at most `max` characters: `enter` when missing, `name` in its limit. */
export const RequiredText = (max: number, name: string, enter: string): PropertyDecorator =>
  applyDecorators(
    Trim(),
    IsString({ message: enter }),
    MaxLength(max, { message: `${name} must be ${max} characters or fewer` }),
    IsNotEmpty({ message: enter }),
  );

/** Optional text of at most `max` characters: `enter` when it is not text, `name` in its limit. */
export const OptionalText = (max: number, name: string, enter: string): PropertyDecorator =>
  applyDecorators(
    Trim(),
    IsString({ message: enter }),
    MaxLength(max, { message: `${name} must be ${max} characters or fewer` }),
    ValidateIf(given),
  );

type FormResult<T> =
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
  const [nulField] = nul ? nul.split('.') : [];
  if (nulField !== undefined) fieldErrors[nulField] = 'Remove the invisible control characters';
  const value = plainToInstance(type, fields);
  const problems = validateSync(value, { whitelist: true, forbidNonWhitelisted: true });
  for (const problem of problems) {
    if (fieldErrors[problem.property]) continue;
    const messages = Object.values(problem.constraints ?? {});
    fieldErrors[problem.property] = problem.constraints?.whitelistValidation
      ? 'This form has a field it does not expect; reload the page and try again'
      : (messages[messages.length - 1] ?? 'Check this answer');
  }
  const entries = Object.entries(fieldErrors);
  if (entries.length === 0) return { ok: true, value };
  return {
    ok: false,
    fieldErrors,
    errors: entries.map(([key, text]) => ({
      text,
      href: `#${fieldIds[key as keyof T & string] ?? key}`,
    })),
  };
}

/** A form shown again: the error summary, each field's message, and what was typed. */
export interface FormState<V = Record<string, unknown>> {
  errors: ErrorLink[];
  fieldErrors: Record<string, string>;
  values: V;
}

/** A form with no errors yet, showing `values`. */
export const noErrors = (values: Record<string, unknown> = {}): FormState => ({
  errors: [],
  fieldErrors: {},
  values,
});

/** The field a domain refusal is about (`details.field`), when it names one. */
export function refusedField(error: HttpException): string | undefined {
  const response = error.getResponse();
  const details =
    typeof response === 'object' && response !== null
      ? (response as { details?: { field?: unknown } }).details
      : undefined;
  return typeof details?.field === 'string' ? details.field : undefined;
}

const PARTS = { day: 'day', month: 'month', year: 'year' } as const;
export type DatePart = keyof typeof PARTS;

/**
 * The three boxes of a GOV.UK date input as an ISO date, or the error message for them
 * (GOV.UK wording: "… must include a month", "… must be a real date", "… must be between …"):
 * the API's rule for dates (2000 to ten years after `today`), said on the field.
 */
export function dateFromParts(
  parts: { day?: string; month?: string; year?: string },
  today: string,
  what = 'The new deadline',
): { ok: true; iso: string } | { ok: false; message: string; parts: DatePart[] } {
  const missing = (Object.keys(PARTS) as DatePart[]).filter((part) => !parts[part]);
  if (missing.length === 3) return { ok: false, message: `Enter ${what.toLowerCase()}`, parts: [] };
  if (missing.length > 0) {
    return {
      ok: false,
      message: `${what} must include a ${missing.join(' and ')}`,
      parts: missing,
    };
  }
  const day = parts.day ?? '';
  const month = parts.month ?? '';
  const year = parts.year ?? '';
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { ok: false, message: `${what} must be a real date`, parts: [] };
  }
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return { ok: false, message: `${what} must be a real date`, parts: [] };
  }
  const iso = date.toISOString().slice(0, 10);
  if (!isDateInRange(iso, today)) {
    const { earliest, latest } = dateRange(today);
    return {
      ok: false,
      message: `${what} must be between ${longDate(earliest)} and ${longDate(latest)}`,
      parts: [],
    };
  }
  return { ok: true, iso };
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
