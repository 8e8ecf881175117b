import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';

/** For admins: people, council settings and failed emails. */
@Module({
  imports: [WebCoreModule],
  controllers: [],
})
export class WebAdminModule {}
