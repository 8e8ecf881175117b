import {
  CouncilOwnedEntity,
  CreatedAtColumn,
  TextColumn,
  UpdatedAtColumn,
  UuidColumn,
} from '@app/database';
import { Entity } from 'typeorm';

export const ORGANISATION_KINDS = [
  'health',
  'police',
  'youth_justice',
  'education',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_NAMES: Record<OrganisationKind, string> = {
  health: 'Health',
  police: 'Police',
  youth_justice: 'Youth justice',
  education: 'Education',
  other: 'Other',
};

/**
 * A partner agency of a council (an integrated care board, a police force, a youth justice
 * service): inspections make it responsible for actions, and its people are partner users.
 */
@Entity({ name: 'organisations' })
export class Organisation extends CouncilOwnedEntity {
  @TextColumn('name') name!: string;
  @TextColumn('kind') kind!: OrganisationKind;
  /** The partner's own lead: the first person an overdue action of theirs is escalated to. */
  @UuidColumn('lead_id', { nullable: true }) leadId!: string | null;
  /** The council's manager for this partner: the next escalation, after the partner's lead. */
  @UuidColumn('council_lead_id', { nullable: true }) councilLeadId!: string | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdatedAtColumn() updatedAt!: Date;
}
