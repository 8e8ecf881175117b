import { CouncilIdColumn, IdColumn } from './columns';

/**
 * What every table a council owns starts with: a uuid key made by Postgres, and the council the
 * row belongs to (every query filters on it). Not an entity itself: TypeORM maps these columns
 * into each subclass's own table, first, as the migrations declare them.
 */
export abstract class CouncilOwnedEntity {
  @IdColumn() id!: string;
  @CouncilIdColumn() councilId!: string;
}
