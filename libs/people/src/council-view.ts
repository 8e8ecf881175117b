import type { Council } from './entities/council.entity';

/** A council as the API and the CLI show it: who it is and how it sets draft deadlines. */
export function councilView(council: Council) {
  const { id, name, code, immediateWindowDays, defaultWindowMonths } = council;
  return { id, name, code, immediateWindowDays, defaultWindowMonths };
}
