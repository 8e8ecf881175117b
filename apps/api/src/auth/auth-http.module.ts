import { AuthModule } from '@app/auth';
import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthController } from './auth.controller';
import { loginThrottleOptions } from './login-throttle';
import { MeController } from './me.controller';

@Module({
  imports: [AuthModule, ThrottlerModule.forRootAsync(loginThrottleOptions)],
  controllers: [AuthController, MeController],
})
export class AuthHttpModule {}
