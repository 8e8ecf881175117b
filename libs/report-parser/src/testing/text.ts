import { textToPages } from '../input/text-lines';
import type { Line } from '../layout/line';

/** Joins lines into one text, so that a fixture reads like the document it imitates. */
export const doc = (...lines: string[]): string => lines.join('\n');

/** The lines of a text document as the parser reads them: every page's, in order. */
export const linesOfText = (text: string): Line[] => textToPages(text).flatMap((p) => p.lines);
