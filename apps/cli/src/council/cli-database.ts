import { PasswordHasher } from '@app/auth';
import { PeopleModule } from '@app/people';
import { type DatabaseConfig, loadDatabaseConfig, type RawEnv } from '@app/config';
import { databaseOptions } from '@app/database';
import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Just enough of the app for account commands: the database, councils and users, and password
 * hashing. No auth module, so neither JWT_SECRET nor REDIS_URL is needed.
 */
@Module({})
class CliDatabaseModule {
  static forConfig(config: DatabaseConfig, extra: DynamicModule[] = []): DynamicModule {
    return {
      module: CliDatabaseModule,
      imports: [
        ...extra,
        TypeOrmModule.forRoot({
          ...databaseOptions(config),
          autoLoadEntities: true,
          // Connected by withCliDatabase, not during Nest's boot: a refused connection then
          // reaches the command as one error (one line, exit 1) instead of being logged with a
          // stack and retried for half a minute.
          manualInitialization: true,
        }),
        PeopleModule,
      ],
      providers: [PasswordHasher],
      exports: [PeopleModule, PasswordHasher],
    };
  }
}

/**
 * Validates DATABASE_URL (only), starts a Nest context on it for `work`, and always closes it.
 * The context's services are reached with `app.get(CouncilsService)` and the like; `extra`
 * modules add what a command needs beyond councils and users.
 */
export async function withCliDatabase<T>(
  env: RawEnv,
  work: (app: INestApplicationContext) => Promise<T>,
  extra: DynamicModule[] = [],
): Promise<T> {
  const config = loadDatabaseConfig(env);
  const app = await NestFactory.createApplicationContext(
    CliDatabaseModule.forConfig(config, extra),
    {
      // Failures reach the command (and its one-line message) instead of exiting here; stdout
      // carries only the command's JSON.
      abortOnError: false,
      logger: ['error', 'warn'],
    },
  );
  try {
    await app.get(DataSource).initialize();
    return await work(app);
  } finally {
    await app.close();
  }
}
