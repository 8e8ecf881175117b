import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Action } from '../entities/action.entity';
import { InspectionFile } from '../entities/inspection-file.entity';
import { Inspection } from '../entities/inspection.entity';
import { Recommendation } from '../entities/recommendation.entity';
import { type Progress, summarise } from '../progress/progress';
import { ProgressService } from '../progress/progress.service';

/** An inspection with who imported it (loaded) and its progress. */
export interface InspectionWithProgress {
  inspection: Inspection;
  progress: Progress;
}

export interface InspectionDetail extends InspectionWithProgress {
  /** In document order, each with the ids of its actions in sequence order. */
  recommendations: Array<{ recommendation: Recommendation; actionIds: string[] }>;
}

export interface StoredFile {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/** Reading imported inspections, always within one council. */
@Injectable()
export class InspectionsService {
  constructor(
    @InjectRepository(Inspection) private readonly inspections: Repository<Inspection>,
    @InjectRepository(Recommendation) private readonly recommendations: Repository<Recommendation>,
    @InjectRepository(Action) private readonly actions: Repository<Action>,
    @InjectRepository(InspectionFile) private readonly files: Repository<InspectionFile>,
    private readonly progress: ProgressService,
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
    const [recommendations, actions, progress] = await Promise.all([
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
}
