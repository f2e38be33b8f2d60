/**
 * The page cache: page IRs keyed by the page's content hash, the hashes of the files it
 * includes, and the tool version. A file whose size and mtime are unchanged is not even read.
 * Stored as a small v8-serialized index (`index.v8`: every page's stamps) read on every run, and
 * the IRs in 256 shards (`pages/<xx>.v8`, by the SHA-1 of the page's path), each read only when
 * one of its pages is asked for and rewritten only when one of its entries changed, so a rebuild
 * after one page changed writes one shard, not the whole cache. A shard is a header (which page's
 * bytes are where) and the IRs' JSON bytes after it (see readShard): read into one buffer used for
 * every shard, and each IR parsed from there, so that reading the 2021 tree's 139 MB allocates
 * nothing of that size. A cache or shard that cannot be read is ignored (and rewritten).
 *
 * It cannot lie: every entry (and the index as a whole) carries a SHA-1 of its bytes, and an
 * entry whose bytes do not match is a miss; an include that did not resolve is recorded as a
 * dependency that must still be missing (a file created there later is a change); a page that
 * timed out or crashed its worker is never cached (under less load it may well succeed).
 */
import { sha1Hex as sha1 } from '../util/hash.js';
import { compareStr } from '../util/order.js';
import zlib from 'node:zlib';
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { dirname, join, resolve } from 'node:path';
import type { PageIR } from '../sources/graph-markdown/ir/schema.js';
import { IR_VERSION } from '../sources/graph-markdown/ir/version.js';
import { toolCodeHash, toolVersion } from '../util/version.js';
import { removeStaleTemps, writeAtomicBuffer, type MemberIndex, type OutputStamp } from './output.js';
import { fromBytes, irBytes } from './digest.js';
import { UnitFindingMemo } from './finding-memo.js';

/** `size` -1: the file did not exist (an include that did not resolve), and must still not. */
interface FileStamp { size: number; mtimeMs: number; hash: string }

const MISSING: FileStamp = { size: -1, mtimeMs: -1, hash: '' };

/** Diagnostics of a failure that says nothing about the page (load, a crash elsewhere): such a result is never cached. */
export const TRANSIENT_RULES = new Set(['page-timeout', 'page-worker-crashed', 'page-memory-exceeded']);

/**
 * One cached IR: its JSON as UTF-8 bytes and their SHA-1 — the IR's digest (see irDigest) — and
 * a CRC-32 of both, checked when they are read back (where this Node has zlib.crc32, from 20.15;
 * else the digest is checked against the bytes again). The 2021 tree's 137 MB of IRs, read once
 * in a fresh process: 150–170 ms by CRC against 220–240 ms by SHA-1 (30 ms against 100 ms once
 * the bytes are in the CPU's caches); the digest was taken of the same bytes when they were recorded.
 */
export interface Entry {
  /** The bytes, held in memory: a page processed in this run (or kept by a watch). Else they are in the shard file, at `at`. */
  data?: Uint8Array;
  digest: string;
  crc?: number;
  /** Where the bytes sit in the shard file's body (offset, length), for an entry read from disk. */
  at?: [number, number];
}

const crc32 = (zlib as { crc32?: (data: Uint8Array | string, value?: number) => number }).crc32;
const entryCrc = crc32 && ((data: Uint8Array, digest: string) => crc32(digest, crc32(data)));
/** Are these bytes the entry's, as recorded? */
function intact(data: Uint8Array, e: Entry): boolean {
  if (typeof e.digest !== 'string') return false;
  return entryCrc && typeof e.crc === 'number' ? entryCrc(data, e.digest) === e.crc : sha1(data) === e.digest;
}

interface Stamps {
  stamp: FileStamp;
  deps: Record<string, FileStamp>;
  /** The digest of the page's IR (see irDigest) and its display path: what a page kept without reading its IR stands for. */
  digest?: string;
  file?: string;
}

