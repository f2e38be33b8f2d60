/**
 * docmodel as a library: `import { check, build, drift, readModel } from 'docmodel'`.
 *
 * - `check(options)`: reconcile a docs tree (or, with `changed`, only what a change touches)
 *   and get the findings, with rule settings, suppressions and a baseline applied; render them
 *   in any report format with `result.report(format)`.
 * - `build(options)`: the same, and write every output (IR, model, TypeScript, reports) to `out`.
 * - `drift(oldTree, newTree, options)`: what changed between two snapshots.
 * - `readModel(file)` / `readPageIr(file)`: read a `model.json` or an `ir/<page>.json` a build wrote.
 *
 * Every path in the results is relative to the docs root (`result.analysis.docsRoot`).
 * The command line (`docmodel …`) is a thin layer over these functions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { analyzeParallel, docsFrom, renderOutputs, type AnalyzeOptions, type AnalyzeResult, type Timings } from './pipeline/pipeline.js';
import { WorkerPrinter } from './emit/ts/printer.js';
import { tsMorphLoaded } from './emit/ts/ts-morph.js';
import { CACHE_FILE, PageCache, type LastRun } from './pipeline/cache.js';
import { TextMemo } from './pipeline/text-memo.js';
import { TsPrefetch } from './pipeline/ts-prefetch.js';
import type { ModelPlan } from './emit/ts/models.js';
import { recoverOutputs, stampHolds, writeNamedFile, writeOutputs, type OutputStamp, type WriteStats } from './pipeline/output.js';
import { affectedPages, changedInRoot, limitReport, type ChangedFiles } from './pipeline/partial.js';
import { focusedFindings, type FocusResult } from './pipeline/focus.js';
import type { WarmPageWorker } from './pipeline/warm-worker.js';
import { applyPolicy, type RuleSetting } from './checks/policy.js';
import { asBaseline, baselineFile, loadBaseline, loadSuppressions, type Baseline, type SuppressedFinding, type Suppression } from './checks/suppress.js';
import { toJson } from './util/order.js';
import { drift as driftRules, sortFindings } from './checks/engine.js';
import { UNREPORTED_POLICIES } from './checks/metadata/types.js';
import { compareModelWithMetadata, loadMetadata, metadataRelativeTo, type LoadedMetadata, type MetadataSource } from './pipeline/metadata.js';
import { metadataToFindings } from './checks/metadata/to-findings.js';
import { reportData, type ReportData } from './emit/reports/report-data.js';
import { FORMATS, renderReport, type Format } from './emit/reports/formats.js';
import { toolVersion } from './util/version.js';
import type { Finding } from './checks/types.js';
import type { PageIR, Severity } from './sources/graph-markdown/ir/schema.js';
import { InputError } from './sources/graph-markdown/ingest/walk.js';
import { Value } from '@sinclair/typebox/value';
import { ApiModelJson, type Document } from './model/schema.js';

export type { Finding, Side, Rule, RuleContext } from './checks/types.js';
export type { PageIR, Severity, Diagnostic, Src } from './sources/graph-markdown/ir/schema.js';
export type { ApiModel, ApiModelJson, Document } from './model/schema.js';
export type { ReportData } from './emit/reports/report-data.js';
export type { Suppression, SuppressedFinding } from './checks/suppress.js';
export type { RuleSetting } from './checks/policy.js';
export type { Config } from './config/schema.js';
export type { AnalyzeResult } from './pipeline/pipeline.js';
export type { WriteStats } from './pipeline/output.js';
export type { LastRun } from './pipeline/cache.js';
export type { Format } from './emit/reports/formats.js';
export type { MetadataSource } from './pipeline/metadata.js';
export { FORMATS } from './emit/reports/formats.js';
export { RULES, ALL_RULES, findRule } from './checks/registry.js';
export { loadConfig, findConfig, ConfigError } from './config/load.js';
export { configJsonSchema } from './config/schema.js';
export { loadSuppressions, loadBaseline, baselineFile, SuppressionError, type Baseline } from './checks/suppress.js';
export { InputError } from './sources/graph-markdown/ingest/walk.js';
export { toolVersion } from './util/version.js';

export interface CheckOptions {
  /** Files or directories to read. Default: `[root]` when `root` is given, else `['input']`. */
  inputs?: string[];
  /** The docs root: includes resolve inside it; every path in the results is relative to it. */
  root?: string;
  /**
   * Partial check (a pull request): the changed files (paths relative to the working directory
   * or absolute; deleted files allowed). The whole tree under `root` is analyzed — use
   * `cacheDir` to make that fast — and findings are limited to the changed pages and the pages
   * their change affects (including a changed fragment, linking to a changed or deleted page).
   */
  changed?: string[];
  /**
   * The inputs are a whole docs tree, however many of their links lead outside them: the rules about what the tree lacks
   * (link-broken, type-undefined, …) run. By default a tree most of whose page links lead to pages it lacks is taken as a
   * part of a docs tree, and `tree-partial` says once that those rules were not run.
   */
  wholeTree?: boolean;
  /** Per rule id: a severity every finding of that rule gets, or `off`. */
  rules?: Record<string, RuleSetting>;
  /** Suppression entries, or a suppressions file to read. */
  suppressions?: Suppression[] | string;
  /** A baseline: a set of fingerprints (held at any severity), fingerprints with the severity each had, or a file (JSON report, baseline file or SARIF log). */
  baseline?: Set<string> | Baseline | string;
  /** Worker threads (default: one per core). */
  workers?: number;
  /** Page cache directory: unchanged pages are not re-read on the next run. */
  cacheDir?: string;
  /**
   * A page cache kept across runs in one process (`--watch`): the next run takes unchanged
   * pages' IRs from memory. Overrides `cacheDir` (build: `<out>/.cache`).
   */
  pageCache?: PageCache;
  /** Directories never read as input. */
  exclude?: string[];
  /** Pages processed so far, of the total. */
  onProgress?: (done: number, total: number) => void;
  /** Throw an InputError when no page is found (the CLI does). Default: false. */
  requirePages?: boolean;
  /**
   * Also compare the docs with the service metadata (one entry per version): its findings
   * (rules `metadata-*`, context `metadata`) are findings of the check. The files are read
   * before any page (a missing one is an InputError); the model is only read, never changed.
   */
  metadata?: MetadataSource[];
  timings?: Timings;
  /**
   * Write the current findings (after rule settings and suppressions, before any baseline) to
   * this file as the new baseline — findings gone since are pruned — and report against it.
   */
  updateBaseline?: string;
}

