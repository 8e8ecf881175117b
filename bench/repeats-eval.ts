/**
 * `npm run eval:repeats`: precision and recall of the repeat-finding matcher on labelled pairs
 * from the public corpus (see libs/repeat-findings/src/testing/corpus-labels.ts for how they
 * were labelled), over a sweep of thresholds, beside the threshold the matcher uses. The
 * reports are read and extracted here, at run time; their text is never stored.
 */
import './register-paths';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { extractReport } from '@app/report-parser';
import { REPEAT_THRESHOLD, scorePairs } from '@app/repeat-findings';
import {
  bestByF1,
  measureAt,
  QUERY_FILES,
  REPEATS,
  sweep,
  type Measured,
  type ScoredPair,
} from '@app/repeat-findings/testing';

// Compiled to dist/bench/bench/: ../shared is four levels up, as in extract.bench.ts.
const shared = join(__dirname, '../../../../shared');
const corpusDirs = (
  process.env.CORPUS_DIR?.split(delimiter) ?? [join(shared, 'corpus'), join(shared, 'corpus-next')]
).map((dir) => resolve(dir));

interface ExpectedFile {
  file: string;
}

const key = (file: string, position: number): string => `${file}#${position}`;

async function listItems(): Promise<Map<string, string[]>> {
  const items = new Map<string, string[]>();
  for (const dir of corpusDirs) {
    for (const name of readdirSync(dir)
      .filter((n) => n.endsWith('.expected.json'))
      .sort()) {
      const { file } = JSON.parse(readFileSync(join(dir, name), 'utf8')) as ExpectedFile;
      const result = await extractReport(readFileSync(join(dir, file)));
      items.set(
        file,
        result.recommendations.map((rec) => rec.text),
      );
    }
  }
  return items;
}

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;
const row = (m: Measured): string =>
  [
    m.threshold.toFixed(3).padStart(9),
    pct(m.precision).padStart(9),
    pct(m.recall).padStart(7),
    m.f1.toFixed(3).padStart(6),
    String(m.truePositives).padStart(4),
    String(m.falsePositives).padStart(4),
    String(m.falseNegatives).padStart(4),
  ].join(' ');

async function main(): Promise<void> {
  const missing = corpusDirs.filter((dir) => !existsSync(dir));
  if (missing.length > 0) {
    console.error(`No corpus at ${missing.join(', ')}; set CORPUS_DIR.`);
    process.exit(2);
  }
  const items = await listItems();
  const textOf = (file: string, position: number): string => {
    const text = items.get(file)?.[position - 1];
    if (text === undefined) throw new Error(`No item ${position} in ${file}: labels out of date`);
    return text;
  };
  const repeats = new Set<string>();
  for (const [[fa, pa], [fb, pb]] of REPEATS) {
    textOf(fa, pa);
    textOf(fb, pb);
    repeats.add([key(fa, pa), key(fb, pb)].sort().join(' | '));
  }

  // Every item of a query report against every item of every other report, each pair once.
  const pairs = new Map<string, readonly [string, string]>();
  for (const queryFile of QUERY_FILES) {
    const queryItems = items.get(queryFile) ?? [];
    queryItems.forEach((queryText, q) => {
      for (const [file, texts] of items) {
        if (file === queryFile) continue;
        texts.forEach((text, i) => {
          const id = [key(queryFile, q + 1), key(file, i + 1)].sort().join(' | ');
          pairs.set(id, [queryText, text]);
        });
      }
    });
  }
  const unlabelled = [...repeats].filter((id) => !pairs.has(id));
  if (unlabelled.length > 0)
    throw new Error(`Labelled pairs outside the query set: ${unlabelled.join(', ')}`);

  // Document frequencies from every list item of the corpus, as a council's own history would be.
  const corpus = [...items.values()].flat();
  const ids = [...pairs.keys()];
  const scores = scorePairs([...pairs.values()], corpus);
  const scored: ScoredPair[] = ids.map((id, i) => ({
    score: scores[i] ?? 0,
    repeat: repeats.has(id),
  }));

  console.log(
    `Repeat findings: ${scored.length} labelled pairs (${repeats.size} repeats, ` +
      `${scored.length - repeats.size} not) from ${QUERY_FILES.length} query reports against ` +
      `${items.size} corpus reports (${corpus.length} list items).`,
  );
  console.log('threshold precision  recall     F1   TP   FP   FN');
  const results = sweep(scored);
  for (const result of results) console.log(row(result));
  const best = bestByF1(results);
  const used = measureAt(scored, REPEAT_THRESHOLD);
  console.log(`\nBest F1 on this sweep:   ${best ? row(best) : '-'}`);
  console.log(`Matcher's threshold:     ${row(used)}`);
  console.log(
    `At ${REPEAT_THRESHOLD}: precision ${pct(used.precision)}, recall ${pct(used.recall)}, F1 ${used.f1.toFixed(3)}.`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
