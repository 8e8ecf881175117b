import { AccountField, SsoField, type SsoSettingsInput } from '@app/auth';
import { CreateOrganisationDto } from '../../organisations/dto/organisation.dto';
import {
  DEFAULT_WINDOW_MONTHS,
  IMMEDIATE_WINDOW_DAYS,
  MEASURE_TOLERANCE_PERCENT,
  type Role,
} from '@app/people';
import {
  type CouncilSettingsChanges,
  ESCALATE_AFTER_DAYS_LIMITS,
  REMINDER_OFFSET_LIMITS,
} from '@app/reminders';
import { PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  IsUUID,
  ValidateIf,
} from 'class-validator';

/** The emails a council can switch on or off, as the checkboxes on the council settings page. */
export const NOTIFY_OPTIONS = [
  'assignment',
  'ownerOverdue',
  'escalateToLineManager',
  'weeklyDigest',
] as const;
export type NotifyOption = (typeof NOTIFY_OPTIONS)[number];

/** A select's "None" is an empty string: treat it as left out. */
const blank = (value: unknown): boolean => value === undefined || value === null || value === '';

/** "14" → 14; anything that is not a whole number is left as typed, for IsInt to refuse. */
const toWholeNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value.trim()) : value;

/** "28, 14, 7, 1, 0" → [28, 14, 7, 1, 0]; a part that is not a whole number stays text. */
const toDayList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(/[\s,]+/)
        .filter((part) => part !== '')
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
    : value;

/** A lone ticked checkbox arrives as text, several as a list. */
const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? [value] : value;

// A person's fields have the account's rules (limits and messages), as the API's user DTOs do.

/** The select's "No line manager" is an empty value: only someone chosen is checked. */
const LineManager = (): PropertyDecorator => (target, key) => {
  AccountField.LineManager()(target, key);
  ValidateIf((form: { lineManagerId?: unknown }) => !blank(form.lineManagerId))(target, key);
};

/** A select's chosen organisation, or '' for none (its rules when chosen). */
const PartnerOrganisation = (): PropertyDecorator => (target, key) => {
  AccountField.Organisation()(target, key);
  ValidateIf((form: { organisationId?: unknown }) => !blank(form.organisationId))(target, key);
};

/** /admin/users/new: a new person in the admin's council. */
export class NewUserForm {
  @AccountField.Name()
  name!: string;

  @AccountField.Email()
  email!: string;

  @AccountField.Role()
  role!: Role;

  @IsOptional()
  @AccountField.Team()
  team?: string;

  @LineManager()
  lineManagerId?: string;

  @PartnerOrganisation()
  organisationId?: string;

  @AccountField.Password('Enter an initial password')
  password!: string;
}

/** /admin/users/:id: who they are and where they sit. */
export class UserDetailsForm {
  @AccountField.Name()
  name!: string;

  @AccountField.Email()
  email!: string;

  /** Left out for the admin's own account: nobody changes their own role. */
  @IsOptional()
  @AccountField.Role()
  role?: Role;

  @IsOptional()
  @AccountField.Team()
  team?: string;

  @LineManager()
  lineManagerId?: string;

  @PartnerOrganisation()
  organisationId?: string;
}

/** /admin/users/:id/status: disable or enable the account. */
export class AccountStatusForm {
  @IsIn(['disable', 'enable'], { message: 'Choose whether to disable or enable the account' })
  change!: 'disable' | 'enable';
}

/** /admin/users/:id/password: an admin sets a new password (every session of theirs ends). */
export class ResetPasswordForm {
  @AccountField.Password('Enter a new password')
  password!: string;
}

/** /admin/council: deadline windows and the reminder rules (what PATCH /api/council takes). */
export class CouncilSettingsForm {
  @IsInt({ message: 'Enter the days for "immediately" as a whole number, like 14' })
  @Min(IMMEDIATE_WINDOW_DAYS.min, {
    message: `Days for "immediately" must be ${IMMEDIATE_WINDOW_DAYS.min} or more`,
  })
  @Max(IMMEDIATE_WINDOW_DAYS.max, {
    message: `Days for "immediately" must be ${IMMEDIATE_WINDOW_DAYS.max} or fewer`,
  })
  @Transform(toWholeNumber)
  immediateWindowDays!: number;

  @IsInt({ message: 'Enter the months when no timescale is given as a whole number, like 6' })
  @Min(DEFAULT_WINDOW_MONTHS.min, {
    message: `Months when no timescale is given must be ${DEFAULT_WINDOW_MONTHS.min} or more`,
  })
  @Max(DEFAULT_WINDOW_MONTHS.max, {
    message: `Months when no timescale is given must be ${DEFAULT_WINDOW_MONTHS.max} or fewer`,
  })
  @Transform(toWholeNumber)
  defaultWindowMonths!: number;

  @IsInt({ message: 'Enter how far behind a measure may be as a whole number, like 10' })
  @Min(MEASURE_TOLERANCE_PERCENT.min, {
    message: `How far behind a measure may be must be ${MEASURE_TOLERANCE_PERCENT.min}% or more`,
  })
  @Max(MEASURE_TOLERANCE_PERCENT.max, {
    message: `How far behind a measure may be must be ${MEASURE_TOLERANCE_PERCENT.max}% or less`,
  })
  @Transform(toWholeNumber)
  measureTolerancePercent!: number;

