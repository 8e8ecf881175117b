import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLog } from './audit/audit-log';
import { ActionUpdate } from './entities/action-update.entity';
import { Action } from './entities/action.entity';
import { AuditEntry } from './entities/audit-entry.entity';
import { DeadlineRevision } from './entities/deadline-revision.entity';
import { InspectionFile } from './entities/inspection-file.entity';
import { Inspection } from './entities/inspection.entity';
import { Recommendation } from './entities/recommendation.entity';
import { InspectionSuggestion } from './entities/suggestion.entity';
import { ProgressService } from './progress/progress.service';

/** The action-plan tables, the audit log and progress counts, shared by the inspections, actions and dashboard modules. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Inspection,
      InspectionFile,
      Recommendation,
      Action,
      ActionUpdate,
      DeadlineRevision,
      AuditEntry,
      InspectionSuggestion,
    ]),
  ],
  providers: [AuditLog, ProgressService],
  exports: [TypeOrmModule, AuditLog, ProgressService],
})
export class ActionsDataModule {}
