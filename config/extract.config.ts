import type { ConfigType } from '@nestjs/config';
import { configNamespace } from './config-namespace';
import type { EnvDto } from './env.dto';

const EXTRACT_ENV_KEYS = [
  'EXTRACT_MAX_PAGES',
  'EXTRACT_MAX_CHARS',
  'EXTRACT_TIMEOUT_MS',
  'EXTRACT_THREADS',
  'EXTRACT_MEMORY_MB',
  'EXTRACT_QUEUE_PER_COUNCIL',
] as const;

export function toExtractConfig(env: Pick<EnvDto, (typeof EXTRACT_ENV_KEYS)[number]>) {
  return {
    /** A report with more pages is refused before any page is read. */
    maxPages: env.EXTRACT_MAX_PAGES,
    /** Characters of text (spaces aside in a PDF) read before a report is refused. */
    maxChars: env.EXTRACT_MAX_CHARS,
    /** One report's reading time before its thread is ended. */
    timeoutMs: env.EXTRACT_TIMEOUT_MS,
    /** Parser threads in this process. */
    threads: env.EXTRACT_THREADS,
    /** Per thread: its JavaScript heap and PDFium's memory are each held to this. */
    memoryMb: env.EXTRACT_MEMORY_MB,
    /** Reports one council may have waiting for a thread in this process. */
    queuePerCouncil: env.EXTRACT_QUEUE_PER_COUNCIL,
  };
}

const extract = configNamespace('extract', EXTRACT_ENV_KEYS, toExtractConfig);

/** Validates and reads only the `extract` variables, for code that runs without Nest. */
export const loadExtractConfig = extract.load;

/** Inject with `@Inject(extractConfig.KEY) config: ExtractConfig`. */
export const extractConfig = extract.config;
export type ExtractConfig = ConfigType<typeof extractConfig>;
