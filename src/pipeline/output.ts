/**
 * Writing an output tree so that it is always either the previous complete set or the new one.
 *
 * 1. Lock: `DIR/.docmodel-lock` (created exclusively, holds the pid). A second build waits for
 *    it (up to `DOCMODEL_LOCK_WAIT_MS`, 60 s by default) and then fails with a clear message; a
 *    lock whose process is gone is taken over.
 * 2. Recover: a journal left by a killed build is rolled forward (its files were all staged
 *    before it was written); a staging folder without a journal is discarded.
 * 3. Stage: every changed file (and the new manifest) is written into `DIR/.docmodel-staging/`
 *    and every directory the new set needs is created. A full disk fails here, before anything
 *    of the old set was touched; the staging folder is removed on the way out. Outputs are
 *    rendered here, one at a time (see OutputContent): text that comes in pieces is streamed
 *    into its staged file and compared with the file in place by size and SHA-1 (the staged copy
 *    is dropped when they match); a keyed output whose stamp matches is not rendered at all.
 * 4. Commit: the journal (renames, then deletions) is written with temp file + rename; then the
 *    staged files are renamed into place, the manifest last of them (so it is written before any
 *    deletion), then files of the previous manifest this run did not write are deleted, empty
 *    folders they leave are removed (each folder looked at once), and the journal goes.
 *
 * Nothing outside DIR is ever written or removed: every path is checked segment by segment (no
 * `..`, `.`, empty or absolute segment, no reserved name) and no symbolic link inside DIR is
 * ever followed — one on the way is refused with an error naming it. Filesystem errors are
 * named (`disk full (ENOSPC)`, `read-only file system (EROFS)`, …) in an `OutputError`.
 */
