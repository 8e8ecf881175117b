import { Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { WebPages } from '../web-pages';
import { PagesController } from '../pipeline/pages-controller';

/** GET /admin: where admins find people, council settings and failed emails. */
@PagesController('admin')
export class WebAdminController {
  constructor(private readonly pages: WebPages) {}

  @Get()
  async hub(@Req() req: Request, @Res() res: Response): Promise<void> {
    const principal = await this.pages.signedIn(req, res, 'admin');
    await this.pages.render(req, res, principal, 'admin/index', {
      title: 'Admin',
      section: 'admin',
    });
  }
}
