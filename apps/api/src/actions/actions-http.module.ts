import { Module } from '@nestjs/common';

@Module({
  imports: [],
  controllers: [],
})
export class ActionsHttpModule {}
