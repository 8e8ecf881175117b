import { EnvValidationError } from '@app/config';
import {
  applyUsageErrorHandling,
  type CommanderExit,
  type CommanderNode,
  describeCommandFailure,
  EXIT_USAGE,
} from './cli-errors';

class FakeCommand implements CommanderNode {
  onExit?: (error: CommanderExit) => never;
  outputError?: (text: string) => void;

  constructor(readonly commands: FakeCommand[] = []) {}

  name(): this {
    return this;
  }

  exitOverride(handler: (error: CommanderExit) => never): this {
    this.onExit = handler;
    return this;
  }

  configureOutput(config: { outputError: (text: string) => void }): this {
    this.outputError = config.outputError;
    return this;
  }
}

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function setUp() {
  const sub = new FakeCommand();
  const root = new FakeCommand([sub]);
  const errors: string[] = [];
  applyUsageErrorHandling(
    root,
    (code) => {
      throw new Exit(code);
    },
    (text) => errors.push(text),
  );
  const exitCodeOf = (command: FakeCommand, error: CommanderExit): number => {
    try {
      command.onExit?.(error);
    } catch (exit) {
      if (exit instanceof Exit) return exit.code;
      throw exit;
    }
    throw new Error('handler did not exit');
  };
  return { root, sub, errors, exitCodeOf };
}

describe('applyUsageErrorHandling', () => {
  it('exits 2 with one line for a usage error, on subcommands too', () => {
    const { sub, errors, exitCodeOf } = setUp();
    const code = exitCodeOf(sub, {
      code: 'commander.unknownOption',
      exitCode: 1,
      message: "error: unknown option '--nope'",
    });
    expect(code).toBe(EXIT_USAGE);
    expect(errors).toEqual(["error: unknown option '--nope' (see --help)"]);
    // Commander's own printing is silenced so the message appears once.
    expect(sub.outputError).toBeDefined();
  });

  it('exits 0 after --help', () => {
    const { root, errors, exitCodeOf } = setUp();
    expect(
      exitCodeOf(root, { code: 'commander.helpDisplayed', exitCode: 0, message: '(outputHelp)' }),
    ).toBe(0);
    expect(errors).toEqual([]);
  });

  it('exits 2 without repeating the help shown for a missing command', () => {
    const { root, errors, exitCodeOf } = setUp();
    expect(exitCodeOf(root, { code: 'commander.help', exitCode: 1, message: '(outputHelp)' })).toBe(
      EXIT_USAGE,
    );
    expect(errors).toEqual([]);
  });
});

describe('describeCommandFailure', () => {
  it('prints environment problems as they are', () => {
    expect(
      describeCommandFailure(
        new EnvValidationError(['DATABASE_URL is required (a postgres:// URL)']),
      ),
    ).toBe('Invalid environment: DATABASE_URL is required (a postgres:// URL)');
  });

  it('keeps other failures on one line', () => {
    expect(describeCommandFailure(new Error('connect ECONNREFUSED\n  127.0.0.1:5432'))).toBe(
      'error: connect ECONNREFUSED 127.0.0.1:5432',
    );
  });
});
