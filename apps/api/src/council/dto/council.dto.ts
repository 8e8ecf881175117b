import { type Council, councilView } from '@app/people';
import type { ReminderPolicy } from '@app/reminders';
import { ApiProperty } from '@nestjs/swagger';
import { NotificationSettingsDto } from './notification-settings.dto';

/** The caller's council and the settings that shape draft deadlines. */
export class CouncilDto {
  @ApiProperty({ format: 'uuid', example: '3f0c2f1e-8a4b-4d5e-9c61-2b7d9e0a1c44' })
  id!: string;

  @ApiProperty({ example: 'Stockport Metropolitan Borough Council' })
  name!: string;

  @ApiProperty({
    example: 'STK',
    pattern: '^[A-Z]{2,8}$',
    description: 'Starts every human reference (STK-2012-R5-1).',
  })
  code!: string;

  @ApiProperty({
    example: 14,
    minimum: 0,
    maximum: 365,
    description: 'Days given to a recommendation the report says to address immediately.',
  })
  immediateWindowDays!: number;

  @ApiProperty({
    example: 6,
    minimum: 1,
    maximum: 60,
    description: 'Months given to a recommendation with no timescale.',
  })
  defaultWindowMonths!: number;

  @ApiProperty({
    example: 10,
    minimum: 0,
    maximum: 50,
    description:
      'How far behind the line to its target a measure may be and still be amber (not red), as a percentage of the distance from its start to its target.',
  })
  measureTolerancePercent!: number;

  @ApiProperty({ type: NotificationSettingsDto })
  notifications!: NotificationSettingsDto;

  static of(council: Council, policy: ReminderPolicy): CouncilDto {
    return { ...councilView(council), notifications: NotificationSettingsDto.of(policy) };
  }
}
