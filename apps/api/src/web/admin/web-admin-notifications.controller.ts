import type { Principal } from '@app/auth';
import { type NotificationKind, NotificationsService, type NotificationView } from '@app/reminders';
import { Get, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type ErrorLink, refusal } from '../forms';
import { pageOf, pagination } from '../tables';
import { dateTime, longDate } from '../view-models';
import { WebPages } from '../web-pages';
import { pageId, PagesController } from '../pipeline/pages-controller';

const PAGE_SIZE = 25;

const KIND_LABELS: Record<NotificationKind, string> = {
  assigned: 'New action',
  due_soon: 'Deadline reminder',
  overdue: 'Overdue reminder',
  escalation: 'Overdue, to line manager',
  admin_escalation: 'Overdue, to admins',
  digest: 'Weekly summary',
  deadline_changed: 'Deadline moved by someone else',
};

function row(notification: NotificationView) {
  return {
    id: notification.id,
    kind: KIND_LABELS[notification.kind],
    action: notification.action,
    dueOn: notification.dueOn ? longDate(notification.dueOn) : null,
    recipient: notification.recipient,
    attempts: notification.attempts,
    lastError: notification.lastError ?? 'No error recorded',
    createdAt: dateTime(notification.createdAt),
  };
}

/** /admin/notifications: emails that failed after every attempt, and sending them again. */
@PagesController('admin/notifications')
export class WebAdminNotificationsController {
  constructor(
    private readonly pages: WebPages,
    private readonly notifications: NotificationsService,
  ) {}

  @Get()
  async list(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.pages.signedIn(req, res, 'admin');
    await this.renderList(req, res, principal, pageOf(req.query), []);
  }

  @Post(':id/retry')
  async retry(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', pageId) id: string,
  ): Promise<void> {
    const principal = await this.pages.posted(req, res, 'admin');
    try {
      await this.notifications.retry(principal.councilId, id);
    } catch (error) {
      // Already queued again (a second click, or another admin): say so on the list.
      refusal(error, [HttpStatus.CONFLICT]);
      const text = 'This email has already been sent again or is waiting to be sent';
      await this.renderList(
        req,
        res,
        principal,
        1,
        [{ text, href: '#failed-emails' }],
        HttpStatus.BAD_REQUEST,
      );
      return;
    }
    this.pages.redirect(res, '/admin/notifications', 'Email queued again');
  }

  private async renderList(
    req: Request,
    res: Response,
    principal: Principal,
    page: number,
    errors: ErrorLink[],
    status: number = HttpStatus.OK,
  ): Promise<void> {
    const { items, total } = await this.notifications.list(principal.councilId, {
      status: 'failed',
      page,
      pageSize: PAGE_SIZE,
    });
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    await this.pages.render(
      req,
      res,
      principal,
      'admin/notifications',
      {
        title: 'Failed emails',
        section: 'admin',
        errors,
        total,
        notifications: items.map(row),
        pagination: pagination('/admin/notifications', {}, page, pages),
        from: total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1,
        to: Math.min(total, page * PAGE_SIZE),
      },
      status,
    );
  }
}
