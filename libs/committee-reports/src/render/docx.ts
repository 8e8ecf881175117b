import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type {
  CommitteeReport,
  RagRollUp,
  ReportAction,
  ReportInspection,
  ReportMeasure,
  ReportRecommendation,
} from '../committee-report';
import { escapeXml } from '../charts';
import { measureChartDescription, measureChartSvg } from '../measure-chart';
import {
  actionRagWords,
  CHANGE_WORDS,
  dateInWords,
  measureValueWords,
  PRIORITY_WORDS,
  RAG_WORDS,
  reportTitle,
  STATUS_WORDS,
} from '../words';

/**
 * The committee progress report as a Word document, built to pass an accessibility check: a
 * title and language in its properties, real headings in order (1 the report, 2 each
 * inspection, 3 each recommendation, 4 each measure), tables whose header row repeats on every
 * page and whose rows don't split, charts with a text alternative and their numbers in a table,
 * and RAG written as words, never colour alone. Plain GOV.UK-like styles: Arial, black text.
 */

const LANGUAGE = 'en-GB';
const FONT = 'Arial';

/**
 * Charts are embedded as SVG, which Word 2016+ and LibreOffice draw; `docx` requires a PNG
 * fallback for older readers, and we have no rasteriser (nor want a native dependency for one).
 * So every chart shares this 1×1 pixel light grey PNG (#f3f2f1), stretched to the chart's size:
 * an old reader shows a grey box, and the alt text and the readings table after it say the same.
 */
const FALLBACK_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4/OkjAAWyAtfISMaHAAAAAElFTkSuQmCC',
  'base64',
);
/** Drawn size in the document, in pixels at 96 to the inch: the SVG's viewBox at 15.9 cm wide. */
const CHART_SIZE = { width: 600, height: 300 } as const;

const heading = (
  level: (typeof HeadingLevel)['HEADING_1' | 'HEADING_2' | 'HEADING_3' | 'HEADING_4'],
  text: string,
): Paragraph => new Paragraph({ heading: level, text, keepNext: true });

const para = (text: string): Paragraph => new Paragraph({ text });

/**
 * A cell's content: one paragraph per line, and at least one (Word needs it). Plain text is
 * given to Paragraph as a string: docx's cost is per object written, and the readings tables
 * have thousands of cells.
 */
function cell(lines: string | readonly (string | Paragraph)[], bold = false): TableCell {
  const list = typeof lines === 'string' ? [lines] : lines.length ? lines : [''];
  return new TableCell({
    children: list.map((line) =>
      typeof line !== 'string'
        ? line
        : bold
          ? new Paragraph({ children: [new TextRun({ text: line, bold })] })
          : new Paragraph(line),
    ),
  });
}

/**
 * A full-width table whose first row is a header row, repeated at the top of every page, and
 * whose rows are kept whole on one page where they fit.
 */
function table(headers: readonly string[], rows: readonly TableCell[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((text) => cell(text, true)),
      }),
      ...rows.map((children) => new TableRow({ cantSplit: true, children })),
    ],
  });
}

const dateOrNone = (iso: string | null, none = 'None'): string => (iso ? dateInWords(iso) : none);

function rollUpWords(rag: RagRollUp): string {
  return (
    `${RAG_WORDS[rag.rag]} overall: ${rag.red} red, ${rag.amber} amber, ${rag.green} green` +
    (rag.unrated ? `, ${rag.unrated} not rated (cancelled).` : '.')
  );
}

