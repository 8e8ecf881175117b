import { dropTemplateDatabase } from './database';

/** jest globalTeardown: the per-file databases are dropped by their files; this drops the template. */
export default async function globalTeardown(): Promise<void> {
  await dropTemplateDatabase();
}