import {
  type Stats, closeSync, existsSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, realpathSync, renameSync, rmSync, rmdirSync, statSync, unlinkSync, writeFileSync, writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { InputError } from '../sources/graph-markdown/ingest/walk.js';
import { HeapBound } from '../util/heap.js';
import { joinPieces, type Member } from '../util/order.js';

export const MANIFEST = '.docmodel-manifest.json';
export const LOCK = '.docmodel-lock';
export const STAGING = '.docmodel-staging';
export const JOURNAL = '.docmodel-journal.json';
/** Top-level names of DIR that no output may take (the tool's own bookkeeping). */
const RESERVED = new Set([MANIFEST, LOCK, STAGING, JOURNAL, '.cache']);

export interface WriteStats {
  written: number; unchanged: number; removed: number;
  /** Keyed pieces of streamed outputs (see Member): copied from the file in place, or rendered; absent when there were none. */
  pieces?: { copied: number; rendered: number };
}

/** An output that cannot be written: a message for the user, not an internal error. (An InputError so the CLI reports it as such.) */
export class OutputError extends InputError {}

const CODES: Record<string, string> = {
  ENOSPC: 'disk full', EDQUOT: 'disk quota exceeded', EROFS: 'read-only file system', EEXIST: 'already exists', EACCES: 'permission denied',
  EPERM: 'operation not permitted', ENOTDIR: 'a path component is not a directory', EISDIR: 'is a directory', ENAMETOOLONG: 'name too long', EMFILE: 'too many open files',
};

/** `what`: e.g. "cannot write ir/a.json in out/". */
export function namedError(what: string, e: unknown): OutputError {
  if (e instanceof OutputError) return e;
  const code = e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
  const name = CODES[code];
  const detail = name ? `${name} (${code})` : code || (e instanceof Error ? e.message : String(e));
  return new OutputError(`${what}: ${detail}`);
}

// --- injected failures (tests): DOCMODEL_TEST_FAIL_AT=N stops the process (SIGKILL) or throws (DOCMODEL_TEST_FAIL_MODE=enospc) at the Nth write point.
let writePoints = 0;
let failAt = Number(process.env.DOCMODEL_TEST_FAIL_AT ?? 0);
let failMode = process.env.DOCMODEL_TEST_FAIL_MODE ?? 'kill';
/** For tests in this process: fail at the nth write point from now (0: never). Returns the points counted so far. */
export function injectFailure(n: number, mode: 'kill' | 'enospc' = 'enospc'): number {
  const seen = writePoints;
  writePoints = 0;
  failAt = n;
  failMode = mode;
  return seen;
}
function writePoint(): void {
  writePoints++;
  if (failAt && writePoints === failAt) {
    if (failMode === 'kill') process.kill(process.pid, 'SIGKILL');
    throw Object.assign(new Error('injected failure: no space left on device'), { code: 'ENOSPC' });
  }
}

/** Why a relative output path is refused, or undefined when it is a plain path inside DIR. */
export function unsafeRel(rel: string): string | undefined {
  if (rel.startsWith('/') || /^[A-Za-z]:/.test(rel) || rel.includes('\\')) return 'is absolute or uses backslashes';
  if (rel.includes('\0')) return 'holds a NUL character';
  const segs = rel.split('/');
  if (segs.some((s) => s === '' || s === '.' || s === '..')) return 'has an empty, "." or ".." segment';
  if (RESERVED.has(segs[0]!)) return 'takes a name the tool reserves';
  return undefined;
}

interface Journal { v: 1; renames: [string, string][]; deletes: string[] }

/** Checks that no segment of `rel`'s folders (and, with `self`, the file itself) is a symbolic link; results cached per folder. */
class PathGuard {
  private dirs = new Map<string, boolean>();
  constructor(private readonly outDir: string) {}
  /** Throws when a symlink lies on the way; returns whether the file itself exists (as a non-link). */
  check(rel: string): boolean {
    const segs = rel.split('/');
    let dir = '';
    for (let i = 0; i < segs.length - 1; i++) {
      dir = dir ? `${dir}/${segs[i]}` : segs[i]!;
      let ok = this.dirs.get(dir);
      if (ok === undefined) {
        const st = lstatOrUndefined(join(this.outDir, dir));
        if (st?.isSymbolicLink()) throw new OutputError(`refusing to follow the symbolic link ${dir} inside the output directory ${this.outDir} (remove it)`);
        if (st && !st.isDirectory()) throw new OutputError(`cannot write ${rel} in ${this.outDir}: ${dir} is not a directory`);
        ok = !!st;
        this.dirs.set(dir, ok);
      }
      if (!ok) return false;
    }
    const st = lstatOrUndefined(join(this.outDir, rel));
    if (st?.isSymbolicLink()) throw new OutputError(`refusing to replace or follow the symbolic link ${rel} inside the output directory ${this.outDir} (remove it)`);
    if (st?.isDirectory()) throw new OutputError(`cannot write ${rel} in ${this.outDir}: a directory is in the way`);
    return !!st;
  }
  /** Creates the folders of rel (after check). */
  mkdirs(rel: string): void {
    const d = dirname(rel);
    if (d === '.' || this.dirs.get(d)) return;
    makeDirs(join(this.outDir, d));
    let x = d;
    while (x !== '.') { this.dirs.set(x, true); x = dirname(x); }
  }
}

function lstatOrUndefined(abs: string): ReturnType<typeof lstatSync> | undefined {
  try { return lstatSync(abs); } catch (e) { if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined; throw e; }
}

/**
 * An output's text, or how to render it when it is needed: the writer renders a lazy output
 * only when it must compare or write it, and drops the text once the file is staged, so a build
 * never holds all of its output text at once. With a `key` (a digest of everything the text is
 * made from), a file whose stamp from the last write has the same key, size and mtime is known
 * to be unchanged without rendering or reading it.
 */
export type OutputContent = string | { key?: string; render: () => string | Iterable<string | Member> };

/**
 * What the writer knew of a file it wrote or checked: its key ('' for an unkeyed file), the
 * file's size and mtime then, and the SHA-1 of its bytes when the writer computed it (streamed
 * outputs): while the file still holds its stamp, the next write compares a new rendering with
 * that sum instead of reading the file back (model.json alone is 100 MB on the 2021 tree).
 */
export interface OutputStamp { key: string; size: number; mtimeMs: number; sum?: string; members?: MemberIndex }

/**
 * Where each keyed piece (a `Member`) of a streamed output sits in the file written: the keys
 * joined by newlines, and per key its byte offset and length (`at`: offset, length, offset, …).
 */
export interface MemberIndex { keys: string; at: number[] }

/** Is the file still as stamped (a regular file of the same size and mtime)? */
export function stampHolds(abs: string, was: OutputStamp): boolean {
  const st = statOrUndefined(abs);
  return !!st && st.isFile() && st.size === was.size && st.mtimeMs === was.mtimeMs;
}

export interface WriteOptions {
  /** Stamps of the last write into this directory (from the cache); omitted: every file is rendered and compared. */
  stamps?: Record<string, OutputStamp>;
  /** Where the keyed pieces of a file sit while it has its stamp, when the stamp does not say (the cache keeps them apart: PageCache.pieces). */
  pieces?: (rel: string) => MemberIndex | undefined;
}

/** The text of an output, rendered (and its pieces joined) if it is lazy. */
export function outputText(c: OutputContent): string {
  if (typeof c === 'string') return c;
  const r = c.render();
  return typeof r === 'string' ? r : joinPieces(r);
}

/** Pieces are encoded into a block buffer of this many bytes, written when full. */
const BLOCK = 1 << 20;

/**
 * The file a streamed output's stamp still holds, read for the keyed pieces it has (`MemberIndex`):
 * through a window of BLOCK bytes, since the pieces come in about the order they were written.
 */
class LastFile {
  private readonly at = new Map<string, number>();
  private readonly win = Buffer.allocUnsafe(BLOCK);
  private winStart = 0;
  private winEnd = 0;
  constructor(private readonly fd: number, private readonly index: MemberIndex) {
    index.keys.split('\n').forEach((k, i) => this.at.set(k, i));
  }

  /** The bytes of the piece with this key as the file holds them, or undefined (not there). */
  bytes(key: string): Buffer | undefined {
    const i = this.at.get(key);
    if (i === undefined) return undefined;
    const off = this.index.at[2 * i]!, len = this.index.at[2 * i + 1]!;
    if (off < this.winStart || off + len > this.winEnd) {
      if (len > BLOCK) { const b = Buffer.allocUnsafe(len); return readAt(this.fd, b, off) === len ? b : undefined; }
      this.winStart = off;
      this.winEnd = off + readAt(this.fd, this.win, off);
      if (off + len > this.winEnd) return undefined;
    }
    return this.win.subarray(off - this.winStart, off - this.winStart + len);
  }

  close(): void { closeSync(this.fd); }
}

/** The file in place, opened to copy its pieces from; undefined when it cannot be read (its pieces are rendered). */
function openLast(abs: string, index: MemberIndex): LastFile | undefined {
  try { return new LastFile(openSync(abs, 'r'), index); } catch { return undefined; }
}

/** Reads into the whole of `b` from `pos` (less at the end of the file); returns the bytes read. */
function readAt(fd: number, b: Buffer, pos: number): number {
  let n = 0;
  for (let k; n < b.length && (k = readSync(fd, b, n, b.length - n, pos + n)) > 0;) n += k;
  return n;
}

/**
 * Writes the pieces to a new file; returns its size in bytes, SHA-1, and where its keyed pieces
 * sit. Each piece is encoded straight into the block buffer (`Buffer#write`): joining pieces into
 * a string first and encoding that costs 7× more on model.json (100 MB in pieces: 0.67 s against
 * 0.09 s), however the string is joined. A keyed piece (`Member`) the last file holds is copied
 * from it, not rendered: its bytes are a function of its key.
 */
function writeChunks(abs: string, chunks: Iterable<string | Member>, last?: LastFile): { size: number; sum: string; members?: MemberIndex; copied: number } {
  const fd = openSync(abs, 'wx');
  const h = createHash('sha1');
  let size = 0;
  const keys: string[] = [];
  const at: number[] = [];
  let copied = 0;
  try {
    const block = Buffer.allocUnsafe(BLOCK);
    let off = 0;
    const out = (b: Buffer) => { h.update(b); size += b.length; writeAll(fd, b); };
    const flush = () => { if (off) out(block.subarray(0, off)); off = 0; };
    const putBytes = (b: Buffer) => {
      if (off + b.length > BLOCK) flush();
      if (b.length > BLOCK) out(b);
      else off += b.copy(block, off);
    };
    // A piece ending inside a surrogate pair keeps its half for the next piece (the bytes of the joined text).
    let carry = '';
    const putString = (c: string) => {
      if (carry) { c = carry + c; carry = ''; }
      const last = c.charCodeAt(c.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) { carry = c.slice(-1); c = c.slice(0, -1); }
      // A UTF-16 unit takes at most 3 bytes in UTF-8 (a surrogate pair, 2 units, takes 4).
      if (off + c.length * 3 > BLOCK) {
        flush();
        if (c.length * 3 > BLOCK) { out(Buffer.from(c, 'utf8')); return; }
      }
      off += block.write(c, off, 'utf8');
    };
    for (const c of chunks) {
      if (typeof c === 'string') { putString(c); continue; }
      // A half pair before it joins its first unit: written as text, and not recorded as a piece.
      if (carry) { putString(c.text()); continue; }
      const start = size + off;
      const b = last?.bytes(c.key);
      if (b) { putBytes(b); copied++; } else putString(c.text());
      // A text ending in half a pair (which waits for the next piece), or a key the index cannot hold: not recorded.
      if (carry || c.key.includes('\n')) continue;
      keys.push(c.key);
      at.push(start, size + off - start);
    }
    flush();
    if (carry) out(Buffer.from(carry, 'utf8'));
  } finally {
    closeSync(fd);
  }
  return { size, sum: h.digest('hex'), copied, ...(keys.length ? { members: { keys: keys.join('\n'), at } } : {}) };
}

function writeAll(fd: number, b: Buffer): void {
  for (let off = 0; off < b.length;) off += writeSync(fd, b, off);
}

/** Does the file hold exactly these bytes (by size, then SHA-1 read in blocks)? */
function sameBytes(abs: string, size: number, sum: string): boolean {
  try {
    if (statSync(abs).size !== size) return false;
    const fd = openSync(abs, 'r');
    const h = createHash('sha1');
    const b = Buffer.allocUnsafe(BLOCK);
    try {
      for (let n; (n = readSync(fd, b, 0, BLOCK, null)) > 0;) h.update(b.subarray(0, n));
    } finally {
      closeSync(fd);
    }
    return h.digest('hex') === sum;
  } catch {
    return false;
  }
}

/** Writes `files` (relative path → text) into outDir; see the module comment for the protocol. `stats.stamps`: every file's stamp (key '' for an unkeyed one). */
export function writeOutputs(outDir: string, files: Map<string, OutputContent>, opts: WriteOptions = {}): WriteStats & { stamps: Record<string, OutputStamp> } {
  refuseFile(outDir);
  try { makeDirs(outDir); } catch (e) { throw namedError(`cannot create the output directory ${outDir}`, e); }
  const unlock = acquireLock(outDir);
  try {
    recoverLocked(outDir);
    return writeLocked(outDir, files, opts.stamps ?? {}, opts.pieces);
  } finally {
    unlock();
  }
}

function writeLocked(outDir: string, files: Map<string, OutputContent>, before: Record<string, OutputStamp>, piecesOf?: (rel: string) => MemberIndex | undefined): WriteStats & { stamps: Record<string, OutputStamp> } {
  const stats: WriteStats & { stamps: Record<string, OutputStamp> } = { written: 0, unchanged: 0, removed: 0, stamps: {} };
  /** Files rendered by this run, with their keys (and sums when computed), to stamp once they are in place. */
  const rendered: Rendered[] = [];
  const heap = new HeapBound();
  const guard = new PathGuard(outDir);
  const names = [...files.keys()].sort();
  for (const rel of names) {
    const why = unsafeRel(rel);
    if (why) throw new OutputError(`refusing to write the output ${JSON.stringify(rel)}: the path ${why}`);
  }
  const previous = readManifest(outDir).filter((rel) => unsafeRel(rel) === undefined);
  const staging = join(outDir, STAGING);
  const renames: [string, string][] = [];
  try {
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging);
    const stage = (rel: string, content: string) => {
      const staged = `s${renames.length}`;
      writePoint();
      guard.mkdirs(rel);
      writeFileSync(join(staging, staged), content);
      renames.push([staged, rel]);
    };
    /**
     * Streams the pieces into staging; unstages them again when the file in place already holds
     * those bytes (by its stamp's sum while the stamp holds, else read back). Returns the sum.
     */
    const stageChunks = (rel: string, chunks: Iterable<string | Member>, exists: boolean, prior: OutputStamp | undefined): { wrote: boolean; sum: string; members?: MemberIndex } => {
      const count = (w: { members?: MemberIndex; copied: number }) => {
        if (!w.members) return;
        const n = w.members.at.length / 2;
        stats.pieces ??= { copied: 0, rendered: 0 };
        stats.pieces.copied += w.copied;
        stats.pieces.rendered += n - w.copied;
      };
      const staged = `s${renames.length}`;
      writePoint();
      guard.mkdirs(rel);
      const abs = join(outDir, rel);
      const holds = exists && prior !== undefined && stampHolds(abs, prior);
      // The file in place as the last build wrote it: its keyed pieces are copied from it, not rendered.
      const index = holds ? (prior.members ?? piecesOf?.(rel)) : undefined;
      const last = index ? openLast(abs, index) : undefined;
      let written: ReturnType<typeof writeChunks>;
      try { written = writeChunks(join(staging, staged), chunks, last); } finally { last?.close(); }
      count(written);
      const { size, sum, members } = written;
      const same = exists && (prior?.sum !== undefined && holds ? prior.size === size && prior.sum === sum : sameBytes(abs, size, sum));
      if (same) { unlinkSync(join(staging, staged)); return { wrote: false, sum, members }; }
      renames.push([staged, rel]);
      return { wrote: true, sum, members };
    };
    for (const rel of names) {
      const given = files.get(rel)!;
      const key = typeof given === 'string' ? undefined : given.key;
      let exists: boolean;
      try { exists = guard.check(rel); } catch (e) { throw namedError(`cannot write ${rel} in ${outDir}`, e); }
      const prior = Object.hasOwn(before, rel) ? before[rel]! : undefined;
      // Its stamp still holds: not rendered, not read, and not stat'ed again after the commit.
      if (exists && key !== undefined && prior && prior.key === key && stampHolds(join(outDir, rel), prior)) { stats.unchanged++; stats.stamps[rel] = prior; continue; }
      const stamp: (typeof rendered)[number] = { rel, key: key ?? '' };
      rendered.push(stamp); // every file rendered gets a stamp (an unkeyed one with key '', never matched): a later build can tell it was not touched since
      const content = typeof given === 'string' ? given : given.render();
      if (typeof content !== 'string') {
        let wrote: boolean;
        try { ({ wrote, sum: stamp.sum, members: stamp.members } = stageChunks(rel, content, exists, prior)); } catch (e) { throw namedError(`cannot write ${rel} in ${outDir}`, e); }
        if (wrote) stats.written++;
        else stats.unchanged++;
        heap.check();
        continue;
      }
      if (exists) {
        try {
          if (readFileSync(join(outDir, rel), 'utf8') === content) { stats.unchanged++; if (typeof given !== 'string') heap.check(); continue; }
        } catch { /* unreadable: rewrite */ }
      }
      try { stage(rel, content); } catch (e) { throw namedError(`cannot write ${rel} in ${outDir}`, e); }
      stats.written++;
      if (typeof given !== 'string') heap.check(); // its text is garbage now
    }
    const manifest = JSON.stringify(names, null, 0).replace(/","/g, '",\n"') + '\n';
    let manifestSame = false;
    try { manifestSame = readFileSync(join(outDir, MANIFEST), 'utf8') === manifest; } catch { /* absent */ }
    if (lstatOrUndefined(join(outDir, MANIFEST))?.isSymbolicLink()) throw new OutputError(`refusing to replace the symbolic link ${MANIFEST} in ${outDir} (remove it)`);
    if (!manifestSame) {
      try { stage(MANIFEST, manifest); } catch (e) { throw namedError(`cannot write ${MANIFEST} in ${outDir}`, e); }
    }
    const now = new Set(names);
    const deletes: string[] = [];
    for (const rel of previous) {
      if (now.has(rel)) continue;
      if (guard.check(rel)) deletes.push(rel);
    }
    stats.removed = deletes.length;
    if (!renames.length && !deletes.length) { rmSync(staging, { recursive: true, force: true }); return stamped(outDir, stats, rendered); }
    try {
      writePoint();
      writeFileSync(join(staging, 'journal'), JSON.stringify({ v: 1, renames, deletes } satisfies Journal));
      writePoint();
      renameSync(join(staging, 'journal'), join(outDir, JOURNAL)); // the commit point
    } catch (e) {
      throw namedError(`cannot write ${JOURNAL} in ${outDir}`, e);
    }
  } catch (e) {
    // Not committed: the previous set is untouched; the staged files go.
    try { rmSync(staging, { recursive: true, force: true }); } catch { /* best effort */ }
    throw e;
  }
  applyJournal(outDir);
  return stamped(outDir, stats, rendered);
}

