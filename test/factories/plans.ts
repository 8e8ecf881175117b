import { Action, type ActionStatus } from '@app/actions';
import { Inspection, Recommendation } from '@app/inspections';
import type { Council, User } from '@app/people';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { TestApp } from '../support/app';

export interface PlanActionInput {
  title?: string;
  status?: ActionStatus;
  ownerId?: string | null;
  /** The partner organisation responsible. */
  organisationId?: string | null;
  dueOn?: string | null;
  successMeasure?: string | null;
  statusReason?: string | null;
}

export interface PlanInput {
  /** One entry per recommendation: its text, and the actions to create for it (default: one draft). */
  recommendations?: Array<{
    text?: string;
    priority?: Recommendation['priority'];
    /** Who the report makes responsible (default: the council). */
    responsible?: string[];
    actions?: PlanActionInput[];
  }>;
  year?: number;
  publishedOn?: string | null;
}

export interface Plan {
  inspection: Inspection;
  recommendations: Recommendation[];
  actions: Action[];
}

/**
 * An inspection with recommendations and actions, written straight to the tables (the import
 * route has its own tests): for tests of what happens to actions afterwards.
 */
export async function createPlan(
  t: TestApp,
  council: Council,
  importer: User,
  input: PlanInput = {},
): Promise<Plan> {
  const dataSource = t.app.get(DataSource);
  const year = input.year ?? 2026;
  const specs = input.recommendations ?? [{}, {}, {}];
  return dataSource.transaction(async (em) => {
    const existing = await em.countBy(Inspection, { councilId: council.id });
    const inspection = await em.save(
      em.create(Inspection, {
        councilId: council.id,
        reference: `${council.code}-${year}${existing > 0 ? `-${existing + 1}` : ''}`,
        kind: 'full_inspection',
        title: `Inspection of ${council.name}`,
        authority: council.name,
        inspectorates: ['Ofsted'],
        publishedOn: input.publishedOn === undefined ? `${year}-03-01` : input.publishedOn,
        visitStartedOn: `${year}-01-10`,
        visitEndedOn: `${year}-01-21`,
        judgements: [],
        format: 'text',
        pages: 1,
        fileName: 'report.txt',
        fileMediaType: 'text/plain',
        fileSize: 100,
        fileSha256: createHash('sha256').update(randomBytes(16)).digest('hex'),
        importedById: importer.id,
        deadlinesCountedFrom: `${year}-03-01`,
        deadlinesBasis: 'published',
        draftPlanDueOn: null,
        finalPlanDueOn: null,
      }),
    );
    const recommendations: Recommendation[] = [];
    const actions: Action[] = [];
    for (const [index, spec] of specs.entries()) {
      const ref = `R${index + 1}`;
      const recommendation = await em.save(
        em.create(Recommendation, {
          councilId: council.id,
          inspectionId: inspection.id,
          ref,
          position: index + 1,
          label: null,
          text: spec.text ?? `Improve the quality of plans for children, item ${index + 1}.`,
          subItems: [],
          section: 'What needs to improve',
          theme: null,
          priority: spec.priority ?? 'improvement',
          timescale: null,
          timescaleText: null,
          dueOn: null,
          responsible: spec.responsible ?? [council.name],
          page: 1,
        }),
      );
      recommendations.push(recommendation);
      for (const [seq, action] of (spec.actions ?? [{}]).entries()) {
        const status = action.status ?? 'draft';
        actions.push(
          await em.save(
            em.create(Action, {
              councilId: council.id,
              inspectionId: inspection.id,
              recommendationId: recommendation.id,
              reference: `${inspection.reference}-${ref}-${seq + 1}`,
              sequence: seq + 1,
              title: action.title ?? recommendation.text.slice(0, 80),
              description: null,
              successMeasure:
                action.successMeasure ?? (status === 'draft' ? null : 'Audits show plans are good'),
              ownerId: action.ownerId ?? null,
              organisationId: action.organisationId ?? null,
              dueOn: action.dueOn === undefined ? `${year}-09-01` : action.dueOn,
              originalDueOn: action.dueOn === undefined ? `${year}-09-01` : action.dueOn,
              status,
              statusReason:
                action.statusReason ??
                (status === 'blocked' || status === 'cancelled' ? 'Test reason' : null),
            }),
          ),
        );
      }
    }
    return { inspection, recommendations, actions };
  });
}
