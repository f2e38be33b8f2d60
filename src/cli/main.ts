#!/usr/bin/env node
/**
 * docmodel command line.
 *   docmodel build [paths..] [--out DIR] [--fail-on LEVEL]
 *   docmodel rules | docmodel explain <rule-id>
 * Exit codes: 0 success (findings below --fail-on), 1 findings reach --fail-on, 2 usage or tool error.
 */
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { CACHE_FILE, PageCache } from '../pipeline/cache.js';
import type { Severity } from '../sources/graph-markdown/ir/schema.js';
import { InputError, displayPath, isInside } from '../sources/graph-markdown/ingest/walk.js';
import { analyze, analyzeParallel, renderOutputs, Timings } from '../pipeline/pipeline.js';
import { recoverOutputs, writeOutputs } from '../pipeline/output.js';
import { RULES, findRule } from '../checks/registry.js';
import { findDiagnostic } from '../checks/diagnostics.js';
import { countBySeverity, SEVERITY_RANK } from '../checks/engine.js';
import { toolVersion } from '../util/version.js';
import { applyBaseline, applySuppressions, loadBaseline, loadSuppressions, SuppressionError, type Suppression } from '../checks/suppress.js';
import { FORMATS, isFormat, renderReport, type Format } from '../emit/reports/formats.js';
import { reportData, type ReportData } from '../emit/reports/report-data.js';
import { drift as driftFindings } from '../checks/engine.js';
import { writeAtomic } from '../pipeline/output.js';
import type { AnalyzeResult } from '../pipeline/pipeline.js';
import { computeStats, formatStats } from '../pipeline/stats.js';

const USAGE = `docmodel ${toolVersion()} — API reference markdown → IR, TypeScript models, reconciliation reports

Usage:
  docmodel build [paths..] [--out DIR] [--fail-on error|warning|info] [--workers N] [--stats]
                 [--no-cache] [--watch]
      Read pages (.md, .markdown, .txt; directories are walked) and write the IR, the merged
      model, TypeScript models and reconciliation reports to DIR (default: generated/).
      Default input: input/.
      --stats prints coverage (see stats) after the summary. Unchanged pages are taken from
      DIR/.cache (keyed by content hash, included files and tool version; --no-cache skips it);
      --watch rebuilds on every change and prints the pages it re-read. --suppressions FILE
      silences findings (rule + fingerprint or selector, a reason, an optional expiry);
      --baseline FILE (a previous reconciliation.json) keeps only new findings.
  docmodel check [paths..] [--format F]... [--output FILE]... [--fail-on LEVEL]
                 [--suppressions FILE] [--baseline FILE] [--all] [--area AREA]... [--group-by area]
      Reconcile only (no outputs): findings as text (grouped by file; colored on a terminal),
      markdown, json, sarif (2.1.0) or html; one --output per --format, in order; without
      --output the (single) format goes to standard output. One finding per root cause, ranked
      by severity, confidence and reach; --area keeps one area's findings (front matter ms.prod,
      else folder) in every format; --group-by area groups text and markdown by area; text,
      markdown and html leave cross-version info findings out unless --all (json and sarif
      always have them); --quiet drops the summary line on standard error.
  docmodel drift <old-tree> <new-tree> [same options as check]
      What changed between two snapshots: operations, types, properties, permissions, statuses,
      enum members — each breaking or not (breaking: error in v1.0, warning in beta).
  docmodel stats [paths..]       Coverage: per section kind, pages where it is present and where
                                 extraction succeeded; top diagnostics with example pages.
  docmodel rules                 List the reconciliation rules.
  docmodel explain <rule-id>     Describe one rule, with a before/after example.
  docmodel --version | --help

Exit codes: 0 done; 1 findings at or above --fail-on; 2 usage or tool error.`;

class UsageError extends Error {}

function parseSeverity(v: string | undefined): Severity | undefined {
  if (v === undefined) return undefined;
  if (v === 'error' || v === 'warning' || v === 'info') return v;
  throw new UsageError(`--fail-on takes error, warning or info (got ${JSON.stringify(v)})`);
}

