import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { extractReport } from '../extract';
import { nth } from '../../../../test/support/items';

/**
 * A fictional area SEND report's "Areas for priority action" table in the three forms councils
 * upload: the PDF, its text laid out with spaces, and its text copied column by column. The
 * first row's left cell names two bodies over four lines and is cut by a page break; the second
 * names the integrated care board alone.
 */
const ROWS = [
  {
    left: ['Ashdown Borough', 'Council and NHS', 'Ashdown and', 'Wyre Integrated Care Board'],
    right: [
      'Leaders, NHS Ashdown and Wyre Integrated',
      'Care Board and providers should work together to',
      'assess the needs of children and young people',
      'with SEND promptly. This includes issuing plans',
      'on time.',
    ],
  },
  {
    left: ['NHS Ashdown and Wyre', 'Integrated Care Board'],
    right: [
      'Health leaders must reduce waiting times for',
      'speech and language therapy. Health leaders must',
      'also support families while they wait.',
    ],
  },
];

const expected = [
  {
    text: 'Leaders, NHS Ashdown and Wyre Integrated Care Board and providers should work together to assess the needs of children and young people with SEND promptly. This includes issuing plans on time.',
    responsible: ['Ashdown Borough Council', 'NHS Ashdown and Wyre Integrated Care Board'],
    priority: 'priority_action',
  },
  {
    text: 'Health leaders must reduce waiting times for speech and language therapy. Health leaders must also support families while they wait.',
    responsible: ['NHS Ashdown and Wyre Integrated Care Board'],
    priority: 'priority_action',
  },
  {
    text: 'Leaders across the partnership should check the quality of plans.',
    responsible: ['Ashdown Local Area Partnership'],
    priority: 'improvement',
  },
];

const TITLE = ['Area SEND inspection of Ashdown Local Area Partnership', ''];
const AFTER = [
  '',
  'Areas for improvement',
  '',
  'Leaders across the partnership should check the quality of plans.',
];
const FOOTER = ['', 'Area SEND inspection report: Ashdown Local Area Partnership', ''];

const pad = (text: string, width: number): string => text.padEnd(width, ' ');

/** pdftotext -layout style: the two cells side by side; the page breaks after three lines. */
function laidOut(): string {
  const out = [
    ...TITLE,
    'Areas for priority action',
    '',
    pad(' Responsible body', 30) + 'Areas for priority action',
  ];
  let printed = 0;
  for (const row of ROWS) {
    for (let i = 0; i < Math.max(row.left.length, row.right.length); i++) {
      out.push(pad(` ${row.left[i] ?? ''}`, 30) + (row.right[i] ?? ''));
      if (++printed === 3) out.push(...FOOTER.slice(0, 2), '   5', '\f');
    }
  }
  return [...out, ...FOOTER, '   6', '\f', ...AFTER].join('\n');
}

/** Copied column by column: all the names, then the right column under its own header. */
function copied(): string {
  return [
    ...TITLE,
    'Areas for priority action',
    'Responsible body',
    ...ROWS.flatMap((row) => [...row.left, '']),
    'Areas for priority action',
    ...ROWS.flatMap((row) => [...row.right, '']),
    ...AFTER,
  ].join('\n');
}

/** Drawn a row of text at a time, as some producers do: each line holds both cells. */
async function asRowWisePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([595, 842]);
  const draw = (text: string, x: number, y: number, font: PDFFont = regular) =>
    page.drawText(text, { x, y: 842 - y, size: 11, font });
  draw(nth(TITLE, 0), 60, 100, bold);
  draw('Areas for priority action', 60, 200, bold);
  draw('Responsible body', 64, 230, bold);
  draw('Areas for priority action', 220, 230, bold);
  let y = 250;
  for (const row of ROWS) {
    for (let i = 0; i < Math.max(row.left.length, row.right.length); i++) {
      const left = row.left[i];
      const right = row.right[i];
      if (left) draw(left, 64, y);
      if (right) draw(right, 220, y);
      y += 14;
    }
    y += 8;
  }
  draw('Areas for improvement', 60, y + 20, bold);
  draw(nth(AFTER, 3), 60, y + 50);
  draw('Local area partnership details', 60, y + 90, bold);
  return pdf.save();
}

