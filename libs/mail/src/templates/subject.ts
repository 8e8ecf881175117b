import { shorten } from './format';
import { headerSafe } from './header-safe';
import type { ActionMailItem } from './types';

/** Long enough to recognise an action, short enough for a phone's inbox line. */
const SUBJECT_TITLE_MAX_CHARS = 80;

/** "<prefix>: STK-2026-R1-1 <title>": the reference first, so clients thread and sort sensibly. */
export function actionSubject(prefix: string, item: ActionMailItem): string {
  const title = shorten(headerSafe(item.title), SUBJECT_TITLE_MAX_CHARS);
  return headerSafe(`${prefix}: ${headerSafe(item.reference)} ${title}`);
}
