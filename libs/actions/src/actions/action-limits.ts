/**
 * The sizes of an action's texts, for every way in (the API's DTOs and the pages' forms), so a
 * limit is written once; the database columns are text, so these are the only bound.
 */
export const ACTION_TITLE_MAX_LENGTH = 500;
export const ACTION_DESCRIPTION_MAX_LENGTH = 5000;
export const SUCCESS_MEASURE_MAX_LENGTH = 2000;
/** A status reason (blocked, cancelled) or a deadline's reason. */
export const REASON_MAX_LENGTH = 2000;
export const PROGRESS_NOTE_MAX_LENGTH = 5000;
export const EVIDENCE_URL_MAX_LENGTH = 2000;

/** Evidence is a link people follow from the page: https only, never javascript: or http. */
export const EVIDENCE_URL_OPTIONS = { protocols: ['https'], require_protocol: true };
