/**
 * The digest of a lookup's answer (see Lookup in ../types.ts): the first 16 hex digits of the SHA-1 of a canonical JSON
 * of it (a unit's memo entry keeps one per question asked), where a Set is its sorted members and a Map its entries
 * sorted by key, so that two runs that built the same facts in another order give the same digest. A function or a
 * class instance in it throws (its facts cannot be digested); a page or a model object in it would be digested whole —
 * sound, but costly, which is why lookups answer with projections.
 */
import { sha1Hex } from '../../util/hash.js';
import { compareStr } from '../../util/order.js';

export function digestOf(value: unknown): string {
  return sha1Hex(JSON.stringify(canonical(value))).slice(0, 16);
}

function canonical(v: unknown): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v === undefined) return { undefined: true };
  if (Array.isArray(v)) return v.map(canonical);
  if (v instanceof Set) return { set: [...v].map((x) => JSON.stringify(canonical(x))).sort(compareStr) };
  if (v instanceof Map) {
    const entries = [...v].map(([k, x]) => [JSON.stringify(canonical(k)), canonical(x)] as const);
    return { map: entries.sort((a, b) => compareStr(a[0], b[0])) };
  }
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const o = v as Record<string, unknown>;
    return { object: Object.keys(o).sort(compareStr).map((k) => [k, canonical(o[k])]) };
  }
  throw new Error(`a lookup's value holds ${typeof v === 'object' ? (v as object).constructor?.name ?? 'an object' : typeof v}, which is not plain data`);
}
