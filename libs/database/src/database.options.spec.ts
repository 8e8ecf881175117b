import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createDataSource, databaseOptions, MIGRATIONS_GLOB } from './database.options';

const config = { url: 'postgres://postgres@127.0.0.1:5432/followthrough' };

describe('databaseOptions', () => {
  it('never changes the schema on its own', () => {
    expect(databaseOptions(config)).toMatchObject({
      type: 'postgres',
      url: config.url,
      synchronize: false,
      migrationsRun: false,
    });
  });

  it('points at the repository migrations folder, excluding data-source.ts', () => {
    const folder = dirname(MIGRATIONS_GLOB);
    expect(folder).toBe(join(__dirname, '..', '..', '..', 'migrations'));
    expect(existsSync(join(folder, 'data-source.ts'))).toBe(true);
    expect(MIGRATIONS_GLOB.endsWith('[0-9]*-*.{ts,js}')).toBe(true);
  });

  it('builds an uninitialised DataSource for the CLI, with entities only when asked', () => {
    const dataSource = createDataSource(config);
    expect(dataSource.isInitialized).toBe(false);
    expect(dataSource.options.entities).toEqual([]);
    expect(createDataSource(config, { withEntities: true }).options.entities).toHaveLength(1);
  });
});
