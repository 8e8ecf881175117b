import { ACTION_STATUSES } from '@app/actions';
import { type Dashboard } from '@app/inspections';
import { ApiProperty, PickType } from '@nestjs/swagger';
// The same shapes as an inspection's progress and the people elsewhere in the API.
import { InspectionStatusCountsDto } from '../../inspections/dto/inspection-status-counts.dto';
import { ActionOrganisationDto } from '../../actions/dto/action.dto';
import { InspectionSummaryDto } from '../../inspections/dto/inspection-summary.dto';
import { UserSummaryDto } from '../../users/dto/user.dto';

export class OverdueByOwnerDto {
  @ApiProperty({
    type: UserSummaryDto,
    nullable: true,
    description: 'Null for overdue drafts nobody owns yet.',
  })
  owner!: UserSummaryDto | null;

  @ApiProperty({ example: 4 })
  count!: number;
}

export class OverdueByTeamDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Children in care',
    description: "The owner's team; null when the owner has no team or there is no owner.",
  })
  team!: string | null;

  @ApiProperty({ example: 6 })
  count!: number;
}

export class OverdueByOrganisationDto {
  @ApiProperty({
    type: ActionOrganisationDto,
    nullable: true,
    description: 'The partner organisation responsible; null for the council’s own actions.',
  })
  organisation!: ActionOrganisationDto | null;

  @ApiProperty({ example: 3 })
  count!: number;
}

export class OverdueSummaryDto {
  @ApiProperty({ example: 7, description: 'Live actions (draft to blocked) past their due date.' })
  total!: number;

  @ApiProperty({ type: [OverdueByOwnerDto], description: 'Most overdue first.' })
  byOwner!: OverdueByOwnerDto[];

  @ApiProperty({ type: [OverdueByTeamDto], description: 'Most overdue first.' })
  byTeam!: OverdueByTeamDto[];

  @ApiProperty({ type: [OverdueByOrganisationDto], description: 'Most overdue first.' })
  byOrganisation!: OverdueByOrganisationDto[];
}

export class DueSoonDto {
  @ApiProperty({ example: 2, description: 'Live actions due from today to today + 7 days.' })
  next7Days!: number;

  @ApiProperty({ example: 8, description: 'Live actions due from today to today + 30 days.' })
  next30Days!: number;
}

/** A live inspection on the dashboard: how far its actions have got. */
export class DashboardInspectionDto extends PickType(InspectionSummaryDto, [
  'id',
  'reference',
  'title',
  'publishedOn',
  'progress',
]) {}

export class DashboardDto {
  @ApiProperty({
    format: 'date',
    example: '2025-01-01',
    description: 'The date in England the figures were worked out for.',
  })
  today!: string;

  @ApiProperty({
    type: InspectionStatusCountsDto,
    description: `Keys: ${ACTION_STATUSES.join(', ')}.`,
  })
  byStatus!: InspectionStatusCountsDto;

  @ApiProperty({ type: OverdueSummaryDto })
  overdue!: OverdueSummaryDto;

  @ApiProperty({ type: DueSoonDto })
  dueSoon!: DueSoonDto;

  @ApiProperty({ type: [DashboardInspectionDto], description: 'Newest publication first.' })
  inspections!: DashboardInspectionDto[];

  /** The dashboard is already plain data; copying fixes the response to these fields. */
  static of(dashboard: Dashboard): DashboardDto {
    return {
      today: dashboard.today,
      byStatus: { ...dashboard.byStatus },
      overdue: {
        total: dashboard.overdue.total,
        byOwner: dashboard.overdue.byOwner.map(({ owner, count }) => ({
          owner: owner && { id: owner.id, name: owner.name, email: owner.email },
          count,
        })),
        byTeam: dashboard.overdue.byTeam.map(({ team, count }) => ({ team, count })),
        byOrganisation: dashboard.overdue.byOrganisation.map(({ organisation, count }) => ({
          organisation: organisation && { id: organisation.id, name: organisation.name },
          count,
        })),
      },
      dueSoon: { ...dashboard.dueSoon },
      inspections: dashboard.inspections.map((i) => ({
        id: i.id,
        reference: i.reference,
        title: i.title,
        publishedOn: i.publishedOn,
        progress: {
          total: i.progress.total,
          byStatus: { ...i.progress.byStatus },
          percentComplete: i.progress.percentComplete,
          overdue: i.progress.overdue,
          overduePriority: i.progress.overduePriority,
          rag: i.progress.rag,
        },
      })),
    };
  }
}
