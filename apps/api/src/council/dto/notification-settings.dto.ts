import { OmitOrValidate } from '@app/common';
import type { NotificationSettings } from '@app/people';
import {
  ESCALATE_AFTER_DAYS_LIMITS,
  REMINDER_OFFSET_LIMITS,
  type ReminderPolicy,
} from '@app/reminders';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  Max,
  Min,
} from 'class-validator';

const OFFSETS = {
  example: [28, 14, 7, 1, 0],
  description: `Days before a deadline the owner is reminded (0 = on the day); 1-${REMINDER_OFFSET_LIMITS.maxCount} of them.`,
};
const ADMINS_AFTER = {
  example: 28,
  description: 'Admins are told too once an action is overdue by more than this; null = never.',
};

/** PATCH /council `notifications`: any of these; the rest stay as they are. */
export class UpdateNotificationSettingsDto implements NotificationSettings {
  @ApiPropertyOptional({ ...OFFSETS, type: [Number] })
  @OmitOrValidate()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REMINDER_OFFSET_LIMITS.maxCount)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(REMINDER_OFFSET_LIMITS.min, { each: true })
  @Max(REMINDER_OFFSET_LIMITS.max, { each: true })
  reminderOffsets?: number[];

  @ApiPropertyOptional({ example: true, description: 'Email the new owner of an action.' })
  @OmitOrValidate()
  @IsBoolean()
  assignment?: boolean;

  @ApiPropertyOptional({ example: true, description: 'Remind the owner weekly while overdue.' })
  @OmitOrValidate()
  @IsBoolean()
  ownerOverdue?: boolean;

  @ApiPropertyOptional({
    example: true,
    description: 'Tell the owner’s line manager on the first day overdue and weekly after.',
  })
  @OmitOrValidate()
  @IsBoolean()
  escalateToLineManager?: boolean;

  @ApiPropertyOptional({
    ...ADMINS_AFTER,
    type: Number,
    nullable: true,
    minimum: ESCALATE_AFTER_DAYS_LIMITS.min,
    maximum: ESCALATE_AFTER_DAYS_LIMITS.max,
  })
  @IsOptional()
  @IsInt()
  @Min(ESCALATE_AFTER_DAYS_LIMITS.min)
  @Max(ESCALATE_AFTER_DAYS_LIMITS.max)
  escalateToAdminsAfterDays?: number | null;

  @ApiPropertyOptional({ example: true, description: 'Monday summary for managers.' })
  @OmitOrValidate()
  @IsBoolean()
  weeklyDigest?: boolean;
}

/** The reminder rules in force for the council: its own choices over the deployment's. */
export class NotificationSettingsDto {
  @ApiProperty({ ...OFFSETS, type: [Number] })
  reminderOffsets!: number[];

  @ApiProperty({ example: true })
  assignment!: boolean;

  @ApiProperty({ example: true })
  ownerOverdue!: boolean;

  @ApiProperty({ example: true })
  escalateToLineManager!: boolean;

  @ApiProperty({ ...ADMINS_AFTER, type: Number, nullable: true })
  escalateToAdminsAfterDays!: number | null;

  @ApiProperty({ example: true })
  weeklyDigest!: boolean;

  @ApiProperty({ example: 8, description: 'Hour in England reminders go out (deployment-wide).' })
  sendHour!: number;

  @ApiProperty({
    example: true,
    description: 'Weekends and bank holidays skipped (deployment-wide).',
  })
  workingDaysOnly!: boolean;

  static of(policy: ReminderPolicy): NotificationSettingsDto {
    return {
      reminderOffsets: [...policy.offsets],
      assignment: policy.assignment,
      ownerOverdue: policy.ownerOverdue,
      escalateToLineManager: policy.escalateToLineManager,
      escalateToAdminsAfterDays: policy.escalateToAdminsAfterDays,
      weeklyDigest: policy.weeklyDigest,
      sendHour: policy.sendHour,
      workingDaysOnly: policy.workingDaysOnly,
    };
  }
}
