import {
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  type NotificationKind,
  type NotificationStatus,
  type NotificationView,
} from '@app/reminders';
import { ApiProperty } from '@nestjs/swagger';
import { PageOfDto } from '../../common/page.query';
import { UserSummaryDto } from '../../users/dto/user.dto';

export class NotificationActionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'BRK-2026-R1-1' })
  reference!: string;

  @ApiProperty({ example: 'Review every child in need plan within 20 working days' })
  title!: string;
}

/** One email owed to one person, and what became of it. */
export class NotificationDto implements NotificationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS, example: 'due_soon' })
  kind!: NotificationKind;

  @ApiProperty({
    enum: NOTIFICATION_STATUSES,
    example: 'failed',
    description: '`cancelled`: no longer owed when its turn came (see `reason`).',
  })
  status!: NotificationStatus;

  @ApiProperty({
    example: 'd-7',
    description:
      'Which one of its kind: `d-7` 7 days before the deadline, `o+8` 8 days overdue, `a2` the second assignment, `w2026-11-30` the week’s digest.',
  })
  moment!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-12-11' })
  dueOn!: string | null;

  @ApiProperty({ type: NotificationActionDto, nullable: true, description: 'Null for a digest.' })
  action!: NotificationActionDto | null;

  @ApiProperty({ type: UserSummaryDto })
  recipient!: UserSummaryDto;

  @ApiProperty({ example: 6 })
  attempts!: number;

  @ApiProperty({ type: String, nullable: true, example: '421 Service not available' })
  lastError!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'the action is completed' })
  reason!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt!: Date | null;
}

export class NotificationListDto extends PageOfDto {
  @ApiProperty({ type: [NotificationDto] })
  items!: NotificationDto[];
}
