/**
 * Texts printed by the last build, by the digest of what they were printed from (the TypeScript
 * emitter's source-file structures): a build that prints the same structure again takes the text
 * instead. Kept beside the page cache (`.cache/typescript.v8`), under the same key (tool version,
 * code, Node major): another tool prints otherwise, so its texts are never used. Only the texts
 * this run used or printed are saved; an unreadable file is an empty memo.
 */
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { cacheKey } from './cache.js';
import { writeAtomicBuffer } from './output.js';

interface MemoFile { key: string; texts: Record<string, string> }

export class TextMemo {
  private last: Record<string, string> = {};
  private next: Record<string, string> = {};
  private changed = false;

  /** `path`: the memo's file; undefined: in memory only (a build without a cache: nothing read or saved). */
  constructor(private readonly path: string | undefined) {
    if (path === undefined) return;
    try {
      const f = deserialize(readFileSync(path)) as MemoFile;
      if (f && f.key === cacheKey() && f.texts && typeof f.texts === 'object') this.last = f.texts;
    } catch { /* none yet, or unreadable: empty */ }
  }

  /** The text kept for `key`: from the last build, or set in this one (a text printed ahead, see TsPrefetch). */
  get(key: string): string | undefined {
    if (Object.hasOwn(this.next, key)) return this.next[key];
    const t = Object.hasOwn(this.last, key) ? this.last[key] : undefined;
    if (typeof t !== 'string') return undefined;
    this.next[key] = t;
    return t;
  }

  set(key: string, text: string): void {
    this.next[key] = text;
    this.changed = true;
  }

  /** Write the texts this run used (nothing when it printed none afresh and dropped none). */
  save(): void {
    if (!this.changed && Object.keys(this.next).length === Object.keys(this.last).length) return;
    if (this.path !== undefined) writeAtomicBuffer(this.path, serialize({ key: cacheKey(), texts: this.next } satisfies MemoFile));
    this.last = this.next;
    this.next = {};
    this.changed = false;
  }
}
