export { assembleDashboard, type Dashboard, type DashboardOwner } from './dashboard';
export { DashboardModule } from './dashboard.module';
export { dashboardQuery, type DashboardRow, type NamedQuery } from './dashboard.queries';
export { DashboardService } from './dashboard.service';
export { type InspectionOption, ReportsService } from './reports.service';
