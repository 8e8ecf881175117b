import { AuthModule } from '@app/auth';
import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';
import { WebSettingsController } from './web-settings.controller';

/** My settings: email preference and password. */
@Module({
  imports: [WebCoreModule, AuthModule],
  controllers: [WebSettingsController],
})
export class WebSettingsModule {}
