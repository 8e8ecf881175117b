import type { Council } from './entities/council.entity';

/** A council as the API and the CLI show it: who it is and how it sets draft deadlines and rates measures. */
export function councilView(council: Council) {
  const { id, name, code, immediateWindowDays, defaultWindowMonths, measureTolerancePercent } =
    council;
  return { id, name, code, immediateWindowDays, defaultWindowMonths, measureTolerancePercent };
}
