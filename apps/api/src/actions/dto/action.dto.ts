import {
  ACTION_STATUSES,
  type ActionDetailView,
  type ActionStatus,
  type ActionUpdateView,
  type ActionView,
  AUDIT_EVENTS,
  type AuditChanges,
  type AuditEvent,
  type DeadlineRevisionView,
  type HistoryEntryView,
  type SmartGap,
} from '@app/actions';
import { RECOMMENDATION_PRIORITIES } from '@app/report-parser';
import { ApiProperty, PickType } from '@nestjs/swagger';
import { PageOfDto } from '../../common/page.query';
import { InspectionSummaryDto } from '../../inspections/dto/inspection-summary.dto';
import { UserSummaryDto } from '../../users/dto/user.dto';

const SMART_GAPS: SmartGap[] = ['owner', 'dueOn', 'successMeasure'];

export class ActionOrganisationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'NHS Stockport Integrated Care Board' })
  name!: string;
}

export class ActionRecommendationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'R5' })
  ref!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Area for priority action 1' })
  label!: string | null;

  @ApiProperty({
    example: 'Improve the quality and timeliness of plans for children in need of help.',
  })
  text!: string;

  @ApiProperty({ example: 'What needs to improve' })
  section!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Care planning' })
  theme!: string | null;

  @ApiProperty({ enum: RECOMMENDATION_PRIORITIES, example: 'improvement' })
  priority!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Within three months' })
  timescaleText!: string | null;
}

export class ActionInspectionDto extends PickType(InspectionSummaryDto, [
  'id',
  'reference',
  'title',
]) {}

export class ActionDto implements ActionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'STK-2012-R5-1', description: 'Inspection, recommendation, sequence.' })
  reference!: string;

  @ApiProperty({ example: 'Audit every child-in-need plan against the new template' })
  title!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Team managers audit monthly.' })
  description!: string | null;

  @ApiProperty({ type: ActionRecommendationDto })
  recommendation!: ActionRecommendationDto;

  @ApiProperty({ type: ActionInspectionDto })
  inspection!: ActionInspectionDto;

  @ApiProperty({
    type: [String],
    example: ['Stockport Metropolitan Borough Council'],
    description: 'Who the report makes responsible (from the recommendation).',
  })
  responsible!: string[];

  @ApiProperty({
    type: ActionOrganisationDto,
    nullable: true,
    description: 'The partner organisation responsible; null: the council alone.',
  })
  organisation!: ActionOrganisationDto | null;

  @ApiProperty({ type: UserSummaryDto, nullable: true })
  owner!: UserSummaryDto | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-09-01' })
  dueOn!: string | null;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2026-08-01',
    description: 'The deadline when the action left draft; revisions leave it alone.',
  })
  originalDueOn!: string | null;

  @ApiProperty({ example: 31, description: 'dueOn - originalDueOn in days (0 if either is null).' })
  slippageDays!: number;

  @ApiProperty({ enum: ACTION_STATUSES, example: 'in_progress' })
  status!: ActionStatus;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Waiting for the new case system',
    description: 'Why the action is blocked or cancelled.',
  })
  statusReason!: string | null;

  @ApiProperty({
    example: false,
    description: 'Past dueOn (Europe/London) and not completed, verified or cancelled.',
  })
  overdue!: boolean;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: -3,
    description: 'Days until dueOn from today in Europe/London; negative once past.',
  })
  daysLeft!: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '95% of plans audited as good or better for three consecutive months',
  })
  successMeasure!: string | null;

  @ApiProperty({
    enum: SMART_GAPS,
    isArray: true,
    example: ['owner'],
    description: 'What the action still lacks to leave draft.',
  })
  smartGaps!: SmartGap[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  verifiedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;
}

export class ActionUpdateDto implements ActionUpdateView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Audited 40 of 120 plans; 31 good or better.' })
  note!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'https://sharepoint.example.gov.uk/audits/2026-05.xlsx',
  })
  evidenceUrl!: string | null;

  @ApiProperty({ type: UserSummaryDto })
  author!: UserSummaryDto;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}

export class DeadlineRevisionDto implements DeadlineRevisionView {
  @ApiProperty({ type: String, format: 'date', example: '2026-08-01' })
  fromDueOn!: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-09-01' })
  toDueOn!: string;

  @ApiProperty({ example: 'Audit tool delivered late' })
  reason!: string;

  @ApiProperty({ type: UserSummaryDto })
  revisedBy!: UserSummaryDto;

  @ApiProperty({ type: String, format: 'date-time' })
  revisedAt!: Date;
}

export class ActionDetailDto extends ActionDto implements ActionDetailView {
  @ApiProperty({ type: [ActionUpdateDto], description: 'Progress notes, oldest first.' })
  updates!: ActionUpdateDto[];

  @ApiProperty({ type: [DeadlineRevisionDto], description: 'Deadline revisions, oldest first.' })
  deadlineRevisions!: DeadlineRevisionDto[];
}

export class ActionListDto extends PageOfDto {
  @ApiProperty({ type: [ActionDto] })
  items!: ActionDto[];
}

export class HistoryEntryDto implements HistoryEntryView {
  @ApiProperty({ example: '1042', description: 'Audit entry id; ascending in write order.' })
  id!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  occurredAt!: Date;

  @ApiProperty({ enum: AUDIT_EVENTS, example: 'status_changed' })
  event!: AuditEvent;

  @ApiProperty({
    type: UserSummaryDto,
    nullable: true,
    description: 'Null for changes made by the system (an import).',
  })
  actor!: UserSummaryDto | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: { from: {}, to: {} },
    },
    example: { status: { from: 'open', to: 'blocked' } },
    description: 'Each changed field with its value before and after.',
  })
  changes!: AuditChanges;

  @ApiProperty({ type: String, nullable: true, example: 'Waiting for the new case system' })
  reason!: string | null;
}
