import { extractReport, MAX_INPUT_BYTES, ReportInputError } from '@app/report-parser';
import { readFile, stat } from 'node:fs/promises';
import { Command, CommandRunner, Option } from 'nest-commander';
import { EXIT_USAGE } from '../cli-errors';
import { formatTable } from './format-table';

const FORMATS = ['json', 'table'] as const;
type OutputFormat = (typeof FORMATS)[number];

interface ExtractOptions {
  format: string;
}

/** A file that cannot be read at all: missing, a directory, not permitted, too big. */
class UnreadableFileError extends Error {}

async function readReport(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UnreadableFileError(`${path} is a directory, not a file.`);
    // Checked before reading, so a huge file is never loaded.
    if (info.size > MAX_INPUT_BYTES) {
      throw new UnreadableFileError(
        `${path} is ${(info.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_INPUT_BYTES / 1024 / 1024} MB.`,
      );
    }
    return await readFile(path);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(describeFsError(path, error));
  }
}

function describeFsError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${path}: no such file.`;
  if (code === 'EACCES' || code === 'EPERM') return `${path}: permission denied.`;
  return `${path}: cannot be read (${code ?? 'unknown error'}).`;
}

@Command({
  name: 'extract',
  arguments: '<file>',
  description: 'Read a report (PDF or plain text) and print its recommendations as JSON',
})
export class ExtractCommand extends CommandRunner {
  async run([file]: string[], options: ExtractOptions): Promise<void> {
    if (file === undefined) {
      // Commander already refuses a missing <file>; this only narrows the type.
      process.stderr.write('error: missing required argument: file (see --help)\n');
      process.exitCode = EXIT_USAGE;
      return;
    }
    if (!FORMATS.includes(options.format as OutputFormat)) {
      // nest-commander replaces commander's choices check with this class's option parser.
      process.stderr.write(`error: --format must be one of ${FORMATS.join(', ')} (see --help)\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    try {
      const result = await extractReport(await readReport(file));
      process.stdout.write(
        options.format === 'table' ? formatTable(result) : `${JSON.stringify(result, null, 2)}\n`,
      );
    } catch (error) {
      if (!(error instanceof ReportInputError || error instanceof UnreadableFileError)) throw error;
      // A file we cannot read is the caller's to fix, like a usage error: one line, status 2.
      process.stderr.write(`${error.message}\n`);
      process.exitCode = EXIT_USAGE;
    }
  }

  @Option({
    flags: '--format <format>',
    description: 'json (default), or table for reading in a terminal',
    defaultValue: 'json',
  })
  parseFormat(value: string): string {
    return value;
  }
}
