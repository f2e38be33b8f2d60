/**
 * The page cache: page IRs keyed by the page's content hash, the hashes of the files it
 * includes, and the tool version. A file whose size and mtime are unchanged is not even read.
 * Stored as two v8-serialized files; a cache that cannot be read is ignored (and rewritten).
 *
 * It cannot lie: every entry (and the index as a whole) carries a SHA-1 of its bytes, and an
 * entry whose bytes do not match is a miss; an include that did not resolve is recorded as a
 * dependency that must still be missing (a file created there later is a change); a page that
 * timed out or crashed its worker is never cached (under less load it may well succeed).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { dirname, join, resolve } from 'node:path';
import { IR_VERSION, type PageIR } from '../sources/graph-markdown/ir/schema.js';
import { toolCodeHash, toolVersion } from '../util/version.js';
import { removeStaleTemps, writeAtomicBuffer } from './output.js';

/** `size` -1: the file did not exist (an include that did not resolve), and must still not. */
interface FileStamp { size: number; mtimeMs: number; hash: string }

const MISSING: FileStamp = { size: -1, mtimeMs: -1, hash: '' };

/** Diagnostics of a failure that says nothing about the page (load, a crash elsewhere): such a result is never cached. */
export const TRANSIENT_RULES = new Set(['page-timeout', 'page-worker-crashed', 'page-memory-exceeded']);

/** One cached IR: its v8 bytes and their SHA-1. */
interface Entry { sum: string; data: Uint8Array }

const sha1 = (b: Uint8Array) => createHash('sha1').update(b).digest('hex');

interface Stamps {
  stamp: FileStamp;
  deps: Record<string, FileStamp>;
}

/** What the last build reported, for a rebuild that finds nothing changed. */
export interface LastRun { summary: string; findings: Record<'error' | 'warning' | 'info', number>; outputs: string[] }

/** Small: read on every run. */
interface IndexFile { key: string; stamps: Record<string, Stamps>; lastRun?: LastRun }
/** On disk, the index is wrapped with the SHA-1 of its serialized bytes. */
interface Sealed { key: string; sum: string; data: Uint8Array }
/** Large: read only when some page changed. */
interface PagesFile { key: string; pages: Record<string, Entry> }

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
  if (old.size === MISSING.size) return existsSync(abs) ? undefined : MISSING;
  const now = stampOf(abs, false);
  if (!now) return undefined;
  if (now.size === old.size && now.mtimeMs === old.mtimeMs) return old;
  if (now.size !== old.size) return undefined;
  const hash = hashFile(abs);
  return hash === old.hash ? { ...now, hash } : undefined;
}

export class PageCache {
  private stamps: Record<string, Stamps> = {};
  private pages: Record<string, Entry> | undefined;
  private nextStamps: Record<string, Stamps> = {};
  private nextPages: Record<string, Entry> = {};
  private checked = new Map<string, Stamps | undefined>();
  lastRun: LastRun | undefined;

  /** Kept in this process only (a watch loop without a cache folder): nothing is read or written. */
  private readonly memory: boolean;

  /** `path`: the index file; the IRs live beside it. undefined: no cache (`memory`: a cache in this process only). */
  constructor(readonly path: string | undefined, opts: { memory?: boolean } = {}) {
    this.memory = !path && !!opts.memory;
    if (!path) return;
    try {
      const sealed = deserialize(readFileSync(path)) as Sealed;
      if (sealed && sealed.key === cacheKey() && sealed.data instanceof Uint8Array && sha1(sealed.data) === sealed.sum) {
        const c = deserialize(sealed.data) as IndexFile;
        if (c && c.key === cacheKey() && c.stamps) { this.stamps = c.stamps; this.lastRun = c.lastRun; }
      }
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
    if ((!this.path && !this.memory) || !this.isUnchanged(abs)) return undefined;
    if (!this.pages) {
      if (!this.path) return undefined;
      try {
        const p = deserialize(readFileSync(this.pagesPath())) as PagesFile;
        this.pages = p && p.key === cacheKey() && p.pages ? p.pages : {};
      } catch {
        this.pages = {};
      }
    }
    const entry = this.pages[abs];
    if (!entry || !(entry.data instanceof Uint8Array) || sha1(entry.data) !== entry.sum) return undefined; // absent or corrupt: a miss
    let ir: PageIR;
    try { ir = deserialize(entry.data) as PageIR; } catch { return undefined; }
    this.nextStamps[abs] = this.checked.get(abs)!;
    this.nextPages[abs] = entry;
    return ir;
  }

  /** Record a freshly processed page (its includes, found or not, are its dependencies; their paths are relative to `docsRoot`). */
  put(abs: string, ir: PageIR, docsRoot = process.cwd()): void {
    if (!this.path && !this.memory) return;
    if (ir.diagnostics.some((d) => TRANSIENT_RULES.has(d.rule))) return;
    const stamp = stampOf(abs, true);
    if (!stamp) return;
    const deps: Record<string, FileStamp> = {};
    for (const inc of ir.includes) {
      if (inc.kind === 'snippet') continue;
      if (inc.resolved) {
        const d = resolve(docsRoot, inc.resolved);
        deps[d] = stampOf(d, true) ?? MISSING;
      } else {
        // Where the include would be: a file created there later changes the page.
        const from = inc.src.file === ir.file ? abs : resolve(docsRoot, inc.src.file);
        let target: string;
        try { target = decodeURIComponent(inc.target.replace(/[?#][\s\S]*$/, '')); } catch { continue; }
        const d = resolve(dirname(from), target);
        deps[d] = stampOf(d, true) ?? MISSING;
      }
    }
    const data = serialize(ir);
    this.nextStamps[abs] = { stamp, deps };
    this.nextPages[abs] = { sum: sha1(data), data };
  }

  /** The pages of the previous build, by absolute path. */
  previousPages(): string[] {
    return Object.keys(this.stamps);
  }

  /** Forget the last run (its index goes): called before outputs are rewritten, so a build killed meanwhile is never taken as up to date. */
  invalidate(): void {
    if (!this.path) return;
    try { rmSync(this.path, { force: true }); } catch { /* no cache folder: nothing to forget */ }
  }

  save(lastRun?: LastRun): void {
    if (!this.path) { if (this.memory) this.carryOver(lastRun); return; }
    removeStaleTemps(dirname(this.path));
    writeAtomicBuffer(this.pagesPath(), serialize({ key: cacheKey(), pages: this.nextPages } satisfies PagesFile));
    const data = serialize({ key: cacheKey(), stamps: this.nextStamps, lastRun } satisfies IndexFile);
    writeAtomicBuffer(this.path, serialize({ key: cacheKey(), sum: sha1(data), data } satisfies Sealed));
    this.carryOver(lastRun);
  }

  /**
   * What was just saved becomes what the next run reads, without reading it back from disk: a
   * process that builds again (`--watch`) keeps one cache. Entries keep their checksums, so an
   * entry is still verified on every `get`.
   */
  private carryOver(lastRun?: LastRun): void {
    this.stamps = this.nextStamps;
    this.pages = this.nextPages;
    this.nextStamps = {};
    this.nextPages = {};
    this.checked.clear();
    this.lastRun = lastRun;
  }
}
