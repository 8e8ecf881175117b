import { AuthModule } from '@app/auth';
import { Module } from '@nestjs/common';
import { UsersController } from './users.controller';

@Module({
  imports: [AuthModule],
  controllers: [UsersController],
})
export class UsersHttpModule {}