export interface ReportOptions {
  /** Report title (markdown, html). */
  title?: string;
  /** ANSI colors in text. */
  color?: boolean;
  /** Directory the report will be written to (for links in markdown). Default: the working directory. */
  reportDir?: string;
  /** Prepended to paths in sarif, github and junit: the docs root's path in the repository. */
  pathPrefix?: string;
  /** Drift: prepended to the old snapshot's paths in github and junit (its docs root's path from where they are read). */
  oldPathPrefix?: string;
  /** Human formats (text, markdown, html): include cross-version info findings and every operation table. */
  all?: boolean;
  /** Only findings of these areas (front matter ms.prod, else the folder), in every format. */
  areas?: string[];
  /** Text and Markdown: group findings by area. */
  groupBy?: 'area';
}

export interface CheckResult {
  /** Pages, merged model, all findings before the policy, the docs root. */
  analysis: AnalyzeResult;
  /** Findings after rule settings, suppressions, baseline and the partial-check limit. */
  findings: Finding[];
  /** Findings suppressions silenced (SARIF lists them as suppressed). */
  suppressed: SuppressedFinding[];
  /** Findings the baseline held. */
  baselineHidden: number;
  /** Findings of rules set to `off`. */
  rulesOff: number;
  /** Partial check: the changed files under the root, and the pages reported on. */
  partial?: { changed: ChangedFiles; pages: Set<string> };
  /** The report data every format is rendered from. */
  data: ReportData;
  /** Render the findings in a report format. */
  report(format: Format, opts?: ReportOptions): string;
  /** Drift: the old snapshot's docs root (its sides' paths are relative to it). */
  oldDocsRoot?: string;
  /** Counts by severity of `findings`. */
  counts: Record<Severity, number>;
  /**
   * What `--fail-on` weighs: `counts`, with each error-severity diagnostic (a page not read: unreadable, not parsed,
   * stopped over its time limit) counted as an error — a page lost is no pass.
   */
  failCounts: Record<Severity, number>;
  /** With `updateBaseline`: the file written, its entries, and how many were added / pruned since the previous one. */
  baselineUpdate?: { file: string; total: number; added: number; pruned: number };
}

