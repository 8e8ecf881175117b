import {
  type ActionDetailView,
  type ActionActor,
  type ActionPatch,
  ActionsService,
  Action,
} from '@app/actions';
import { Organisation, organisationNamedBy } from '@app/people';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { InspectionFile } from './entities/inspection-file.entity';
import { Inspection } from './entities/inspection.entity';
import { Recommendation } from './entities/recommendation.entity';
import { type Progress, summarise } from './progress/progress';
import { ProgressService } from './progress/progress.service';
import { actionTitle } from './action-title';

/** An inspection with who imported it (loaded) and its progress. */
export interface InspectionWithProgress {
  inspection: Inspection;
  progress: Progress;
}

export interface InspectionDetail extends InspectionWithProgress {
  /** In document order, each with the ids of its actions in sequence order. */
  recommendations: Array<{
    recommendation: Recommendation;
    actionIds: string[];
    /**
     * The council's partner organisation the report makes responsible (by its `responsible`
     * bodies), for the review to offer; null when it names none the council lists.
     */
    suggestedOrganisationId: string | null;
  }>;
}

/** What a draft action is given on the review: its SMART fields, and whether to open it. */
export interface DraftChange {
  actionId: string;
  ownerId?: string | null;
  organisationId?: string | null;
  successMeasure?: string | null;
  dueOn?: string | null;
  open?: boolean;
}

/** What openDrafts did: how many drafts it opened, and how many it saved still in draft. */
export interface OpenedDrafts {
  opened: number;
  saved: number;
}

/** What splitting a recommendation made: the new draft action on it. */
export interface SplitRecommendation {
  recommendation: Recommendation;
  action: ActionDetailView;
}

export interface StoredFile {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/**
 * Imported inspections, always within one council: reading them, and the review's changes to
 * their draft actions (opening them, and adding more to a recommendation).
 */
@Injectable()
export class InspectionsService {
  constructor(
    @InjectRepository(Inspection) private readonly inspections: Repository<Inspection>,
    @InjectRepository(Recommendation) private readonly recommendations: Repository<Recommendation>,
    @InjectRepository(Action) private readonly actions: Repository<Action>,
    @InjectRepository(InspectionFile) private readonly files: Repository<InspectionFile>,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
    private readonly progress: ProgressService,
    private readonly actionsService: ActionsService,
  ) {}

  /**
   * The council's inspections, most recently imported first. Not paged: a council has a few
   * inspections a year.
   */
  async list(councilId: string, today: string): Promise<InspectionWithProgress[]> {
    const inspections = await this.inspections.find({
      where: { councilId },
      relations: { importedBy: true },
      order: { importedAt: 'DESC', id: 'ASC' },
    });
    const progress = await this.progress.forInspections(
      councilId,
      today,
      inspections.map((inspection) => inspection.id),
    );
    return inspections.map((inspection) => ({
      inspection,
      progress: progress.get(inspection.id) ?? summarise([]),
    }));
  }

  /** One inspection with its recommendations; another council's id is a 404 like a missing one. */
  async get(councilId: string, id: string, today: string): Promise<InspectionDetail> {
    const inspection = await this.inspections.findOne({
      where: { id, councilId },
      relations: { importedBy: true },
    });
    if (!inspection) throw new NotFoundException('Inspection not found');
    const [recommendations, actions, progress, organisations] = await Promise.all([
      this.recommendations.find({
        where: { councilId, inspectionId: id },
        order: { position: 'ASC' },
      }),
      this.actions.find({
        select: { id: true, recommendationId: true },
        where: { councilId, inspectionId: id },
        order: { sequence: 'ASC', id: 'ASC' },
      }),
      this.progress.forInspections(councilId, today, [id]),
      this.organisations.find({ where: { councilId }, order: { name: 'ASC' } }),
    ]);
    const actionIds = new Map<string, string[]>();
    for (const action of actions) {
      const ids = actionIds.get(action.recommendationId) ?? [];
      ids.push(action.id);
      actionIds.set(action.recommendationId, ids);
    }
    return {
      inspection,
      progress: progress.get(id) ?? summarise([]),
      recommendations: recommendations.map((recommendation) => ({
        recommendation,
        actionIds: actionIds.get(recommendation.id) ?? [],
        suggestedOrganisationId:
          organisationNamedBy(recommendation.responsible, organisations)?.id ?? null,
      })),
    };
  }

  /** The file as uploaded. */
  async file(councilId: string, id: string): Promise<StoredFile> {
    const inspection = await this.inspections.findOne({
      select: { id: true, fileName: true, fileMediaType: true },
      where: { id, councilId },
    });
    if (!inspection) throw new NotFoundException('Inspection not found');
    const file = await this.files.findOneByOrFail({ inspectionId: id });
    return {
      fileName: inspection.fileName,
      mediaType: inspection.fileMediaType,
      content: file.content,
    };
  }

  /**
   * Fills in and opens an inspection's draft actions in one go, all or none: every change is
   * made by PATCH /actions/:id's rules in one transaction, and any refusal leaves every draft
   * as it was, naming the action (`details.actionId`) and, where it can, the field. A change to
   * an action that is not a draft of this inspection is refused before anything is written.
   */
  async openDrafts(
    actor: ActionActor,
    inspectionId: string,
    changes: readonly DraftChange[],
  ): Promise<OpenedDrafts> {
    await this.assertInspection(actor.councilId, inspectionId);
    const ids = changes.map((change) => change.actionId);
    const found = await this.actions.find({
      select: { id: true, reference: true, status: true },
      where: { councilId: actor.councilId, inspectionId, id: In(ids) },
    });
    const byId = new Map(found.map((action) => [action.id, action]));
    for (const { actionId } of changes) {
      const action = byId.get(actionId);
      if (!action) {
        throw new NotFoundException({
          message: 'Action not found on this inspection',
          details: { actionId },
        });
      }
      if (action.status !== 'draft') {
        throw new ConflictException({
          message: `${action.reference} is no longer a draft`,
          details: { actionId },
        });
      }
    }
    await this.actionsService.updateMany(
      actor,
      changes.map(({ actionId, ownerId, organisationId, successMeasure, dueOn, open }) => {
        const patch: ActionPatch = { ownerId, organisationId, successMeasure, dueOn };
        if (open) patch.status = 'open';
        return { id: actionId, patch };
      }),
    );
    const opened = changes.filter((change) => change.open).length;
    return { opened, saved: changes.length - opened };
  }

  /**
   * Splits a recommendation: another draft action on it, titled from the recommendation and
   * starting with the deadline its first action has (to change before opening).
   */
  async splitRecommendation(
    actor: ActionActor,
    inspectionId: string,
    recommendationId: string,
  ): Promise<SplitRecommendation> {
    const recommendation = await this.recommendations.findOneBy({
      id: recommendationId,
      inspectionId,
      councilId: actor.councilId,
    });
    if (!recommendation) throw new NotFoundException('Recommendation not found');
    const sibling = await this.actions.findOne({
      select: { id: true, dueOn: true },
      where: { councilId: actor.councilId, recommendationId },
      order: { sequence: 'ASC', id: 'ASC' },
    });
    const action = await this.actionsService.create(actor, {
      recommendationId,
      title: actionTitle(recommendation.text, `Recommendation ${recommendation.ref}`),
      dueOn: sibling?.dueOn ?? null,
    });
    return { recommendation, action };
  }

  private async assertInspection(councilId: string, id: string): Promise<void> {
    if (!(await this.inspections.existsBy({ id, councilId }))) {
      throw new NotFoundException('Inspection not found');
    }
  }
}
