/**
 * What the commands share: errors and exit codes, the common options (config, color, quiet,
 * workers, root), the config file merged under the flags, checks on --out/--output made before
 * anything is read or written, progress on a terminal, and report output.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Severity } from '../sources/graph-markdown/ir/schema.js';
import { isInside, messagePath, hasPageExtension } from '../sources/graph-markdown/ingest/walk.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { loadSuppressions, validateSuppressions, type Suppression } from '../checks/suppress.js';
import { SEVERITY_RANK } from '../checks/engine.js';
import { FORMATS, type Format } from '../emit/reports/formats.js';
import { writeNamedFile } from '../pipeline/output.js';
import { closest } from '../util/suggest.js';
import type { CheckResult } from '../index.js';

/** A usage mistake: one line on stderr, exit 2. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Options every analysing command has. */
export interface CommonOpts {
  config?: string | false;
  color?: boolean;
  quiet?: boolean;
  workers?: string;
  root?: string;
}

export function addCommon(cmd: Command, o: { root?: boolean } = {}): Command {
  cmd.option('-c, --config <file>', 'config file (default: the nearest docmodel.config.json or .jsonc from the working directory upward)')
    .option('--no-config', 'ignore every config file')
    .option('-j, --workers <n>', 'worker threads (default: one per core; output is identical for any count)')
    .option('-q, --quiet', 'print nothing but the report and errors')
    .option('--color', 'force colors (also FORCE_COLOR=1)')
    .option('--no-color', 'no colors (also NO_COLOR=1)');
  if (o.root !== false) cmd.option('-r, --root <dir>', 'docs root: includes resolve inside it and every output path is relative to it (default: the common root of the inputs)');
  return cmd;
}

export function addPolicy(cmd: Command): Command {
  return cmd
    .addOption(new Option('--fail-on <level>', 'exit 1 when a finding reaches this severity').choices(['error', 'warning', 'info', 'never']))
    .option('--suppressions <file>', 'suppressions file (JSON: [{ rule, fingerprint | selector, reason, expires? }])')
    .option('--baseline <file>', 'report only findings not in this baseline (a JSON report, a baseline file or a SARIF log)')
    .option('--update-baseline <file>', 'write the current findings as the new baseline (old entries that no longer occur are pruned)');
}

/** `--whole-tree` (check, build): the option that overrides tree-partial's reading of the inputs. */
export function addWholeTree(cmd: Command): Command {
  return cmd.option('--whole-tree', 'the inputs are a whole docs tree: report what it lacks (link targets, type pages, …) even when most of its links lead outside it (see docmodel explain tree-partial)');
}