function summary(report: CommitteeReport): (Paragraph | Table)[] {
  const counts = (scope: string, rag: RagRollUp): TableCell[] => [
    cell(scope),
    cell(RAG_WORDS[rag.rag]),
    cell(String(rag.red)),
    cell(String(rag.amber)),
    cell(String(rag.green)),
    cell(String(rag.unrated)),
    cell(String(rag.red + rag.amber + rag.green + rag.unrated)),
  ];
  return [
    heading(HeadingLevel.HEADING_2, 'Summary'),
    para(
      `As at ${dateInWords(report.asAt)}` +
        (report.since ? `, with changes since ${dateInWords(report.since)}` : '') +
        `. ${rollUpWords(report.rag)}`,
    ),
    table(
      ['Inspection', 'RAG', 'Red', 'Amber', 'Green', 'Not rated', 'Actions'],
      [
        ...report.inspections.map((inspection) =>
          counts(`${inspection.title} (${inspection.reference})`, inspection.rag),
        ),
        counts(report.scope.kind === 'council' ? 'All inspections' : 'Total', report.rag),
      ],
    ),
  ];
}

function changes(report: CommitteeReport): (Paragraph | Table)[] {
  if (!report.since) return [];
  return [
    heading(HeadingLevel.HEADING_2, `What changed since ${dateInWords(report.since)}`),
    report.changes.length === 0
      ? para('Nothing changed.')
      : table(
          ['Date', 'Action', 'Change', 'Detail'],
          report.changes.map((change) => [
            cell(dateInWords(change.on)),
            cell(`${change.reference} ${change.title}`),
            cell(CHANGE_WORDS[change.kind]),
            cell(change.detail),
          ]),
        ),
  ];
}

function actionRow(action: ReportAction): TableCell[] {
  const slippage =
    action.slippageDays === 0 && action.slippageReasons.length === 0
      ? ['0']
      : [
          String(action.slippageDays),
          ...action.slippageReasons.map((reason) => `Reason: ${reason}`),
        ];
  const note = action.latestNote
    ? [action.latestNote.note, `${action.latestNote.by}, ${dateInWords(action.latestNote.on)}`]
    : ['None'];
  const evidence = action.evidence.map(
    (link) =>
      new Paragraph({
        children: [
          new ExternalHyperlink({
            link,
            children: [new TextRun({ text: link, style: 'Hyperlink' })],
          }),
        ],
      }),
  );
  return [
    cell(action.reference),
    cell(action.title),
    cell(action.owner ?? 'No owner'),
    cell(STATUS_WORDS[action.status]),
    cell(dateOrNone(action.originalDueOn)),
    cell(dateOrNone(action.dueOn)),
    cell(slippage),
    cell(actionRagWords(action.rag)),
    cell(note),
    cell(evidence.length ? evidence : ['None']),
  ];
}

const ACTION_HEADERS = [
  'Reference',
  'Action',
  'Owner',
  'Status',
  'Original deadline',
  'Current deadline',
  'Slippage (days)',
  'RAG',
  'Latest progress note',
  'Evidence',
] as const;

function measureSummary(action: ReportAction, measure: ReportMeasure): string {
  const words = (value: number): string => measureValueWords(measure.unit, value);
  const parts = [
    `A measure of action ${action.reference}, better when ${measure.direction}.`,
    measure.baseline
      ? `Baseline ${words(measure.baseline.value)} on ${dateInWords(measure.baseline.observedOn)}.`
      : 'No baseline.',
    `Target ${words(measure.target.value)} by ${dateInWords(measure.target.observedOn)}.`,
    measure.latest
      ? `Latest ${words(measure.latest.value)} on ${dateInWords(measure.latest.observedOn)}.`
      : 'No readings yet.',
    `RAG: ${measure.rag ? RAG_WORDS[measure.rag] : 'not rated'}. ${measure.reason}`,
  ];
  return parts.join(' ');
}

