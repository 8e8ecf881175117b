/**
 * Regenerates the committed forms of the layout fixtures in test/fixtures/layouts from their
 * specs (`<name>.pdf-spec.ts`): `<name>.html`, `<name>.chromium.pdf` (Debian's Chromium printing
 * that HTML through playwright-core), `<name>.txt` for fixtures that have a pasted-text form, and
 * chromium-pdfs.json (which HTML each PDF was printed from, and by which Chromium).
 *
 * Run through `bash scripts/layout-fixtures.sh [--force] [name…]`. Chromium stamps each PDF with
 * the time it was made, so a fixture whose HTML has not changed keeps its PDF unless --force is
 * given (e.g. to print every fixture with a new Chromium). It refuses to write a fixture whose PDFs
 * (Chromium's, and pdf-lib's built from the same spec) do not break pages where the spec says:
 * a fixture about a list crossing a page break must cross one in every form.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../test/browser/support/chromium';
import {
  printOptions,
  renderHtml,
  renderText,
  type LayoutFixtureModule,
} from '../test/fixtures/layouts/support/forms';
import { forcedPageBreaks, missingBreaks } from '../test/fixtures/layouts/support/page-breaks';
import { buildReportPdf } from '../test/support/pdf-builder';

const dir = join(__dirname, '../test/fixtures/layouts');
const manifestPath = join(dir, 'chromium-pdfs.json');

interface Manifest {
  chromium: string;
  fixtures: Record<string, { html: string; pdf: string }>;
}

const sha256 = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex');

function pagesOf(pdf: Uint8Array, work: string): string[] {
  const file = join(work, 'check.pdf');
  writeFileSync(file, pdf);
  const run = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
  return run.stdout.split('\f');
}

async function main(): Promise<void> {
  const force = process.argv.includes('--force');
  const only = process.argv.slice(2).filter((arg) => arg !== '--force');
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.pdf-spec.ts'))
    .map((f) => f.replace(/\.pdf-spec\.ts$/, ''))
    .filter((name) => only.length === 0 || only.includes(name))
    .sort();
  const version = spawnSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).stdout.trim();
  const manifest: Manifest = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest)
    : { chromium: version, fixtures: {} };
  manifest.chromium = version;
  const work = mkdtempSync(join(tmpdir(), 'layout-fixtures-'));
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
  let failed = 0;
  try {
    for (const name of names) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a spec module per fixture, chosen by name
      const fixture = require(join(dir, `${name}.pdf-spec`)) as LayoutFixtureModule;
      if (fixture.text) {
        writeFileSync(join(dir, `${name}.txt`), renderText(fixture.spec, fixture.text));
      }
      const html = renderHtml(fixture.spec);
      const pdfPath = join(dir, `${name}.chromium.pdf`);
      if (!force && manifest.fixtures[name]?.html === sha256(html) && existsSync(pdfPath)) {
        console.log(`${name}: unchanged`);
        continue;
      }
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      // Web fonts load when first used; load the bullet font before printing, for its glyphs.
      // (A string, evaluated in the page: this script is not compiled with the DOM's types.)
      await page.evaluate(
        "document.fonts.load('11pt FtBullets', '\\uf0b7\\uf0a7').then(() => document.fonts.ready)",
      );
      const pdf = await page.pdf(printOptions(fixture.spec));
      await page.close();

      const wanted = forcedPageBreaks(fixture.spec);
      const problems = [
        ...missingBreaks(pagesOf(pdf, work), wanted).map((b) => ['chromium', b] as const),
        ...missingBreaks(pagesOf(await buildReportPdf(fixture.spec), work), wanted).map(
          (b) => ['pdf-lib', b] as const,
        ),
      ];
      if (problems.length > 0) {
        failed += 1;
        for (const [form, b] of problems) {
          console.error(`${name} (${form}): no page break between "${b.before}" and "${b.after}"`);
        }
        continue;
      }
      writeFileSync(join(dir, `${name}.html`), html);
      writeFileSync(pdfPath, pdf);
      manifest.fixtures[name] = { html: sha256(html), pdf: sha256(pdf) };
      console.log(`${name}: ${wanted.length} page breaks where the spec says`);
    }
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
  const sorted = Object.fromEntries(Object.entries(manifest.fixtures).sort());
  writeFileSync(manifestPath, `${JSON.stringify({ ...manifest, fixtures: sorted }, null, 2)}\n`);
  if (failed > 0) {
    console.error(`${failed} fixture(s) not written: their pages do not break where the spec says`);
    process.exit(1);
  }
}

void main();