/** A file this run rendered: its key, and for a streamed one the SHA-1 of its bytes and where its keyed pieces sit. */
interface Rendered { rel: string; key: string; sum?: string; members?: MemberIndex }

/** The stamps of the files this run rendered, as they now are in place. */
function stamped<T extends { stamps: Record<string, OutputStamp> }>(outDir: string, stats: T, rendered: Rendered[]): T {
  for (const { rel, key, sum, members } of rendered) {
    const st = statOrUndefined(join(outDir, rel));
    if (st) stats.stamps[rel] = { key, size: st.size, mtimeMs: st.mtimeMs, ...(sum === undefined ? {} : { sum }), ...(members ? { members } : {}) };
  }
  return stats;
}

function statOrUndefined(abs: string): Stats | undefined {
  try { return statSync(abs); } catch { return undefined; }
}

/** Rolls a committed journal forward: renames not yet done, deletions, empty folders, then the journal and the staging folder go. */
function applyJournal(outDir: string): void {
  const jpath = join(outDir, JOURNAL);
  let j: Journal;
  try {
    j = JSON.parse(readFileSync(jpath, 'utf8')) as Journal;
    if (j?.v !== 1 || !Array.isArray(j.renames) || !Array.isArray(j.deletes)) throw new Error('not a journal');
  } catch {
    // A journal that cannot be read was never committed (it is renamed into place whole): drop it.
    rmSync(jpath, { force: true });
    rmSync(join(outDir, STAGING), { recursive: true, force: true });
    return;
  }
  const guard = new PathGuard(outDir);
  const staging = join(outDir, STAGING);
  try {
    for (const [staged, rel] of j.renames) {
      if (typeof staged !== 'string' || !/^s\d+$/.test(staged) || typeof rel !== 'string' || (rel !== MANIFEST && unsafeRel(rel))) continue;
      const from = join(staging, staged);
      if (!existsSync(from)) continue; // done before the kill
      guard.check(rel);
      guard.mkdirs(rel);
      writePoint();
      renameSync(from, join(outDir, rel));
    }
    const parents = new Set<string>();
    for (const rel of j.deletes) {
      if (typeof rel !== 'string' || unsafeRel(rel)) continue;
      if (!guard.check(rel)) continue;
      writePoint();
      unlinkSync(join(outDir, rel));
      if (rel.includes('/')) parents.add(dirname(rel));
    }
    removeEmptyDirs(outDir, parents);
    writePoint();
    rmSync(jpath, { force: true });
    rmSync(staging, { recursive: true, force: true });
  } catch (e) {
    throw namedError(`cannot finish writing the outputs in ${outDir} (the next build completes it)`, e);
  }
}