function measureBlock(action: ReportAction, measure: ReportMeasure): (Paragraph | Table)[] {
  // lineChartSvg sizes itself to its container (width="100%"); a picture needs its own size.
  const svg = measureChartSvg(measure).replace(
    'width="100%"',
    `width="${CHART_SIZE.width}" height="${CHART_SIZE.height}"`,
  );
  const blocks: (Paragraph | Table)[] = [
    heading(HeadingLevel.HEADING_4, measure.name),
    para(measureSummary(action, measure)),
    new Paragraph({
      children: [
        new ImageRun({
          type: 'svg',
          data: Buffer.from(svg),
          fallback: { type: 'png', data: FALLBACK_PNG },
          transformation: CHART_SIZE,
          altText: {
            name: `Chart: ${measure.name}`,
            title: `${measure.name}: readings against the target`,
            description: measureChartDescription(measure),
          },
        }),
      ],
    }),
  ];
  if (measure.readings.length > 0) {
    blocks.push(
      table(
        ['Date', 'Value'],
        measure.readings.map((reading) => [
          cell(dateInWords(reading.observedOn)),
          cell(measureValueWords(measure.unit, reading.value)),
        ]),
      ),
    );
  }
  return blocks;
}

function recommendationBlock(recommendation: ReportRecommendation): (Paragraph | Table)[] {
  const { label, text, actions } = recommendation;
  return [
    heading(HeadingLevel.HEADING_3, label ? `${label}: ${text}` : text),
    para(
      `${recommendation.repeatOf ? `Repeat finding. ${recommendation.repeatOf}. ` : ''}` +
        `${PRIORITY_WORDS[recommendation.priority]}. Section: ${recommendation.section}.`,
    ),
    actions.length === 0 ? para('No actions yet.') : table(ACTION_HEADERS, actions.map(actionRow)),
    ...actions.flatMap((action) => action.measures.flatMap((m) => measureBlock(action, m))),
  ];
}

function inspectionBlock(inspection: ReportInspection): (Paragraph | Table)[] {
  return [
    heading(HeadingLevel.HEADING_2, `${inspection.title} (${inspection.reference})`),
    para(
      (inspection.publishedOn ? `Published ${dateInWords(inspection.publishedOn)}. ` : '') +
        rollUpWords(inspection.rag),
    ),
    ...(inspection.recommendations.length === 0 ? [para('No recommendations recorded.')] : []),
    ...inspection.recommendations.flatMap(recommendationBlock),
  ];
}

/**
 * docx writes no language into the core properties (only into the styles' defaults, which we set
 * too), so its core.xml is replaced with one that has dc:language as well as the title.
 */
function coreProperties(title: string, now: Date): string {
  const stamp = now.toISOString();
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title>` +
    '<dc:subject>Inspection action plan progress</dc:subject>' +
    '<dc:creator>followthrough</dc:creator>' +
    `<dc:language>${LANGUAGE}</dc:language>` +
    '<cp:lastModifiedBy>followthrough</cp:lastModifiedBy>' +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** Sizes in half-points; GOV.UK-like: 12 pt body, headings from 24 pt down, all bold black Arial. */
const headingStyle = (size: number) => ({
  run: { font: FONT, size, bold: true, color: '0B0C0C' },
  paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
});

export async function renderDocx(report: CommitteeReport): Promise<Buffer> {
  const title = reportTitle(report);
  const document = new Document({
    title,
    subject: 'Inspection action plan progress',
    creator: 'followthrough',
    description: `Progress on ${report.councilName}'s inspection action plan as at ${dateInWords(report.asAt)}.`,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 24, color: '0B0C0C', language: { value: LANGUAGE } },
          paragraph: { spacing: { after: 120 } },
        },
        heading1: headingStyle(48),
        heading2: headingStyle(36),
        heading3: headingStyle(28),
        heading4: headingStyle(24),
      },
    },
    sections: [
      {
        // Landscape: the actions table has ten columns.
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          heading(HeadingLevel.HEADING_1, title),
          ...summary(report),
          ...changes(report),
          ...report.inspections.flatMap(inspectionBlock),
        ],
      },
    ],
  });
  return Packer.toBuffer(document, false, [
    { path: 'docProps/core.xml', data: coreProperties(title, new Date()) },
  ]);
}
