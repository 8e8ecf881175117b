import { AuthModule } from '@app/auth';
import { RemindersModule } from '@app/reminders';
import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module';
import { WebAdminCouncilController } from './web-admin-council.controller';
import { WebAdminNotificationsController } from './web-admin-notifications.controller';
import { WebAdminOrganisationsController } from './web-admin-organisations.controller';
import { WebAdminSsoController } from './web-admin-sso.controller';
import { WebAdminUsersController } from './web-admin-users.controller';
import { WebAdminController } from './web-admin.controller';

/** For admins: people, council settings and failed emails. */
@Module({
  imports: [WebCoreModule, AuthModule, RemindersModule],
  controllers: [
    WebAdminController,
    WebAdminUsersController,
    WebAdminOrganisationsController,
    WebAdminCouncilController,
    WebAdminSsoController,
    WebAdminNotificationsController,
  ],
})
export class WebAdminModule {}