/** Each folder that lost a file, deepest first, removed when empty; its parent is then looked at once too. Linear in the folders touched. */
function removeEmptyDirs(outDir: string, dirs: Set<string>): void {
  const todo = [...dirs];
  const seen = new Set(todo);
  const depth = (d: string) => d.split('/').length;
  // Bucket by depth so that a parent is looked at after all its children.
  const byDepth: string[][] = [];
  for (const d of todo) (byDepth[depth(d)] ??= []).push(d);
  for (let k = byDepth.length - 1; k >= 1; k--) {
    for (const d of byDepth[k] ?? []) {
      const abs = join(outDir, d);
      try {
        if (readdirSync(abs).length) continue;
        rmdirSync(abs);
      } catch { continue; }
      const p = dirname(d);
      if (p !== '.' && !seen.has(p)) { seen.add(p); (byDepth[k - 1] ??= []).push(p); }
    }
  }
}

/** Finishes or discards what a killed build left in outDir (journal, staging folder). Takes the lock. */
export function recoverOutputs(outDir: string): void {
  refuseFile(outDir);
  if (!existsSync(join(outDir, JOURNAL)) && !existsSync(join(outDir, STAGING))) return;
  const unlock = acquireLock(outDir);
  try { recoverLocked(outDir); } finally { unlock(); }
}

