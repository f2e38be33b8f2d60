/**
 * The page cache: page IRs keyed by the page's content hash, the hashes of the files it
 * includes, and the tool version. A file whose size and mtime are unchanged is not even read.
 * Stored as one v8-serialized file; a cache that cannot be read is ignored (and rewritten).
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { dirname, join, resolve } from 'node:path';
import { IR_VERSION, type PageIR } from '../sources/graph-markdown/ir/schema.js';
import { toolCodeHash, toolVersion } from '../util/version.js';
import { writeAtomicBuffer } from './output.js';

interface FileStamp { size: number; mtimeMs: number; hash: string }

interface Stamps {
  stamp: FileStamp;
  deps: Record<string, FileStamp>;
}

/** What the last build reported, for a rebuild that finds nothing changed. */
export interface LastRun { summary: string; findings: Record<'error' | 'warning' | 'info', number>; outputs: string[] }

/** Small: read on every run. */
interface IndexFile { key: string; stamps: Record<string, Stamps>; lastRun?: LastRun }
/** Large: read only when some page changed. */
interface PagesFile { key: string; pages: Record<string, PageIR> }

export const CACHE_FILE = 'index.v8';
const PAGES_FILE = 'pages.v8';

function cacheKey(): string {
  return `${toolVersion()}|${toolCodeHash()}|${IR_VERSION}|${process.version.split('.')[0]}`;
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
  private stamps: Record<string, Stamps> = {};
  private pages: Record<string, PageIR> | undefined;
  private nextStamps: Record<string, Stamps> = {};
  private nextPages: Record<string, PageIR> = {};
  private checked = new Map<string, Stamps | undefined>();
  lastRun: LastRun | undefined;

  /** `path`: the index file; the IRs live beside it. undefined: no cache. */
  constructor(readonly path: string | undefined) {
    if (!path) return;
    try {
      const c = deserialize(readFileSync(path)) as IndexFile;
      if (c && c.key === cacheKey() && c.stamps) { this.stamps = c.stamps; this.lastRun = c.lastRun; }
    } catch {
      /* no cache, or unreadable: start empty */
    }
  }

  private pagesPath(): string {
    return join(dirname(this.path!), PAGES_FILE);
  }

  /** Is the page, and every file it includes, unchanged since it was cached? (Reads only the index.) */
  isUnchanged(abs: string): boolean {
    if (this.checked.has(abs)) return !!this.checked.get(abs);
    const e = this.stamps[abs];
    let result: Stamps | undefined;
    if (e) {
      const stamp = unchanged(abs, e.stamp);
      if (stamp) {
        const deps: Record<string, FileStamp> = {};
        let ok = true;
        for (const [dep, st] of Object.entries(e.deps)) {
          const d = unchanged(dep, st);
          if (!d) { ok = false; break; }
          deps[dep] = d;
        }
        if (ok) result = { stamp, deps };
      }
    }
    this.checked.set(abs, result);
    return !!result;
  }

  /** A cached IR for the page, if it and every file it includes are unchanged. */
  get(abs: string): PageIR | undefined {
    if (!this.path || !this.isUnchanged(abs)) return undefined;
    if (!this.pages) {
      try {
        const p = deserialize(readFileSync(this.pagesPath())) as PagesFile;
        this.pages = p && p.key === cacheKey() && p.pages ? p.pages : {};
      } catch {
        this.pages = {};
      }
    }
    const ir = this.pages[abs];
    if (!ir) return undefined;
    this.nextStamps[abs] = this.checked.get(abs)!;
    this.nextPages[abs] = ir;
    return ir;
  }

  /** Record a freshly processed page (its includes are its dependencies; their paths are relative to `docsRoot`). */
  put(abs: string, ir: PageIR, docsRoot = process.cwd()): void {
    if (!this.path) return;
    const stamp = stampOf(abs, true);
    if (!stamp) return;
    const deps: Record<string, FileStamp> = {};
    for (const inc of ir.includes) {
      if (!inc.resolved) continue;
      const d = resolve(docsRoot, inc.resolved);
      const st = stampOf(d, true);
      if (st) deps[d] = st;
    }
    this.nextStamps[abs] = { stamp, deps };
    this.nextPages[abs] = ir;
  }

  /** The pages of the previous build, by absolute path. */
  previousPages(): string[] {
    return Object.keys(this.stamps);
  }

  save(lastRun?: LastRun): void {
    if (!this.path) return;
    writeAtomicBuffer(this.pagesPath(), serialize({ key: cacheKey(), pages: this.nextPages } satisfies PagesFile));
    writeAtomicBuffer(this.path, serialize({ key: cacheKey(), stamps: this.nextStamps, lastRun } satisfies IndexFile));
  }
}
