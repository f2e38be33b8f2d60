/** Edit distance and "did you mean" (fastest-levenshtein: the project's one edit-distance library). */
import { closest as nearest, distance } from 'fastest-levenshtein';

/** The Levenshtein distance of two strings (insertions, deletions, substitutions of UTF-16 units). */
export const editDistance: (a: string, b: string) => number = distance;

/** "Did you mean": the closest candidate by edit distance, when it is close enough. */
export function closest(word: string, candidates: string[]): string | undefined {
  if (!candidates.length) return undefined;
  const best = nearest(word, candidates);
  return distance(word, best) <= Math.max(2, Math.floor(word.length * 0.4)) ? best : undefined;
}
