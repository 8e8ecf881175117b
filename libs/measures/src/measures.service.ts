import {
  Action,
  type ActionActor,
  type AuditChanges,
  type AuditRecord,
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
  PayloadTooLargeException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { MeasureReading } from './entities/measure-reading.entity';
import { Measure } from './entities/measure.entity';
import { type MeasureTerms, readingProblems, termsProblems } from './measure-rules';
import {
  parseReadingsCsv,
  problemsShown,
  READINGS_CSV_MAX_ROWS,
  type ReadingProblem,
  type ReadingRow,
  readingsTemplateCsv,
} from './readings-csv';
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

/** A file's readings: the rows that could be read, and the lines that could not. */
export interface ReadingsFile {
  rows: readonly ReadingRow[];
  problems: readonly ReadingProblem[];
}

export interface RecordManyOptions {
  /** Record the good rows even when some are refused; otherwise one refusal records nothing. */
  keepGoodRows: boolean;
}

/** What a file of readings came to. */
export interface ReadingsRecorded {
  /** How many readings were recorded. */
  recorded: number;
  /** The refused lines' problems, by line (the first READINGS_PROBLEMS_SHOWN). */
  refused: ReadingProblem[];
  /** How many problems there were in all. */
  refusedTotal: number;
}

/** A reading the rules have passed, ready to write. */
interface CheckedReading {
  actionId: string;
  measure: Measure;
  input: ReadingInput;
}

/** The fields a measure's history entries name. */
export const MEASURE_FIELDS = [
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
      const problems = readingProblems(measure.unit, input, londonDateOf(this.clock.now()));
      if (problems.value) throw refused({ value: `value ${problems.value}` });
      if (problems.observedOn) throw refused({ observedOn: `observedOn ${problems.observedOn}` });
      const [reading] = await this.writeReadings(em, actor, [{ actionId, measure, input }]);
      if (!reading) throw new Error('The reading was not written');
      // Read back with who entered it: the one reading, not the measure's whole series.
      return readingView(
        await em.findOneOrFail(MeasureReading, {
          where: { id: reading.id },
          relations: { enteredBy: true },
        }),
      );
    });
  }

  /**
   * A file of readings (see parseReadingsCsv): refused as a whole when it cannot be read (400)
   * or has more than READINGS_CSV_MAX_ROWS rows (413), before anything else is done; otherwise
   * its rows are recorded as recordMany says.
   */
  async recordCsv(
    actor: ActionActor,
    content: Buffer | string,
    options: RecordManyOptions,
  ): Promise<ReadingsRecorded> {
    const file = parseReadingsCsv(content);
    if (file.kind === 'too-many-rows') {
      throw new PayloadTooLargeException({
        message: `The file has ${file.rows.toLocaleString('en-GB')} rows: upload at most ${READINGS_CSV_MAX_ROWS.toLocaleString('en-GB')} at a time`,
        details: { code: 'too-many-readings', rows: file.rows, limit: READINGS_CSV_MAX_ROWS },
      });
    }
    if (file.kind === 'unreadable') {
      throw readingsRefused(file.problems, 'The file cannot be read as readings', 'file');
    }
    return this.recordMany(actor, file, options);
  }

  /**
   * Many readings at once, each named by its action's reference and its measure's name, each
   * checked as `record` checks one (the measure is on an action of the actor's council, the
   * actor may record on it, the value fits the unit, the date is not to come). With a problem
   * on any line nothing is recorded (400 listing them), unless `keepGoodRows`: then the good
   * rows are recorded and the refused lines listed. One transaction either way; the actions
   * are locked in order of id, so two files (or a file and a form) never wait on each other.
   */
  async recordMany(
    actor: ActionActor,
    file: ReadingsFile,
    { keepGoodRows }: RecordManyOptions,
  ): Promise<ReadingsRecorded> {
    return this.dataSource.transaction(async (em) => {
      const problems = [...file.problems];
      const checked: CheckedReading[] = [];
      const today = londonDateOf(this.clock.now());
      const found = await this.measuresNamed(em, actor.councilId, file.rows);
      for (const row of file.rows) {
        const refuse = (field: string, message: string) =>
          problems.push({ line: row.line, field, message });
        const action = found.actions.get(row.actionReference.toUpperCase());
        // Another council's action is not found either: the same words, whichever it was.
        const missing = `There is no measure called “${row.measure}” on action ${row.actionReference}`;
        if (!action) {
          refuse('action_reference', missing);
          continue;
        }
        if (!mayAddUpdate(actor, action)) {
          refuse(
            'action_reference',
            `Only the owner of action ${action.reference} or a manager can record its readings`,
          );
          continue;
        }
        const measures = found.measures.get(measureKey(action.id, row.measure)) ?? [];
        const [measure] = measures;
        if (!measure) {
          refuse('measure', missing);
          continue;
        }
        if (measures.length > 1) {
          refuse(
            'measure',
            `Action ${action.reference} has more than one measure called “${row.measure}”: record this reading on the action’s page`,
          );
          continue;
        }
        const rule = readingProblems(measure.unit, row, today);
        if (rule.value) refuse('value', `The value ${rule.value}`);
        if (rule.observedOn) refuse('observed_on', `The date ${rule.observedOn}`);
        if (rule.value || rule.observedOn) continue;
        const { value, observedOn, note, source } = row;
        checked.push({ actionId: action.id, measure, input: { value, observedOn, note, source } });
      }
      // By line, and in the order the checks ran within a line.
      problems.sort((a, b) => a.line - b.line);
      if (problems.length > 0 && !keepGoodRows) {
        throw readingsRefused(
          problems,
          `${linesCount(problems)} of the file cannot be recorded, so none of it was`,
          'lines',
        );
      }
      await this.writeReadings(em, actor, checked);
      const shown = problemsShown(problems);
      return { recorded: checked.length, refused: shown.problems, refusedTotal: shown.total };
    });
  }

  /** The readings file to fill in: a row for every measure in the council, by action. */
  async readingsTemplate(councilId: string): Promise<string> {
    const rows = await this.dataSource
      .createQueryBuilder(Measure, 'measure')
      .innerJoin(
        Action,
        'action',
        'action.id = measure.actionId AND action.councilId = measure.councilId',
      )
      .select('action.reference', 'actionReference')
      .addSelect('measure.name', 'measure')
      .where('measure.councilId = :councilId', { councilId })
      .orderBy('action.reference')
      .addOrderBy('measure.createdAt')
      .addOrderBy('measure.id')
      .getRawMany<{ actionReference: string; measure: string }>();
    return readingsTemplateCsv(rows);
  }

  /**
   * Writes readings the rules have passed, each with its entry in its action's history, and
   * marks their actions as just active: the one way a reading is written, alone or from a file.
   */
  private async writeReadings(
    em: EntityManager,
    actor: ActionActor,
    checked: readonly CheckedReading[],
  ): Promise<MeasureReading[]> {
    if (checked.length === 0) return [];
    const readings = await em.save(
      checked.map(({ measure, input }) =>
        em.create(MeasureReading, {
          councilId: actor.councilId,
          measureId: measure.id,
          value: input.value,
          observedOn: input.observedOn,
          note: input.note ?? null,
          source: input.source ?? null,
          enteredById: actor.userId,
          createdAt: this.clock.now(),
        }),
      ),
      { chunk: 500 },
    );
    // A reading is activity on the action, as a progress note is.
    const actionIds = [...new Set(checked.map((reading) => reading.actionId))];
    await em.query(`UPDATE actions SET updated_at = now() WHERE id = ANY($1)`, [actionIds]);
    await this.auditLog.recordMany(
      em,
      checked.map(({ actionId, measure }, index): AuditRecord => {
        const changes: AuditChanges = {
          measure: { from: null, to: measure.name },
          ...diff<Partial<MeasureReading>>({}, readings[index] ?? {}, [
            'value',
            'observedOn',
            'note',
            'source',
          ]),
        };
        return {
          councilId: actor.councilId,
          actionId,
          actorId: actor.userId,
          event: 'reading_recorded',
          changes,
        };
      }),
    );
    return readings;
  }

  /**
   * The council's actions that `rows` name (by reference, any case), locked in order of id, and
   * their measures by action and name (any case, trimmed): more than one for a name is ambiguous.
   */
  private async measuresNamed(
    em: EntityManager,
    councilId: string,
    rows: readonly ReadingRow[],
  ): Promise<{ actions: Map<string, Action>; measures: Map<string, Measure[]> }> {
    const references = [...new Set(rows.map((row) => row.actionReference.toUpperCase()))];
    if (references.length === 0) return { actions: new Map(), measures: new Map() };
    const actions = await em
      .createQueryBuilder(Action, 'action')
      .where('action.councilId = :councilId', { councilId })
      .andWhere('upper(action.reference) = ANY(:references)', { references })
      .orderBy('action.id')
      .setLock('pessimistic_write')
      .getMany();
    const measures = new Map<string, Measure[]>();
    if (actions.length > 0) {
      const found = await em.find(Measure, {
        where: { councilId, actionId: In(actions.map((action) => action.id)) },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      for (const measure of found) {
        const key = measureKey(measure.actionId, measure.name);
        measures.set(key, [...(measures.get(key) ?? []), measure]);
      }
    }
    return {
      actions: new Map(actions.map((action) => [action.reference.toUpperCase(), action])),
      measures,
    };
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

/** A measure as a file names it: its action, and its name in any case, trimmed. */
const measureKey = (actionId: string, name: string): string =>
  `${actionId}\n${name.trim().toLowerCase()}`;

/** "1 line", "3 lines": how many lines the problems are on. */
function linesCount(problems: readonly ReadingProblem[]): string {
  const lines = new Set(problems.map((problem) => problem.line)).size;
  return lines === 1 ? '1 line' : `${lines.toLocaleString('en-GB')} lines`;
}

/**
 * 400 listing a file's problems (the first READINGS_PROBLEMS_SHOWN) and how many there are;
 * `scope` says whether the file as a whole could not be read or some of its lines were refused.
 */
function readingsRefused(
  problems: readonly ReadingProblem[],
  message: string,
  scope: 'file' | 'lines',
): BadRequestException {
  const shown = problemsShown(problems);
  return new BadRequestException({
    message,
    details: { code: 'invalid-readings', scope, problems: shown.problems, total: shown.total },
  });
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
