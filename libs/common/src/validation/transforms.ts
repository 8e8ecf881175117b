import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** Trims strings before validation, so "  " counts as empty and stored values are tidy. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * Query strings carry text: only "true" and "false" become booleans, anything else is left for
 * IsBoolean to reject (class-transformer would turn "no" into true).
 */
export const ToBoolean = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  );

/**
 * May be left out, but not set to null: for fields that cannot be cleared (IsOptional would let
 * null through to the database).
 */
export const OmitOrValidate = (): PropertyDecorator =>
  ValidateIf((_object: object, value: unknown) => value !== undefined);
