import { CouncilsModule } from '@app/councils';
import { Module } from '@nestjs/common';
import { CouncilController } from './council.controller';

@Module({
  imports: [CouncilsModule],
  controllers: [CouncilController],
})
export class CouncilHttpModule {}
