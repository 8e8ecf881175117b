export { exitOnBootFailure } from './bootstrap/exit-on-boot-failure';
export { ErrorResponse } from './errors/error-response';
export { HttpErrorFilter } from './errors/http-error.filter';
export { checkWithin, type HealthCheckOptions } from './health/check-within';
export {
  BODY_POLICY,
  BodyLimit,
  type BodyPolicy,
  DEFAULT_BODY_POLICY,
  formatBytes,
} from './http/body-limit';
export { hangUpOnUnreadBody } from './http/hang-up-unread-body';
export { refusalDetailsOf } from './http/refusal-details';
export { RequestBodyGuard } from './http/request-body.guard';
export { isServiceUnavailable } from './errors/service-unavailable';
export { retryAfterOf, TryAgainLater } from './errors/try-again-later';
export { isHealthCheck, loggerParams, REDACTED_PATHS } from './logging/logger-options';
export { LoggingModule, type LoggingModuleOptions } from './logging/logging.module';
export {
  ensureRequestId,
  isValidRequestId,
  REQUEST_ID_HEADER,
  requestIdMiddleware,
} from './logging/request-id';
export { createValidationPipe, findNul } from './validation/validation-pipe';
export { groupBy } from './group-by';
export { dateInWords, daysBetween, isoDateOf, shiftDate, utcMidnight } from './time/calendar-dates';
export { ClockModule } from './time/clock.module';
export { Clock, COUNCIL_TIME_ZONE, fixedClock, londonDateOf, SystemClock } from './time/clock';
export {
  dateRange,
  dateRangeMessage,
  EARLIEST_DATE,
  isDateInRange,
  YEARS_AHEAD,
  type DateRange,
} from './time/date-range';
export { withTimeout } from './time/with-timeout';
export { addWorkingDays, bankHolidays, isWorkingDay } from './time/working-days';
export { IsIsoDate } from './validation/iso-date';
export { OmitOrValidate, ToBoolean, Trim } from './validation/transforms';
export { definedOnly } from './defined-only';
