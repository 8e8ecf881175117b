import { connect } from 'node:net';
import { createTransport } from 'nodemailer';
import request from 'supertest';
import { DevMailModule } from '../../apps/api/src/dev-mail/dev-mail.module';
import { createTestApp, type TestApp } from '../support/app';
import { freePort } from '../support/ports';

/** Whether something accepts TCP connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** DevMailModule is added here too, so this file does not depend on AppModule's wiring. */
function appWithSink(env: Record<string, string | undefined>): Promise<TestApp> {
  return createTestApp({ env, imports: [DevMailModule] });
}

function devEnv(port: number): Record<string, string> {
  return {
    NODE_ENV: 'development',
    DEV_MAIL_SINK_PORT: String(port),
    SMTP_URL: `smtp://127.0.0.1:${port}`,
  };
}

const message = {
  from: 'followthrough <no-reply@example.org>',
  text: 'Hello Priya,\n\nThis action is due in 7 days.\n',
  html: '<!DOCTYPE html><html lang="en"><body><p>Hello Priya,</p></body></html>',
};

describe('dev mail (e2e)', () => {
  describe('with the sink on (development, DEV_MAIL_SINK_PORT set)', () => {
    let testApp: TestApp;
    let port: number;

    beforeAll(async () => {
      port = await freePort();
      testApp = await appWithSink(devEnv(port));
      const client = createTransport({ host: '127.0.0.1', port, secure: false });
      await client.sendMail({ ...message, to: 'priya@example.org', subject: 'First' });
      await client.sendMail({
        ...message,
        to: 'Sam Jones <sam@example.org>',
        subject: 'Second',
        messageId: '<batch-2@followthrough>',
      });
    });

    afterAll(() => testApp?.close());

    it('GET /dev/mail lists caught mail newest first, without logging in', async () => {
      const response = await request(testApp.server).get('/dev/mail').expect(200);
      expect(response.body).toEqual({
        items: [
          {
            id: '2',
            receivedAt: expect.any(String) as string,
            to: ['sam@example.org'],
            subject: 'Second',
          },
          {
            id: '1',
            receivedAt: expect.any(String) as string,
            to: ['priya@example.org'],
            subject: 'First',
          },
        ],
        total: 2,
      });
    });

    it('GET /dev/mail/:id returns the whole message', async () => {
      const response = await request(testApp.server).get('/dev/mail/2').expect(200);
      expect(response.body).toMatchObject({
        id: '2',
        from: 'followthrough <no-reply@example.org>',
        to: ['sam@example.org'],
        subject: 'Second',
        text: message.text,
        html: message.html,
        messageId: '<batch-2@followthrough>',
      });
      expect((response.body as { headers: Record<string, string> }).headers).toMatchObject({
        to: 'Sam Jones <sam@example.org>',
      });
    });

    it('GET /dev/mail/:id/html serves the HTML part as a page that cannot run scripts', async () => {
      const response = await request(testApp.server).get('/dev/mail/1/html').expect(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-security-policy']).toContain("default-src 'none'");
      expect(response.text).toBe(message.html);
    });

    it('an unknown id is 404 in the usual error shape', async () => {
      const response = await request(testApp.server).get('/dev/mail/999').expect(404);
      expect(response.body).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: 'No caught message with that id',
        requestId: expect.any(String) as string,
      });
      await request(testApp.server).get('/dev/mail/999/html').expect(404);
    });

    it('is not in the API docs', async () => {
      const response = await request(testApp.server).get('/api/docs-json').expect(200);
      const paths = Object.keys((response.body as { paths: Record<string, unknown> }).paths);
      expect(paths.filter((path) => path.startsWith('/dev'))).toEqual([]);
    });
  });

  it('stops the sink when the app shuts down', async () => {
    const port = await freePort();
    const testApp = await appWithSink(devEnv(port));
    try {
      expect(await listening(port)).toBe(true);
    } finally {
      await testApp.close();
    }
    expect(await listening(port)).toBe(false);
  });

  it.each([
    [
      'outside development, whatever the port says',
      (port: number) => ({ ...devEnv(port), NODE_ENV: 'test' }),
    ],
    [
      // The default NODE_ENV is development for everything else; /dev/mail shows every
      // council's email without sign-in, so it needs development said out loud.
      'with NODE_ENV unset',
      (port: number) => ({ ...devEnv(port), NODE_ENV: undefined }),
    ],
    [
      'in production',
      (port: number) => ({
        ...devEnv(port),
        NODE_ENV: 'production',
        APP_URL: 'https://actions.example.gov.uk',
      }),
    ],
    [
      'in development with DEV_MAIL_SINK_PORT=0',
      (port: number) => ({ ...devEnv(port), DEV_MAIL_SINK_PORT: '0' }),
    ],
  ])('is off %s: no sink, and the routes are 404', async (_case, envFor) => {
    const port = await freePort();
    const testApp = await appWithSink(envFor(port));
    try {
      expect(await listening(port)).toBe(false);
      for (const path of ['/dev/mail', '/dev/mail/1', '/dev/mail/1/html']) {
        const response = await request(testApp.server).get(path).expect(404);
        expect(response.body).toMatchObject({
          statusCode: 404,
          error: 'Not Found',
          message: `Cannot GET ${path}`,
        });
      }
    } finally {
      await testApp.close();
    }
  });
});
