export {
  findRepeats,
  PROPOSALS_PER_RECOMMENDATION,
  REPEAT_THRESHOLD,
  RepeatIndex,
  scorePairs,
  type MatchOptions,
  type MatchText,
  type RepeatCandidate,
} from './matcher';
export { stem } from './stem';
export { FUNCTION_WORDS, INSPECTION_BOILERPLATE, STOP_WORDS } from './stop-words';
export { tokenise, type Token } from './tokenise';
