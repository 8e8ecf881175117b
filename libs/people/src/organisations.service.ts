import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { isUniqueViolation } from './councils.service';
import { Organisation, type OrganisationKind } from './entities/organisation.entity';
import { User } from './entities/user.entity';

export const ORGANISATION_NAME_MAX_LENGTH = 200;

export interface OrganisationInput {
  name: string;
  kind: OrganisationKind;
  leadId?: string | null;
  councilLeadId?: string | null;
}

export type OrganisationChanges = Partial<OrganisationInput>;

const refused = (
  Refusal: typeof BadRequestException | typeof ConflictException | typeof NotFoundException,
  field: string,
  message: string,
): Error => new Refusal({ message, details: { field } });

/**
 * A council's partner agencies. Every read takes the council id, so another council's
 * organisation is simply "not found".
 */
@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  /** By name, as people look for them. */
  async list(councilId: string): Promise<Organisation[]> {
    return this.organisations
      .createQueryBuilder('o')
      .where('o.council_id = :councilId', { councilId })
      .orderBy('lower(o.name)', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .getMany();
  }

  async get(councilId: string, id: string): Promise<Organisation> {
    const organisation = await this.organisations.findOneBy({ id, councilId });
    if (!organisation) throw new NotFoundException('Organisation not found');
    return organisation;
  }

  async create(councilId: string, input: OrganisationInput): Promise<Organisation> {
    const name = this.name(input.name);
    // Its lead must belong to it, and a new organisation has nobody yet.
    if (input.leadId) throw refused(NotFoundException, 'leadId', 'Lead not found');
    if (input.councilLeadId) await this.assertCouncilLead(councilId, input.councilLeadId);
    return this.saving(() =>
      this.organisations.save(
        this.organisations.create({
          councilId,
          name,
          kind: input.kind,
          leadId: null,
          councilLeadId: input.councilLeadId ?? null,
        }),
      ),
    );
  }

  async update(councilId: string, id: string, changes: OrganisationChanges): Promise<Organisation> {
    const organisation = await this.get(councilId, id);
    if (changes.name !== undefined) organisation.name = this.name(changes.name);
    if (changes.kind !== undefined) organisation.kind = changes.kind;
    if (changes.leadId !== undefined) {
      if (changes.leadId) await this.assertLead(organisation, changes.leadId);
      organisation.leadId = changes.leadId;
    }
    if (changes.councilLeadId !== undefined) {
      if (changes.councilLeadId) await this.assertCouncilLead(councilId, changes.councilLeadId);
      organisation.councilLeadId = changes.councilLeadId;
    }
    return this.saving(() => this.organisations.save(organisation));
  }

  /** The partner's lead is one of its own enabled people. */
  private async assertLead(organisation: Organisation, userId: string): Promise<void> {
    const found = await this.users.findOneBy({
      id: userId,
      councilId: organisation.councilId,
      organisationId: organisation.id,
    });
    if (!found || found.disabledAt) {
      throw refused(
        NotFoundException,
        'leadId',
        `Lead not found among ${organisation.name}'s people`,
      );
    }
  }

  /** The council's lead for a partner is one of its enabled managers or admins. */
  private async assertCouncilLead(councilId: string, userId: string): Promise<void> {
    const found = await this.users.findOneBy({ id: userId, councilId });
    if (!found || found.disabledAt || (found.role !== 'manager' && found.role !== 'admin')) {
      throw refused(NotFoundException, 'councilLeadId', 'Council lead not found among managers');
    }
  }

  private name(name: string): string {
    const trimmed = name.trim();
    if (trimmed === '') throw refused(BadRequestException, 'name', 'Enter the organisation’s name');
    return trimmed;
  }

  private async saving(save: () => Promise<Organisation>): Promise<Organisation> {
    try {
      return await save();
    } catch (error) {
      if (isUniqueViolation(error, 'organisations_name_key')) {
        throw refused(
          ConflictException,
          'name',
          'The council already has an organisation of that name',
        );
      }
      throw error;
    }
  }
}
