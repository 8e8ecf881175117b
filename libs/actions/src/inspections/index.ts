export { InspectionsModule } from './inspections.module';