function suppressionList(s: CheckOptions['suppressions']): Suppression[] {
  if (s === undefined) return [];
  return typeof s === 'string' ? loadSuppressions(s) : s;
}

/**
 * A first look after an edit (what `--watch` prints before its rebuild): the findings of the changed
 * files (absolute paths), from a model of them and the pages the last run relates to them, under the
 * same rule settings, suppressions and baseline. See src/pipeline/focus.ts for what it cannot see.
 */
export async function firstLook(last: CheckResult, changed: string[], o: Pick<CheckOptions, 'rules' | 'suppressions' | 'baseline'> = {}, worker?: WarmPageWorker): Promise<FocusResult> {
  return focusedFindings(last.analysis, changed, { rules: o.rules, suppressions: suppressionList(o.suppressions), baseline: baselineSet(o.baseline) }, worker);
}

function baselineSet(b: CheckOptions['baseline']): Baseline | undefined {
  if (b === undefined) return undefined;
  return typeof b === 'string' ? loadBaseline(b) : asBaseline(b);
}

/** `oldDocsRoot`: drift's old snapshot, whose sides' links start there. */
function finishCheck(a: AnalyzeResult, o: CheckOptions, title: string, changed?: ChangedFiles, old?: { docsRoot: string; documents: Document[] }): CheckResult {
  const oldDocsRoot = old?.docsRoot;
  // Suppressions by page annotation may sit on pages of either tree (drift).
  const policyDocuments = old ? [...old.documents, ...a.model.documents] : a.model.documents;
  const pages = changed ? affectedPages(a.pages, changed) : undefined;
  const suppressions = suppressionList(o.suppressions);
  let baseline = baselineSet(o.baseline);
  let baselineUpdate: CheckResult['baselineUpdate'];
  if (o.updateBaseline !== undefined) {
    const current = applyPolicy(a.findings, policyDocuments, { rules: o.rules, suppressions, only: pages }).findings;
    let previous: Baseline = new Map();
    if (existsSync(o.updateBaseline)) { try { previous = loadBaseline(o.updateBaseline); } catch { /* unreadable: replaced */ } }
    const file = baselineFile(current, toolVersion());
    writeNamedFile(resolve(o.updateBaseline), toJson(file));
    const now: Baseline = new Map(current.map((f) => [f.fingerprint, f.severity]));
    baseline = now;
    baselineUpdate = { file: o.updateBaseline, total: now.size, added: [...now.keys()].filter((x) => !previous.has(x)).length, pruned: [...previous.keys()].filter((x) => !now.has(x)).length };
  }
  const p = applyPolicy(a.findings, policyDocuments, { rules: o.rules, suppressions, baseline, only: pages });
  a.suppressed = p.suppressed;
  let data = reportData(a.model, p.findings, toolVersion(), a.runDiagnostics, old && { oldDocuments: old.documents });
  if (pages) data = limitReport(data, pages);
  // Counted as reported: one per root cause (a grouped finding counts once).
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of data.findings) counts[f.severity]++;
  return {
    analysis: a, findings: p.findings, suppressed: p.suppressed, baselineHidden: p.baselineHidden, rulesOff: p.rulesOff,
    ...(changed && pages ? { partial: { changed, pages } } : {}),
    data, counts, failCounts: { ...counts, error: counts.error + data.summary.diagnostics.error },
    ...(baselineUpdate ? { baselineUpdate } : {}),
    report(format, ro = {}) {
      const from = docsFrom(resolve(ro.reportDir ?? '.'), a.docsRoot);
      const oldReportDir = oldDocsRoot === undefined ? undefined : docsFrom(resolve(ro.reportDir ?? '.'), oldDocsRoot);
      return renderReport(format, data, from, { color: ro.color, title: ro.title ?? title, suppressed: p.suppressed, pathPrefix: ro.pathPrefix, all: ro.all, areas: ro.areas, groupBy: ro.groupBy, oldReportDir, oldPathPrefix: ro.oldPathPrefix });
    },
  };
}

