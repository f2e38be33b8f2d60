/** `docmodel build`: pages → IR, merged model, TypeScript models and reports in an output directory. */
import { join, resolve } from 'node:path';
import { build, buildSummary, type BuildOptions, type BuildResult, type CheckResult, type UpToDate } from '../../index.js';
import { Timings } from '../../pipeline/pipeline.js';
import { computeStats, formatStats } from '../../pipeline/stats.js';
import { isInside, messagePath } from '../../sources/graph-markdown/ingest/walk.js';
import { addCommon, addPolicy, addWholeTree, checkOutDir, exitFor, Progress, resolveCommon, type CommonOpts } from '../shared.js';
import type { CommandModule } from './types.js';
import { CACHE_FILE, PageCache } from '../../pipeline/cache.js';
import { WarmPageWorker } from '../../pipeline/warm-worker.js';
import { FindingTracker, formatChanges, printFirstLook, untilInterrupted, watchLoop, type WatchLoop } from '../watch.js';

interface BuildFlags extends CommonOpts {
  out?: string; failOn?: string; suppressions?: string; baseline?: string; updateBaseline?: string;
  stats?: boolean; cache: boolean; watch?: boolean; wholeTree?: boolean;
}

export interface BuildRun { opts: BuildOptions; quiet: boolean; stats: boolean; failLevel: ReturnType<typeof resolveCommon>['failOn'] }

/** One build; the summary (and `--stats`) on stdout. `extra`: what a watch run adds (its cache, the findings hook). */
async function runOnce(r: BuildRun, extra: Partial<BuildOptions> = {}, write: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const started = Date.now();
  const timings = new Timings();
  const progress = Progress.for(r.quiet, 'docmodel build');
  const shown = `${messagePath(resolve(r.opts.out))}/`;
  let res: BuildResult | UpToDate;
  try {
    // reuseUnchanged is true unless a watch run turns it off, or --stats needs the pages (an up-to-date output printed
    // no coverage); either result is handled below.
    res = await build({ ...r.opts, ...extra, reuseUnchanged: (extra.reuseUnchanged ?? !r.stats) as true, timings, onProgress: progress.pages });
  } finally {
    progress.end();
  }
  const secs = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (process.env.DOCMODEL_TIMING) process.stderr.write(`timing: ${timings}\n`);
  if ('upToDate' in res) {
    const why = res.reread.length
      ? `${res.reread.length} page(s) changed (${res.reread.slice(0, 3).join(', ')}${res.reread.length > 3 ? ', …' : ''}) but none of their facts did`
      : 'no page changed since the last build';
    if (!r.quiet) write(`docmodel: ${why}; ${shown} is up to date (${secs()})\n  last build: ${res.lastRun.summary}\n`);
    return exitFor(r.failLevel, res.lastRun.findings);
  }
  if (!r.quiet) {
    write(`docmodel: ${buildSummary(res, res.modelDiagnostics)}; ${res.stats.written} files written, ${res.stats.unchanged} unchanged, ${res.stats.removed} removed → ${shown} (${secs()})\n`);
    if (res.baselineUpdate) write(`  baseline ${res.baselineUpdate.file}: ${res.baselineUpdate.total} findings (${res.baselineUpdate.added} added, ${res.baselineUpdate.pruned} pruned)\n`);
  }
  if (r.stats) write(formatStats(computeStats(res.analysis.pages)));
  return exitFor(r.failLevel, res.failCounts);
}

/**
 * `build --watch`: a first build (from the cache, never cut short, so that its findings are
 * known), then a rebuild on every change under the inputs. Each rebuild prints the findings
 * added and resolved since the previous one as soon as the rules have run — before the outputs
 * are written — then the summary line. One page cache stays in memory across rebuilds.
 */
export async function watchBuild(r: BuildRun, inputs: string[], write: (s: string) => void = (s) => process.stdout.write(s)): Promise<WatchLoop> {
  const outAbs = resolve(r.opts.out);
  const pageCache = new PageCache(r.opts.cache === false ? undefined : join(outAbs, '.cache', CACHE_FILE), { memory: true });
  const tracker = new FindingTracker();
  let last: CheckResult | undefined;
  const extra: Partial<BuildOptions> = {
    pageCache, reuseUnchanged: false,
    onFindings: (res) => { last = res; const c = tracker.next(res); if (c) write(formatChanges(c)); },
  };
  // A page worker kept warm for the first look at each save (starting one costs more than a page).
  const warm = new WarmPageWorker();
  warm.warmUp();
  await runOnce(r, extra, write);
  // After the first build, a save that changes no page's facts leaves the last build (and its findings) standing.
  extra.reuseUnchanged = true;
  const loop = await watchLoop({
    paths: inputs,
    ignored: (abs) => isInside(outAbs, abs), // not a prefix test: output gen must not hide input gen-docs
    firstLook: async (changed) => { if (last) await printFirstLook(last, changed, r.opts, write, warm); },
    run: async () => { await runOnce({ ...r, opts: { ...r.opts, requirePages: false } }, extra, write); },
    onError: (e) => process.stderr.write(`docmodel: build failed: ${e instanceof Error ? e.message : String(e)}\n`),
  });
  write(`docmodel: watching ${inputs.join(', ')} (Ctrl-C to stop)\n`);
  return loop;
}

export const buildCommand: CommandModule = {
  register(program, ctx) {
    const cmd = program.command('build')
      .description('read pages and write the IR, the merged model, TypeScript models and reconciliation reports')
      .argument('[paths...]', 'files (.md, .markdown, .txt) or directories to read (default: config "inputs", else input/)')
      .option('-o, --out <dir>', 'output directory (default: config "out", else generated/)')
      .option('--stats', 'print coverage (see `docmodel stats`) after the summary')
      .option('--no-cache', 'ignore and do not write <out>/.cache (unchanged pages are otherwise not re-read)')
      .option('-w, --watch', 'rebuild on every change; print the findings added and resolved by each edit, then the summary');
    addPolicy(cmd);
    addWholeTree(cmd);
    addCommon(cmd);
    cmd.addHelpText('after', `
Exit codes: 0 done; 1 a finding reaches --fail-on; 2 usage or tool error.
Examples:
  docmodel build docs/api-reference -o out
  docmodel build --root docs/api-reference docs/api-reference/v1.0 --fail-on error`);
    cmd.action(async (paths: string[], f: BuildFlags) => {
      const c = resolveCommon(f);
      const root = f.root ?? c.config.root;
      const inputs = paths.length ? paths : (c.config.inputs ?? (root !== undefined ? [root] : ['input']));
      const out = f.out ?? c.config.out ?? 'generated';
      checkOutDir(out, inputs, root);
      const run: BuildRun = {
        opts: {
          inputs, root, out, workers: c.workers, cache: f.cache, requirePages: true,
          rules: c.config.rules, suppressions: c.suppressions, baseline: c.baseline, updateBaseline: f.updateBaseline, wholeTree: f.wholeTree,
        },
        failLevel: c.failOn, quiet: !!f.quiet, stats: !!f.stats,
      };
      ctx.setExit(f.watch ? await untilInterrupted(await watchBuild(run, inputs)) : await runOnce(run));
    });
  },
};
