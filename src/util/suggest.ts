/** "Did you mean": the closest candidate by edit distance (fastest-levenshtein), when it is close enough. */
import { closest as nearest, distance } from 'fastest-levenshtein';

export function closest(word: string, candidates: string[]): string | undefined {
  if (!candidates.length) return undefined;
  const best = nearest(word, candidates);
  return distance(word, best) <= Math.max(2, Math.floor(word.length * 0.4)) ? best : undefined;
}
