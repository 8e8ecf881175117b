import { AuthModule } from '@app/auth';
import { CouncilsModule } from '@app/councils';
import { Module } from '@nestjs/common';
import { Csrf } from './csrf';
import { PageCsrfGuard, PageSessionGuard } from './page-guards';
import { WebAuth } from './web-auth.service';
import { WebPages } from './web-pages';

/** What every area of the web pages shares: sign-in cookies, CSRF and the page frame. */
@Module({
  imports: [AuthModule, CouncilsModule],
  providers: [WebAuth, Csrf, WebPages, PageSessionGuard, PageCsrfGuard],
  exports: [WebAuth, Csrf, WebPages, PageSessionGuard, PageCsrfGuard],
})
export class WebCoreModule {}
