import { STARTS_WITH_BULLET } from '../structure/markers';
import type { Line } from './line';

const CONTENTS = /^(?:table of )?contents$/i;
const BARE_PAGE = /^\d{1,3}$/;
const TRAILING_PAGE = /(?:\s*\.{2,}\s*|\s+)\d{1,3}$/;

function entryText(text: string): string {
  return text.replace(TRAILING_PAGE, '').trim().toLowerCase();
}

function isProse(line: Line): boolean {
  const text = line.text;
  if (STARTS_WITH_BULLET.test(text) && /^.\s/u.test(text)) return true;
  if (/^\d{1,3}[.)]\s+\S/.test(text) && text.length > 60) return true;
  return text.length >= 60 && /[.;!]$/.test(text);
}

/**
 * Drops the table of contents, whose entries ("Recommendations 8") look like the headings they
 * point at. The block runs from "Contents" until prose starts, or until an entry comes round
 * again, which means the body has begun.
 */
export function removeContents(lines: Line[]): Line[] {
  const start = lines.findIndex(
    (line, i) => CONTENTS.test(line.text) && i < Math.max(200, lines.length * 0.3),
  );
  if (start < 0) return lines;

  const seen = new Set<string>();
  let numbered = 0;
  let end = start + 1;
  for (; end < lines.length; end++) {
    const line = lines[end];
    if (line === undefined || isProse(line)) break;
    if (BARE_PAGE.test(line.text)) {
      numbered++;
      continue;
    }
    const entry = entryText(line.text);
    if (entry === '' || CONTENTS.test(entry)) continue;
    const hasPage = TRAILING_PAGE.test(line.text);
    const pageFollows = [1, 2].some((d) => {
      const next = lines[end + d]?.text ?? '';
      return TRAILING_PAGE.test(next) || BARE_PAGE.test(next);
    });
    // An entry seen before, now without a page number, is the body's own heading. (Entries
    // may repeat with page numbers: reports in two parts list "Executive summary" twice.)
    if (seen.has(entry) && !hasPage && !pageFollows) break;
    if (hasPage) numbered++;
    // In a numbered contents list, an entry without a page number is either wrapped (its page
    // number follows within two lines) or the first heading of the body.
    if (!hasPage && numbered >= 3 && !pageFollows) break;
    seen.add(entry);
  }
  return [...lines.slice(0, start), ...lines.slice(end)];
}
