import { CurrentUser, type Principal, RequireRole } from '@app/auth';
import { NotificationsService } from '@app/reminders';
import { ConflictException, Get, Param, Query } from '@nestjs/common';
import type { ErrorLink } from '../forms';
import { signedInAs } from '../page-guards';
import { FormPost } from '../pipeline/form-post';
import { FormRejected } from '../pipeline/form-rejected';
import { type PageLocals, PageView, SeeOther } from '../pipeline/page';
import { pageId, PagesController } from '../pipeline/pages-controller';
import { pageOf } from '../tables';
import { failedEmailsPage, NOTIFICATIONS_PAGE_SIZE } from './notifications.presenter';

const NOTIFICATIONS_VIEW = 'admin/notifications';

/** /admin/notifications: emails that failed after every attempt, and sending them again. */
@PagesController('admin/notifications')
@RequireRole('admin')
export class WebAdminNotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @PageView(NOTIFICATIONS_VIEW)
  list(@CurrentUser() user: Principal, @Query('page') page?: string): Promise<PageLocals> {
    return this.listPage(user, pageOf({ page }));
  }

  /** The same resend as POST /api/notifications/:id/retry. */
  @FormPost(':id/retry', {
    view: NOTIFICATIONS_VIEW,
    showAgain: (controller: WebAdminNotificationsController, req, state) =>
      controller.listPage(signedInAs(req), 1, state.errors),
  })
  async retry(@CurrentUser() user: Principal, @Param('id', pageId) id: string): Promise<SeeOther> {
    try {
      await this.notifications.retry(user.councilId, id);
    } catch (error) {
      // Already queued again (a second click, or another admin): said on the list, not an error.
      if (!(error instanceof ConflictException)) throw error;
      throw FormRejected.summary(
        'This email has already been sent again or is waiting to be sent',
        '#failed-emails',
      );
    }
    return new SeeOther('/admin/notifications', 'Email queued again');
  }

  async listPage(user: Principal, page: number, errors: ErrorLink[] = []): Promise<PageLocals> {
    const failed = await this.notifications.list(user.councilId, {
      status: 'failed',
      page,
      pageSize: NOTIFICATIONS_PAGE_SIZE,
    });
    return failedEmailsPage(failed, page, errors);
  }
}
