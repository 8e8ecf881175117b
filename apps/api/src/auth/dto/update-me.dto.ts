import { EMAIL_PREFERENCES, type EmailPreference } from '@app/people';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

/** What people change about themselves (roles, teams and managers are for admins). */
export class UpdateMeDto {
  @ApiProperty({
    enum: EMAIL_PREFERENCES,
    example: 'digest',
    description:
      '`every`: each reminder and escalation as it falls due; `digest`: only the Monday summary (assignments still arrive).',
  })
  @IsIn(EMAIL_PREFERENCES)
  emailPreference!: EmailPreference;
}
