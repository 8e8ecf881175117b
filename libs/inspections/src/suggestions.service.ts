import { Action, AuditLog, firstDraftAction } from '@app/actions';
import { Clock } from '@app/common';
import { Council } from '@app/people';
import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { Inspection } from './entities/inspection.entity';
import { Recommendation } from './entities/recommendation.entity';
import { InspectionSuggestion } from './entities/suggestion.entity';
import { actionTitle } from './action-title';
import { dismissReasonRefusal } from './dismiss-reason';
import { draftDueOn } from './draft-deadline';
import { RepeatFindingsService } from './repeats/repeat-findings.service';

export interface SuggestionActor {
  councilId: string;
  userId: string;
}

/** What accepting a suggestion made: its recommendation and the draft action to fill in. */
export interface AcceptedSuggestion {
  suggestion: InspectionSuggestion;
  recommendation: Recommendation;
  action: Action;
}

/** The section accepted suggestions are filed under when the prose had no heading. */
const NO_HEADING = 'Weaknesses stated in the report';

/**
 * Weaknesses the parser found in a report's prose. A manager accepts one (it becomes a
 * recommendation marked `suggestion`, quoting the report, with a draft action) or dismisses it
 * with a reason; either way who decided and when stays on the suggestion.
 */
@Injectable()
export class SuggestionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auditLog: AuditLog,
    private readonly clock: Clock,
    private readonly repeats: RepeatFindingsService,
  ) {}

  /** An inspection's suggestions in document order; 404 for another council's inspection. */
  async list(councilId: string, inspectionId: string): Promise<InspectionSuggestion[]> {
    const inspection = await this.dataSource
      .getRepository(Inspection)
      .findOneBy({ id: inspectionId, councilId });
    if (!inspection) throw new NotFoundException('Inspection not found');
    return this.dataSource.getRepository(InspectionSuggestion).find({
      where: { inspectionId, councilId },
      relations: { decidedBy: true },
      order: { position: 'ASC' },
    });
  }

  async accept(
    actor: SuggestionActor,
    inspectionId: string,
    suggestionId: string,
  ): Promise<AcceptedSuggestion> {
    return this.decideOpen(actor.councilId, inspectionId, suggestionId, async (em, suggestion) => {
      // Scoped by council as well: the suggestion row alone does not prove the inspection is ours.
      const inspection = await em.findOneBy(Inspection, {
        id: inspectionId,
        councilId: actor.councilId,
      });
      if (!inspection) throw new NotFoundException('Inspection not found');
      const council = await em.findOneByOrFail(Council, { id: actor.councilId });
      const ref = `S${suggestion.position}`;
      const recommendation = await em.save(
        em.create(Recommendation, {
          councilId: actor.councilId,
          inspectionId,
          ref,
          // After the listed ones, in the order the prose gave them.
          position: 10_000 + suggestion.position,
          label: null,
          text: suggestion.text,
          subItems: [],
          section: suggestion.section ?? NO_HEADING,
          theme: null,
          priority: 'improvement',
          timescale: null,
          timescaleText: null,
          dueOn: null,
          responsible: inspection.authority ? [inspection.authority] : [],
          page: suggestion.page,
          source: 'suggestion',
        }),
      );
      const dueOn = draftDueOn(recommendation, inspection.deadlinesCountedFrom, council);
      const action = await em.save(
        em.create(
          Action,
          firstDraftAction({
            councilId: actor.councilId,
            inspectionId,
            inspectionReference: inspection.reference,
            recommendationId: recommendation.id,
            recommendationRef: ref,
            title: actionTitle(suggestion.text, `Suggestion ${ref}`),
            dueOn,
          }),
        ),
      );
      // An accepted weakness is a recommendation like any other: it may repeat an earlier one.
      await this.repeats.propose(em, actor.councilId, inspectionId, [recommendation]);
      await this.recordDecision(em, suggestion, actor, {
        status: 'accepted',
        recommendationId: recommendation.id,
      });
      await this.auditLog.recordCreated(
        em,
        [action],
        actor.userId,
        `Accepted suggestion ${ref}: “${suggestion.text}”`,
      );
      return { suggestion: await this.reload(em, suggestion.id), recommendation, action };
    });
  }

  /** Dismisses a suggestion, saying why: a reason is required (400 on `reason` otherwise). */
  async dismiss(
    actor: SuggestionActor,
    inspectionId: string,
    suggestionId: string,
    reason: string,
  ): Promise<InspectionSuggestion> {
    return this.decideOpen(actor.councilId, inspectionId, suggestionId, async (em, suggestion) => {
      const problem = dismissReasonRefusal(reason.trim(), `S${suggestion.position}`);
      if (problem)
        throw new BadRequestException({ message: problem, details: { field: 'reason' } });
      await this.recordDecision(em, suggestion, actor, {
        status: 'dismissed',
        dismissReason: reason.trim(),
      });
      return this.reload(em, suggestion.id);
    });
  }

  /** Runs `decide` in one transaction, on the suggestion locked while still open. */
  private decideOpen<T>(
    councilId: string,
    inspectionId: string,
    suggestionId: string,
    decide: (em: EntityManager, suggestion: InspectionSuggestion) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (em) =>
      decide(em, await this.openSuggestion(em, councilId, inspectionId, suggestionId)),
    );
  }

  /** Marks the suggestion decided: by whom, now, and what the decision left on it. */
  private async recordDecision(
    em: EntityManager,
    suggestion: InspectionSuggestion,
    actor: SuggestionActor,
    decision:
      | { status: 'accepted'; recommendationId: string }
      | { status: 'dismissed'; dismissReason: string },
  ): Promise<void> {
    await em.update(
      InspectionSuggestion,
      { id: suggestion.id },
      { ...decision, decidedById: actor.userId, decidedAt: this.clock.now() },
    );
  }

  private reload(em: EntityManager, id: string): Promise<InspectionSuggestion> {
    return em.findOneOrFail(InspectionSuggestion, {
      where: { id },
      relations: { decidedBy: true },
    });
  }

  /** The suggestion, locked; 404 outside the council or inspection, 409 once decided. */
  private async openSuggestion(
    em: EntityManager,
    councilId: string,
    inspectionId: string,
    suggestionId: string,
  ): Promise<InspectionSuggestion> {
    const suggestion = await em.findOne(InspectionSuggestion, {
      where: { id: suggestionId, inspectionId, councilId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!suggestion) throw new NotFoundException('Suggestion not found');
    if (suggestion.status !== 'open') {
      throw new ConflictException(`This suggestion was already ${suggestion.status}`);
    }
    return suggestion;
  }
}
