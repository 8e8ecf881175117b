import { definedOnly } from '@app/common';
import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, type Repository } from 'typeorm';
import { councilCode } from './council-code';
import { Council } from './entities/council.entity';
import type { NotificationSettings } from './notification-settings';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the councils table's CHECK constraints allow, so callers get a message, not a 500. */
export const COUNCIL_CODE_PATTERN = /^[A-Z]{2,8}$/;
export const IMMEDIATE_WINDOW_DAYS = { min: 0, max: 365 } as const;
export const DEFAULT_WINDOW_MONTHS = { min: 1, max: 60 } as const;
export const MEASURE_TOLERANCE_PERCENT = { min: 0, max: 50 } as const;
export const COUNCIL_NAME_MAX_LENGTH = 200;

/** Why `settings` cannot be stored, or null. Names are expected trimmed. */
export function councilSettingsProblem(settings: Partial<CouncilSettings>): string | null {
  const {
    name,
    code,
    immediateWindowDays: days,
    defaultWindowMonths: months,
    measureTolerancePercent: tolerance,
  } = settings;
  if (name !== undefined && (name === '' || name.length > COUNCIL_NAME_MAX_LENGTH)) {
    return `Council name must be 1-${COUNCIL_NAME_MAX_LENGTH} characters`;
  }
  if (code !== undefined && !COUNCIL_CODE_PATTERN.test(code)) {
    return 'Council code must be 2-8 capital letters (A-Z)';
  }
  const within = (value: number, range: { min: number; max: number }) =>
    Number.isInteger(value) && value >= range.min && value <= range.max;
  if (days !== undefined && !within(days, IMMEDIATE_WINDOW_DAYS)) {
    return `immediateWindowDays must be an integer ${IMMEDIATE_WINDOW_DAYS.min}-${IMMEDIATE_WINDOW_DAYS.max}`;
  }
  if (months !== undefined && !within(months, DEFAULT_WINDOW_MONTHS)) {
    return `defaultWindowMonths must be an integer ${DEFAULT_WINDOW_MONTHS.min}-${DEFAULT_WINDOW_MONTHS.max}`;
  }
  if (tolerance !== undefined && !within(tolerance, MEASURE_TOLERANCE_PERCENT)) {
    return `measureTolerancePercent must be an integer ${MEASURE_TOLERANCE_PERCENT.min}-${MEASURE_TOLERANCE_PERCENT.max}`;
  }
  return null;
}

export interface CreateCouncilInput {
  name: string;
  /** Defaults to one made from the name ("STK"). */
  code?: string;
}

export type CouncilSettings = Pick<
  Council,
  'name' | 'code' | 'immediateWindowDays' | 'defaultWindowMonths' | 'measureTolerancePercent'
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
    const code = input.code ?? councilCode(name);
    const problem = councilSettingsProblem({ name, code });
    if (problem) throw new BadRequestException(problem);
    try {
      return await this.councils.save(this.councils.create({ name, code }));
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

  /**
   * A changed `code` applies to references made from now on; existing inspections and actions
   * keep theirs, since people have already quoted them.
   */
  async updateSettings(
    id: string,
    {
      notifications,
      ...changes
    }: Partial<CouncilSettings> & { notifications?: NotificationSettings },
  ): Promise<Council> {
    const next = {
      ...definedOnly(changes),
      ...(changes.name !== undefined && { name: changes.name.trim() }),
    };
    const problem = councilSettingsProblem(next);
    if (problem) throw new BadRequestException(problem);
    const council = await this.get(id);
    // Reminder settings merge field by field: sending one leaves the others as they were.
    if (notifications) {
      Object.assign(next, {
        notificationSettings: { ...council.notificationSettings, ...definedOnly(notifications) },
      });
    }
    try {
      return await this.councils.save(this.councils.merge(council, next));
    } catch (error) {
      if (isUniqueViolation(error, 'councils_name_key')) {
        throw new ConflictException(`A council named "${next.name}" already exists`);
      }
      throw error;
    }
  }
}
