import { Module } from '@nestjs/common';
import { SignInLimiter } from './sign-in-limiter';

/** The shared sign-in count, for every module with a door that checks a password. */
@Module({
  providers: [SignInLimiter],
  exports: [SignInLimiter],
})
export class SignInLimitModule {}
