/** `docmodel build`: pages → IR, merged model, TypeScript models and reports in an output directory. */
import { resolve } from 'node:path';
import { build, buildSummary, type BuildOptions } from '../../index.js';
import { Timings } from '../../pipeline/pipeline.js';
import { computeStats, formatStats } from '../../pipeline/stats.js';
import { isInside, messagePath } from '../../sources/graph-markdown/ingest/walk.js';
import { addCommon, addPolicy, checkOutDir, exitFor, Progress, resolveCommon, type CommonOpts } from '../shared.js';
import type { CommandModule } from './types.js';

interface BuildFlags extends CommonOpts {
  out?: string; failOn?: string; suppressions?: string; baseline?: string; updateBaseline?: string;
  stats?: boolean; cache: boolean; watch?: boolean;
}

interface Run { opts: BuildOptions; quiet: boolean; stats: boolean; showChanged?: boolean; failLevel: ReturnType<typeof resolveCommon>['failOn'] }

async function runOnce(r: Run): Promise<number> {
  const started = Date.now();
  const timings = new Timings();
  const progress = Progress.for(r.quiet, 'docmodel build');
  const shown = `${messagePath(resolve(r.opts.out))}/`;
  let res;
  try {
    res = await build({ ...r.opts, reuseUnchanged: true, timings, onProgress: progress.pages });
  } finally {
    progress.end();
  }
  const secs = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  if ('upToDate' in res) {
    if (!r.quiet) process.stdout.write(`docmodel: no page changed since the last build; ${shown} is up to date (${secs()})\n  last build: ${res.lastRun.summary}\n`);
    return exitFor(r.failLevel, res.lastRun.findings);
  }
  if (process.env.DOCMODEL_TIMING) process.stderr.write(`timing: ${timings}\n`);
  if (!r.quiet) {
    process.stdout.write(`docmodel: ${buildSummary(res, res.modelDiagnostics)}; ${res.stats.written} files written, ${res.stats.unchanged} unchanged, ${res.stats.removed} removed → ${shown} (${secs()})\n`);
    if (res.baselineUpdate) process.stdout.write(`  baseline ${res.baselineUpdate.file}: ${res.baselineUpdate.total} findings (${res.baselineUpdate.added} added, ${res.baselineUpdate.pruned} pruned)\n`);
    const ch = res.analysis.changed;
    if (r.showChanged && ch) process.stdout.write(ch.length ? `  re-read ${ch.length} page(s): ${ch.slice(0, 10).join(', ')}${ch.length > 10 ? ', …' : ''}\n` : '  no page changed\n');
  }
  if (r.stats) process.stdout.write(formatStats(computeStats(res.analysis.pages)));
  return exitFor(r.failLevel, res.counts);
}

/** Rebuild on every change under the inputs (debounced), printing what was re-read. Ends on Ctrl-C. */
async function watch(r: Run, inputs: string[]): Promise<number> {
  const { watch: chokidarWatch } = await import('chokidar');
  const outAbs = resolve(r.opts.out);
  const w = chokidarWatch(inputs, { ignoreInitial: true, ignored: (p: string) => isInside(outAbs, resolve(p)) }); // not a prefix test: output gen must not hide input gen-docs
  await new Promise<void>((ready) => w.once('ready', () => ready()));
  process.stdout.write(`docmodel: watching ${inputs.join(', ')} (Ctrl-C to stop)\n`);
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const rebuild = async () => {
    if (running) { again = true; return; }
    running = true;
    try {
      await runOnce({ ...r, showChanged: true, opts: { ...r.opts, requirePages: false } });
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

export const buildCommand: CommandModule = {
  register(program, ctx) {
    const cmd = program.command('build')
      .description('read pages and write the IR, the merged model, TypeScript models and reconciliation reports')
      .argument('[paths...]', 'files (.md, .markdown, .txt) or directories to read (default: config "inputs", else input/)')
      .option('-o, --out <dir>', 'output directory (default: config "out", else generated/)')
      .option('--stats', 'print coverage (see `docmodel stats`) after the summary')
      .option('--no-cache', 'ignore and do not write <out>/.cache (unchanged pages are otherwise not re-read)')
      .option('-w, --watch', 'rebuild on every change and print the pages re-read');
    addPolicy(cmd);
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
      const run: Run = {
        opts: {
          inputs, root, out, workers: c.workers, cache: f.cache, requirePages: true,
          rules: c.config.rules, suppressions: c.suppressions, baseline: c.baseline, updateBaseline: f.updateBaseline,
        },
        failLevel: c.failOn, quiet: !!f.quiet, stats: !!f.stats,
      };
      const code = await runOnce(run);
      ctx.setExit(f.watch ? await watch(run, inputs) : code);
    });
  },
};
