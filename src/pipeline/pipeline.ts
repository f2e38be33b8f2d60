/**
 * The build: files → page IRs → merged model → findings → outputs (IR JSON, model JSON,
 * TypeScript models, reports, schema). Pure in-memory until `writeOutputs`, which renders the
 * larger outputs one at a time as it writes them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostic, PageIR } from '../sources/graph-markdown/ir/schema.js';
import { pageIrJsonSchema } from '../sources/graph-markdown/ir/schema.js';
import { collectInputs, commonRoot, displayPath, InputError, isInside, realOrResolved, type InputFile } from '../sources/graph-markdown/ingest/walk.js';
import { availableParallelism } from 'node:os';
import { Prestarted, processInPool } from './pool.js';
import type { PageCache, TreeAnswers } from './cache.js';
import { modelFromPages } from '../sources/graph-markdown/to-model.js';
import { serializeModelKeyed } from '../model/serialize.js';
import { modelJsonSchema, type ApiModel, type Document, type OperationGroup } from '../model/schema.js';
import { compareStr } from '../util/order.js';
import { fitLastSegment } from '../util/file-name.js';
import { reconcile } from '../checks/engine.js';
import { registeredSeverity } from '../checks/diagnostics.js';
import type { Finding, TreeInfo } from '../checks/types.js';
import type { UnitFindingMemo } from './finding-memo.js';
import { operationDigests } from '../model/unit-digests.js';
import type { SuppressedFinding } from '../checks/suppress.js';
import { emitModels, printPlan, type ModelPlan, type PrintMemo } from '../emit/ts/models.js';
import type { Printer } from '../emit/ts/printer.js';
import { openApiOutputs } from '../emit/openapi/index.js';
import { reportData, reportDigest } from '../emit/reports/report-data.js';
import { renderReport } from '../emit/reports/formats.js';
import { toJson, toJsonChunks, toJsonPieces } from '../util/order.js';
import { toolVersion } from '../util/version.js';
import { MANIFEST, type OutputContent } from './output.js';

export interface AnalyzeResult {
  pages: PageIR[];
  model: ApiModel;
  findings: Finding[];
  /** Diagnostics of the run itself (files that could not be listed, ...). */
  runDiagnostics: Diagnostic[];
  /** Include fragments found under the inputs and not processed as pages. */
  skippedIncludes: number;
  roots: string[];
  /** The docs root (absolute): every path in the results is relative to it. */
  docsRoot: string;
  /** Pages processed afresh (not taken from the cache). */
  changed?: string[];
  /** Findings silenced by suppressions (set by applyPolicy; SARIF lists them as suppressed). */
  suppressed?: SuppressedFinding[];
  /** What the rules asked about files beyond the pages (does a link's target exist?) and the answers: a later build re-asks them before it reuses this one. */
  treeAnswers?: TreeAnswers;
  /**
   * With a page cache: the digests of the model's units — a page's IR by display path, an operation
   * group's (operationDigests) by identity — which key the members of `model.json` (see renderOutputs).
   */
  unitDigests?: { page: (file: string) => string | undefined; operations: ReadonlyMap<string, string> };
}

/** What `analyzeParallel` returns with `stopIfUnchanged` when the last build still holds. */
export interface Unchanged {
  unchanged: true;
  /** Pages read again because their file changed, whose IR came out the same (display paths). */
  reread: string[];
}

/** Files under an includes/ folder are fragments spliced into pages, not pages. */
export function isIncludeFragment(f: InputFile): boolean {
  const rel = relative(f.root, f.abs).split(sep);
  return rel.slice(0, -1).some((d) => d === 'includes' || d === 'snippets');
}

/**
 * What the rules may ask of the file system. `listed`: absolute paths of files this run has just
 * found on disk (its listing) — a link to one is answered without a system call (on a rebuild of
 * the 2021 tree that was 0.2 s of `existsSync` for link-broken).
 */