function refuseFile(outDir: string): void {
  let st: ReturnType<typeof lstatSync> | undefined;
  try { st = lstatOrUndefined(outDir); } catch (e) { throw namedError(`cannot use the output directory ${outDir}`, e); }
  if (st && !st.isDirectory() && !(st.isSymbolicLink() && safeIsDir(outDir))) throw new OutputError(`the output directory ${outDir} is not a directory`);
}

function safeIsDir(abs: string): boolean {
  try { return statSync(abs).isDirectory(); } catch { return false; }
}

function recoverLocked(outDir: string): void {
  if (lstatOrUndefined(join(outDir, JOURNAL))) applyJournal(outDir);
  else if (lstatOrUndefined(join(outDir, STAGING))) rmSync(join(outDir, STAGING), { recursive: true, force: true });
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function pidAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/** Takes DIR's lock (waiting for another build to finish); returns the release function. */
export function acquireLock(outDir: string, waitMs = Number(process.env.DOCMODEL_LOCK_WAIT_MS ?? 60_000)): () => void {
  const path = join(outDir, LOCK);
  const host = hostname();
  const started = Date.now();
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host }));
      closeSync(fd);
      let released = false;
      return () => { if (!released) { released = true; rmSync(path, { force: true }); } };
    } catch (e) {
      if (fd !== undefined) { closeSync(fd); rmSync(path, { force: true }); }
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw namedError(`cannot lock the output directory ${outDir}`, e);
    }
    let holder: { pid?: number; host?: string } = {};
    try { holder = JSON.parse(readFileSync(path, 'utf8')); } catch { /* being written, or garbage */ }
    if (lstatOrUndefined(path)?.isSymbolicLink()) throw new OutputError(`refusing to follow the symbolic link ${LOCK} in ${outDir} (remove it)`);
    if (typeof holder.pid === 'number' && holder.host === host && !pidAlive(holder.pid)) {
      rmSync(path, { force: true }); // its build was killed
      continue;
    }
    if (Date.now() - started >= waitMs) {
      throw new OutputError(`another docmodel build${holder.pid ? ` (pid ${holder.pid})` : ''} is writing to ${outDir}; waited ${Math.round(waitMs / 1000)} s (remove ${path} if no build runs)`);
    }
    sleep(100);
  }
}

