import { CommandFactory } from 'nest-commander';
import { CliErrorBridge, CliMainModule } from './cli-error-bridge';
import {
  applyUsageErrorHandling,
  type CommanderNode,
  describeCommandFailure,
  EXIT_FAILURE,
} from './cli-errors';

const writeErr = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

async function main(): Promise<void> {
  const app = await CommandFactory.createWithoutRunning(CliMainModule, {
    // Only problems: stdout belongs to the commands' output.
    logger: ['error', 'warn'],
    serviceErrorHandler: (error: Error) => {
      writeErr(describeCommandFailure(error));
      process.exitCode = EXIT_FAILURE;
    },
  });
  const root = app.get(CliErrorBridge).commander as CommanderNode;
  root.name('followthrough');
  applyUsageErrorHandling(root, (code) => process.exit(code), writeErr);
  try {
    await CommandFactory.runApplication(app);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  writeErr(describeCommandFailure(error));
  process.exit(EXIT_FAILURE);
});
