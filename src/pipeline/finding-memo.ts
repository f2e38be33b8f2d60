/**
 * Rules' findings from the last run, by a digest of the unit they were found on and by rule. Two
 * memos are kept, each beside the page cache under the same key (tool version and code, IR
 * version, Node major: other rule code, no entries), sealed with the SHA-1 of its bytes (a file
 * that does not match is an empty memo); in a watch, in memory between runs:
 * - the page rules' (`.cache/page-findings.v8`), by the page's IR digest (the SHA-1 of its IR's
 *   JSON, see irDigest): a page rule is given one page and nothing else (PageRule), so its
 *   findings on a page whose digest is the same are the same;
 * - the operation-unit rules' (`.cache/operation-findings.v8`, ModelRule.unit), by the digest of
 *   an operation group (operationDigests in src/model/unit-digests.ts): such a rule is given one group and nothing else.
 * A unit rule may also ask questions of the whole model (its lookups, see Lookup): the questions it
 * asked on a unit are kept with its findings there, each with the digest of its answer, and the
 * findings are taken only while every one of them has the same answer.
 * A rebuild runs those rules only on the units whose facts changed. Only the entries this run
 * used or recorded are saved.
 */
import type { FindingDraft, FindingMemo, LookupRead } from '../checks/types.js';
import { readSealed, writeSealed } from './cache.js';

/**
 * One unit's entry: the rules that ran on it, the drafts of those that found something, the questions of those that asked
 * some — as the JSON of their list, one string per rule and unit, parsed only when that rule's findings there are asked
 * for (the 2021 tree's pages hold 27,318 questions: as arrays, 27,318 arrays and 81,954 strings more to load).
 */
interface UnitEntry { ran: Set<string>; found: Record<string, FindingDraft[]>; reads: Record<string, string> }

/**
 * On disk: each distinct set of rules once (`sets`, ids joined by a newline), and per unit digest
 * the index of its set, the drafts of the rules that found something (most units: none) and the
 * questions of the rules that asked some.
 */
interface MemoData { sets: string[]; pages: Record<string, [number, Record<string, FindingDraft[]>?, Record<string, string>?]> }

export class UnitFindingMemo implements FindingMemo {
  private last = new Map<string, UnitEntry>();
  private next = new Map<string, UnitEntry>();
  private changed = false;
  /** This run's units: name (a page's display path, an operation's identity) → digest (a unit without one is never taken nor recorded). */
  private digests = new Map<string, string>();
  /** This run's answers to `hold`, by the checker (one per rule and run) and the list's JSON. */
  private held = new Map<(reads: readonly LookupRead[]) => boolean, Map<string, boolean>>();
  /** The on-disk key of a set of rules (ids sorted, joined by a newline), by the set: the last run's entries share their sets. */
  private setKeys = new WeakMap<Set<string>, string>();

  /** `path`: the memo's file; undefined: in memory only. */
  constructor(private readonly path: string | undefined) {
    if (!path) return;
    const d = readSealed(path) as MemoData | undefined;
    if (!d || !Array.isArray(d.sets) || !d.pages || typeof d.pages !== 'object') return; // none yet, unreadable or of other code: empty
    const sets = d.sets.map((x) => { const set = new Set(x.split('\n')); this.setKeys.set(set, x); return set; });
    for (const [digest, [i, found, reads]] of Object.entries(d.pages)) if (sets[i]) this.last.set(digest, { ran: sets[i]!, found: found ?? {}, reads: reads ?? {} });
  }

  /** A new run: the digests of its units (pages: see PageCache.digestOf; operations: operationDigests). */
  beginRun(digests: Map<string, string>): void {
    this.digests = digests;
    this.next = new Map();
    this.held = new Map();
    this.changed = false;
  }

  /** This run's entry for a digest, to record in: the last run's entry (shared by get) is copied first, never changed. */
  private entry(d: string): UnitEntry {
    let e = this.next.get(d);
    if (e && e === this.last.get(d)) this.next.set(d, (e = { ran: new Set(e.ran), found: { ...e.found }, reads: { ...e.reads } }));
    if (!e) this.next.set(d, (e = { ran: new Set(), found: {}, reads: {} }));
    return e;
  }

  get(unit: string, ruleId: string, holds?: (reads: readonly LookupRead[]) => boolean): FindingDraft[] | undefined {
    const d = this.digests.get(unit);
    const e = d === undefined ? undefined : this.last.get(d);
    if (!e || !e.ran.has(ruleId)) return undefined;
    // A question the rule asked here whose answer changed: not the last run's findings (the rule runs again, and `set` replaces them).
    const reads = Object.hasOwn(e.reads, ruleId) ? e.reads[ruleId]! : undefined;
    if (reads !== undefined && (!holds || !this.hold(reads, holds))) return undefined;
    // What this rule found on this unit last run is kept as it is: a unit whose rules all answer from here
    // shares the last run's entry (no copy per unit and rule; `entry` copies it before recording in it).
    const n = this.next.get(d!);
    if (n === undefined) this.next.set(d!, e);
    else if (n !== e) {
      n.ran.add(ruleId);
      if (Object.hasOwn(e.found, ruleId)) n.found[ruleId] = e.found[ruleId]!;
      if (reads !== undefined) n.reads[ruleId] = reads;
    }
    const found = Object.hasOwn(e.found, ruleId) ? e.found[ruleId]! : undefined;
    // A copy: nothing done to this run's findings can reach the next run's.
    return found ? structuredClone(found) : [];
  }

  /**
   * Whether the questions of `reads` (their list's JSON) still have the same answers, asked once per run and list: many units
   * ask the same questions (a page rule's lookups of one type), and parsing each unit's list was the memo's main cost.
   */
  private hold(reads: string, holds: (reads: readonly LookupRead[]) => boolean): boolean {
    let byList = this.held.get(holds);
    if (!byList) this.held.set(holds, (byList = new Map()));
    let h = byList.get(reads);
    if (h === undefined) byList.set(reads, (h = holds(JSON.parse(reads) as LookupRead[])));
    return h;
  }

  set(unit: string, ruleId: string, drafts: FindingDraft[], reads?: readonly LookupRead[]): void {
    const d = this.digests.get(unit);
    if (d === undefined) return;
    const n = this.entry(d);
    // What the rule found and asked here before (questions whose answers changed) is replaced, not added to.
    delete n.found[ruleId];
    delete n.reads[ruleId];
    n.ran.add(ruleId);
    if (drafts.length) n.found[ruleId] = structuredClone(drafts);
    if (reads?.length) n.reads[ruleId] = JSON.stringify(reads);
    this.changed = true;
  }

  /** Keep what this run used or recorded (and write it, unless in memory only); nothing when it recorded nothing and dropped nothing. */
  save(): void {
    const same = !this.changed && this.next.size === this.last.size;
    if (!same && this.path) {
      const sets: string[] = [];
      const index = new Map<string, number>();
      const pages: MemoData['pages'] = {};
      for (const [digest, e] of this.next) {
        let k = this.setKeys.get(e.ran);
        if (k === undefined) this.setKeys.set(e.ran, (k = [...e.ran].sort().join('\n')));
        let i = index.get(k);
        if (i === undefined) { i = sets.length; sets.push(k); index.set(k, i); }
        const found = Object.keys(e.found).length > 0, asked = Object.keys(e.reads).length > 0;
        pages[digest] = asked ? [i, e.found, e.reads] : found ? [i, e.found] : [i];
      }
      writeSealed(this.path, { sets, pages } satisfies MemoData);
    }
    if (!same) this.last = this.next;
    this.next = new Map();
    this.changed = false;
  }
}
