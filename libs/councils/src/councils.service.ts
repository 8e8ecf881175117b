import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, type Repository } from 'typeorm';
import { councilCode } from './council-code';
import { Council } from './entities/council.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CreateCouncilInput {
  name: string;
  /** Defaults to one made from the name ("STK"). */
  code?: string;
}

export type CouncilSettings = Pick<
  Council,
  'name' | 'code' | 'immediateWindowDays' | 'defaultWindowMonths'
>;

/** True when `error` is Postgres refusing a duplicate (unique_violation). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (!constraint || driverError.constraint === constraint);
}

@Injectable()
export class CouncilsService {
  constructor(@InjectRepository(Council) private readonly councils: Repository<Council>) {}

  async create(input: CreateCouncilInput): Promise<Council> {
    const name = input.name.trim();
    try {
      return await this.councils.save(
        this.councils.create({ name, code: input.code ?? councilCode(name) }),
      );
    } catch (error) {
      if (isUniqueViolation(error, 'councils_name_key')) {
        throw new ConflictException(`A council named "${name}" already exists`);
      }
      throw error;
    }
  }

  /** By id, or by name ignoring case: what the CLI's `--council` accepts. */
  async findByIdOrName(idOrName: string): Promise<Council> {
    const council = UUID.test(idOrName)
      ? await this.councils.findOneBy({ id: idOrName })
      : await this.councils
          .createQueryBuilder('council')
          .where('lower(council.name) = lower(:name)', { name: idOrName.trim() })
          .getOne();
    if (!council) throw new NotFoundException(`No council "${idOrName}"`);
    return council;
  }

  async get(id: string): Promise<Council> {
    const council = await this.councils.findOneBy({ id });
    if (!council) throw new NotFoundException('Council not found');
    return council;
  }

  async updateSettings(id: string, changes: Partial<CouncilSettings>): Promise<Council> {
    const council = await this.get(id);
    try {
      return await this.councils.save(this.councils.merge(council, changes));
    } catch (error) {
      if (isUniqueViolation(error, 'councils_name_key')) {
        throw new ConflictException(`A council named "${changes.name}" already exists`);
      }
      throw error;
    }
  }
}
