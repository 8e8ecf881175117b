import { Action, AuditLog, firstDraftAction } from '@app/actions';
import { Clock, londonDateOf } from '@app/common';
import { Council, isUniqueViolation, sameAuthority } from '@app/people';
import type {
  ExtractionResult,
  Recommendation as ExtractedRecommendation,
} from '@app/report-parser';
import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { InspectionFile } from './entities/inspection-file.entity';
import { Inspection } from './entities/inspection.entity';
import { Recommendation } from './entities/recommendation.entity';
import { InspectionSuggestion } from './entities/suggestion.entity';
import { actionTitle } from './action-title';
import { deadlinesCountedFrom } from './draft-deadline';
import { planDeadlines } from './plan-deadlines';
import {
  believableDraftDeadline,
  believableReportDates,
  droppedDatesNotice,
  replacedDeadlinesNotice,
} from './report-dates';
import { RepeatFindingsService } from './repeats/repeat-findings.service';
import { ReportReader } from './report-reader';

export interface ImportInput {
  councilId: string;
  importedById: string;
  /** The name the file was uploaded under (stored, shown, and used when downloading it). */
  fileName: string;
  content: Buffer;
}

export interface ImportResult {
  inspection: Inspection;
  recommendations: Recommendation[];
  actions: Action[];
  /** What a person should check about this import (none when all is as expected). */
  notices: string[];
}

export const NO_RECOMMENDATIONS_NOTICE =
  'No recommendations were found in this report, so no actions were created. The inspection is recorded.';

/** Longest file name kept; browsers and file systems rarely go beyond 255. */
const MAX_FILE_NAME_LENGTH = 255;

/** Fields a draft action starts with, recorded in its 'created' audit entry. */
/**
 * Imports a report: the inspection, its recommendations and one draft action for each, in one
 * transaction. The file's bytes are kept with it; the same file twice in a council is a 409.
 */
