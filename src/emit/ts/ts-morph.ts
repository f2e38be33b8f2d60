/**
 * ts-morph, loaded on first use. Loading it costs about 0.3 s — more than a whole build that finds
 * nothing changed — and only the TypeScript emitter needs it, so the modules that print TypeScript
 * ask for it here instead of importing it at the top.
 */
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';

let loaded: typeof TsMorph | undefined;

export function tsMorph(): typeof TsMorph {
  return (loaded ??= createRequire(import.meta.url)('ts-morph') as typeof TsMorph);
}