export function parseWorkers(v: string | undefined, fallback?: number): number | undefined {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--workers takes a whole number from 1 to 256 (got ${JSON.stringify(v)})`);
  return n;
}

export function failOnLevel(v: string | undefined): Severity | undefined {
  if (v === undefined || v === 'never') return undefined;
  if (v === 'error' || v === 'warning' || v === 'info') return v;
  throw new UsageError(`--fail-on takes error, warning, info or never (got ${JSON.stringify(v)})`);
}

export function exitFor(failOn: Severity | undefined, f: Record<Severity, number>): number {
  if (!failOn) return EXIT.ok;
  return (['error', 'warning', 'info'] as const).some((s) => SEVERITY_RANK[s] <= SEVERITY_RANK[failOn] && f[s] > 0) ? EXIT.findings : EXIT.ok;
}

/** Colors: --color / --no-color, else NO_COLOR (off) and FORCE_COLOR (on), else whether the stream is a terminal. */
export function useColor(flag: boolean | undefined, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (flag !== undefined) return flag;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined) return process.env.FORCE_COLOR !== '0' && process.env.FORCE_COLOR !== 'false';
  return !!stream.isTTY;
}

export interface Resolved {
  config: Config;
  configFile?: string;
  failOn?: Severity;
  workers?: number;
  suppressions?: Suppression[];
  baseline?: string;
}

/** The config file under the flags: a flag given wins over the config; the config over the defaults. */
export function resolveCommon(o: CommonOpts & { failOn?: string; suppressions?: string; baseline?: string }): Resolved {
  const { file, config } = loadConfig(o.config);
  let suppressions: Suppression[] | undefined;
  if (o.suppressions !== undefined) suppressions = loadSuppressions(o.suppressions);
  else if (typeof config.suppressions === 'string') suppressions = loadSuppressions(config.suppressions);
  else if (Array.isArray(config.suppressions)) suppressions = validateSuppressions(config.suppressions, `${file ?? 'config'}: suppressions`);
  return {
    config, configFile: file,
    failOn: failOnLevel(o.failOn ?? config.failOn),
    workers: parseWorkers(o.workers, config.workers),
    suppressions,
    baseline: o.baseline ?? config.baseline,
  };
}

function kindOf(p: string): 'file' | 'dir' | 'none' | 'other' {
  try {
    const st = statSync(p);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
  } catch {
    return 'none';
  }
}

/**
 * `--out` must be a directory (or not exist yet) and must not be an input, contain one, or be
 * the docs root: the outputs would land among the docs. An output folder strictly inside an
 * input is fine (it is never read as input).
 */
export function checkOutDir(out: string, inputs: string[], root?: string): void {
  const abs = resolve(out);
  const k = kindOf(abs);
  if (k === 'file' || k === 'other') throw new UsageError(`--out ${out} is a file, not a directory: give a directory for the outputs`);
  for (const given of [...inputs, ...(root !== undefined ? [root] : [])]) {
    const inAbs = resolve(given);
    if (isInside(abs, inAbs)) {
      throw new UsageError(abs === inAbs
        ? `--out ${out} is the input ${given}: the outputs would be written among the docs; choose another directory`
        : `--out ${out} contains the input ${given}: the outputs would be written among the docs; choose another directory`);
    }
  }
}

/** The page cache's folder (`--cache`, config "cache") must be one, or not exist yet: checked before the run, not found out when it is saved at the end. */
export function checkCacheDir(dir: string | undefined): void {
  if (dir === undefined) return;
  const k = kindOf(resolve(dir));
  if (k === 'file' || k === 'other') throw new UsageError(`--cache ${dir} is a file, not a directory: give a directory for the page cache`);
}

/** A report file must not be a directory, nor a page-like file inside an input tree (it would be read back as a page). */
export function checkOutputFile(file: string, inputs: string[]): void {
  const abs = resolve(file);
  const k = kindOf(abs);
  if (k === 'dir') throw new UsageError(`--output ${file} is a directory: give a file name`);
  if (k === 'none' && kindOf(dirname(abs)) === 'file') throw new UsageError(`--output ${file}: ${messagePath(dirname(abs))} is a file, not a directory`);
  for (const given of inputs) {
    const inAbs = resolve(given);
    if (abs === inAbs) throw new UsageError(`--output ${file} is an input: it would overwrite a page`);
    if (kindOf(inAbs) === 'dir' && isInside(inAbs, abs) && hasPageExtension(abs)) throw new UsageError(`--output ${file} is inside the input ${given} and would be read as a page next time; write it elsewhere`);
  }
}

export interface ReportRequest { format: Format; output?: string }

/** --format/--output pairs (one --output per --format, in order), else the config's reports, else text on stdout. */
export function reportRequests(formats: string[] | undefined, outputs: string[] | undefined, config: Config): ReportRequest[] {
  if (!formats?.length && !outputs?.length && config.reports?.length) {
    const list = config.reports.map((r) => ({ format: r.format, ...(r.output !== undefined ? { output: r.output } : {}) }));
    if (list.filter((r) => r.output === undefined).length > 1) throw new UsageError('config "reports": only one report can go to standard output; give the others an "output" file');
    return list;
  }
  const fmts = formats?.length ? formats : ['text'];
  for (const f of fmts) if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format takes ${FORMATS.join(', ')} (got ${JSON.stringify(f)})`);
  const outs = outputs ?? [];
  if (outs.some((o) => o.trim() === '')) throw new UsageError('--output "" names no file (leave --output out to write to standard output)');
  if (outs.length > fmts.length) throw new UsageError('more --output than --format: give one --format per --output, in the same order');
  if (fmts.length - outs.length > 1) throw new UsageError('only one format can go to standard output: give an --output file for the others');
  return fmts.map((f, i) => ({ format: f as Format, ...(outs[i] !== undefined ? { output: outs[i] } : {}) }));
}

