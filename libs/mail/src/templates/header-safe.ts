/**
 * Characters that must never reach a mail header: C0 controls (CR and LF would start a new header,
 * "Title\r\nBcc: x@y"), DEL, C1 controls and the Unicode line and paragraph separators.
 */
function isUnsafeInHeader(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

/**
 * User text made fit for one header line: line breaks and control characters become spaces, runs
 * of whitespace collapse to one, and the ends are trimmed.
 */
export function headerSafe(text: string): string {
  return Array.from(text, (char) => (isUnsafeInHeader(char) ? ' ' : char))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
