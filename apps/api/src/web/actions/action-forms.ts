import {
  ACTION_STATUSES,
  type ActionStatus,
  EVIDENCE_URL_MAX_LENGTH,
  EVIDENCE_URL_OPTIONS,
  PROGRESS_NOTE_MAX_LENGTH,
  REASON_MAX_LENGTH,
  SUCCESS_MEASURE_MAX_LENGTH,
} from '@app/actions';
import { Trim } from '@app/common';
import { IsIn, IsString, IsUrl, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { DatePart, given, OptionalText, RequiredText } from '../forms';

// The limits are the API's (apps/api/src/actions/dto/*.dto.ts), from @app/actions; the
// messages are the pages' own, in GOV.UK words. Whether a reason is needed (blocked, a deadline
// out of draft) is ActionsService's rule: its refusal is shown on the field (action-refusals).

/** "" → undefined, for optional fields after validation. */
export const orNothing = (value: string | undefined): string | undefined =>
  value === undefined || value === '' ? undefined : value;

/*
 * When several rules fail, readForm shows the message of the rule listed first on the field,
 * so each field lists its "Enter …" rule before its format and size rules.
 */

/** POST /actions/:id/status: the next status, and a reason (needed for blocked). */
export class StatusForm {
  @IsIn(ACTION_STATUSES, { message: 'Select the new status' })
  status!: ActionStatus;

  @OptionalText(REASON_MAX_LENGTH, 'Reason', 'Enter a reason')
  statusReason?: string;
}

/**
 * POST /actions/:id/verify (managers): on a repeat finding, what is different this time (the
 * service refuses verifying one without it; kept in the history as the status change's reason).
 */
export class VerifyForm {
  @OptionalText(
    REASON_MAX_LENGTH,
    'What is different this time',
    'Enter what is different this time',
  )
  verifyNote?: string;
}

/** POST /actions/:id/progress: a progress note and, optionally, a link to evidence. */
export class ProgressForm {
  @RequiredText(PROGRESS_NOTE_MAX_LENGTH, 'Progress note', 'Enter a progress note')
  note!: string;

  @ValidateIf(given)
  @IsUrl(EVIDENCE_URL_OPTIONS, {
    message: 'Enter a link to the evidence that starts with https://',
  })
  @MaxLength(EVIDENCE_URL_MAX_LENGTH, {
    message: `Evidence link must be ${EVIDENCE_URL_MAX_LENGTH} characters or fewer`,
  })
  @IsString({ message: 'Enter a link to the evidence that starts with https://' })
  @Trim()
  evidenceUrl?: string;
}

/** POST /actions/:id/owner (managers): who owns the action. */
export class OwnerForm {
  @IsUUID('all', { message: 'Select who will own this action' })
  ownerId!: string;
}

/** POST /actions/:id/success-measure (managers). */
export class SuccessMeasureForm {
  @RequiredText(SUCCESS_MEASURE_MAX_LENGTH, 'Success measure', 'Enter a success measure')
  successMeasure!: string;
}

/**
 * POST /actions/:id/deadline (managers): the GOV.UK date input's three fields, checked together
 * by `dateFromParts`, and the reason (needed once the action has left draft).
 */
export class DeadlineForm {
  @DatePart('Enter the day of the new deadline')
  dueDay?: string;

  @DatePart('Enter the month of the new deadline')
  dueMonth?: string;

  @DatePart('Enter the year of the new deadline')
  dueYear?: string;

  @OptionalText(REASON_MAX_LENGTH, 'Reason', 'Enter a reason for the new deadline')
  dueOnReason?: string;
}

/** POST /actions/:id/cancel (managers). */
export class CancelForm {
  @RequiredText(REASON_MAX_LENGTH, 'Reason', 'Enter why the action is cancelled')
  cancelReason!: string;
}
