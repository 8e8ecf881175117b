import { AuthModule } from '@app/auth';
import { CouncilsModule } from '@app/councils';
import { Module } from '@nestjs/common';
import { Csrf } from './csrf';
import { PageCsrfGuard } from './page-guards';
import { WebAuth } from './web-auth.service';
import { WebPages } from './web-pages';

/** What every area of the web pages shares: sign-in cookies, CSRF and the page frame. */
@Module({
  imports: [AuthModule, CouncilsModule],
  providers: [WebAuth, Csrf, WebPages, PageCsrfGuard],
  exports: [WebAuth, Csrf, WebPages, PageCsrfGuard],
})
export class WebCoreModule {}
