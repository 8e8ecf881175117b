import {
  Action,
  type ActionActor,
  type AuditChanges,
  AuditLog,
  diff,
  mayAddUpdate,
} from '@app/actions';
import { Clock, definedOnly, londonDateOf } from '@app/common';
import { Council } from '@app/people';
import {
  BadRequestException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { MeasureReading } from './entities/measure-reading.entity';
import { Measure } from './entities/measure.entity';
import { type MeasureTerms, termsProblems, valueProblem } from './measure-rules';
import { type Trajectory, trajectoryOf } from './trajectory';

export interface MeasureInput extends MeasureTerms {
  name: string;
}

/** A new measure: without a baseline when none is known. */
export type NewMeasure = Omit<MeasureInput, 'baselineValue' | 'baselineOn'> &
  Partial<Pick<MeasureInput, 'baselineValue' | 'baselineOn'>>;

export interface ReadingInput {
  value: number;
  observedOn: string;
  note?: string | null;
  source?: string | null;
}

export interface ReadingView {
  id: string;
  value: number;
  observedOn: string;
  note: string | null;
  source: string | null;
  enteredBy: { id: string; name: string };
  createdAt: Date;
}

export interface MeasureView extends MeasureInput {
  id: string;
  /** Oldest first, by the date each describes, then by when it was entered. */
  readings: ReadingView[];
  /** The reading of the latest date (the last entered, for that date): what the measure is now. */
  latest: ReadingView | null;
  /** The latest reading against the line to the target, as of today, by the council's tolerance. */
  trajectory: Trajectory;
}

/** The fields a measure's history entries name. */
const MEASURE_FIELDS = [
  'name',
  'unit',
  'direction',
  'baselineValue',
  'baselineOn',
  'targetValue',
  'targetOn',
] as const satisfies readonly (keyof Measure)[];

/** 400 naming the field to put right, as the actions' refusals do. */
function refused(problems: Record<string, string>): BadRequestException {
  const [field, message] = Object.entries(problems)[0] ?? ['', 'Invalid measure'];
  return new BadRequestException({ message, details: { code: 'invalid-measure', field } });
}

/**
 * An action's measures and their readings. Managers set measures; the owner or a manager records
 * readings (as with progress notes). Each change is in the action's history, in the same
 * transaction, and an action in another council is not found.
 */
@Injectable()
export class MeasuresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auditLog: AuditLog,
    private readonly clock: Clock,
  ) {}

  async list(councilId: string, actionId: string): Promise<MeasureView[]> {
    const at = { councilId, actionId };
    const views = await this.viewsOf(this.dataSource.manager, at);
    // No measures: whether the action is there at all (404 outside its council) is asked only now.
    if (views.length === 0) await this.actionOf(this.dataSource.manager, at);
    return views;
  }

  async add(actor: ActionActor, actionId: string, fields: NewMeasure): Promise<MeasureView> {
    const input = {
      ...fields,
      baselineValue: fields.baselineValue ?? null,
      baselineOn: fields.baselineOn ?? null,
    };
    const problems = termsProblems(input);
    if (Object.keys(problems).length > 0) throw refused(problems);
    const at = { councilId: actor.councilId, actionId };
    return this.dataSource.transaction(async (em) => {
      await this.actionOf(em, at, true);
      this.mustManage(actor);
      const measure = await em.save(
        em.create(Measure, {
          ...input,
          councilId: actor.councilId,
          actionId,
          createdAt: this.clock.now(),
        }),
      );
      await this.auditLog.record(em, {
        councilId: actor.councilId,
        actionId,
        actorId: actor.userId,
        event: 'measure_added',
        changes: diff<Partial<Measure>>({}, measure, MEASURE_FIELDS),
      });
      return this.viewOf(em, at, measure.id);
    });
  }

  async change(
    actor: ActionActor,
    actionId: string,
    measureId: string,
    patch: Partial<MeasureInput>,
  ): Promise<MeasureView> {
    const at = { councilId: actor.councilId, actionId };
    return this.dataSource.transaction(async (em) => {
      await this.actionOf(em, at, true);
      this.mustManage(actor);
      const measure = await this.measureOf(em, at, measureId);
      const next = { ...measure, ...definedOnly(patch) };
      const problems = termsProblems(next);
      if (Object.keys(problems).length > 0) throw refused(problems);
      const changes = diff<Measure>(measure, next, MEASURE_FIELDS);
      if (Object.keys(changes).length > 0) {
        await em.save(Measure, next);
        await this.auditLog.record(em, {
          councilId: actor.councilId,
          actionId,
          actorId: actor.userId,
          event: 'measure_changed',
          changes: { measure: { from: measure.name, to: next.name }, ...changes },
        });
      }
      return this.viewOf(em, at, measureId);
    });
  }

  async record(
    actor: ActionActor,
    actionId: string,
    measureId: string,
    input: ReadingInput,
  ): Promise<ReadingView> {
    const at = { councilId: actor.councilId, actionId };
    return this.dataSource.transaction(async (em) => {
      const action = await this.actionOf(em, at, true);
      if (!mayAddUpdate(actor, action)) {
        throw new ForbiddenException('Only the owner or a manager can record readings');
      }
      const measure = await this.measureOf(em, at, measureId);
      const problem = valueProblem(measure.unit, input.value);
      if (problem) throw refused({ value: `value ${problem}` });
      if (input.observedOn > londonDateOf(this.clock.now())) {
        // A reading says what was so: a date to come cannot have been measured yet.
        throw refused({ observedOn: 'observedOn must not be later than today' });
      }
      const reading = await em.save(
        em.create(MeasureReading, {
          councilId: actor.councilId,
          measureId,
          value: input.value,
          observedOn: input.observedOn,
          note: input.note ?? null,
          source: input.source ?? null,
          enteredById: actor.userId,
          createdAt: this.clock.now(),
        }),
      );
      // A reading is activity on the action, as a progress note is.
      await em.query(`UPDATE actions SET updated_at = now() WHERE id = $1`, [actionId]);
      const changes: AuditChanges = {
        measure: { from: null, to: measure.name },
        ...diff<Partial<MeasureReading>>({}, reading, ['value', 'observedOn', 'note', 'source']),
      };
      await this.auditLog.record(em, {
        councilId: actor.councilId,
        actionId,
        actorId: actor.userId,
        event: 'reading_recorded',
        changes,
      });
      // Read back with who entered it: the one reading, not the measure's whole series.
      return readingView(
        await em.findOneOrFail(MeasureReading, {
          where: { id: reading.id },
          relations: { enteredBy: true },
        }),
      );
    });
  }

  private mustManage(actor: ActionActor): void {
    if (actor.role === 'staff') throw new ForbiddenException('Only managers can set measures');
  }

  /** The action, locked for the change when `lock`; not found outside its council. */
  private async actionOf(em: EntityManager, at: ActionScope, lock = false): Promise<Action> {
    const action = await em.findOne(Action, {
      where: { id: at.actionId, councilId: at.councilId },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!action) throw new NotFoundException('Action not found');
    return action;
  }

  private async measureOf(em: EntityManager, at: ActionScope, id: string): Promise<Measure> {
    const measure = await em.findOneBy(Measure, { id, ...at });
    if (!measure) throw new NotFoundException('Measure not found');
    return measure;
  }

  /** The action's measures with their readings, or only the measure `only`. */
  private async viewsOf(em: EntityManager, at: ActionScope, only?: string): Promise<MeasureView[]> {
    const measures = await em.find(Measure, {
      where: { ...at, ...(only !== undefined && { id: only }) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    if (measures.length === 0) return [];
    const readings = await em.find(MeasureReading, {
      where: measures.map((m) => ({ councilId: at.councilId, measureId: m.id })),
      relations: { enteredBy: true },
      order: { observedOn: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    const today = londonDateOf(this.clock.now());
    const tolerance = await toleranceOf(em, at.councilId);
    return measures.map(
      ({ councilId: _c, actionId: _a, createdAt: _n, updatedAt: _u, ...terms }) => {
        const own = readings.filter((r) => r.measureId === terms.id).map(readingView);
        return {
          ...terms,
          readings: own,
          latest: own.at(-1) ?? null,
          trajectory: trajectoryOf(terms, own, today, tolerance),
        };
      },
    );
  }

  private async viewOf(em: EntityManager, at: ActionScope, id: string): Promise<MeasureView> {
    const [view] = await this.viewsOf(em, at, id);
    if (!view) throw new NotFoundException('Measure not found');
    return view;
  }
}

/** The council's tolerance for measures behind their line, as a share (10% is 0.1). */
export async function toleranceOf(em: EntityManager, councilId: string): Promise<number> {
  const council = await em.findOneOrFail(Council, {
    where: { id: councilId },
    select: { id: true, measureTolerancePercent: true },
  });
  return council.measureTolerancePercent / 100;
}

/** Where a measure lives: the council and the action, both checked on every read. */
interface ActionScope {
  councilId: string;
  actionId: string;
}

function readingView(reading: MeasureReading): ReadingView {
  const { id, value, observedOn, note, source, createdAt } = reading;
  return {
    id,
    value,
    observedOn,
    note,
    source,
    enteredBy: { id: reading.enteredById, name: reading.enteredBy?.name ?? '' },
    createdAt,
  };
}