async function asPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const draw = (page: PDFPage, text: string, x: number, y: number, font: PDFFont = regular) =>
    page.drawText(text, { x, y: 842 - y, size: 11, font });
  const footer = (page: PDFPage, n: number) => {
    draw(page, 'Area SEND inspection report: Ashdown Local Area Partnership', 60, 800);
    draw(page, String(n), 520, 815);
  };
  const first = pdf.addPage([595, 842]);
  draw(first, nth(TITLE, 0), 60, 100, bold);
  draw(first, 'Areas for priority action', 60, 600, bold);
  draw(first, 'Responsible body Areas for priority action', 64, 630, bold);
  // Row 1, cut after two lines: each cell is drawn whole, left then right, as producers do.
  const [row1, row2] = [nth(ROWS, 0), nth(ROWS, 1)];
  row1.left.slice(0, 2).forEach((t, i) => draw(first, t, 64, 650 + i * 14));
  row1.right.slice(0, 2).forEach((t, i) => draw(first, t, 220, 650 + i * 14));
  footer(first, 1);
  const second = pdf.addPage([595, 842]);
  row1.left.slice(2).forEach((t, i) => draw(second, t, 64, 100 + i * 14));
  row1.right.slice(2).forEach((t, i) => draw(second, t, 220, 100 + i * 14));
  row2.left.forEach((t, i) => draw(second, t, 64, 180 + i * 14));
  row2.right.forEach((t, i) => draw(second, t, 220, 180 + i * 14));
  draw(second, 'Areas for improvement', 60, 250, bold);
  draw(second, nth(AFTER, 3), 60, 280);
  draw(second, 'Local area partnership details', 60, 320, bold);
  footer(second, 2);
  return pdf.save();
}

describe('a "Responsible body" table', () => {
  it.each([
    ['laid out with spaces', (): Promise<string> => Promise.resolve(laidOut())],
    ['copied column by column', (): Promise<string> => Promise.resolve(copied())],
    ['as a PDF', asPdf],
    ['as a PDF drawn a row at a time', asRowWisePdf],
  ] as const)('reads each row as an item for its left cell, %s', async (_form, input) => {
    const result = await extractReport(await input());
    expect(result.document.authority).toBe('Ashdown Local Area Partnership');
    expect(
      result.recommendations.map(({ text, responsible, priority }) => ({
        text,
        responsible,
        priority,
      })),
    ).toEqual(expected);
  });

  it('cuts a column copied without blank lines at the sentences whose subject fits each row', async () => {
    const text = [
      ...TITLE,
      'Areas for priority action',
      'Responsible body',
      'Ashdown Borough Council and',
      'NHS Ashdown ICB',
      'NHS Ashdown ICB',
      'Ashdown Borough Council and',
      'NHS Ashdown ICB',
      '',
      'Areas for priority action',
      'Area leaders need to agree a plan for commissioning.',
      'Leaders should review it every year.',
      'Health leaders must reduce waiting times for therapy.',
      'Health leaders must support families while they wait.',
      'Local authority and health leaders must improve the joint',
      'approach to communication needs.',
      ...AFTER,
    ].join('\n');
    const result = await extractReport(text);
    expect(result.recommendations.map((r) => [r.text, r.responsible.length])).toEqual([
      [
        'Area leaders need to agree a plan for commissioning. Leaders should review it every year.',
        2,
      ],
      [
        'Health leaders must reduce waiting times for therapy. Health leaders must support families while they wait.',
        1,
      ],
      [
        'Local authority and health leaders must improve the joint approach to communication needs.',
        2,
      ],
      ['Leaders across the partnership should check the quality of plans.', 1],
    ]);
  });

  it('keeps bodies listed on lines of their own, without "and", in one row', async () => {
    const text = [
      ...TITLE,
      'Areas for priority action',
      '',
      pad(' Responsible body', 30) + 'Areas for priority action',
      pad(' Ashdown Borough Council', 30) + 'Leaders should improve the quality of',
      pad(' NHS Ashdown ICB', 30) + 'plans. Leaders should check them often.',
      pad(' NHS Ashdown ICB', 30) + 'Health leaders must reduce waiting times.',
      ...AFTER,
      '',
      'The local authority should publish its local offer.',
    ].join('\n');
    const result = await extractReport(text);
    expect(result.recommendations.map((r) => r.responsible)).toEqual([
      ['Ashdown Borough Council', 'NHS Ashdown ICB'],
      ['NHS Ashdown ICB'],
      ['Ashdown Local Area Partnership'],
      // The council, named as an organisation, is the council, not the whole partnership.
      ['Ashdown Borough Council'],
    ]);
  });
});