export function treeInfo(roots: string[], absByFile: Map<string, string>, listed: ReadonlySet<string> = new Set()): TreeInfo {
  const cache = new Map<string, boolean>();
  const listings = new Map<string, Set<string>>();
  /** Lower-cased names of a folder's entries (the docs site resolves links whatever their letter case). */
  const lowerNames = (dir: string): Set<string> => {
    let s = listings.get(dir);
    if (!s) {
      try { s = new Set(readdirSync(dir).map((n) => n.toLowerCase())); } catch { s = new Set(); }
      listings.set(dir, s);
    }
    return s;
  };
  const existsAnyCase = (abs: string): boolean => {
    if (listed.has(abs) || existsSync(abs)) return true;
    const parent = dirname(abs);
    if (parent === abs) return false;
    // Walk up: each segment may differ in case only.
    const up = roots.some((r) => isInside(r, parent)) ? existsAnyCase(parent) : existsSync(parent);
    if (!up) return false;
    const real = realDir(parent);
    return real !== undefined && lowerNames(real).has(basename(abs).toLowerCase());
  };
  /** The folder as spelled on disk, found case-insensitively. */
  const realDir = (dir: string): string | undefined => {
    if (existsSync(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    const rp = realDir(parent);
    if (!rp) return undefined;
    try {
      const hit = readdirSync(rp).find((n) => n.toLowerCase() === basename(dir).toLowerCase());
      return hit === undefined ? undefined : join(rp, hit);
    } catch { return undefined; }
  };
  // A resolved path under a root starts with it and a separator (isInside, which resolves `relative`, only for the rest).
  const prefixes = roots.map((r) => (r.endsWith(sep) ? r : r + sep));
  const inRoots = (abs: string) => prefixes.some((p) => abs.startsWith(p)) || roots.some((r) => isInside(r, abs));
  const outside = new Map<string, boolean>();
  return {
    exists(abs) {
      if (!inRoots(abs)) return undefined;
      let v = cache.get(abs);
      if (v === undefined) { v = existsAnyCase(abs); cache.set(abs, v); }
      return v;
    },
    outside(abs) {
      if (inRoots(abs)) return false;
      let v = outside.get(abs);
      if (v === undefined) { v = existsSync(abs); outside.set(abs, v); }
      return v;
    },
    absOf(file) { return absByFile.get(file); },
  };
}

/** A TreeAnswers key for a question asked of a file outside the roots (TreeInfo.outside), apart from those of exists. */
const OUTSIDE = '\u0000outside:';

export interface AnalyzeOptions {
  /** Worker threads for page processing (0: in this thread, without time or memory limits). Default: one per core. */
  workers?: number;
  /** Per-page time limit (ms); pages run in worker threads so that it can be enforced. */
  timeoutMs?: number;
  /** Per-worker heap limit (MB). */
  memoryMb?: number;
  timings?: Timings;
  /** Directories never read as input (the output directory). */
  exclude?: string[];
  /** Reuse page IRs of unchanged pages; record the new ones. */
  cache?: PageCache;
  /**
   * Return `Unchanged` (skip model, rules, outputs) when this run's page IRs are the last run's
   * (no page added or removed; pages whose file changed are read first and must come out the
   * same) and the last run's answers about other files still hold. Unchanged pages' IRs are not
   * read for that.
   */
  stopIfUnchanged?: boolean;
  /** The docs root: includes resolve inside it and every path shown is relative to it. Default: the common root of the inputs. */
  root?: string;
  /** Progress: pages done of total (page processing only). */
  onProgress?: (done: number, total: number) => void;
  /** Throw an InputError when the inputs hold no page (instead of an empty result). */
  requirePages?: boolean;
  /** The inputs are a whole docs tree, however many of their links lead outside them (see tree-links.ts): rules about what the tree lacks always run. */
  wholeTree?: boolean;
  /** Called once the run knows it will build the model (with `stopIfUnchanged`: some page's facts changed), before the cached IRs are read. */
  onModelNeeded?: () => void;
  /** Called with the model once it is built, before the rules run (see TsPrefetch). */
  onModel?: (model: ApiModel) => void;
}

/** Phase timings, printed with DOCMODEL_TIMING=1: each phase's wall time and the process's RSS at its end. */
export class Timings {
  readonly phases: [string, number, number][] = [];
  private t = performance.now();
  mark(name: string): void {
    const now = performance.now();
    this.phases.push([name, now - this.t, process.memoryUsage.rss()]);
    this.t = now;
  }
  toString(): string {
    return this.phases.map(([n, ms, rss]) => `${n} ${(ms / 1000).toFixed(2)}s (${Math.round(rss / 1048576)} MB)`).join(', ');
  }
}

export interface Listed {
  tasks: { abs: string; display: string; root: string; base: string }[];
  runDiagnostics: Diagnostic[];
  skippedIncludes: number;
  roots: string[];
  docsRoot: string;
}

/**
 * The pages to process. Display paths (the `file` of every fact, finding and output) are
 * relative to the docs root — the given `root`, else the common root of the inputs — so no
 * output holds an absolute path or depends on the working directory.
 */
export function listPages(inputs: string[], exclude: string[] = [], root?: string): Listed {
  // Any docmodel output folder inside the tree, not only this run's (another command's, another --out): its reports are not docs.
  const walk = collectInputs(inputs, exclude, root, [MANIFEST]);
  const roots = [...new Set(walk.files.map((f) => f.root))].sort();
  const docsRoot = root !== undefined ? realOrResolved(root) : commonRoot(roots.length ? roots : inputs.map((i) => realOrResolved(i)));
  const runDiagnostics: Diagnostic[] = walk.problems.map((p) => ({ rule: p.rule, severity: registeredSeverity(p.rule), message: p.message, src: { file: displayPath(p.path, docsRoot), line: 1, column: 1 } }));
  let skippedIncludes = 0;
  const tasks: Listed['tasks'] = [];
  for (const f of walk.files) {
    if (isIncludeFragment(f)) { skippedIncludes++; continue; }
    tasks.push({ abs: f.abs, display: displayPath(f.abs, docsRoot), root: f.root, base: docsRoot });
  }
  return { tasks, runDiagnostics, skippedIncludes, roots, docsRoot };
}

/** The last run's findings: the page rules' by page, the operation-unit rules' by operation (see UnitFindingMemo). */
export interface RunMemos {
  /** Begun with this run's page digests. */
  pages: UnitFindingMemo;
  /** Begun here, once the model is built, with its operation digests (made from `pageDigest`). */
  operations?: UnitFindingMemo;
  /** A page's IR digest by display path. */
  pageDigest: (file: string) => string | undefined;
}

/** Model and findings of the listed pages; `memos`: rules' findings of the last run (see RunMemos). */
export function finishAnalysis(l: Listed, pages: PageIR[], timings?: Timings, memos?: RunMemos, wholeTree = false, onModel?: (model: ApiModel) => void): AnalyzeResult {
  const absByFile = new Map(l.tasks.map((t) => [t.display, t.abs]));
  const model = modelFromPages(pages);
  timings?.mark('model');
  if (onModel) {
    onModel(model);
    timings?.mark('typescript plan');
  }
  const { tree, answers } = recordingTree(treeInfo(l.roots.map((r) => realOrResolved(r)), absByFile, new Set(absByFile.values())));
  if (wholeTree) tree.completeness = 'whole';
  const unitDigests = memos && { page: memos.pageDigest, operations: operationDigests(model.operations, memos.pageDigest) };
  if (unitDigests) memos?.operations?.beginRun(unitDigests.operations);
  const findings = reconcile({ model, pages: model.documents, tree }, undefined, undefined, { pages: memos?.pages, operations: memos?.operations });
  timings?.mark('reconcile');
  return { pages: [...pages].sort((a, b) => compareStr(a.file, b.file)), model, findings, runDiagnostics: l.runDiagnostics, skippedIncludes: l.skippedIncludes, roots: l.roots, docsRoot: l.docsRoot, treeAnswers: answers, ...(unitDigests ? { unitDigests } : {}) };
}

/** A tree that notes every question asked of it and its answer. */
function recordingTree(base: TreeInfo): { tree: TreeInfo; answers: TreeAnswers } {
  const answers: TreeAnswers = {};
  return {
    answers,
    tree: {
      exists(abs) { const v = base.exists(abs); answers[abs] = v ?? null; return v; },
      outside(abs) { const v = base.outside?.(abs) ?? false; answers[OUTSIDE + abs] = v; return v; },
      absOf: (file) => base.absOf(file),
    },
  };
}

/** Does the file system still answer as it did (see TreeAnswers)? */
function treeAnswersHold(answers: TreeAnswers, l: Listed): boolean {
  const tree = treeInfo(l.roots.map((r) => realOrResolved(r)), new Map(), new Set(l.tasks.map((t) => t.abs)));
  for (const k in answers) {
    const now = k.startsWith(OUTSIDE) ? tree.outside!(k.slice(OUTSIDE.length)) : tree.exists(k) ?? null;
    if (now !== answers[k]) return false;
  }
  return true;
}

/** Analyze with a worker pool (one worker per core unless told otherwise). */
export async function analyzeParallel(inputs: string[], opts: AnalyzeOptions & { stopIfUnchanged: true }): Promise<AnalyzeResult | Unchanged>;
export async function analyzeParallel(inputs: string[], opts?: AnalyzeOptions): Promise<AnalyzeResult>;
export async function analyzeParallel(inputs: string[], opts: AnalyzeOptions = {}): Promise<AnalyzeResult | Unchanged> {
  const workers = opts.workers ?? availableParallelism();
  // The first page worker starts loading while the pages are listed and their stamps checked.
  const prestarted = workers >= 1 ? new Prestarted(opts.memoryMb) : undefined;
  try {
    return await analyzeListed(listPages(inputs, opts.exclude, opts.root), inputs, workers, opts, prestarted);
  } finally {
    prestarted?.close();
  }
}

async function analyzeListed(l: Listed, inputs: string[], workers: number, opts: AnalyzeOptions, prestarted: Prestarted | undefined): Promise<AnalyzeResult | Unchanged> {
  if (opts.requirePages && l.tasks.length === 0) {
    throw new InputError(`no pages found in ${inputs.join(', ')} (looked for .md, .markdown and .txt files outside includes/ and snippets/ folders)`);
  }
  opts.timings?.mark('list');
  const cache = opts.cache;
  cache?.beginRun();
  const pages: PageIR[] = new Array(l.tasks.length);
  const processed: number[] = [];
  // Always in worker threads (one with --workers 1): only there can a page be stopped when it
  // runs over its time or memory budget. `workers: 0` processes in this thread (no limits).
  const processPages = async (todo: number[]) => {
    // Nothing to process (every page came from the cache): no worker, and the parser is not loaded in this thread either (0.2-0.3 s).
    if (!todo.length) return;
    // The IR digest is computed in the worker only when a cache records it.
    const tasks = todo.map((i) => ({ ...l.tasks[i]!, digest: !!cache }));
    // The parser is loaded in this thread only when pages are processed here (workers: 0).
    const fresh = workers < 1 ? (await import('./in-thread.js')).processInThread(tasks, opts.onProgress) : await processInPool(tasks, { workers: Math.min(workers, Math.max(1, Math.ceil(tasks.length / 8))), timeoutMs: opts.timeoutMs, memoryMb: opts.memoryMb, onProgress: opts.onProgress, prestarted });
    todo.forEach((i, k) => {
      pages[i] = fresh[k]!;
      cache?.put(l.tasks[i]!.abs, fresh[k]!, l.docsRoot);
      processed.push(i);
    });
  };
  /** Cached IRs of the pages not processed yet: the misses are processed. */
  const fromCache = async (idx: number[]) => {
    // Shard by shard (see PageCache.getAll).
    const hits = cache?.getAll(idx.map((i) => l.tasks[i]!.abs));
    const missed = idx.filter((i, k) => {
      const hit = hits?.[k];
      if (hit && hit.file === l.tasks[i]!.display) pages[i] = hit;
      return pages[i] === undefined;
    });
    opts.timings?.mark('cached IRs');
    await processPages(missed);
  };
  const all = l.tasks.map((_, i) => i);
  if (cache && opts.stopIfUnchanged) {
    // The pages whose file changed first; the others are kept without reading their IRs, which
    // are needed only if an IR changed (or the file system no longer answers as it did).
    const kept = new Set(all.filter((i) => cache.keep(l.tasks[i]!.abs, l.tasks[i]!.display)));
    opts.timings?.mark('stamps');
    await processPages(all.filter((i) => !kept.has(i)));
    // Its own phase: else a cold build's parsing, or a rebuild's changed page, is timed as the cache's.
    opts.timings?.mark('changed pages');
    if (cache.sameIrsAsLastRun(l.tasks.map((t) => t.abs)) && treeAnswersHold(cache.treeAnswers, l)) {
      opts.timings?.mark('same IRs');
      return { unchanged: true, reread: processed.map((i) => l.tasks[i]!.display).sort(compareStr) };
    }
    opts.onModelNeeded?.();
    await fromCache([...kept]);
  } else {
    opts.onModelNeeded?.();
    await fromCache(all);
  }
  opts.timings?.mark('pages');
  // Page rules run only on the pages whose IR the memo has not seen (by the cache's IR digest), operation-unit rules only on the groups whose digest it has not.
  const memo = cache?.findingMemo();
  const digests = new Map(cache ? l.tasks.flatMap((t) => { const d = cache.digestOf(t.abs); return d === undefined ? [] : [[t.display, d] as const]; }) : []);
  memo?.beginRun(digests);
  const a = finishAnalysis(l, pages, opts.timings, memo && { pages: memo, operations: cache!.operationMemo(), pageDigest: (f) => digests.get(f) }, opts.wholeTree, opts.onModel);
  a.changed = processed.sort((x, y) => x - y).map((i) => l.tasks[i]!.display);
  return a;
}


/** The path an IR file gets under ir/: the page's path relative to the docs root. */
export function irPath(pageAbs: string, commonRoot: string): string {
  return relative(commonRoot, pageAbs).split(sep).join('/').replace(/\.(md|markdown|txt)$/i, '') + '.json';
}

/**
 * IR paths of all pages: the extension goes (`a.md` → `a.json`) unless two pages would then
 * share a file (`a.md` and `a.txt`): those keep it (`a.md.json`, `a.txt.json`). A file name
 * longer than file systems take is cut and marked (src/util/file-name.ts).
 */
export function irPaths(pageAbs: string[], commonRoot: string): string[] {
  return irFiles(pageAbs, commonRoot).map((f) => f.rel);
}

/** irPaths, each with whether its name was cut to fit (see src/util/file-name.ts). */
export function irFiles(pageAbs: string[], commonRoot: string): { rel: string; cut: boolean }[] {
  const short = pageAbs.map((abs) => irPath(abs, commonRoot));
  const count = new Map<string, number>();
  for (const s of short) count.set(s, (count.get(s) ?? 0) + 1);
  const whole = short.map((s, i) => (count.get(s)! > 1 ? relative(commonRoot, pageAbs[i]!).split(sep).join('/') + '.json' : s));
  // A name over what file systems take (a 251-byte page name, `.json` added) is cut and marked (fitFileName).
  const long = whole.map((s) => fitLastSegment(s, '.json'));
  // A long name can still meet a short one (`a.md` kept whole vs a page `a.md.md`): number the later ones.
  const taken = new Set<string>();
  return long.map((s, i) => {
    let n = s;
    for (let k = 2; taken.has(n); k++) n = s.replace(/\.json$/, `~${k}.json`);
    taken.add(n);
    return { rel: n, cut: s !== whole[i] };
  });
}

export { commonRoot } from '../sources/graph-markdown/ingest/walk.js';

export interface BuildOutputs {
  /** Relative path → text, or how to render it (IR files, model.json and the reports are rendered by the writer, one at a time). */
  files: Map<string, OutputContent>;
  modelDiagnostics: Diagnostic[];
}

/**
 * Everything a build writes, as relative path → text or renderer. `digestOf` (the page cache's
 * digest of a page's IR, by absolute path) keys each IR file, so that the writer can tell an
 * unchanged IR file without rendering it; `memo` holds the TypeScript texts printed before, and
 * `printer` prints the ones it lacks outside this thread (see src/emit/ts/printer.ts).
 */
export function renderOutputs(a: AnalyzeResult, outDir: string, timings?: Timings, digestOf?: (abs: string) => string | undefined, memo?: PrintMemo, printer?: Printer, plan?: ModelPlan): BuildOutputs {
  const files = new Map<string, OutputContent>();
  files.set('ir.schema.json', toJson(pageIrJsonSchema()));
  // IR paths follow the page paths, relative to the docs root.
  const abs = a.pages.map((p) => resolve(a.docsRoot, p.file));
  const renamed: Diagnostic[] = [];
  irFiles(abs, a.docsRoot).forEach(({ rel, cut }, i) => {
    const page = a.pages[i]!;
    if (cut) renamed.push({ rule: 'ir-file-renamed', severity: 'info', message: `The IR file of this page would have a name over 240 bytes; it is written to ir/${rel}`, src: { file: page.file, line: 1, column: 1 } });
    const digest = digestOf?.(abs[i]!);
    files.set(`ir/${rel}`, { key: digest === undefined ? undefined : `ir:${digest}`, render: () => toJson(page) });
  });
  // Its documents and operation groups keyed by what each is made from: the writer copies those the file in place has.
  const unit = a.unitDigests;
  const documentKey = (d: Document) => { const k = unit?.page(d.file); return k === undefined ? undefined : `d:${k}`; };
  const operationKey = (g: OperationGroup) => { const k = unit?.operations.get(g.identity); return k === undefined ? undefined : `o:${k}`; };
  files.set('model.json', { render: () => toJsonPieces(serializeModelKeyed(a.model, documentKey, operationKey)) });
  files.set('model.schema.json', toJson(modelJsonSchema()));
  timings?.mark('ir+model json');
  // The plan made while the rules ran (a cold build's, see TsPrefetch), else made here.
  const emitted = plan ? printPlan(plan, memo, printer) : emitModels(a.model, memo, printer);
  plan = undefined; // its structures are garbage once printed
  timings?.mark('typescript models');
  for (const [rel, text] of emitted.files) files.set(`models/${rel}`, text);
  for (const [rel, file] of openApiOutputs(a.model, a.findings, a.unitDigests?.page)) files.set(rel, file);
  timings?.mark('openapi');
  const data = reportData(a.model, a.findings, toolVersion(), [...emitted.diagnostics, ...renamed, ...a.runDiagnostics]);
  // Report links go from the output directory to the pages (relative to the docs root).
  const reportDir = docsFrom(resolve(outDir), a.docsRoot);
  // Keyed by what they are rendered from: a writer that finds them as it left them with this key need not render them.
  const digest = digestOf && reportDigest(a.model, data, (file) => digestOf(resolve(a.docsRoot, file)), { reportDir, suppressed: a.suppressed ?? null });
  const key = digest === undefined ? undefined : `reports:${digest}`;
  files.set('reconciliation.md', { key, render: () => renderReport('markdown', data, reportDir) });
  files.set('reconciliation.json', { key, render: () => toJsonChunks(data) });
  files.set('reconciliation.sarif', { key, render: () => renderReport('sarif', data, reportDir, { suppressed: a.suppressed }) });
  files.set('reconciliation.html', { key, render: () => renderReport('html', data, reportDir) });
  timings?.mark('reports');
  return { files, modelDiagnostics: [...emitted.diagnostics, ...renamed] };
}

/** The docs root as seen from a directory (for links from a report written there): relative, `/` separators. */
export function docsFrom(dir: string, docsRoot: string): string {
  return relative(dir, docsRoot).split(sep).join('/') || '.';
}
