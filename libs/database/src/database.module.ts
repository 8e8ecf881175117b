import { databaseConfig, type DatabaseConfig } from '@app/config';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseOptions } from './database.options';
import { SqlRunner } from './sql-runner';

/**
 * The Postgres connection for the Nest apps. Entities register themselves with
 * TypeOrmModule.forFeature() in their own lib (autoLoadEntities).
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (config: DatabaseConfig) => ({
        ...databaseOptions(config),
        autoLoadEntities: true,
      }),
    }),
  ],
  providers: [SqlRunner],
  exports: [SqlRunner],
})
export class DatabaseModule {}