@Injectable()
export class ImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auditLog: AuditLog,
    private readonly clock: Clock,
    private readonly reader: ReportReader,
    private readonly repeats: RepeatFindingsService,
  ) {}

  async importReport(input: ImportInput): Promise<ImportResult> {
    const sha256 = createHash('sha256').update(input.content).digest('hex');
    // Checked before parsing too, so a repeated PDF costs one indexed lookup, not a parse.
    await this.refuseDuplicate(this.dataSource.manager, input.councilId, sha256);
    // On a worker thread, in turn with other councils; throws ReportInputError for input it
    // cannot read, ExtractionBusyError when the council has too many reports waiting.
    const extraction = await this.reader.extract(input.content, { key: input.councilId });
    const { document } = extraction;
    // A monitoring letter with no list is still an inspection worth recording; a file with no
    // list, no inspectorate and no dates (a spreadsheet export, code, a memo) is not one.
    if (
      extraction.recommendations.length === 0 &&
      document.inspectorate === null &&
      !document.publishedOn &&
      !document.visitStartedOn &&
      !document.visitEndedOn
    ) {
      throw new UnprocessableEntityException(
        'This does not look like an inspection report or letter: no inspectorate, dates or ' +
          'recommendations were found in it',
      );
    }
    const importedOn = londonDateOf(this.clock.now());
    try {
      return await this.dataSource.transaction((em) =>
        this.create(em, input, sha256, extraction, importedOn),
      );
    } catch (error) {
      // Two imports of the same file at once: the lock below makes this unlikely; the unique
      // index makes it impossible to store both.
      if (isUniqueViolation(error, 'inspections_council_file_key')) {
        await this.refuseDuplicate(this.dataSource.manager, input.councilId, sha256);
      }
      throw error;
    }
  }

  private async create(
    em: EntityManager,
    input: ImportInput,
    sha256: string,
    extraction: ExtractionResult,
    importedOn: string,
  ): Promise<ImportResult> {
    // Locking the council row serialises its imports: the duplicate check and the choice of a
    // free reference below cannot race another import into the same council.
    const council = await em
      .getRepository(Council)
      .createQueryBuilder('council')
      .setLock('pessimistic_write')
      .where('council.id = :id', { id: input.councilId })
      .getOne();
    if (!council) throw new NotFoundException('Council not found');
    await this.refuseDuplicate(em, input.councilId, sha256);

    // Dates it cannot believe are left out (see report-dates.ts), and the notice says so.
    const believed = believableReportDates(extraction.document, importedOn);
    const document = { ...extraction.document, ...believed.dates };
    const { countedFrom, basis } = deadlinesCountedFrom(document, importedOn);
    const deadlines = extraction.recommendations.map((rec) =>
      believableDraftDeadline(
        rec,
        { countedFrom, publishedOn: document.publishedOn, today: importedOn },
        council,
      ),
    );
    const extracted = extraction.recommendations.map((rec, index) => ({
      ...rec,
      // deadlines is extraction.recommendations mapped one to one: never undefined.
      dueOn: deadlines[index]?.recommendationDueOn ?? null,
    }));
    const plan = planDeadlines(
      document.kind,
      extracted.map((rec) => rec.priority),
      countedFrom,
    );

    const inspection = await em.save(
      em.create(Inspection, {
        councilId: council.id,
        reference: await this.freeReference(em, council, countedFrom),
        kind: document.kind,
        title: document.title,
        authority: document.authority,
        inspectorates: document.inspectorates,
        publishedOn: document.publishedOn,
        visitStartedOn: document.visitStartedOn,
        visitEndedOn: document.visitEndedOn,
        judgements: document.judgements,
        format: document.format,
        pages: document.pages,
        fileName: cleanFileName(input.fileName, document.format),
        // From what the parser found, not the client's Content-Type: the file is served back
        // with this type, so a client must not be able to choose e.g. text/html.
        fileMediaType: document.format === 'pdf' ? 'application/pdf' : 'text/plain',
        fileSize: input.content.byteLength,
        fileSha256: sha256,
        importedById: input.importedById,
        deadlinesCountedFrom: countedFrom,
        deadlinesBasis: basis,
        draftPlanDueOn: plan.draftPlanDueOn,
        finalPlanDueOn: plan.finalPlanDueOn,
      }),
    );
    // insert, not save: nothing needs the bytes read back.
    await em.insert(InspectionFile, { inspectionId: inspection.id, content: input.content });

    const recommendations = await em.save(
      extracted.map((rec, index) => toRecommendation(em, rec, index, inspection)),
      { chunk: 200 },
    );
    const actions = await em.save(
      recommendations.map((rec, index) => {
        // One saved recommendation per extracted one, in order: never undefined.
        const dueOn = deadlines[index]?.dueOn ?? null;
        return em.create(
          Action,
          firstDraftAction({
            councilId: council.id,
            inspectionId: inspection.id,
            inspectionReference: inspection.reference,
            recommendationId: rec.id,
            recommendationRef: rec.ref,
            title: actionTitle(rec.text, `Recommendation ${rec.ref}`),
            dueOn,
          }),
        );
      }),
      { chunk: 200 },
    );
    if (extraction.suggestions.length > 0) {
      await em.insert(
        InspectionSuggestion,
        extraction.suggestions.map((suggestion, index) => ({
          councilId: council.id,
          inspectionId: inspection.id,
          position: index + 1,
          text: suggestion.text,
          section: suggestion.section,
          cue: suggestion.cue,
          confidence: suggestion.confidence,
          page: suggestion.page,
        })),
      );
    }
    await this.auditLog.recordCreated(
      em,
      actions,
      input.importedById,
      `Imported from ${inspection.fileName}`,
    );
    // In this transaction, under the council's lock: the earlier recommendations cannot change
    // meanwhile, and the import and its proposals commit together.
    const proposed = await this.repeats.propose(em, council.id, inspection.id, recommendations);
    const notices: string[] = [];
    if (proposed > 0) notices.push(repeatsNotice(proposed));
    if (extracted.length === 0) {
      notices.push(
        extraction.suggestions.length > 0
          ? suggestionsOnlyNotice(extraction.suggestions.length)
          : NO_RECOMMENDATIONS_NOTICE,
      );
    }
    if (believed.dropped.length > 0) notices.push(droppedDatesNotice(believed.dropped, basis));
    const replaced = extracted.filter((_, index) => deadlines[index]?.replaced === true);
    if (replaced.length > 0) notices.push(replacedDeadlinesNotice(replaced.map((rec) => rec.ref)));
    // Imported all the same: the council may be filing a neighbour's report on purpose.
    if (document.authority && !sameAuthority(document.authority, council.name)) {
      notices.push(
        `This report is about ${document.authority}, not ${council.name}: check it was meant for this council.`,
      );
    }
    return { inspection, recommendations, actions, notices };
  }

  /** 409 with the earlier inspection's id and reference when the council already has this file. */
  private async refuseDuplicate(em: EntityManager, councilId: string, sha256: string) {
    const existing = await em.findOne(Inspection, {
      select: { id: true, reference: true },
      where: { councilId, fileSha256: sha256 },
    });
    if (existing) {
      throw new ConflictException({
        message: `This report was already imported as ${existing.reference}`,
        details: { inspectionId: existing.id, reference: existing.reference },
      });
    }
  }

  /**
   * `${code}-${year}` (the year deadlines count from), or with `-2`, `-3`... when the council
   * already has an inspection that year. The caller holds the council lock.
   */
  private async freeReference(
    em: EntityManager,
    council: Council,
    countedFrom: string,
  ): Promise<string> {
    const base = `${council.code}-${countedFrom.slice(0, 4)}`;
    const rows: Array<{ reference: string }> = await em.query(
      `SELECT reference FROM inspections
        WHERE council_id = $1 AND (reference = $2 OR reference LIKE $2 || '-%')`,
      [council.id, base],
    );
    const taken = new Set(rows.map((row) => row.reference));
    if (!taken.has(base)) return base;
    let n = 2;
    while (taken.has(`${base}-${n}`)) n++;
    return `${base}-${n}`;
  }
}