/** What the last build reported, for a rebuild that finds nothing changed. */
export interface LastRun { summary: string; /** What --fail-on weighs (CheckResult.failCounts). */ findings: Record<'error' | 'warning' | 'info', number>; outputs: string[]; /** The output directory written (absolute): reports link to the pages from there. */ outDir?: string; /** Built with --whole-tree (the rules about what the tree lacks ran whatever its links said). */ wholeTree?: boolean }

/**
 * What the last build's rules learnt about the file system beyond the pages (does a link's target
 * exist?), by absolute path; `null`: outside every root, unknown. The build is only as current as
 * these answers: a later run re-asks every one before it reuses the last build.
 */
export type TreeAnswers = Record<string, boolean | null>;

/** Small: read on every run. */
interface IndexFile { key: string; stamps: Record<string, Stamps>; lastRun?: LastRun; /** Every output file the last build wrote, with its stamp then (keyed ones: see OutputContent). */ outputs?: Record<string, OutputStamp>; tree?: TreeAnswers }
/** On disk, the index (and the page rules' findings memo) is wrapped with the cache key and the SHA-1 of its serialized bytes. */
interface Sealed { key: string; sum: string; data: Uint8Array }

/** A value written by writeSealed under this tool's cache key, or undefined (absent, unreadable, of another key, or its bytes do not match their SHA-1). */
export function readSealed(path: string): unknown {
  try {
    const sealed = deserialize(readFileSync(path)) as Sealed;
    if (sealed && sealed.key === cacheKey() && sealed.data instanceof Uint8Array && sha1(sealed.data) === sealed.sum) return deserialize(sealed.data);
  } catch { /* absent or unreadable */ }
  return undefined;
}

/** Write a value v8-serialized, sealed with the cache key and the SHA-1 of its bytes (temp file + rename). */
export function writeSealed(path: string, value: unknown): void {
  const data = serialize(value);
  writeAtomicBuffer(path, serialize({ key: cacheKey(), sum: sha1(data), data } satisfies Sealed));
}
/** Freeze an IR and everything in it: an IR kept across runs can never be changed by a later step (one that tried would throw). */
function deepFreeze<T>(root: T): T {
  const todo: unknown[] = [root];
  while (todo.length) {
    const o = todo.pop();
    if (o === null || typeof o !== 'object' || Object.isFrozen(o)) continue;
    Object.freeze(o);
    for (const v of Object.values(o)) todo.push(v);
  }
  return root;
}

/**
 * A shard file: `DMC2`, the header's length (u32, little-endian), the header — v8-serialized
 * `{ key, pages: { [abs]: [digest, crc (-1: none), offset, length] } }` — then the body: each page's
 * IR as JSON bytes at its offset.
 */
const SHARD_MAGIC = 'DMC2';
interface ShardHeader { key: string; pages: Record<string, [string, number, number, number]> }

/** What readShard read: the entries (without their bytes) and the body, a view of the shared buffer valid until the next read. */
export interface ShardRead { key: string; entries: Record<string, Entry>; body: Buffer }

/**
 * The buffer every shard is read into. Reading each file into a buffer of its own (readFileSync)
 * cost 0.43 s for the 2021 tree's 139 MB, the fresh memory's page faults; into this one, 0.01 s.
 */
let shardBuffer = Buffer.allocUnsafeSlow(1 << 20);

/** Read a shard file (undefined: absent, unreadable or not a shard). Its body is valid until the next call. */
export function readShard(path: string): ShardRead | undefined {
  loaded = undefined;
  const read = readInto(path);
  if (read) loaded = { path, read };
  return read;
}

/** The shard file the shared buffer holds, and what was read from it. */
let loaded: { path: string; read: ShardRead } | undefined;

