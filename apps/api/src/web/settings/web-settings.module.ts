import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';

/** My settings: email preference and password. */
@Module({
  imports: [WebCoreModule],
  controllers: [],
})
export class WebSettingsModule {}
