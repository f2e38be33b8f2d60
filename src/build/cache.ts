/**
 * The page cache: page IRs keyed by the page's content hash, the hashes of the files it
 * includes, and the tool version. A file whose size and mtime are unchanged is not even read.
 * Stored as one v8-serialized file; a cache that cannot be read is ignored (and rewritten).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { resolve } from 'node:path';
import { IR_VERSION, type PageIR } from '../ir/schema.js';
import { toolVersion } from '../util/version.js';
import { writeAtomicBuffer } from './output.js';

interface FileStamp { size: number; mtimeMs: number; hash: string }

interface Entry {
  stamp: FileStamp;
  deps: Record<string, FileStamp>;
  ir: PageIR;
}

/** What the last build reported, for a rebuild that finds nothing changed. */
export interface LastRun { summary: string; findings: Record<'error' | 'warning' | 'info', number>; outputs: string[] }

interface CacheFile { key: string; entries: Record<string, Entry>; lastRun?: LastRun }

export const CACHE_FILE = 'pages.v8';

function cacheKey(): string {
  return `${toolVersion()}|${IR_VERSION}|${process.version.split('.')[0]}`;
}

export function hashFile(abs: string): string | undefined {
  try {
    return createHash('sha1').update(readFileSync(abs)).digest('hex');
  } catch {
    return undefined;
  }
}

function stampOf(abs: string, withHash: boolean): FileStamp | undefined {
  try {
    const st = statSync(abs);
    return { size: st.size, mtimeMs: st.mtimeMs, hash: withHash ? hashFile(abs) ?? '' : '' };
  } catch {
    return undefined;
  }
}

/** Same file: size and mtime equal, or (read when they differ) the content hash equal. */
function unchanged(abs: string, old: FileStamp): FileStamp | undefined {
  const now = stampOf(abs, false);
  if (!now) return undefined;
  if (now.size === old.size && now.mtimeMs === old.mtimeMs) return old;
  if (now.size !== old.size) return undefined;
  const hash = hashFile(abs);
  return hash === old.hash ? { ...now, hash } : undefined;
}

export class PageCache {
  private entries: Record<string, Entry> = {};
  private next: Record<string, Entry> = {};
  lastRun: LastRun | undefined;
  hits = 0;
  misses = 0;

  constructor(readonly path: string | undefined) {
    if (!path) return;
    try {
      const c = deserialize(readFileSync(path)) as CacheFile;
      if (c && c.key === cacheKey() && c.entries) { this.entries = c.entries; this.lastRun = c.lastRun; }
    } catch {
      /* no cache, or unreadable: start empty */
    }
  }

  /** A cached IR for the page, if it and every file it includes are unchanged. */
  get(abs: string): PageIR | undefined {
    const e = this.entries[abs];
    if (!e) { this.misses++; return undefined; }
    const stamp = unchanged(abs, e.stamp);
    if (!stamp) { this.misses++; return undefined; }
    const deps: Record<string, FileStamp> = {};
    for (const [dep, st] of Object.entries(e.deps)) {
      const d = unchanged(dep, st);
      if (!d) { this.misses++; return undefined; }
      deps[dep] = d;
    }
    this.hits++;
    this.next[abs] = { stamp, deps, ir: e.ir };
    return e.ir;
  }

  /** Record a freshly processed page (its includes are its dependencies). */
  put(abs: string, ir: PageIR): void {
    if (!this.path) return;
    const stamp = stampOf(abs, true);
    if (!stamp) return;
    const deps: Record<string, FileStamp> = {};
    for (const inc of ir.includes) {
      if (!inc.resolved) continue;
      const d = resolve(inc.resolved);
      const st = stampOf(d, true);
      if (st) deps[d] = st;
    }
    this.next[abs] = { stamp, deps, ir };
  }

  /** The pages of the previous build, by absolute path. */
  previousPages(): string[] {
    return Object.keys(this.entries);
  }

  save(lastRun?: LastRun): void {
    if (!this.path) return;
    writeAtomicBuffer(this.path, serialize({ key: cacheKey(), entries: this.next, lastRun } satisfies CacheFile));
  }
}
