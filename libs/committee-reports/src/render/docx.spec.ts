import JSZip from 'jszip';
import type { CommitteeReport } from '../committee-report';
import { sampleReport } from '../testing/sample-report';
import { renderDocx } from './docx';

/** What a reader's navigation pane and a screen reader's table list see, in document order. */
type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; xml: string; firstRow: string; rows: number };

const unescape = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&amp;/g, '&');

const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1] ?? '')).join('');

/** The body's top-level paragraphs and tables, in order (tables are not nested in this report). */
function blocksOf(documentXml: string): Block[] {
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(documentXml)?.[1] ?? '';
  const blocks: Block[] = [];
  for (const match of body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p(?:>| [^>]*>)[\s\S]*?<\/w:p>/g)) {
    const xml = match[0];
    if (xml.startsWith('<w:tbl>')) {
      blocks.push({
        kind: 'table',
        xml,
        firstRow: /<w:tr(?:>| [^>]*>)[\s\S]*?<\/w:tr>/.exec(xml)?.[0] ?? '',
        rows: xml.match(/<w:tr[ >]/g)?.length ?? 0,
      });
      continue;
    }
    const style = /<w:pStyle w:val="(Heading(\d)|Title)"\/>/.exec(xml);
    if (style) {
      blocks.push({ kind: 'heading', level: style[2] ? Number(style[2]) : 0, text: textOf(xml) });
    } else {
      blocks.push({ kind: 'paragraph', text: textOf(xml) });
    }
  }
  return blocks;
}

async function read(report: CommitteeReport) {
  const zip = await JSZip.loadAsync(await renderDocx(report));
  const file = async (path: string): Promise<string> => {
    const entry = zip.file(path);
    if (!entry) throw new Error(`No ${path} in the document`);
    return entry.async('string');
  };
  const documentXml = await file('word/document.xml');
  return {
    zip,
    documentXml,
    blocks: blocksOf(documentXml),
    core: await file('docProps/core.xml'),
    styles: await file('word/styles.xml'),
  };
}

const headings = (blocks: Block[]): string[] =>
  blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.level} ${b.text}`] : []));

describe('renderDocx', () => {
  const report = sampleReport({
    inspections: 1,
    recommendationsPerInspection: 2,
    actionsPerRecommendation: 2,
    measuresPerAction: (index) => (index === 0 ? 1 : 0),
    readingsPerMeasure: 6,
    since: '2026-11-01',
  });
  let doc: Awaited<ReturnType<typeof read>>;
  beforeAll(async () => {
    doc = await read(report);
  });

  it('has its title and language in its properties', () => {
    expect(doc.core).toContain(
      `<dc:title>${report.councilName} inspection action plan: progress as at 6 December 2026</dc:title>`,
    );
    expect(doc.core).toContain('<dc:language>en-GB</dc:language>');
    // The language of the text itself, which spelling and screen readers use.
    expect(doc.styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="en-GB"\/>/);
  });

  it('has headings in order: the report, summary, changes, inspection, recommendations, measures', () => {
    const [inspection] = report.inspections;
    const [first, second] = inspection?.recommendations ?? [];
    const measure = first?.actions[0]?.measures[0];
    expect(inspection && first && second && measure).toBeTruthy();
    expect(headings(doc.blocks)).toEqual([
      `1 ${report.councilName} inspection action plan: progress as at 6 December 2026`,
      '2 Summary',
      '2 What changed since 1 November 2026',
      `2 ${inspection?.title} (${inspection?.reference})`,
      `3 R1: ${first?.text}`,
      `4 ${measure?.name}`,
      `3 R2: ${second?.text}`,
    ]);
  });

  it('starts every table with a header row that repeats on each page, and keeps rows whole', () => {
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    // Summary, changes, two recommendations' actions and one measure's readings.
    expect(tables).toHaveLength(5);
    for (const table of tables) {
      expect(table.firstRow).toContain('<w:tblHeader/>');
      expect(table.xml.match(/<w:cantSplit\/>/g)).toHaveLength(table.rows);
    }
    const actions = tables[2];
    expect(actions && textOf(actions.firstRow)).toBe(
      'ReferenceActionOwnerStatusOriginal deadlineCurrent deadlineSlippage (days)RAGLatest progress noteEvidence',
    );
    // Only the header repeats: a later row saying it is a header would repeat too.
    expect(actions?.xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
  });

  it('follows each actions table with its measures: a summary, the chart with alt text, its readings', () => {
    const index = doc.blocks.findIndex((b) => b.kind === 'heading' && b.level === 4);
    const [summary, chart, readings] = doc.blocks.slice(index + 1, index + 4);
    expect(summary?.kind === 'paragraph' && summary.text).toMatch(/^A measure of action .*Target /);
    expect(chart?.kind === 'paragraph' && chart.text).toBe('');
    expect(readings?.kind === 'table' && readings.rows).toBe(7);

    const docPr = /<wp:docPr [^>]*\/>/.exec(doc.documentXml)?.[0] ?? '';
    const descr = unescape(/ descr="([^"]*)"/.exec(docPr)?.[1] ?? '');
    expect(descr).toMatch(
      /^Line chart of .+: 6 readings from .+ against a target of .+ by 31 March 2027/,
    );
    // The SVG itself, with its PNG fallback for readers that can't draw SVG.
    expect(doc.documentXml).toContain('asvg:svgBlip');
    const media = Object.keys(doc.zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media.some((name) => name.endsWith('.svg'))).toBe(true);
    expect(media.some((name) => name.endsWith('.png'))).toBe(true);
  });

  it('writes RAG as words, naming an override beside the computed value', async () => {
    const overridden = sampleReport({
      recommendationsPerInspection: 1,
      actionsPerRecommendation: 1,
    });
    const action = overridden.inspections[0]?.recommendations[0]?.actions[0];
    if (!action) throw new Error('no action');
    action.rag = {
      computed: 'red',
      override: { rag: 'amber', reason: 'funding agreed', by: 'Sam Patel' },
      rag: 'amber',
      reason: 'Overdue.',
    };
    const { blocks } = await read(overridden);
    const table = blocks.filter((b) => b.kind === 'table')[1];
    expect(table?.kind === 'table' && textOf(table.xml)).toContain(
      'Amber (computed Red, overridden by Sam Patel: funding agreed)',
    );
  });

  it('leaves out the changes when no earlier date was asked for', async () => {
    const { blocks } = await read({ ...report, since: null, changes: [] });
    expect(headings(blocks).some((h) => h.includes('What changed'))).toBe(false);
  });
});
