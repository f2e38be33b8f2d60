/**
 * Lookups: the whole-model facts an operation-unit rule reads beyond its group (see Lookup in ../types.ts). A rule
 * declares them (ModelRule.lookups) and reads each with `lookup(input, L)`; one lookup per file in this folder.
 */
import type { Lookup, ReconcileInput } from '../types.js';
import { digestOf } from './digest.js';

/** Built once per model when no engine gave the values (a rule's check called on a whole model: tests, whole-model runs). */
const builtFor = new WeakMap<object, Map<string, unknown>>();

/**
 * The value of `l` for this input: the one the engine gave (an operation-unit rule is given the lookups it declares,
 * and only those: another throws, so the rule fails instead of finding from what its memo key does not cover), else
 * built from the input's model once per model.
 */
export function lookup<T>(input: ReconcileInput, l: Lookup<T>): T {
  const given = input.lookups;
  if (given) {
    if (!given.has(l.id)) throw new Error(`an operation-unit rule reads the lookup ${l.id}, which it does not declare (ModelRule.lookups)`);
    return given.get(l.id) as T;
  }
  let m = builtFor.get(input.model);
  if (!m) builtFor.set(input.model, (m = new Map()));
  if (!m.has(l.id)) m.set(l.id, l.build(input));
  return m.get(l.id) as T;
}

/** One run's lookups: each built once, from the whole input, with its digest. */
export class RunLookups {
  private values = new Map<string, { value: unknown; digest: string }>();
  constructor(private readonly input: ReconcileInput) {}

  private get(l: Lookup<unknown>): { value: unknown; digest: string } {
    let v = this.values.get(l.id);
    if (!v) {
      const value = l.build(this.input);
      this.values.set(l.id, (v = { value, digest: digestOf(value) }));
    }
    return v;
  }

  /** The values of `ls`, by id (what an operation-unit rule declaring them is given). */
  valuesOf(ls: readonly Lookup<unknown>[]): Map<string, unknown> {
    return new Map(ls.map((l) => [l.id, this.get(l).value] as const));
  }

  /** One digest of the values of `ls` (in the order given). */
  digestOf(ls: readonly Lookup<unknown>[]): string {
    return digestOf(ls.map((l) => [l.id, this.get(l).digest]));
  }
}
