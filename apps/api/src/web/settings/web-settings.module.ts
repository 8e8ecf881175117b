import { AuthModule } from '@app/auth';
import { Module } from '@nestjs/common';
import { SignInLimitModule } from '../../auth/sign-in-limit.module';
import { WebCoreModule } from '../web-core.module';
import { WebSettingsController } from './web-settings.controller';

/** My settings: email preference and password. */
@Module({
  imports: [WebCoreModule, AuthModule, SignInLimitModule],
  controllers: [WebSettingsController],
})
export class WebSettingsModule {}