/**
 * `mkdirSync(dir, { recursive: true })`, a folder at a time from the deepest one there: Node's
 * recursive form never returns on some pseudo file systems (`-o /proc/x/report.json` spun at full
 * CPU until killed); made one by one, such a folder fails at once with its error.
 */
export function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try { mkdirSync(d); } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; }
  }
}

export function writeAtomic(abs: string, content: string): void {
  writeAtomicBuffer(abs, content);
}

/**
 * A file a user named (`--output`, `--update-baseline`): written through the path, as a shell's
 * `>` would. A regular file (or none yet) is replaced atomically (temp file + rename); a symbolic
 * link is followed (its target replaced atomically when it is a regular file, the link kept); a
 * FIFO, a device or a process substitution (`/dev/stdout`, `>(…)`) is written into. Renaming a
 * temp file over the path itself replaced the link with a file, and as root `-o /dev/stdout`
 * replaced the device file.
 */
export function writeNamedFile(abs: string, content: string): void {
  const st = lstatOrUndefined(abs);
  if (st === undefined || st.isFile()) { writeAtomicBuffer(abs, content); return; }
  if (st.isDirectory()) throw new OutputError(`cannot write ${abs}: it is a directory`);
  if (st.isSymbolicLink()) {
    // A pipe's /dev/fd/N resolves to a name that is not there (`pipe:[…]`), as does a link whose target is not made yet: both written through.
    let real: string | undefined;
    try { real = realpathSync(abs); } catch { real = undefined; }
    const target = real === undefined ? undefined : lstatOrUndefined(real);
    if (target?.isFile()) { writeAtomicBuffer(real!, content); return; }
    if (target?.isDirectory()) throw new OutputError(`cannot write ${abs}: it leads to a directory`);
  }
  try {
    writeFileSync(abs, content);
  } catch (e) {
    throw namedError(`cannot write ${abs}`, e);
  }
}