function parseWorkers(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--workers takes a whole number from 1 to 256 (got ${JSON.stringify(v)})`);
  return n;
}

async function cmdBuild(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: {
      out: { type: 'string', short: 'o' }, 'fail-on': { type: 'string' }, quiet: { type: 'boolean', short: 'q' }, stats: { type: 'boolean' },
      workers: { type: 'string', short: 'j' }, 'no-cache': { type: 'boolean' }, watch: { type: 'boolean', short: 'w' },
      suppressions: { type: 'string' }, baseline: { type: 'string' },
    },
  });
  const opts: BuildRun = {
    suppressions: values.suppressions ? loadSuppressions(values.suppressions) : [],
    baseline: values.baseline ? loadBaseline(values.baseline) : undefined,
    inputs: positionals.length ? positionals : ['input'],
    out: values.out ?? 'generated',
    failOn: parseSeverity(values['fail-on']),
    workers: parseWorkers(values.workers),
    quiet: !!values.quiet,
    stats: !!values.stats,
    cache: !values['no-cache'],
  };
  const code = await runBuild(opts);
  if (!values.watch) return code;
  return watch(opts);
}

interface BuildRun {
  inputs: string[];
  out: string;
  failOn?: Severity;
  workers?: number;
  quiet: boolean;
  stats: boolean;
  cache: boolean;
  /** Print the pages processed afresh (watch mode). */
  showChanged?: boolean;
  suppressions: Suppression[];
  baseline?: Set<string>;
}

/** Suppressions (file and page annotations) and the baseline, applied to a fresh analysis. */
function filterFindings(a: AnalyzeResult, suppressions: Suppression[], baseline: Set<string> | undefined): number {
  const r = applySuppressions(a.findings, suppressions, a.pages);
  a.findings = baseline ? applyBaseline(r.findings, baseline) : r.findings;
  return r.suppressed;
}

async function runBuild(o: BuildRun): Promise<number> {
  const started = Date.now();
  const timings = new Timings();
  const outAbs = resolve(o.out);
  recoverOutputs(outAbs); // a build killed while writing: finish its commit (or drop its staging) before trusting the cache
  const cache = new PageCache(o.cache ? join(outAbs, '.cache', CACHE_FILE) : undefined);
  const a = await analyzeParallel(o.inputs, { workers: o.workers, timings, exclude: [outAbs], cache, stopIfUnchanged: true });
  const shown = `${displayPath(outAbs)}/`;
  if (a === null && !o.suppressions.length && !o.baseline && cache.lastRun && cache.lastRun.outputs.every((f) => existsSync(join(outAbs, f)))) {
    // Nothing changed since the last build and its outputs are all there.
    if (!o.quiet) process.stdout.write(`docmodel: no page changed since the last build; ${shown} is up to date (${((Date.now() - started) / 1000).toFixed(1)} s)\n  last build: ${cache.lastRun.summary}\n`);
    return exitFor(o.failOn, cache.lastRun.findings);
  }
  // Nothing changed but the last build cannot be reused as is (suppressions, a baseline, missing
  // outputs): rebuild from the cached page IRs, re-parsing nothing.
  const full = a ?? (await analyzeParallel(o.inputs, { workers: o.workers, timings, exclude: [outAbs], cache }));
  const suppressed = filterFindings(full, o.suppressions, o.baseline);
  const rendered = renderOutputs(full, o.out, timings);
  cache.invalidate(); // until the outputs and the cache are both written, no later build may call them up to date
  const stats = writeOutputs(outAbs, rendered.files);
  timings.mark('write');
  const f = countBySeverity(full.findings);
  const diags = full.pages.reduce((n, p) => n + p.diagnostics.length, 0) + rendered.modelDiagnostics.length + full.runDiagnostics.length;
  const summary = `${full.pages.length} pages, ${full.model.operations.length} operations, ${full.model.types.length} types, ${full.model.enums.length} enums; ` +
    `findings: ${f.error} error, ${f.warning} warning, ${f.info} info${suppressed ? ` (${suppressed} suppressed)` : ''}${o.baseline ? ' new since the baseline' : ''}; ${diags} diagnostics`;
  cache.save({ summary, findings: f, outputs: [...rendered.files.keys()] });
  timings.mark('cache');
  if (process.env.DOCMODEL_TIMING) process.stderr.write(`timing: ${timings}\n`);
  if (!o.quiet) {
    process.stdout.write(`docmodel: ${summary}; ${stats.written} files written, ${stats.unchanged} unchanged, ${stats.removed} removed → ${shown} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    if (o.showChanged && full.changed) {
      const ch = full.changed;
      process.stdout.write(ch.length ? `  re-read ${ch.length} page(s): ${ch.slice(0, 10).join(', ')}${ch.length > 10 ? ', …' : ''}\n` : '  no page changed\n');
    }
  }
  if (o.stats) process.stdout.write(formatStats(computeStats(full.pages)));
  return exitFor(o.failOn, f);
}