/** Write each report to its file (atomically) or to standard output. */
export function emitReports(reqs: ReportRequest[], r: CheckResult, o: { color?: boolean; pathPrefix?: string; oldPathPrefix?: string; all?: boolean; area?: string[]; groupBy?: 'area' }): void {
  // An area no finding has: said (a typo printed "0 findings" and passed), with the nearest one; the run goes on.
  const known = Object.keys(r.data.summary.byArea).filter((x) => x !== '(none)').sort();
  for (const a of o.area ?? []) {
    if (known.includes(a)) continue;
    const near = closest(a, known);
    process.stderr.write(`docmodel: --area ${a}: no finding has this area${near ? ` (did you mean ${near}?)` : ''}; areas with findings: ${known.slice(0, 12).join(', ') || 'none'}${known.length > 12 ? ', …' : ''}\n`);
  }
  for (const q of reqs) {
    const text = r.report(q.format, {
      color: !q.output && useColor(o.color),
      reportDir: q.output ? dirname(resolve(q.output)) : '.',
      // GitHub annotations name files from the repository root (the working directory of a workflow).
      pathPrefix: o.pathPrefix ?? (q.format === 'github' ? defaultPrefix(r.analysis.docsRoot) : undefined),
      // Drift's old snapshot is its own root: its paths are shown from the working directory too (never the new root's prefix).
      oldPathPrefix: o.oldPathPrefix ?? (r.oldDocsRoot !== undefined && q.format === 'github' ? defaultPrefix(r.oldDocsRoot) : undefined),
      all: o.all, areas: o.area, groupBy: o.groupBy,
    });
    if (q.output) writeNamedFile(resolve(q.output), text);
    else process.stdout.write(text);
  }
}

/** The docs root as seen from the working directory, when inside it ('' otherwise: never an absolute path). */
export function defaultPrefix(docsRoot: string): string {
  const shown = messagePath(docsRoot);
  return shown.startsWith('/') || /^[A-Za-z]:/.test(shown) ? '' : shown === '' ? '' : shown;
}

/**
 * Progress on stderr while on a terminal: phase and pages done / total, redrawn in place at
 * most every 100 ms, erased at the end. Off when stderr is not a terminal or with --quiet.
 */
export class Progress {
  private last = 0;
  private shown = false;
  constructor(private readonly on: boolean, private readonly label: string) {}
  static for(quiet: boolean | undefined, label: string): Progress {
    return new Progress(!quiet && !!process.stderr.isTTY && !process.env.DOCMODEL_NO_PROGRESS, label);
  }
  pages = (done: number, total: number): void => {
    if (!this.on) return;
    const now = Date.now();
    if (done < total && now - this.last < 100) return;
    this.last = now;
    this.draw(done < total ? `reading pages ${done}/${total}` : `${total} pages read; merging the model and running the rules`);
  };
  phase(text: string): void {
    if (this.on) this.draw(text);
  }
  private draw(text: string): void {
    this.shown = true;
    process.stderr.write(`\r\x1b[2K${this.label}: ${text}`);
  }
  end(): void {
    if (this.on && this.shown) process.stderr.write('\r\x1b[2K');
    this.shown = false;
  }
}

