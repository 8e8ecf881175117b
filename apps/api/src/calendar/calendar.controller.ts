import { calendarActionsOf } from '@app/actions';
import {
  CalendarLinks,
  CurrentUser,
  hasRole,
  type Principal,
  Public,
  RequireRole,
} from '@app/auth';
import { mailConfig, type MailConfig } from '@app/config';
import { UsersService } from '@app/people';
import {
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsUUID, Matches } from 'class-validator';
import type { DataSource } from 'typeorm';
import { ApiRefusals } from '../common/api-refusals';
import { calendarFeed } from './calendar-feed';
import { calendarUrl } from './calendar-url';

/** /calendar/:userId/:file, where the file is `<token>.ics`. */
export class CalendarFeedPath {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  userId!: string;

  @ApiProperty({ example: 'q3A…Zk.ics', description: 'The link’s token, then .ics.' })
  @Matches(/^[A-Za-z0-9_-]{43}\.ics$/, { message: 'not a calendar link' })
  file!: string;
}

export class CalendarLinkDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'https://actions.example.gov.uk/api/calendar/7d9e…/q3A…Zk.ics',
    description: 'The private feed address to subscribe to; null when there is none.',
  })
  url!: string | null;
}

/**
 * Deadlines in people's own calendars: a private iCalendar feed of the actions each person owns
 * (a manager's also has their direct reports'), at an address only they are given. Calendar
 * apps cannot sign in, so the address is the key: it can be reset or stopped at any time.
 */
@ApiTags('calendar')
@Controller()
export class CalendarController {
  private readonly appUrl: string;

  constructor(
    private readonly links: CalendarLinks,
    private readonly users: UsersService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(mailConfig.KEY) config: MailConfig,
  ) {
    this.appUrl = config.appUrl;
  }

  @Get('me/calendar')
  @RequireRole('partner')
  @ApiOperation({ summary: 'My calendar link, if I have one' })
  @ApiOkResponse({ type: CalendarLinkDto })
  @ApiRefusals({ 401: 'No valid session.' })
  async link(@CurrentUser() principal: Principal): Promise<CalendarLinkDto> {
    const token = await this.links.tokenOf(principal.userId);
    return { url: token ? this.urlOf(principal.userId, token) : null };
  }

  @Post('me/calendar')
  @RequireRole('partner')
  @ApiOperation({
    summary: 'A new calendar link; any old one stops working at once',
  })
  @ApiCreatedResponse({ type: CalendarLinkDto })
  @ApiRefusals({ 401: 'No valid session.' })
  async reset(@CurrentUser() principal: Principal): Promise<CalendarLinkDto> {
    return { url: this.urlOf(principal.userId, await this.links.reset(principal.userId)) };
  }

  @Delete('me/calendar')
  @RequireRole('partner')
  @ApiOperation({ summary: 'Stop my calendar link' })
  @ApiOkResponse({ type: CalendarLinkDto })
  @ApiRefusals({ 401: 'No valid session.' })
  async stop(@CurrentUser() principal: Principal): Promise<CalendarLinkDto> {
    await this.links.stop(principal.userId);
    return { url: null };
  }

  @Get('calendar/:userId/:file')
  @Public()
  @HttpCode(200)
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: 'A person’s calendar feed (iCalendar), for calendar apps',
    description:
      'No sign-in: the address is the key. Each live action with a deadline is an all-day event: its reference, title, status and a link to its page, nothing more.',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'The feed.', schema: { type: 'string' } })
  @ApiRefusals({ 400: 'Not a calendar address.', 404: 'No such link, or it was reset or stopped.' })
  async feed(@Param() { userId, file }: CalendarFeedPath): Promise<string> {
    const holder = await this.links.holderOf(userId, file.slice(0, -'.ics'.length));
    if (!holder) throw new NotFoundException('No such calendar');
    const [person, actions] = await Promise.all([
      this.users.get(holder.councilId, holder.userId),
      calendarActionsOf(this.dataSource.manager, {
        councilId: holder.councilId,
        personId: holder.userId,
        team: hasRole(holder.role, 'manager'),
      }),
    ]);
    return calendarFeed(actions, {
      name: `Actions: ${person.name}`,
      appUrl: this.appUrl,
      host: new URL(this.appUrl).host,
    });
  }

  private urlOf(userId: string, token: string): string {
    return calendarUrl(this.appUrl, userId, token);
  }
}
