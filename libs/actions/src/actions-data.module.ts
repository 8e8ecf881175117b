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

/** The action-plan tables and the audit log, shared by the inspections, actions and dashboard modules. */
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
    ]),
  ],
  providers: [AuditLog],
  exports: [TypeOrmModule, AuditLog],
})
export class ActionsDataModule {}
