/**
 * Which page's row gives a merged property its type, when the pages disagree: the model's policy, which the TypeScript and
 * OpenAPI emitters and the metadata comparison all follow (it lived in the TypeScript emitter, which the checks then imported).
 */
import type { MergedProperty, PropertySource } from './schema.js';

export const ORIGIN_RANK: Record<PropertySource['origin'], number> = { resource: 0, relationship: 0, 'json-representation': 1, 'operation-path': 2 };

/** Pick the source whose type the outputs state; say so when sources disagree. */
export function pickSource(p: MergedProperty): { chosen: PropertySource; conflict?: string } {
  const best = Math.min(...p.sources.map((s) => ORIGIN_RANK[s.origin]));
  const candidates = p.sources.filter((s) => ORIGIN_RANK[s.origin] === best);
  const sig = (s: PropertySource) => `${s.type.name.toLowerCase()}${s.type.collection ? '[]' : ''}`;
  const counts = new Map<string, number>();
  for (const s of candidates) counts.set(sig(s), (counts.get(sig(s)) ?? 0) + 1);
  const top = Math.max(...counts.values());
  const chosen = candidates.find((s) => counts.get(sig(s)) === top)!;
  const distinct = [...new Set(p.sources.map(sig))];
  if (distinct.length < 2) return { chosen };
  const says = p.sources.map((s) => `${s.src.file}:${s.src.line} says ${s.type.name}${s.type.collection ? ' collection' : ''}`).join('; ');
  return { chosen, conflict: `Pages disagree on the type: ${says}. Emitted ${chosen.type.name}${chosen.type.collection ? ' collection' : ''} (policy: resource page, then JSON representation, then request body; then the most common type; then path order).` };
}
