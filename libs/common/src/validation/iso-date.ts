import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches, ValidateBy } from 'class-validator';
import { londonDateOf } from '../time/clock';
import { dateRangeMessage, isDateInRange } from '../time/date-range';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date, exactly YYYY-MM-DD, real (2026-02-30 is refused) and in the believable
 * range (2000-01-01 to ten years ahead, see date-range.ts): every date a request carries.
 *
 * The range is read against the system date, not the injected Clock: class-validator builds
 * its constraints outside Nest's injector (its container is one per process, not per app), and
 * with a bound ten years out a clock that differs by days changes nothing anyone would type.
 * Services that hold a Clock apply the same rule with it.
 */
export function IsIsoDate(): PropertyDecorator {
  return applyDecorators(
    Matches(ISO_DATE, { message: '$property must be a date as YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a real date as YYYY-MM-DD' }),
    ValidateBy({
      name: 'isDateInRange',
      validator: {
        // Only a well-formed date is judged here; the two checks above speak for the rest.
        validate: (value: unknown) =>
          typeof value !== 'string' ||
          !ISO_DATE.test(value) ||
          isDateInRange(value, londonDateOf(new Date())),
        defaultMessage: (args) =>
          dateRangeMessage(args?.property ?? 'date', londonDateOf(new Date())),
      },
    }),
  );
}