function exitFor(failOn: Severity | undefined, f: Record<Severity, number>): number {
  if (!failOn) return 0;
  return (['error', 'warning', 'info'] as const).some((s) => SEVERITY_RANK[s] <= SEVERITY_RANK[failOn] && f[s] > 0) ? 1 : 0;
}

/** Rebuild on every change under the inputs (debounced), printing what was re-read. Ends on Ctrl-C. */
async function watch(o: BuildRun): Promise<number> {
  const { watch: chokidarWatch } = await import('chokidar');
  const outAbs = resolve(o.out);
  const w = chokidarWatch(o.inputs, { ignoreInitial: true, ignored: (p: string) => isInside(outAbs, resolve(p)) }); // not a prefix test: output gen must not hide input gen-docs
  // Only once the initial scan is done is every later change seen.
  await new Promise<void>((ready) => w.once('ready', () => ready()));
  process.stdout.write(`docmodel: watching ${o.inputs.join(', ')} (Ctrl-C to stop)\n`);
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const rebuild = async () => {
    if (running) { again = true; return; }
    running = true;
    try {
      await runBuild({ ...o, showChanged: true });
    } catch (e) {
      process.stderr.write(`docmodel: build failed: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    running = false;
    if (again) { again = false; void rebuild(); }
  };
  w.on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 200);
  });
  await new Promise<void>((done) => process.once('SIGINT', () => { void w.close().then(done); }));
  return 0;
}

interface ReportArgs { format: Format[]; output: string[]; all: boolean; areas: string[]; groupBy?: 'area'; quiet: boolean }

const REPORT_OPTIONS = {
  format: { type: 'string', short: 'f', multiple: true },
  output: { type: 'string', short: 'o', multiple: true },
  'fail-on': { type: 'string' },
  suppressions: { type: 'string' },
  baseline: { type: 'string' },
  all: { type: 'boolean' },
  area: { type: 'string', multiple: true },
  'group-by': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

function reportArgs(values: { format?: string[]; output?: string[]; all?: boolean; area?: string[]; 'group-by'?: string; quiet?: boolean }): ReportArgs {
  const groupBy = values['group-by'];
  if (groupBy !== undefined && groupBy !== 'area') throw new UsageError(`--group-by takes area (got ${JSON.stringify(groupBy)})`);
  const format = (values.format ?? ['text']).map((f) => {
    if (!isFormat(f)) throw new UsageError(`--format takes ${FORMATS.join(', ')} (got ${JSON.stringify(f)})`);
    return f;
  });
  const output = values.output ?? [];
  if (output.length > format.length) throw new UsageError('more --output than --format: give one --format per --output, in the same order');
  if (format.length - output.length > 1) throw new UsageError('only one format can go to standard output: give an --output file for the others');
  return { format, output, all: !!values.all, areas: values.area ?? [], groupBy, quiet: !!values.quiet };
}

/** Write each requested format to its file (atomically), or the last one without a file to stdout. */
function emitReports(r: ReportArgs, data: ReportData, title: string): void {
  r.format.forEach((f, i) => {
    const file = r.output[i];
    const dir = file ? displayPath(resolve(file, '..')) : '.';
    const text = renderReport(f, data, dir, { color: !file && !!process.stdout.isTTY && !process.env.NO_COLOR, title, all: r.all, areas: r.areas, groupBy: r.groupBy });
    if (file) writeAtomic(resolve(file), text);
    else process.stdout.write(text);
  });
}

async function cmdCheck(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...REPORT_OPTIONS, workers: { type: 'string', short: 'j' } } });
  const r = reportArgs(values);
  const failOn = parseSeverity(values['fail-on']);
  const suppressions = values.suppressions ? loadSuppressions(values.suppressions) : [];
  const baseline = values.baseline ? loadBaseline(values.baseline) : undefined;
  const a = await analyzeParallel(positionals.length ? positionals : ['input'], { workers: parseWorkers(values.workers) });
  filterFindings(a, suppressions, baseline);
  const data = reportData(a.model, a.findings, toolVersion(), a.runDiagnostics);
  emitReports(r, data, 'docmodel reconciliation report');
  return exitFor(failOn, countBySeverity(a.findings));
}

async function cmdDrift(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { ...REPORT_OPTIONS, workers: { type: 'string', short: 'j' } } });
  if (positionals.length !== 2) throw new UsageError('drift takes two trees: docmodel drift <old-tree> <new-tree>');
  const r = reportArgs(values);
  const failOn = parseSeverity(values['fail-on']);
  const suppressions = values.suppressions ? loadSuppressions(values.suppressions) : [];
  const baseline = values.baseline ? loadBaseline(values.baseline) : undefined;
  const workers = parseWorkers(values.workers);
  const started = Date.now();
  const oldA = await analyzeParallel([positionals[0]!], { workers });
  const newA = await analyzeParallel([positionals[1]!], { workers });
  let findings = driftFindings({ old: oldA.model, new: newA.model });
  findings = applySuppressions(findings, suppressions, [...oldA.pages, ...newA.pages]).findings;
  if (baseline) findings = applyBaseline(findings, baseline);
  const data = reportData({ ...newA.model, operations: [] }, findings, toolVersion());
  data.summary.pages = newA.pages.length;
  data.summary.operations = newA.model.operations.length;
  emitReports(r, data, 'docmodel drift report');
  const c = countBySeverity(findings);
  const breaking = findings.filter((f) => f.breaking).length;
  if (!r.quiet) process.stderr.write(`docmodel drift: ${oldA.pages.length} → ${newA.pages.length} pages; ${findings.length} changes (${breaking} breaking): ${c.error} error, ${c.warning} warning, ${c.info} info (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return exitFor(failOn, c);
}

async function cmdStats(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: {} });
  const a = await analyzeParallel(positionals.length ? positionals : ['input']); // in workers: per-page time and memory limits
  process.stdout.write(formatStats(computeStats(a.pages)));
  return 0;
}

function cmdRules(): number {
  const w = Math.max(...RULES.map((r) => r.id.length));
  for (const r of [...RULES].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    process.stdout.write(`${r.id.padEnd(w)}  ${r.severity.padEnd(7)}  ${(r.confidence ?? 'medium').padEnd(6)}  ${r.contexts.join(',').padEnd(20)}  ${r.summary}\n`);
  }
  process.stdout.write(`${RULES.length} rules\n`);
  return 0;
}

function cmdExplain(argv: string[]): number {
  const id = argv[0];
  if (!id) throw new UsageError('explain needs a rule id (see `docmodel rules`)');
  const r = findRule(id);
  const dk = r ? undefined : findDiagnostic(id);
  if (dk) {
    process.stdout.write(`${dk.id} (diagnostic; ${dk.severity}; stage: ${dk.stage}; ${dk.suppressible ? 'suppressible' : 'not suppressible'})\n\n${dk.summary}\n\n${dk.description}\n`);
    return 0;
  }
  if (!r) throw new UsageError(`no rule or diagnostic ${JSON.stringify(id)} (see \`docmodel rules\`)`);
  process.stdout.write(`${r.id} (${r.severity}; confidence ${r.confidence ?? 'medium'}; contexts: ${r.contexts.join(', ')})\n\n${r.summary}\n\n${r.description}\n\nBefore:\n${indent(r.example.before)}\n\nAfter:\n${indent(r.example.after)}\n`);
  return 0;
}

function indent(s: string): string {
  return s.split('\n').map((l) => '    ' + l).join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'build': return await cmdBuild(rest);
      case 'stats': return await cmdStats(rest);
      case 'check': return await cmdCheck(rest);
      case 'drift': return await cmdDrift(rest);
      case 'rules': return cmdRules();
      case 'explain': return cmdExplain(rest);
      case '--version': case '-v': process.stdout.write(toolVersion() + '\n'); return 0;
      case undefined: case '--help': case '-h': case 'help': process.stdout.write(USAGE + '\n'); return cmd === undefined ? 2 : 0;
      default: throw new UsageError(`unknown command ${JSON.stringify(cmd)}`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError || e instanceof SuppressionError || (e instanceof TypeError && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`docmodel: ${e.message}\n${e instanceof UsageError || e instanceof TypeError ? 'Run `docmodel --help` for usage.\n' : ''}`);
      return 2;
    }
    process.stderr.write(`docmodel: internal error: ${e instanceof Error ? e.message : String(e)}\n${process.env.DOCMODEL_DEBUG ? (e as Error).stack + '\n' : 'Set DOCMODEL_DEBUG=1 for a stack trace.\n'}`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
// For benchmarks: the peak resident set of the whole process (all worker threads included).
if (process.env.DOCMODEL_MAXRSS) process.stderr.write(`maxrss-kb: ${process.resourceUsage().maxRSS}\n`);
