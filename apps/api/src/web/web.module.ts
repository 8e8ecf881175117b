import { ActionsModule } from '@app/actions';
import { AuthModule } from '@app/auth';
import { CouncilsModule } from '@app/councils';
import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { loginThrottleOptions } from '../auth/login-throttle';
import { Csrf } from './csrf';
import { WebAuth } from './web-auth.service';
import { WebController } from './web.controller';

/** The GOV.UK-style pages, served by the API process under `/`. */
@Module({
  // The same login limits as POST /auth/login, counted in the same Redis keys.
  imports: [
    AuthModule,
    CouncilsModule,
    ActionsModule,
    ThrottlerModule.forRootAsync(loginThrottleOptions),
  ],
  controllers: [WebController],
  providers: [WebAuth, Csrf],
})
export class WebModule {}
