import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import nunjucks from 'nunjucks';

/** govuk-frontend's dist folder: its templates ("govuk/template.njk"), CSS, JS and assets. */
const GOVUK_DIST = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
/** Our templates: copied beside the compiled code by the Nest CLI (nest-cli.json assets). */
export const VIEWS_DIR = join(__dirname, 'views');

/**
 * Server-rendered pages: Nunjucks over GOV.UK Frontend's templates, its static files, and a
 * fresh CSP nonce per request for the one inline script the GOV.UK template has.
 */
export function configureViews(app: NestExpressApplication, { watch }: { watch: boolean }): void {
  nunjucks.configure([VIEWS_DIR, GOVUK_DIST], {
    autoescape: true,
    throwOnUndefined: false,
    noCache: watch,
    express: app.getHttpAdapter().getInstance(),
  });
  app.setBaseViewsDir(VIEWS_DIR);
  app.setViewEngine('njk');
  // Long-lived caching is the CDN's or proxy's call; the files change only with a release.
  app.useStaticAssets(join(GOVUK_DIST, 'govuk', 'assets'), { prefix: '/assets', index: false });
  // The built CSS and JS (the package's public files; its Sass and templates sit beside them).
  app.useStaticAssets(join(GOVUK_DIST, 'govuk'), { prefix: '/govuk-frontend', index: false });
}

/** Sets `res.locals.cspNonce`; helmet's CSP allows scripts carrying it. */
export function cspNonce(_req: Request, res: Response, next: NextFunction): void {
  res.locals.cspNonce = randomBytes(16).toString('base64');
  next();
}