/** Reconcile a docs tree (or the part a change touches); nothing is written except the cache. */
export async function check(o: CheckOptions = {}): Promise<CheckResult> {
  if (o.changed && o.root === undefined) throw new InputError('a partial check (changed files) needs the docs root (root / --root)');
  // A baseline written from a partial check would prune every finding outside the changed pages.
  if (o.changed && o.updateBaseline !== undefined) throw new InputError('--update-baseline needs a full check, not a partial one (changed files)');
  const inputs = o.changed ? [o.root!] : (o.inputs ?? (o.root !== undefined ? [o.root] : ['input']));
  const metadata = (o.metadata ?? []).map((m) => loadMetadata(m));
  const cache = o.pageCache ?? (o.cacheDir ? new PageCache(join(resolve(o.cacheDir), CACHE_FILE)) : undefined);
  const a = await analyzeParallel(inputs, { workers: o.workers, root: o.root, cache, exclude: [...(o.exclude ?? []), ...(o.cacheDir ? [resolve(o.cacheDir)] : [])], onProgress: o.onProgress, requirePages: o.requirePages, timings: o.timings, wholeTree: o.wholeTree });
  cache?.save();
  if (metadata.length) {
    a.findings = withMetadataFindings(a, metadata);
    o.timings?.mark('metadata');
  }
  const changed = o.changed ? changedInRoot(o.changed, a.docsRoot) : undefined;
  return finishCheck(a, o, 'docmodel reconciliation report', changed);
}

/** The check's findings and those of the comparison with each version's metadata, in the engine's order (the model is only read). */
function withMetadataFindings(a: AnalyzeResult, metadata: LoadedMetadata[]): Finding[] {
  const seen = new Set(a.findings.map((f) => f.fingerprint));
  const extra = metadata.flatMap((m) => {
    const rel = metadataRelativeTo(m, a.docsRoot);
    const report = compareModelWithMetadata(a.model, rel);
    // What the comparison counted and did not report (UNREPORTED_POLICIES) is said, one diagnostic a policy and version.
    for (const [policy, n] of Object.entries(report.summary.notReported)) {
      a.runDiagnostics.push({ rule: 'metadata-not-reported', severity: 'info', message: `${m.version}: ${n} metadata finding(s) of policy ${policy} counted, not reported — ${UNREPORTED_POLICIES[policy]?.reason ?? ''}`, src: { file: rel.scopes && UNREPORTED_POLICIES[policy]?.about === 'scopes' ? rel.scopes.file : rel.csdl.file, line: 1, column: 1 } });
    }
    return metadataToFindings(report);
  }).filter((f) => (seen.has(f.fingerprint) ? false : (seen.add(f.fingerprint), true)));
  return sortFindings([...a.findings, ...extra]);
}

export interface BuildOptions extends Omit<CheckOptions, 'changed' | 'cacheDir' | 'metadata'> {
  /** Output directory (created; files a previous build wrote and this one did not are removed). */
  out: string;
  /** Use `<out>/.cache` (default true). */
  cache?: boolean;
  /**
   * When no page changed since the last build, its outputs are all there and no rule setting,
   * suppression or baseline is given, stop early and return `{ upToDate: true }`.
   */
  reuseUnchanged?: boolean;
  /**
   * Called once the findings are known, before the outputs are rendered and written (the
   * watch loop prints what an edit changed from here).
   */
  onFindings?: (r: CheckResult) => void;
}

/** What `build` returns when `reuseUnchanged` found nothing to do. */
export interface UpToDate {
  upToDate: true;
  /** The summary line and finding counts of the build that wrote the outputs. */
  lastRun: LastRun;
  /** Pages read again because their file changed, whose facts came out the same (display paths). */
  reread: string[];
}

export interface BuildResult extends CheckResult {
  /** Files written / left unchanged / removed. */
  stats: WriteStats;
  /** Every output file (path relative to `out`). */
  files: string[];
  /** Diagnostics of the TypeScript emitter (types referenced but not defined, …). */
  modelDiagnostics: number;
}

