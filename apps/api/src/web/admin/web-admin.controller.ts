import { RequireRole } from '@app/auth';
import { Get } from '@nestjs/common';
import { type PageLocals, PageView } from '../pipeline/page';
import { PagesController } from '../pipeline/pages-controller';

/** GET /admin: where admins find people, council settings and failed emails. */
@PagesController('admin')
@RequireRole('admin')
export class WebAdminController {
  @Get()
  @PageView('admin/index')
  hub(): PageLocals {
    return { title: 'Admin', section: 'admin' };
  }
}
