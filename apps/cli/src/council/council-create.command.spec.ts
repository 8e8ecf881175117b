import { CouncilCreateCommand } from './council-create.command';
import { InvalidOptionValue } from './cli-options';

describe('council:create options', () => {
  const command = new CouncilCreateCommand({}, { line: () => undefined });

  it('trims the name and refuses a blank or overlong one', () => {
    expect(command.parseName('  Leeds City Council ')).toBe('Leeds City Council');
    expect(() => command.parseName('   ')).toThrow(InvalidOptionValue);
    expect(() => command.parseName('x'.repeat(201))).toThrow('at most 200');
  });

  it.each(['STK', 'AB', 'ABCDEFGH'])('accepts the code %s', (code) => {
    expect(command.parseCode(code)).toBe(code);
  });

  it.each(['stk', 'S', 'ABCDEFGHI', 'ST1', ' STK'])('refuses the code "%s"', (code) => {
    expect(() => command.parseCode(code)).toThrow(InvalidOptionValue);
  });

  it('makes errors commander reports as usage errors (exit 2)', () => {
    const error = new InvalidOptionValue('x');
    expect(error).toMatchObject({ code: 'commander.invalidArgument', exitCode: 2 });
  });
});
