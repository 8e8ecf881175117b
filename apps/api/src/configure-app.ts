import { ErrorResponse, REQUEST_ID_HEADER, requestIdMiddleware } from '@app/common';
import { appConfig, type AppConfig } from '@app/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { Response } from 'express';
import helmet from 'helmet';
import { configureViews, cspNonce } from './web/views';

/**
 * Options for creating the HTTP app, in main.ts and in tests. Express's body parsers are off:
 * RequestBodyGuard reads each body after sign-in, within its route's limit.
 */
export const HTTP_APP_OPTIONS = { bodyParser: false } as const;

/**
 * Everything about the HTTP app that is not a module: middleware, CORS and the API docs. Both
 * main.ts and the e2e tests call it, so tests exercise the same stack as production.
 */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get<AppConfig>(appConfig.KEY);

  app.set('trust proxy', config.trustProxyHops);

  // First, so every response carries x-request-id, including refusals by middleware.
  app.use(requestIdMiddleware);
  app.use(cspNonce);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // TLS is the proxy's job (it sends HSTS). Upgrading requests would break /docs when
          // the API is reached over plain HTTP by anything but "localhost" (a demo on a LAN).
          upgradeInsecureRequests: null,
          // The GOV.UK template's one inline script carries this request's nonce.
          scriptSrc: [
            "'self'",
            (_req, res) => `'nonce-${String((res as Response).locals.cspNonce)}'`,
          ],
        },
      },
    }),
  );
  app.use(cookieParser());
  configureViews(app, { watch: config.nodeEnv === 'development' });

  // No list means same-origin only: no CORS headers at all.
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins, exposedHeaders: [REQUEST_ID_HEADER] });
  }

  const document = new DocumentBuilder()
    .setTitle('followthrough API')
    .setDescription('Turns inspection findings into tracked, owned, time-bound actions.')
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  SwaggerModule.setup(
    'api/docs',
    app,
    () => SwaggerModule.createDocument(app, document, { extraModels: [ErrorResponse] }),
    { jsonDocumentUrl: 'api/docs-json', yamlDocumentUrl: 'api/docs-yaml' },
  );

  return app;
}
