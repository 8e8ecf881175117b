import { CurrentUser, type Principal, RequireRole } from '@app/auth';
import { NotificationsService } from '@app/reminders';
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiRefusals } from '../common/api-refusals';
import { ListNotificationsQuery } from './dto/list-notifications.query';
import { NotificationDto, NotificationListDto } from './dto/notification.dto';

/** The record of every reminder and escalation email in the caller's council (managers). */
@ApiTags('notifications')
@Controller('notifications')
@RequireRole('manager')
@ApiRefusals({ 401: 'No live session.', 403: 'Managers and admins only.' })
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary: 'Emails owed, sent, failed or cancelled, newest first',
    description: '`?status=failed` lists what could not be delivered after every attempt.',
  })
  @ApiOkResponse({ type: NotificationListDto })
  @ApiRefusals({ 400: 'Invalid or unknown parameters.' })
  async list(
    @CurrentUser() principal: Principal,
    @Query() query: ListNotificationsQuery,
  ): Promise<NotificationListDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const { items, total } = await this.notifications.list(principal.councilId, {
      status: query.status,
      kind: query.kind,
      actionId: query.actionId,
      page,
      pageSize,
    });
    return { items, total, page, pageSize };
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed email again, with fresh attempts' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiRefusals({ 404: 'No such notification in your council.', 409: 'It has not failed.' })
  async retry(
    @CurrentUser() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<NotificationDto> {
    return this.notifications.retry(principal.councilId, id);
  }
}
