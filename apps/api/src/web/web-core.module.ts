import { AuthModule } from '@app/auth';
import { PeopleModule } from '@app/people';
import { Module } from '@nestjs/common';
import { Csrf } from './csrf';
import { PageCsrfGuard } from './page-guards';
import { WebAuth } from './web-auth.service';
import { WebPages } from './web-pages';

/** What every area of the web pages shares: sign-in cookies, CSRF and the page frame. */
@Module({
  imports: [AuthModule, PeopleModule],
  providers: [WebAuth, Csrf, WebPages, PageCsrfGuard],
  exports: [WebAuth, Csrf, WebPages, PageCsrfGuard],
})
export class WebCoreModule {}