  @IsArray({ message: 'Enter at least one reminder day, like 28, 14, 7, 1, 0' })
  @ArrayMinSize(1, { message: 'Enter at least one reminder day, like 28, 14, 7, 1, 0' })
  @IsInt({
    each: true,
    message: 'Enter reminder days as whole numbers separated by commas, like 28, 14, 7, 1, 0',
  })
  @ArrayMaxSize(REMINDER_OFFSET_LIMITS.maxCount, {
    message: `Enter no more than ${REMINDER_OFFSET_LIMITS.maxCount} reminder days`,
  })
  @Min(REMINDER_OFFSET_LIMITS.min, {
    each: true,
    message: `Reminder days must be between ${REMINDER_OFFSET_LIMITS.min} and ${REMINDER_OFFSET_LIMITS.max}`,
  })
  @Max(REMINDER_OFFSET_LIMITS.max, {
    each: true,
    message: `Reminder days must be between ${REMINDER_OFFSET_LIMITS.min} and ${REMINDER_OFFSET_LIMITS.max}`,
  })
  @ArrayUnique({ message: 'Enter each reminder day only once' })
  @Transform(toDayList)
  reminderOffsets!: number[];

  @ValidateIf((form: CouncilSettingsForm) => !blank(form.escalateToAdminsAfterDays))
  @IsInt({
    message: 'Enter the days overdue before admins are told as a whole number, or leave it empty',
  })
  @Min(ESCALATE_AFTER_DAYS_LIMITS.min, {
    message: `Days overdue before admins are told must be ${ESCALATE_AFTER_DAYS_LIMITS.min} or more`,
  })
  @Max(ESCALATE_AFTER_DAYS_LIMITS.max, {
    message: `Days overdue before admins are told must be ${ESCALATE_AFTER_DAYS_LIMITS.max} or fewer`,
  })
  @Transform(toWholeNumber)
  escalateToAdminsAfterDays?: number | '';

  @IsOptional()
  @IsArray({ message: 'Select the emails to send from the list' })
  @IsIn(NOTIFY_OPTIONS, { each: true, message: 'Select the emails to send from the list' })
  @Transform(toList)
  notify?: NotifyOption[];
}

/** The council settings form as the change PATCH /api/council makes: unticked boxes are off. */
export function councilChangesOf(form: CouncilSettingsForm): CouncilSettingsChanges {
  const after = form.escalateToAdminsAfterDays;
  const notify = form.notify ?? [];
  return {
    immediateWindowDays: form.immediateWindowDays,
    defaultWindowMonths: form.defaultWindowMonths,
    measureTolerancePercent: form.measureTolerancePercent,
    notifications: {
      reminderOffsets: form.reminderOffsets,
      escalateToAdminsAfterDays: typeof after === 'number' ? after : null,
      assignment: notify.includes('assignment'),
      ownerOverdue: notify.includes('ownerOverdue'),
      escalateToLineManager: notify.includes('escalateToLineManager'),
      weeklyDigest: notify.includes('weeklyDigest'),
    },
  };
}

/**
 * /admin/organisations/:id: the API's rules for the name and kind; the selects send '' for
 * "nobody", which the API would refuse as no id.
 */
export class OrganisationForm extends PickType(CreateOrganisationDto, ['name', 'kind'] as const) {
  @ValidateIf((form: { leadId?: unknown }) => !blank(form.leadId))
  @IsUUID('all', { message: 'Select the partner’s lead from the list' })
  leadId?: string;

  @ValidateIf((form: { councilLeadId?: unknown }) => !blank(form.councilLeadId))
  @IsUUID('all', { message: 'Select the council lead from the list' })
  councilLeadId?: string;
}

/** Radios answer "yes" or "no"; anything else is left for IsBoolean to refuse. */
const toYesNo = ({ value }: { value: unknown }): unknown =>
  value === 'yes' ? true : value === 'no' ? false : value;

/** /admin/council/sso: the council's OpenID Connect provider (what PUT /api/council/sso takes). */
export class SsoSettingsForm {
  @SsoField.Issuer()
  issuer!: string;

  @SsoField.ClientId()
  clientId!: string;

  /** Left empty once one is stored: the stored one is kept. */
  @ValidateIf((form: SsoSettingsForm) => !blank(form.clientSecret))
  @SsoField.ClientSecret()
  clientSecret?: string;

  @SsoField.PasswordsAllowed()
  @Transform(toYesNo)
  passwordsAllowed!: boolean;

  @SsoField.CreateStaff()
  @Transform(toYesNo)
  createStaffOnFirstSignIn!: boolean;
}

/** The form as the change PUT /api/council/sso makes: an empty secret keeps the stored one. */
export function ssoSettingsOf(form: SsoSettingsForm): SsoSettingsInput {
  return {
    issuer: form.issuer,
    clientId: form.clientId,
    clientSecret: blank(form.clientSecret) ? undefined : form.clientSecret,
    passwordsAllowed: form.passwordsAllowed,
    createStaffOnFirstSignIn: form.createStaffOnFirstSignIn,
  };
}
