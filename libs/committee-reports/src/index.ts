export * from './committee-report';
export { CommitteeReportsModule } from './committee-reports.module';
export { CommitteeReportsService, type ReportRequest } from './committee-reports.service';