function readInto(path: string): ShardRead | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size > shardBuffer.length) shardBuffer = Buffer.allocUnsafeSlow(Math.max(size, shardBuffer.length * 2));
    let got = 0;
    while (got < size) {
      const n = readSync(fd, shardBuffer, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    const b = shardBuffer.subarray(0, got);
    if (got < 8 || b.toString('latin1', 0, 4) !== SHARD_MAGIC) return undefined;
    const hl = b.readUInt32LE(4);
    if (8 + hl > got) return undefined;
    const h = deserialize(b.subarray(8, 8 + hl)) as ShardHeader;
    if (!h || typeof h.key !== 'string' || !h.pages || typeof h.pages !== 'object') return undefined;
    const body = b.subarray(8 + hl);
    const entries: Record<string, Entry> = {};
    for (const abs of Object.keys(h.pages)) {
      const [digest, crc, offset, length] = h.pages[abs]!;
      if (typeof digest !== 'string' || !(offset >= 0 && length >= 0 && offset + length <= body.length)) continue;
      entries[abs] = crc >= 0 ? { digest, crc, at: [offset, length] } : { digest, at: [offset, length] };
    }
    return { key: h.key, entries, body };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A shard file's bytes: the entries with their bytes, under the key. */
export function shardBytes(key: string, entries: Record<string, Entry & { data: Uint8Array }>): Buffer {
  const pages: ShardHeader['pages'] = {};
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (const abs of Object.keys(entries)) {
    const e = entries[abs]!;
    pages[abs] = [e.digest, e.crc ?? -1, offset, e.data.byteLength];
    parts.push(e.data);
    offset += e.data.byteLength;
  }
  const header = serialize({ key, pages } satisfies ShardHeader);
  const head = Buffer.alloc(8);
  head.write(SHARD_MAGIC, 0, 'latin1');
  head.writeUInt32LE(header.length, 4);
  return Buffer.concat([head, header, ...parts]);
}

export const CACHE_FILE = 'index.v8';
/** The folder of the shards, beside the index. */
export const SHARD_DIR = 'pages';
/** The page rules' findings by IR digest, beside the index (see UnitFindingMemo). */
export const FINDINGS_FILE = 'page-findings.v8';
/** The operation-unit rules' findings by operation digest, beside the index (see UnitFindingMemo). */
export const OPERATION_FINDINGS_FILE = 'operation-findings.v8';
/**
 * Where the keyed pieces of each streamed output sit in it (OutputStamp.members), beside the index:
 * 1.9 MB on the 2021 tree, which only a build that renders a streamed output reads (the index is
 * read on every run). Each entry holds the stamp of the file it describes and is used only while
 * the index gives that file the same stamp.
 */
export const PIECES_FILE = 'pieces.v8';
/** The single file the IRs were kept in before the shards: removed on save. */
const OLD_PAGES_FILE = 'pages.v8';

/** The shard a page's entry lives in: the first two hex digits of the SHA-1 of its absolute path. */
export function shardOf(abs: string): string {
  return sha1(abs).slice(0, 2);
}

/** Same entries (same pages, same checksums): the shard need not be written again. */
function sameEntries(a: Record<string, Entry>, b: Record<string, Entry>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => b[k] !== undefined && b[k]!.digest === a[k]!.digest);
}

export function cacheKey(): string {
  return `${toolVersion()}|${toolCodeHash()}|${IR_VERSION}|${process.version.split('.')[0]}`;
}

export function hashFile(abs: string): string | undefined {
  try {
    return sha1(readFileSync(abs));
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
  /** Shards as they are on disk (read lazily), or as the last save left them. */
  private shards = new Map<string, Record<string, Entry>>();
  private nextStamps: Record<string, Stamps> = {};
  private nextPages: Record<string, Entry> = {};
  private checked = new Map<string, Stamps | undefined>();
  lastRun: LastRun | undefined;
  /** Stamps of the keyed output files the last build wrote (empty without a cache). */
  outputStamps: Record<string, OutputStamp> = {};
  /** The last build's answers about files beyond the pages (see TreeAnswers). */
  treeAnswers: TreeAnswers = {};
  /** Pages this run kept without reading their IR (see keep). */
  private kept = new Set<string>();

  /**
   * Kept across runs in this process (a watch loop): the IR objects stay in memory, frozen, and
   * are handed out again while their entry is unchanged — no checksum or deserialization per run.
   * Without a path, nothing is read or written.
   */
  private readonly memory: boolean;
  private irs = new Map<string, { entry: Entry; ir: PageIR }>();
  private nextIrs = new Map<string, { entry: Entry; ir: PageIR }>();

  private findings: UnitFindingMemo | undefined;
  private operationFindings: UnitFindingMemo | undefined;
  /** The pieces file as read (see PIECES_FILE), once asked for. */
  private piecesRead: Record<string, OutputStamp> | undefined;

  /** `path`: the index file; the IRs live beside it. undefined: no cache (with `memory`: a cache in this process only). */
  constructor(readonly path: string | undefined, opts: { memory?: boolean } = {}) {
    this.memory = !!opts.memory;
    if (!path) return;
    // No cache, or unreadable: start empty.
    const c = readSealed(path) as IndexFile | undefined;
    if (c && c.key === cacheKey() && c.stamps) { this.stamps = c.stamps; this.lastRun = c.lastRun; this.outputStamps = c.outputs ?? {}; this.treeAnswers = c.tree ?? {}; }
  }

  /**
   * Where the keyed pieces of an output file sit in it, while the file has the stamp the last build
   * gave it (see PIECES_FILE); undefined when not known.
   */
  pieces(rel: string): MemberIndex | undefined {
    const st = Object.hasOwn(this.outputStamps, rel) ? this.outputStamps[rel]! : undefined;
    if (!st) return undefined;
    if (st.members) return st.members; // kept in this process since it was written
    return this.readEntry(rel, st)?.members;
  }

  /** The pieces file's entry for a file, if it describes the file with this stamp. */
  private readEntry(rel: string, st: OutputStamp): OutputStamp | undefined {
    const p = this.readPieces();
    const e = Object.hasOwn(p, rel) ? p[rel]! : undefined;
    return e && e.key === st.key && e.size === st.size && e.mtimeMs === st.mtimeMs && e.sum === st.sum ? e : undefined;
  }

  private readPieces(): Record<string, OutputStamp> {
    if (this.piecesRead) return this.piecesRead;
    const d = this.path ? readSealed(join(dirname(this.path), PIECES_FILE)) : undefined;
    return (this.piecesRead = d && typeof d === 'object' ? (d as Record<string, OutputStamp>) : {});
  }

  /**
   * The index's output stamps (without their pieces), after writing the pieces file when this run
   * recorded pieces: the new ones, and those still describing a file this run left alone. A run
   * that recorded none leaves the file as it is (its entries are checked against the stamps anyway).
   */
  private savePieces(outputs: Record<string, OutputStamp>): Record<string, OutputStamp> {
    const index: Record<string, OutputStamp> = {};
    const fresh: Record<string, OutputStamp> = {};
    for (const [rel, st] of Object.entries(outputs)) {
      const { members, ...rest } = st;
      index[rel] = rest;
      if (members) fresh[rel] = st;
    }
    if (!Object.keys(fresh).length) return index;
    const kept: Record<string, OutputStamp> = { ...fresh };
    for (const rel of Object.keys(this.readPieces())) {
      const e = Object.hasOwn(fresh, rel) || !Object.hasOwn(index, rel) ? undefined : this.readEntry(rel, index[rel]!);
      if (e) kept[rel] = e;
    }
    writeSealed(join(dirname(this.path!), PIECES_FILE), kept);
    this.piecesRead = kept;
    return index;
  }

  /** The page rules' findings of the last run, beside the index (in memory only for a watch without a path); undefined without a cache. Saved with the cache. */
  findingMemo(): UnitFindingMemo | undefined {
    if (!this.path && !this.memory) return undefined;
    return (this.findings ??= new UnitFindingMemo(this.path ? join(dirname(this.path), FINDINGS_FILE) : undefined));
  }

  /** The operation-unit rules' findings of the last run (ModelRule.unit), kept and saved as findingMemo's. */
  operationMemo(): UnitFindingMemo | undefined {
    if (!this.path && !this.memory) return undefined;
    return (this.operationFindings ??= new UnitFindingMemo(this.path ? join(dirname(this.path), OPERATION_FINDINGS_FILE) : undefined));
  }

  private shardPath(shard: string): string {
    return join(dirname(this.path!), SHARD_DIR, `${shard}.v8`);
  }

  /** A shard's entries: from memory, else read from disk (unreadable or of another tool version: empty). */
  private shard(shard: string): Record<string, Entry> {
    let entries = this.shards.get(shard);
    if (entries) return entries;
    entries = {};
    if (this.path) {
      const r = readShard(this.shardPath(shard));
      // Absent, unreadable or of another tool version: every entry a miss.
      if (r && r.key === cacheKey()) entries = r.entries;
    }
    this.shards.set(shard, entries);
    return entries;
  }

  /**
   * The bytes of an entry read from a shard file, as a view of the shared buffer (valid until the
   * next shard is read): the file is read again unless it is the one the buffer holds; undefined if
   * it no longer has that entry where it had it.
   */
  private bodyBytes(shard: string, abs: string, entry: Entry): Uint8Array | undefined {
    if (!this.path || !entry.at) return undefined;
    const path = this.shardPath(shard);
    const r = loaded?.path === path ? loaded.read : readShard(path);
    const e = r && r.key === cacheKey() && Object.hasOwn(r.entries, abs) ? r.entries[abs]! : undefined;
    if (!r || !e?.at || e.digest !== entry.digest || e.at[0] !== entry.at[0] || e.at[1] !== entry.at[1]) return undefined;
    return r.body.subarray(e.at[0], e.at[0] + e.at[1]);
  }

  /**
   * A new run with the same cache (watch): forget what the last one checked and recorded but did
   * not save (a run that failed before its save leaves no trace).
   */
  beginRun(): void {
    this.checked.clear();
    this.nextStamps = {};
    this.nextPages = {};
    this.nextIrs = new Map();
    this.kept.clear();
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
        if (ok) result = { stamp, deps, digest: e.digest, file: e.file };
      }
    }
    this.checked.set(abs, result);
    return !!result;
  }

  /** A cached IR for the page, if it and every file it includes are unchanged. */
  get(abs: string): PageIR | undefined {
    return this.getIn(abs, shardOf(abs));
  }

  /** `get`, the page's shard known. */
  private getIn(abs: string, s: string): PageIR | undefined {
    if ((!this.path && !this.memory) || !this.isUnchanged(abs)) return undefined;
    const shard = this.shard(s);
    const entry = Object.hasOwn(shard, abs) ? shard[abs] : undefined;
    // Absent or corrupt: a miss. A corrupt entry is dropped, so that its shard is rewritten.
    if (!entry) return undefined;
    const kept = this.irs.get(abs);
    let ir: PageIR;
    if (kept && kept.entry === entry) {
      ir = kept.ir;
    } else {
      try {
        const data = entry.data ?? this.bodyBytes(s, abs, entry);
        if (!data || !intact(data, entry)) throw new Error('corrupt');
        ir = fromBytes(data, entry.digest);
      } catch {
        delete shard[abs];
        return undefined;
      }
      if (this.memory) deepFreeze(ir);
    }
    if (this.memory) this.nextIrs.set(abs, { entry, ir });
    this.nextStamps[abs] = { ...this.checked.get(abs)!, digest: entry.digest, file: ir.file };
    this.nextPages[abs] = entry;
    return ir;
  }

  /** `get` of many pages, shard by shard: each shard file is read once. */
  getAll(pages: string[]): (PageIR | undefined)[] {
    const order = pages.map((abs, i) => [shardOf(abs), i] as const).sort((a, b) => compareStr(a[0], b[0]) || a[1] - b[1]);
    const out: (PageIR | undefined)[] = new Array(pages.length);
    for (const [s, i] of order) out[i] = this.getIn(pages[i]!, s);
    return out;
  }

  /**
   * Keep an unchanged page without reading its IR: its stamps (and the digest of its IR, from the
   * index) carry over to the next save, which copies its entry only if its shard is rewritten.
   * False when the page changed, the index knows no digest for it, or it was cached under another
   * display path (another docs root).
   */
  keep(abs: string, file: string): boolean {
    if (!this.path || !this.isUnchanged(abs)) return false;
    const st = this.checked.get(abs)!;
    if (st.digest === undefined || st.file !== file) return false;
    this.nextStamps[abs] = st;
    this.kept.add(abs);
    // A watch keeps the IRs it holds: a later run that needs them does not read them again.
    const held = this.memory ? this.irs.get(abs) : undefined;
    if (held) this.nextIrs.set(abs, held);
    return true;
  }

  /**
   * Does this run hold the same IRs as the last one: the same pages, each with the digest the
   * index recorded? Then everything derived from the IRs (model, findings, outputs) is the last
   * build's too, as far as the pages go (see TreeAnswers for the rest).
   */
  sameIrsAsLastRun(pages: string[]): boolean {
    if (pages.length !== Object.keys(this.stamps).length) return false;
    return pages.every((abs) => {
      const prev = Object.hasOwn(this.stamps, abs) ? this.stamps[abs]!.digest : undefined;
      return prev !== undefined && this.nextStamps[abs]?.digest === prev;
    });
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
    const { bytes: data, digest } = irBytes(ir);
    const entry: Entry = entryCrc ? { data, digest, crc: entryCrc(data, digest) } : { data, digest };
    this.nextStamps[abs] = { stamp, deps, digest: entry.digest, file: ir.file };
    this.kept.delete(abs);
    this.nextPages[abs] = entry;
    if (this.memory) this.nextIrs.set(abs, { entry, ir: deepFreeze(ir) });
  }

  /**
   * The SHA-1 of the page's IR as this run recorded it (a cache hit or a fresh page), or
   * undefined (no cache, or a page never cached): a key for the outputs made from that IR alone.
   */
  digestOf(abs: string): string | undefined {
    return Object.hasOwn(this.nextStamps, abs) ? this.nextStamps[abs]!.digest : undefined;
  }

  /** Forget the last run (its index goes): called before outputs are rewritten, so a build killed meanwhile is never taken as up to date. */
  invalidate(): void {
    if (!this.path) return;
    try { rmSync(this.path, { force: true }); } catch { /* no cache folder: nothing to forget */ }
  }

  /**
   * This run's entries, by shard, and the shards left as they are on disk without being read:
   * those holding only kept pages, exactly the pages they held. A kept page in any other shard
   * has its entry copied from that shard; one whose entry is gone from it loses its stamps, so
   * the next run reads the page again.
   */
  private nextShards(): { by: Map<string, Record<string, Entry>>; untouched: Set<string> } {
    const by = new Map<string, Record<string, Entry>>();
    const add = (s: string, abs: string, e: Entry) => {
      let m = by.get(s);
      if (!m) { m = {}; by.set(s, m); }
      m[abs] = e;
    };
    for (const [abs, e] of Object.entries(this.nextPages)) add(shardOf(abs), abs, e);
    const keptBy = new Map<string, string[]>();
    for (const abs of this.kept) {
      if (Object.hasOwn(this.nextPages, abs)) continue;
      const s = shardOf(abs);
      let list = keptBy.get(s);
      if (!list) keptBy.set(s, (list = []));
      list.push(abs);
    }
    const untouched = new Set<string>();
    if (!keptBy.size) return { by, untouched };
    const before = new Map<string, number>();
    for (const abs of Object.keys(this.stamps)) { const s = shardOf(abs); before.set(s, (before.get(s) ?? 0) + 1); }
    for (const [s, pages] of keptBy) {
      if (!by.has(s) && pages.length === before.get(s)) { untouched.add(s); continue; }
      const disk = this.shard(s);
      for (const abs of pages) {
        const e = Object.hasOwn(disk, abs) ? disk[abs] : undefined;
        if (e && e.digest === this.nextStamps[abs]?.digest) add(s, abs, e);
        else delete this.nextStamps[abs];
      }
    }
    return { by, untouched };
  }

  /**
   * Write what this run used and produced: the shards whose entries changed (a shard left with
   * none is removed), then the index. The index goes first, so a save killed half-way leaves
   * no index — an empty cache — never an index whose pages' entries were replaced under it.
   */
  save(lastRun?: LastRun, outputs: Record<string, OutputStamp> = {}, tree: TreeAnswers = {}): void {
    const { by: next, untouched } = this.nextShards();
    this.findings?.save();
    this.operationFindings?.save();
    if (!this.path) { if (this.memory) this.carryOver(lastRun, next, untouched, outputs, tree); return; }
    const dir = dirname(this.path);
    removeStaleTemps(dir);
    removeStaleTemps(join(dir, SHARD_DIR));
    this.invalidate();
    rmSync(join(dir, OLD_PAGES_FILE), { force: true });
    let onDisk: string[] = [];
    try { onDisk = readdirSync(join(dir, SHARD_DIR)).filter((n) => /^[0-9a-f]{2}\.v8$/.test(n)).map((n) => n.slice(0, 2)); } catch { /* no shard folder yet */ }
    for (const s of new Set([...onDisk, ...next.keys()])) {
      if (untouched.has(s)) continue;
      const entries = next.get(s);
      if (!entries) { rmSync(this.shardPath(s), { force: true }); continue; }
      const known = this.shards.get(s);
      if (known && onDisk.includes(s) && sameEntries(known, entries)) continue;
      this.writeShard(s, entries);
    }
    writeSealed(this.path, { key: cacheKey(), stamps: this.nextStamps, lastRun, outputs: this.savePieces(outputs), tree } satisfies IndexFile);
    this.carryOver(lastRun, next, untouched, outputs, tree);
  }

  /**
   * Write a shard with these entries: the bytes of one read from disk are read back from its shard
   * file (and checked); one whose bytes are gone or changed there is dropped, and its page loses its
   * stamps (the next run reads it again). Each entry then records where it sits in the new file.
   */
  private writeShard(s: string, entries: Record<string, Entry>): void {
    const path = this.shardPath(s);
    // From the file as it is now, not from a copy the shared buffer may still hold since the pages were read.
    if (loaded?.path === path) loaded = undefined;
    const full: Record<string, Entry & { data: Uint8Array }> = {};
    for (const abs of Object.keys(entries)) {
      const e = entries[abs]!;
      const view = e.data ?? this.bodyBytes(s, abs, e);
      if (view && intact(view, e)) {
        // A copy of a view: the shared buffer is read into again before the file is written.
        full[abs] = { ...e, data: e.data ?? Uint8Array.prototype.slice.call(view) };
      } else {
        delete entries[abs];
        delete this.nextStamps[abs];
      }
    }
    loaded = undefined;
    writeAtomicBuffer(path, shardBytes(cacheKey(), full));
    let offset = 0;
    for (const abs of Object.keys(full)) {
      const n = full[abs]!.data.byteLength;
      entries[abs]!.at = [offset, n];
      offset += n;
    }
  }

  /**
   * What was just saved becomes what the next run reads, without reading it back from disk: a
   * process that builds again (`--watch`) keeps one cache. Entries keep their checksums, so an
   * entry is still verified on every `get`.
   */
  private carryOver(lastRun: LastRun | undefined, next: Map<string, Record<string, Entry>>, untouched: Set<string>, outputs: Record<string, OutputStamp>, tree: TreeAnswers): void {
    this.outputStamps = outputs;
    this.treeAnswers = tree;
    this.stamps = this.nextStamps;
    this.irs = this.nextIrs;
    this.nextIrs = new Map();
    // Every shard is now known — the ones this run wrote or kept, and empty ones — except those left on disk unread.
    const old = this.shards;
    this.shards = new Map();
    for (let i = 0; i < 256; i++) {
      const s = i.toString(16).padStart(2, '0');
      if (!untouched.has(s)) this.shards.set(s, next.get(s) ?? {});
      else if (old.has(s)) this.shards.set(s, old.get(s)!);
    }
    this.kept.clear();
    this.nextStamps = {};
    this.nextPages = {};
    this.checked.clear();
    this.lastRun = lastRun;
  }
}
