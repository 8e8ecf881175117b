import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLog } from './audit/audit-log';
import { ActionUpdate } from './entities/action-update.entity';
import { Action } from './entities/action.entity';
import { AuditEntry } from './entities/audit-entry.entity';
import { DeadlineRevision } from './entities/deadline-revision.entity';

/** The actions' tables and the audit log, for the modules that read or write actions. */
@Module({
  imports: [TypeOrmModule.forFeature([Action, ActionUpdate, DeadlineRevision, AuditEntry])],
  providers: [AuditLog],
  exports: [TypeOrmModule, AuditLog],
})
export class ActionsDataModule {}
