/**
 * All of stdin, less one trailing newline (what `echo` or a file adds); any other whitespace
 * is part of the password.
 */
export async function readPasswordFromStdin(
  stdin: NodeJS.ReadableStream = process.stdin,
): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return stripOneNewline(Buffer.concat(chunks).toString('utf8'));
}

export function stripOneNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}
