import { sniffInput } from './sniff';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('sniffInput', () => {
  it('recognises a PDF by its header', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n...');
    expect(sniffInput(pdf).format).toBe('pdf');
  });

  it('decodes UTF-8 text, with or without a byte order mark', () => {
    const text = 'Areas for improvement – children’s services';
    expect(sniffInput(new TextEncoder().encode(text))).toEqual({ format: 'text', lines: [text] });
    expect(sniffInput(bytes(0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)))).toEqual({
      format: 'text',
      lines: [text],
    });
  });

  it('splits text into lines, each decoded on its own', () => {
    const text = 'Areas for improvement\r\n– children’s services\nPlans are late.';
    expect(sniffInput(new TextEncoder().encode(text))).toEqual({
      format: 'text',
      lines: ['Areas for improvement\r', '– children’s services', 'Plans are late.'],
    });
  });

  it('decodes UTF-16 with a byte order mark', () => {
    const body = Buffer.from('What needs to improve', 'utf16le');
    expect(sniffInput(bytes(0xff, 0xfe, ...body))).toEqual({
      format: 'text',
      lines: ['What needs to improve'],
    });
  });

  it('falls back to Windows-1252 for text Word saved without UTF-8', () => {
    // "children’s" with a Windows-1252 right single quote (0x92).
    expect(sniffInput(bytes(0x63, 0x68, 0x69, 0x6c, 0x64, 0x72, 0x65, 0x6e, 0x92, 0x73))).toEqual({
      format: 'text',
      lines: ['children’s'],
    });
  });

  it.each([
    [bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00), /ZIP archive.*docx/],
    [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a), /PNG image/],
    [bytes(0x41, 0x00, 0x42, 0x00, 0x43), /binary data/],
  ])('refuses binary input with a reason', (input, message) => {
    expect(() => sniffInput(input)).toThrow(message);
  });
});