/** Analyze, reconcile and write every output to `out`. */
export async function build(o: BuildOptions & { reuseUnchanged: true }): Promise<BuildResult | UpToDate>;
export async function build(o: BuildOptions): Promise<BuildResult>;
export async function build(o: BuildOptions): Promise<BuildResult | UpToDate> {
  const outAbs = resolve(o.out);
  recoverOutputs(outAbs); // a build killed while writing: finish its commit (or drop its staging) before trusting the cache
  const cache = o.pageCache ?? new PageCache(o.cache === false ? undefined : join(outAbs, '.cache', CACHE_FILE));
  const inputs = o.inputs ?? (o.root !== undefined ? [o.root] : ['input']);
  // TypeScript texts the last build printed are kept beside the cache (see TextMemo): a rebuild prints only
  // what changed, in a worker that loads ts-morph while the model is built (see WorkerPrinter); a build with no
  // texts kept prints them all in a worker while the rules run (see TsPrefetch) — neither in a process that
  // builds again (a watch, with its own page cache), where ts-morph is loaded once for all builds.
  const memoPath = cache.path ? join(dirname(cache.path), 'typescript.v8') : undefined;
  const inWorker = !o.pageCache && !tsMorphLoaded();
  const prefetch = inWorker && !(memoPath && existsSync(memoPath)) ? new TsPrefetch(new TextMemo(memoPath)) : undefined;
  const printer = memoPath && inWorker && !prefetch ? new WorkerPrinter() : undefined;
  const worker = prefetch ?? printer;
  const aopts: AnalyzeOptions = {
    workers: o.workers, root: o.root, cache, exclude: [...(o.exclude ?? []), outAbs], onProgress: o.onProgress, requirePages: o.requirePages, timings: o.timings, wholeTree: o.wholeTree,
    onModelNeeded: worker && (() => worker.start()), onModel: prefetch && ((m) => prefetch.plan(m)),
  };
  try {
    return await buildWith(o, outAbs, cache, inputs, aopts, memoPath, printer, prefetch);
  } finally {
    worker?.close();
  }
}

async function buildWith(o: BuildOptions, outAbs: string, cache: PageCache, inputs: string[], aopts: AnalyzeOptions, memoPath: string | undefined, printer: WorkerPrinter | undefined, prefetch: TsPrefetch | undefined): Promise<BuildResult | UpToDate> {
  let a: AnalyzeResult | null = null;
  const noPolicy = !o.rules && o.suppressions === undefined && o.baseline === undefined && o.updateBaseline === undefined;
  if (o.reuseUnchanged && noPolicy) {
    const first = await analyzeParallel(inputs, { ...aopts, stopIfUnchanged: true });
    const last = cache.lastRun;
    if ('unchanged' in first) {
      // Built with the same reading of the tree (--whole-tree or not: it changes what the rules report).
      if (last && !!last.wholeTree === !!o.wholeTree && outputsAsWritten(outAbs, last, cache.outputStamps)) {
        // Pages read again but no IR changed: the outputs stand; only the new stamps are recorded.
        if (first.reread.length) cache.save(last, cache.outputStamps, cache.treeAnswers);
        return { upToDate: true, lastRun: last, reread: first.reread };
      }
    } else {
      a = first;
    }
  }
  // The last build cannot be reused as is (its outputs were changed, removed or moved): rebuild from the cached page IRs.
  a ??= await analyzeParallel(inputs, aopts);
  const r = finishCheck(a, o, 'docmodel reconciliation report');
  o.onFindings?.(r);
  o.timings?.mark('policy+findings');
  // TypeScript files whose structure the last build printed are not printed again.
  const memo = prefetch?.memo ?? (memoPath ? new TextMemo(memoPath) : undefined);
  // The plan made while the rules ran (a cold build's) is passed on, not kept: its structures go once printed.
  // The outputs carry the findings the policy leaves (rule settings, suppressions, baseline), as `check` reports them: the
  // reports held every finding, and SARIF each suppressed one twice (once open, once suppressed).
  const rendered = renderOutputs({ ...a, findings: r.findings }, outAbs, o.timings, (abs) => cache.digestOf(abs), memo, printer, prefetch && (await prefetchedPlan(prefetch, a, o.timings)));
  const before = cache.outputStamps;
  cache.invalidate(); // until the outputs and the cache are both written, no later build may call them up to date
  const { stamps, ...stats } = writeOutputs(outAbs, rendered.files, { stamps: before, pieces: (rel) => cache.pieces(rel) });
  o.timings?.mark('write');
  memo?.save();
  const summary = buildSummary(r, rendered.modelDiagnostics.length);
  cache.save({ summary, findings: r.failCounts, outputs: [...rendered.files.keys()], outDir: outAbs, ...(o.wholeTree ? { wholeTree: true } : {}) }, stamps, a.treeAnswers);
  o.timings?.mark('cache save');
  return { ...r, stats, files: [...rendered.files.keys()], modelDiagnostics: rendered.modelDiagnostics.length };
}

/** The TypeScript plan the prefetch made for this model, its texts in the memo (timed as their own phase: the wait for the worker). */
async function prefetchedPlan(prefetch: TsPrefetch, a: AnalyzeResult, timings: Timings | undefined): Promise<ModelPlan | undefined> {
  const plan = await prefetch.finish(a.model);
  timings?.mark('typescript texts');
  return plan;
}

