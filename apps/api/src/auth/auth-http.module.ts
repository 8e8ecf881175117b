import { AuthModule } from '@app/auth';
import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { MeController } from './me.controller';
import { SignInLimitModule } from './sign-in-limit.module';

@Module({
  imports: [AuthModule, SignInLimitModule],
  controllers: [AuthController, MeController],
})
export class AuthHttpModule {}
