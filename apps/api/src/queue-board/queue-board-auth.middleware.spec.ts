import { basicCredentials } from './queue-board-auth.middleware';

const basic = (value: string) => `Basic ${Buffer.from(value).toString('base64')}`;

describe('basicCredentials', () => {
  it('reads user:password from a Basic header', () => {
    expect(basicCredentials(basic('operator:s3cret:with:colons'))).toBe(
      'operator:s3cret:with:colons',
    );
  });

  it('is undefined for anything else', () => {
    expect(basicCredentials(undefined)).toBeUndefined();
    expect(basicCredentials('Bearer a.b.c')).toBeUndefined();
    expect(basicCredentials('Basic ')).toBeUndefined();
    expect(basicCredentials(`Basic ${'A'.repeat(2000)}`)).toBeUndefined();
  });
});
