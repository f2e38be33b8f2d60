/**
 * Lookups: the questions about the whole model a unit rule asks beyond its unit (see Lookup in ../types.ts). A rule
 * declares them (ModelRule.lookups) and asks each with `ask(input, L, key)`; one lookup per file in this folder.
 */
import type { Lookup, LookupRead, LookupReader, ReconcileInput } from '../types.js';
import { digestOf } from './digest.js';

/** Built once per model when no engine gave a reader (a rule's check called on a whole model: tests, whole-model runs). */
const builtFor = new WeakMap<object, Map<string, (key: string) => unknown>>();

/**
 * L's answer for `key`: through the reader the engine gave (a unit rule is given the lookups it declares, and only those:
 * another throws, so the rule fails instead of finding from what its memo entry does not record), else from an answerer
 * built from the input once per model.
 */
export function ask<A>(input: ReconcileInput, l: Lookup<A>, key: string): A {
  if (input.lookups) return input.lookups.ask(l, key);
  let m = builtFor.get(input.model);
  if (!m) builtFor.set(input.model, (m = new Map()));
  let fn = m.get(l.id);
  if (!fn) m.set(l.id, (fn = l.build(input)));
  return fn(key) as A;
}

/**
 * One run's lookups: each answerer built once from the whole input, each answer computed once with its digest. A reader
 * for a rule answers the lookups it declares and records every question into the array it is pointed at (`recordInto`),
 * so that the memo keeps them with the unit's findings; `holds` says whether recorded questions still have those answers.
 */
export class RunLookups {
  private answerers = new Map<string, (key: string) => unknown>();
  private answers = new Map<string, Map<string, { value: unknown; digest?: string }>>();
  constructor(private readonly input: ReconcileInput) {}

  /** The answer, and with `digested` its digest too (taken once, when first needed: a run without a memo needs none). */
  private answer(l: Lookup<unknown>, key: string, digested: boolean): { value: unknown; digest?: string } {
    let byKey = this.answers.get(l.id);
    if (!byKey) this.answers.set(l.id, (byKey = new Map()));
    let a = byKey.get(key);
    if (!a) {
      let fn = this.answerers.get(l.id);
      if (!fn) this.answerers.set(l.id, (fn = l.build(this.input)));
      byKey.set(key, (a = { value: fn(key) }));
    }
    if (digested) a.digest ??= digestOf(a.value);
    return a;
  }

  /** A reader of `declared` for one rule; `recordInto(reads)` before each unit it checks. */
  reader(declared: readonly Lookup<unknown>[]): RecordingReader {
    return new RecordingReader(new Map(declared.map((l) => [l.id, l] as const)), (l, key, digested) => this.answer(l, key, digested));
  }

  /** Whether the questions a rule recorded still have those answers (its lookups by id, as `reader` gives them). */
  holdsFor(reader: RecordingReader): (reads: readonly LookupRead[]) => boolean {
    return (reads) => this.holds(reader.declared, reads);
  }

  /** Do the recorded questions (of lookups among `declared`, by id) have the same answers in this run? */
  holds(declared: ReadonlyMap<string, Lookup<unknown>>, reads: readonly LookupRead[]): boolean {
    for (const [id, key, digest] of reads) {
      const l = declared.get(id);
      if (l === undefined || this.answer(l, key, true).digest !== digest) return false;
    }
    return true;
  }
}

export class RecordingReader implements LookupReader {
  private reads: LookupRead[] | undefined;
  constructor(readonly declared: ReadonlyMap<string, Lookup<unknown>>, private readonly answer: (l: Lookup<unknown>, key: string, digested: boolean) => { value: unknown; digest?: string }) {}
  /** Record the questions asked from now on into `reads` (undefined: record none). */
  recordInto(reads: LookupRead[] | undefined): void {
    this.reads = reads;
  }
  ask<A>(l: Lookup<A>, key: string): A {
    if (this.declared.get(l.id) !== l) throw new Error(`a unit rule asks the lookup ${l.id}, which it does not declare (ModelRule.lookups)`);
    const a = this.answer(l, key, this.reads !== undefined);
    this.reads?.push([l.id, key, a.digest!]);
    return a.value as A;
  }
}