function toRecommendation(
  em: EntityManager,
  rec: ExtractedRecommendation,
  index: number,
  inspection: Inspection,
): Recommendation {
  return em.create(Recommendation, {
    councilId: inspection.councilId,
    inspectionId: inspection.id,
    ref: rec.ref,
    position: index + 1,
    label: rec.label,
    text: rec.text,
    subItems: rec.subItems,
    section: rec.section,
    theme: rec.theme,
    priority: rec.priority,
    timescale: rec.timescale,
    timescaleText: rec.timescaleText,
    dueOn: rec.dueOn,
    responsible: rec.responsible,
    page: rec.page,
  });
}

function repeatsNotice(count: number): string {
  return `${count} possible repeat${count === 1 ? '' : 's'} of earlier findings ${count === 1 ? 'was' : 'were'} found: confirm or reject ${count === 1 ? 'it' : 'each'} on the review page.`;
}

function suggestionsOnlyNotice(count: number): string {
  return `No list of recommendations was found, so no actions were created, but ${count} weakness${count === 1 ? ' is' : 'es are'} stated in the prose: they are listed as suggestions to accept or dismiss.`;
}

/**
 * The upload's base name without control characters, shortened if need be; a made-up name
 * when the client sent none (a name is required to download the file again).
 */
function cleanFileName(name: string, format: 'pdf' | 'text'): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  if (base.length === 0) return format === 'pdf' ? 'report.pdf' : 'report.txt';
  return base.length <= MAX_FILE_NAME_LENGTH ? base : base.slice(-MAX_FILE_NAME_LENGTH);
}
