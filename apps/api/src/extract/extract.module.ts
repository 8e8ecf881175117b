import { Module } from '@nestjs/common';
import { ExtractController } from './extract.controller';

/** Stateless extraction: a report in, its recommendations out, nothing stored. */
@Module({ controllers: [ExtractController] })
export class ExtractModule {}
