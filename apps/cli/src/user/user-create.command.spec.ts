import { Readable } from 'node:stream';
import { InvalidOptionValue } from '../council/cli-options';
import { readPasswordFromStdin, stripOneNewline } from './read-password';
import { UserCreateCommand } from './user-create.command';

describe('user:create options', () => {
  const command = new UserCreateCommand({}, { line: () => undefined });

  it('accepts the three roles and nothing else', () => {
    expect(['staff', 'manager', 'admin'].map((role) => command.parseRole(role))).toEqual([
      'staff',
      'manager',
      'admin',
    ]);
    for (const role of ['Admin', 'boss', '']) {
      expect(() => command.parseRole(role)).toThrow(InvalidOptionValue);
    }
  });

  it('wants email addresses for --email and --line-manager', () => {
    expect(command.parseEmail(' a@b.gov.uk ')).toBe('a@b.gov.uk');
    expect(command.parseLineManager('Boss@Stockport.gov.uk')).toBe('Boss@Stockport.gov.uk');
    for (const value of ['not-an-email', 'a@', '', `${'a'.repeat(250)}@b.uk`]) {
      expect(() => command.parseEmail(value)).toThrow(InvalidOptionValue);
      expect(() => command.parseLineManager(value)).toThrow(InvalidOptionValue);
    }
  });

  it('refuses a blank council, name or team', () => {
    expect(command.parseTeam(' Front door ')).toBe('Front door');
    expect(() => command.parseCouncil(' ')).toThrow(InvalidOptionValue);
    expect(() => command.parseName('')).toThrow(InvalidOptionValue);
    expect(() => command.parseTeam('x'.repeat(101))).toThrow('at most 100');
  });
});

describe('reading the password', () => {
  it.each([
    ['secret\n', 'secret'],
    ['secret\r\n', 'secret'],
    ['secret', 'secret'],
    ['secret\n\n', 'secret\n'],
    ['  secret  \n', '  secret  '],
  ])('%j → %j', (input, password) => {
    expect(stripOneNewline(input)).toBe(password);
  });

  it('reads every chunk of the stream', async () => {
    await expect(readPasswordFromStdin(Readable.from(['long ', 'pass', 'phrase\n']))).resolves.toBe(
      'long passphrase',
    );
  });
});
