// The DataSource the TypeORM CLI loads (`npm run migration:generate -- migrations/AddActions`).
// Relative imports on purpose: the TypeORM CLI runs under ts-node, which ignores tsconfig paths.
import { loadDatabaseConfig } from '../config';
import { createDataSource } from '../libs/database/src/database.options';

export default createDataSource(loadDatabaseConfig(), { withEntities: true });
