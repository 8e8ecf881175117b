export { QUERY_FILES, REPEATS, type LabelledItem } from './corpus-labels';
export { bestByF1, measureAt, sweep, type Measured, type ScoredPair } from './evaluate';
export { FIXTURE_NEAR_MISSES, FIXTURE_REPEATS, type FixturePair } from './fixture-pairs';
