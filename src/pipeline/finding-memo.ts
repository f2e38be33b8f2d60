/**
 * Page rules' findings from the last run, by the page's IR digest (the SHA-1 of its IR's JSON,
 * see irDigest) and rule: a page rule is given one page and nothing else (PageRule), so its
 * findings on a page whose digest is the same are the same, and a rebuild runs the page rules
 * only on the pages whose facts changed. Kept beside the page cache (`.cache/page-findings.v8`)
 * under the same key (tool version and code, IR version, Node major: other rule code, no
 * entries), sealed with the SHA-1 of its bytes (a file that does not match is an empty memo);
 * in a watch, in memory between runs. Only the entries this run used or recorded are saved.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { Document } from '../model/schema.js';
import type { FindingDraft, PageRuleMemo } from '../checks/types.js';
import { cacheKey } from './cache.js';
import { writeAtomicBuffer } from './output.js';

/** One page's entry: the rules that ran on it, and the drafts of those that found something. */
interface PageEntry { ran: Set<string>; found: Record<string, FindingDraft[]> }

/**
 * On disk: each distinct set of rules once (`sets`, ids joined by a newline), and per IR digest
 * the index of its set and the drafts of the rules that found something (most pages: none).
 */
interface MemoData { sets: string[]; pages: Record<string, [number, Record<string, FindingDraft[]>?]> }

interface Sealed { key: string; sum: string; data: Uint8Array }

const sha1 = (b: Uint8Array) => createHash('sha1').update(b).digest('hex');

export class PageFindingMemo implements PageRuleMemo {
  private last = new Map<string, PageEntry>();
  private next = new Map<string, PageEntry>();
  private changed = false;
  /** This run's pages: display path → IR digest (a page without one is never taken nor recorded). */
  private digests = new Map<string, string>();

  /** `path`: the memo's file; undefined: in memory only. */
  constructor(private readonly path: string | undefined) {
    if (!path) return;
    try {
      const s = deserialize(readFileSync(path)) as Sealed;
      if (!(s && s.key === cacheKey() && s.data instanceof Uint8Array && sha1(s.data) === s.sum)) return;
      const d = deserialize(s.data) as MemoData;
      const sets = d.sets.map((x) => new Set(x.split('\n')));
      for (const [digest, [i, found]] of Object.entries(d.pages)) this.last.set(digest, { ran: sets[i]!, found: found ?? {} });
    } catch { this.last.clear(); /* none yet, or unreadable: empty */ }
  }

  /** A new run: the digests of its pages (see PageCache.digestOf). */
  beginRun(digests: Map<string, string>): void {
    this.digests = digests;
    this.next = new Map();
    this.changed = false;
  }

  private entry(d: string): PageEntry {
    let e = this.next.get(d);
    if (!e) this.next.set(d, (e = { ran: new Set(), found: {} }));
    return e;
  }

  get(page: Document, ruleId: string): FindingDraft[] | undefined {
    const d = this.digests.get(page.file);
    const e = d === undefined ? undefined : this.last.get(d);
    if (!e || !e.ran.has(ruleId)) return undefined;
    const n = this.entry(d!);
    n.ran.add(ruleId);
    const found = Object.hasOwn(e.found, ruleId) ? e.found[ruleId]! : undefined;
    if (!found) return [];
    n.found[ruleId] = found;
    // A copy: nothing done to this run's findings can reach the next run's.
    return structuredClone(found);
  }

  set(page: Document, ruleId: string, drafts: FindingDraft[]): void {
    const d = this.digests.get(page.file);
    if (d === undefined) return;
    const n = this.entry(d);
    n.ran.add(ruleId);
    if (drafts.length) n.found[ruleId] = structuredClone(drafts);
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
        const k = [...e.ran].sort().join('\n');
        let i = index.get(k);
        if (i === undefined) { i = sets.length; sets.push(k); index.set(k, i); }
        pages[digest] = Object.keys(e.found).length ? [i, e.found] : [i];
      }
      const data = serialize({ sets, pages } satisfies MemoData);
      writeAtomicBuffer(this.path, serialize({ key: cacheKey(), sum: sha1(data), data } satisfies Sealed));
    }
    if (!same) this.last = this.next;
    this.next = new Map();
    this.changed = false;
  }
}