/**
 * Are the last build's outputs still as it wrote them, where it wrote them: the same output
 * directory (reports link to the pages from there), and every file with the size and mtime it
 * had then? A file edited, removed or replaced since means a rebuild (which writes it again).
 */
function outputsAsWritten(outAbs: string, last: LastRun, stamps: Record<string, OutputStamp>): boolean {
  if (last.outDir !== outAbs) return false;
  return last.outputs.every((f) => Object.hasOwn(stamps, f) && stampHolds(join(outAbs, f), stamps[f]!));
}

/** The summary line of a build or check: pages, model, findings (and what hid how many), diagnostics. */
export function buildSummary(r: CheckResult, modelDiagnostics = 0): string {
  const a = r.analysis;
  // A partial check counts the diagnostics of the pages it reports on.
  const d = r.data.summary.diagnostics;
  const diags = r.partial ? d.error + d.warning + d.info : a.pages.reduce((n, p) => n + p.diagnostics.length, 0) + modelDiagnostics + a.runDiagnostics.length;
  const hidden = [
    r.suppressed.length ? `${r.suppressed.length} suppressed` : '',
    r.baselineHidden ? `${r.baselineHidden} in the baseline` : '',
    r.rulesOff ? `${r.rulesOff} of rules turned off` : '',
  ].filter(Boolean);
  const f = r.counts;
  return `${a.pages.length} pages, ${a.model.operations.length} operations, ${a.model.types.length} types, ${a.model.enums.length} enums; ` +
    `findings: ${f.error} error, ${f.warning} warning, ${f.info} info${hidden.length ? ` (not shown: ${hidden.join(', ')})` : ''}; ${diags} diagnostics`;
}

export interface DriftOptions extends Omit<CheckOptions, 'inputs' | 'root' | 'changed' | 'metadata' | 'pageCache'> {}

/** What changed between two snapshots of a docs tree (each tree is its own docs root). */
export async function drift(oldTree: string, newTree: string, o: DriftOptions = {}): Promise<CheckResult & { old: AnalyzeResult }> {
  const cacheOf = (tag: string) => (o.cacheDir ? new PageCache(join(resolve(o.cacheDir), tag, CACHE_FILE)) : undefined);
  const oldCache = cacheOf('old');
  const newCache = cacheOf('new');
  const total = { old: 0, new: 0, doneOld: 0, doneNew: 0 };
  const progress = o.onProgress ? () => o.onProgress!(total.doneOld + total.doneNew, total.old + total.new) : undefined;
  const oldA = await analyzeParallel([oldTree], { workers: o.workers, cache: oldCache, requirePages: o.requirePages, onProgress: progress && ((d, t) => { total.doneOld = d; total.old = t; progress(); }) });
  oldCache?.save();
  const newA = await analyzeParallel([newTree], { workers: o.workers, cache: newCache, requirePages: o.requirePages, onProgress: progress && ((d, t) => { total.doneNew = d; total.new = t; progress(); }) });
  newCache?.save();
  const findings = driftRules({ old: oldA.model, new: newA.model });
  const combined: AnalyzeResult = { ...newA, model: { ...newA.model, operations: [] }, findings };
  const r = finishCheck(combined, o, 'docmodel drift report', undefined, { docsRoot: oldA.docsRoot, documents: oldA.model.documents });
  r.data.summary.pages = newA.pages.length;
  r.data.summary.operations = newA.model.operations.length;
  return { ...r, analysis: newA, old: oldA, oldDocsRoot: oldA.docsRoot };
}

/** Read a `model.json` a build wrote, checked against its schema (generated/model.schema.json). */
export function readModel(file: string): ApiModelJson {
  const m: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Value.Check(ApiModelJson, m)) {
    const first = [...Value.Errors(ApiModelJson, m)][0];
    throw new InputError(`${file}: not a docmodel model.json of this version (${first ? `${first.path || '/'}: ${first.message}` : 'invalid'})`);
  }
  return m;
}

/** Read one page IR (`ir/<page>.json`) a build wrote. */
export function readPageIr(file: string): PageIR {
  const p = JSON.parse(readFileSync(file, 'utf8')) as PageIR;
  if (!p || typeof p.file !== 'string' || !Array.isArray(p.operations)) throw new InputError(`${file}: not a docmodel page IR`);
  return p;
}

/** Is this a known report format? */
export function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}

