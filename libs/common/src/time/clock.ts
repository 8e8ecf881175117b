/**
 * The current time, injected so tests can fix it:
 * `{ provide: Clock, useValue: fixedClock('2025-01-01T09:00Z') }`.
 */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`fixedClock: not a date: ${iso}`);
  return { now: () => new Date(at) };
}

/** Deadlines are calendar days in England, whatever the server's own time zone. */
export const COUNCIL_TIME_ZONE = 'Europe/London';

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: COUNCIL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The ISO date (YYYY-MM-DD) it is in England at `at`. */
export function londonDateOf(at: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return londonDate.format(at);
}
