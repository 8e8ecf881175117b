import { databaseConfig, type DatabaseConfig } from '@app/config';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { databaseOptions } from './database.options';

/**
 * The Postgres connection for the Nest apps. Entities register themselves with
 * TypeOrmModule.forFeature() in their own lib (autoLoadEntities).
 */
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
})
export class DatabaseModule {}
