import { isAscii, isUtf8 } from 'node:buffer';
import { ReportInputError } from '../errors';

/**
 * What the input is. Text comes as its lines (split at line feeds; carriage returns and form
 * feeds are left in them for the line reader).
 */
export type SniffedInput =
  { format: 'pdf'; bytes: Uint8Array } | { format: 'text'; lines: string[] };

const SIGNATURES: Array<{ bytes: number[]; what: string }> = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    what: 'a ZIP archive (a Word .docx file is one): save it as PDF or plain text',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    what: 'an old Word or Office file: save it as PDF or plain text',
  },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image, not a report' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image, not a report' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image, not a report' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive, not a report' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document: save it as PDF or plain text' },
];

function startsWith(bytes: Uint8Array, prefix: number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

/** Finds "%PDF-" in the first kilobyte, where the PDF specification lets it sit. */
function isPdf(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= limit; i++) {
    if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d], i)) return true;
  }
  return false;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    // Tab, LF, FF and CR are text; other C0 controls are not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) control++;
  }
  return control > sample.length * 0.01;
}

function decodeText(bytes: Uint8Array): string[] {
  if (startsWith(bytes, [0xff, 0xfe])) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2)).split('\n');
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return new TextDecoder('utf-16be').decode(bytes.subarray(2)).split('\n');
  }
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  // Word's "Save as plain text" writes Windows-1252 by default.
  if (!isUtf8(body)) return decodeWindows1252(body).split('\n');
  return utf8Lines(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
}

/**
 * UTF-8 text as lines, each decoded on its own: a line of plain ASCII (most of a report) stays
 * a one-byte string, which every later step reads faster than text that a single curly quote
 * elsewhere has made two bytes a character throughout.
 */
function utf8Lines(buffer: Buffer): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start <= buffer.length) {
    let end = buffer.indexOf(0x0a, start);
    if (end < 0) end = buffer.length;
    const line = buffer.subarray(start, end);
    lines.push(line.toString(isAscii(line) ? 'latin1' : 'utf8'));
    start = end + 1;
  }
  return lines;
}

/** Windows-1252 bytes 0x80-0x9F (Node's decoder, without full ICU, reads them as Latin-1). */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('latin1')
    .decode(bytes)
    .replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}

/** Decides whether the input is a PDF or text, and refuses anything else with a reason. */
export function sniffInput(input: Uint8Array | string): SniffedInput {
  if (typeof input === 'string') return { format: 'text', lines: input.split('\n') };
  if (isPdf(input)) return { format: 'pdf', bytes: input };
  for (const signature of SIGNATURES) {
    if (startsWith(input, signature.bytes)) {
      throw new ReportInputError('binary', `The file is ${signature.what}.`);
    }
  }
  const utf16 = startsWith(input, [0xff, 0xfe]) || startsWith(input, [0xfe, 0xff]);
  if (!utf16 && looksBinary(input)) {
    throw new ReportInputError('binary', 'The file is binary data, not a PDF or a text report.');
  }
  return { format: 'text', lines: decodeText(input) };
}