/** One file through a temp file + rename; the temp file is removed when writing fails. */
export function writeAtomicBuffer(abs: string, content: string | Uint8Array): void {
  try { makeDirs(dirname(abs)); } catch (e) { throw namedError(`cannot write ${abs}`, e); }
  const tmp = `${abs}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    writePoint();
    writeFileSync(tmp, content);
    writePoint();
    renameSync(tmp, abs);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw namedError(`cannot write ${abs}`, e);
  }
}

/** Temp files a killed writeAtomicBuffer left in a folder (`NAME.tmp-PID-XXXXXX` whose process is gone). */
export function removeStaleTemps(dir: string): void {
  let names: string[];
  try { names = readdirSync(dir); } catch { return; }
  for (const n of names) {
    const m = /\.tmp-(\d+)-[a-z0-9]+$/.exec(n);
    if (m && (Number(m[1]) === process.pid || !pidAlive(Number(m[1])))) rmSync(join(dir, n), { force: true });
  }
}

function readManifest(outDir: string): string[] {
  try {
    if (lstatOrUndefined(join(outDir, MANIFEST))?.isSymbolicLink()) throw new OutputError(`refusing to follow the symbolic link ${MANIFEST} in ${outDir} (remove it)`);
    const v = JSON.parse(readFileSync(join(outDir, MANIFEST), 'utf8'));
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch (e) {
    if (e instanceof OutputError) throw e;
    return [];
  }
}
