import {
  ORGANISATION_KINDS,
  ORGANISATION_NAME_MAX_LENGTH,
  type Organisation,
  type OrganisationKind,
} from '@app/people';
import { OmitOrValidate, Trim } from '@app/common';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** POST /organisations. The same rules serve the admin page's form. */
export class CreateOrganisationDto {
  @ApiProperty({
    example: 'NHS Stockport Integrated Care Board',
    maxLength: ORGANISATION_NAME_MAX_LENGTH,
    description: 'As reports name it, so imports can suggest it for the actions they give it.',
  })
  @Trim()
  @IsString({ message: 'Enter the organisation’s name' })
  @IsNotEmpty({ message: 'Enter the organisation’s name' })
  @MaxLength(ORGANISATION_NAME_MAX_LENGTH, {
    message: `Name must be ${ORGANISATION_NAME_MAX_LENGTH} characters or fewer`,
  })
  name!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, example: 'health' })
  @IsIn(ORGANISATION_KINDS, { message: 'Select what kind of organisation it is' })
  kind!: OrganisationKind;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'The council’s manager or admin for this partner: escalations go to them after the ' +
      'partner’s own lead.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'Select the council lead from the list' })
  councilLeadId?: string | null;
}

/** PATCH /organisations/:id: any field; leadId (one of its own partner users) once it has people. */
export class UpdateOrganisationDto extends PartialType(CreateOrganisationDto, {
  skipNullProperties: false,
}) {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'The partner’s own lead, one of its partner users: the first escalation of their overdue actions.',
  })
  @OmitOrValidate()
  @IsOptional()
  @IsUUID('all', { message: 'Select the partner’s lead from the list' })
  leadId?: string | null;
}

export class OrganisationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'NHS Stockport Integrated Care Board' })
  name!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  kind!: OrganisationKind;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  leadId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  councilLeadId!: string | null;

  static of(organisation: Organisation): OrganisationDto {
    return {
      id: organisation.id,
      name: organisation.name,
      kind: organisation.kind,
      leadId: organisation.leadId,
      councilLeadId: organisation.councilLeadId,
    };
  }
}
