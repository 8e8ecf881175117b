import { Public } from '@app/auth';
import { BodyLimit } from '@app/common';
import { Body, Controller, Get, Module, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { IsString } from 'class-validator';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

class EchoDto {
  @IsString()
  name!: string;
}

/** Routes that exist only in this test, to reach the error paths through real HTTP. */
@Public()
@Controller('test-only')
class TestOnlyController {
  @Post('echo')
  echo(@Body() body: EchoDto): EchoDto {
    return body;
  }

  @Get('boom')
  boom(): never {
    throw new Error('db password=hunter2 at /srv/app/secret.ts:42');
  }

  @Post('upload')
  @BodyLimit(1024, { multipart: true })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 16 } }))
  upload(@UploadedFile() file?: { size: number }): { size: number } {
    return { size: file?.size ?? 0 };
  }
}

@Module({ controllers: [TestOnlyController] })
class TestOnlyModule {}

describe('error responses (e2e)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ imports: [TestOnlyModule] });
  });

  afterAll(() => testApp?.close());

  function expectErrorShape(
    response: request.Response,
    statusCode: number,
    error: string,
  ): { message: string; requestId: string } {
    const body = response.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['error', 'message', 'requestId', 'statusCode']);
    expect(body.statusCode).toBe(statusCode);
    expect(body.error).toBe(error);
    expect(typeof body.message).toBe('string');
    expect(response.headers['x-request-id']).toBe(body.requestId);
    return body as { message: string; requestId: string };
  }

  it('answers an unknown route with 404 in the error shape and a request id', async () => {
    const response = await request(testApp.server).get('/no/such/route').expect(404);
    const body = expectErrorShape(response, 404, 'Not Found');
    expect(body.message).toBe('Cannot GET /no/such/route');
    expect(body.requestId).toMatch(UUID);
  });

  it('echoes a valid x-request-id from the caller', async () => {
    const response = await request(testApp.server)
      .get('/no/such/route')
      .set('x-request-id', 'caller-trace_42')
      .expect(404);
    expect(expectErrorShape(response, 404, 'Not Found').requestId).toBe('caller-trace_42');
  });

  it('replaces an invalid x-request-id', async () => {
    const response = await request(testApp.server)
      .get('/health/live')
      .set('x-request-id', 'x'.repeat(65))
      .expect(200);
    expect(response.headers['x-request-id']).toMatch(UUID);
  });

  it('gives successful responses a request id too', async () => {
    const response = await request(testApp.server).get('/health/live').expect(200);
    expect(response.headers['x-request-id']).toMatch(UUID);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await request(testApp.server)
      .post('/test-only/echo')
      .set('content-type', 'application/json')
      .send('{"name": "unterminated')
      .expect(400);
    expectErrorShape(response, 400, 'Bad Request');
  });

  it('answers a JSON body over the route’s limit with 413, naming the limit', async () => {
    // Only the routes that take a report accept more than the default 100 KB.
    const response = await request(testApp.server)
      .post('/test-only/echo')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(101 * 1024) }))
      .expect(413);
    expect(expectErrorShape(response, 413, 'Payload Too Large').message).toBe(
      'Request body too large: this address accepts up to 100 KB',
    );
  });

  it('joins validation problems into one message', async () => {
    const response = await request(testApp.server)
      .post('/test-only/echo')
      .send({ name: 7, extra: true })
      .expect(400);
    const { message } = expectErrorShape(response, 400, 'Bad Request');
    expect(message.split('; ').sort()).toEqual([
      'name must be a string',
      'property extra should not exist',
    ]);
  });

  it('refuses NUL characters, which Postgres cannot store, with 400 not 500', async () => {
    const body = await request(testApp.server)
      .post('/test-only/echo')
      .send({ name: 'a\u0000b' })
      .expect(400);
    expect(expectErrorShape(body, 400, 'Bad Request').message).toBe(
      'name must not contain NUL (\\u0000) characters',
    );
  });

  it('accepts a valid body (the pipe is not rejecting everything)', async () => {
    await request(testApp.server)
      .post('/test-only/echo')
      .send({ name: 'Ofsted' })
      .expect(201, { name: 'Ofsted' });
  });

  it('hides unexpected errors behind a generic 500', async () => {
    const response = await request(testApp.server).get('/test-only/boom').expect(500);
    expect(expectErrorShape(response, 500, 'Internal Server Error').message).toBe(
      'Internal server error',
    );
    expect(response.text).not.toMatch(/hunter2|secret\.ts|at /);
  });

  it('answers an oversized upload with 413', async () => {
    const response = await request(testApp.server)
      .post('/test-only/upload')
      .attach('file', Buffer.alloc(64, 1), 'big.bin')
      .expect(413);
    expectErrorShape(response, 413, 'Payload Too Large');
  });

  it('answers an upload in an unexpected field with 400', async () => {
    const response = await request(testApp.server)
      .post('/test-only/upload')
      .attach('other', Buffer.alloc(4, 1), 'small.bin')
      .expect(400);
    expectErrorShape(response, 400, 'Bad Request');
  });

  it('sends security headers and no CORS headers by default', async () => {
    const response = await request(testApp.server)
      .get('/health/live')
      .set('origin', 'https://elsewhere.example')
      .expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
