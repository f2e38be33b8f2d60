/**
 * `docmodel check`: reconcile only and print or write reports. With `--root` and files (or
 * `--changed-from`), a partial check for a pull request: the whole tree under the root is read
 * (from `--cache` when given), findings are reported for the changed pages and those the change
 * affects.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CACHE_FILE, PageCache } from '../../pipeline/cache.js';
import { WarmPageWorker } from '../../pipeline/warm-worker.js';
import { isInside, realOrResolved } from '../../sources/graph-markdown/ingest/walk.js';
import { FindingTracker, formatChanges, printFirstLook, watchLoop, untilInterrupted } from '../watch.js';
import { check, type CheckResult } from '../../index.js';
import { readChangedList } from '../../pipeline/partial.js';
import { MetadataError } from '../../pipeline/metadata.js';
import { ConfigError } from '../../config/load.js';
import { addCommon, addPolicy, addWholeTree, checkCacheDir, checkOutputFile, emitReports, exitFor, Progress, reportRequests, resolveCommon, UsageError, type CommonOpts } from '../shared.js';
import { addReportOptions, summaryLine } from './report-options.js';
import type { CommandModule } from './types.js';

function isDirectory(p: string): boolean {
  try { return statSync(p).isDirectory(); } catch { return false; }
}

interface CheckFlags extends CommonOpts {
  format?: string[]; output?: string[]; pathPrefix?: string; all?: boolean; area?: string[]; groupBy?: 'area';
  failOn?: string; suppressions?: string; baseline?: string; updateBaseline?: string;
  changedFrom?: string; cache?: string; watch?: boolean; metadata?: string; scopes?: string[]; wholeTree?: boolean;
}

export const checkCommand: CommandModule = {
  register(program, ctx) {
    const cmd = program.command('check')
      .description('reconcile only (nothing written but the reports asked for): findings as text, markdown, json, sarif, html, github or junit')
      .argument('[paths...]', 'files or directories to read; with --root, the changed files to report on (default: config "inputs", else input/)')
      .option('--changed-from <file>', 'partial check: a list of changed files, one per line (e.g. git diff --name-only); needs --root')
      .option('--cache <dir>', 'page cache directory: unchanged pages are not re-read next time (config "cache")')
      .option('--metadata <csdl>', 'also compare with the service metadata: a CSDL file (version from its name; replaces config "metadata")')
      .option('--scopes <file>', 'with --metadata: a permission-scope catalogue (XML); repeat for several', (v: string, prev: string[] = []) => [...prev, v])
      .option('-w, --watch', 'check again on every change; print the findings added and resolved by each edit, then the summary');
    addReportOptions(cmd);
    addPolicy(cmd);
    addWholeTree(cmd);
    addCommon(cmd);
    cmd.addHelpText('after', `
Exit codes: 0 done; 1 a finding reaches --fail-on; 2 usage or tool error.
Examples:
  docmodel check docs/api-reference -f sarif -o docmodel.sarif --fail-on error
  git diff --name-only origin/main... > changed.txt
  docmodel check --root docs/api-reference --changed-from changed.txt -f github --cache .docmodel-cache`);
    cmd.action(async (paths: string[], f: CheckFlags) => {
      const c = resolveCommon(f);
      const root = f.root ?? c.config.root;
      const reqs = reportRequests(f.format, f.output, c.config);
      let changed: string[] | undefined;
      if (f.changedFrom !== undefined) {
        if (root === undefined) throw new UsageError('--changed-from needs --root (the docs root the changed files belong to)');
        changed = [...paths, ...readChangedList(f.changedFrom)];
      } else if (root !== undefined && paths.length && paths.every((p) => !isDirectory(p))) {
        // Files (or deleted files) under a docs root: a partial check. Directories are inputs as usual.
        changed = paths;
      }
      // A page named on the command line must be under the root: outside it nothing would be checked, and it was only
      // counted in the summary, exit 0. (A --changed-from list names any file the change touched: those are skipped, and said.)
      if (changed && root !== undefined) {
        const rootAbs = realOrResolved(root);
        for (const p of paths) if (!isInside(rootAbs, realOrResolved(p))) throw new UsageError(`${p} is not inside the docs root ${root}: nothing of it would be checked`);
      }
      if (f.scopes && f.metadata === undefined) throw new UsageError('--scopes needs --metadata (the CSDL file the catalogue belongs with)');
      const metadata = f.metadata !== undefined ? [{ csdl: f.metadata, scopes: f.scopes ?? [] }] : c.config.metadata;
      const inputs = changed ? [root!] : paths.length ? paths : (c.config.inputs ?? (root !== undefined ? [root] : ['input']));
      for (const q of reqs) if (q.output) checkOutputFile(q.output, inputs);
      const watching = !!f.watch;
      if (watching && changed) throw new UsageError('--watch checks the whole of its inputs: give directories, not changed files or --changed-from');
      const cacheDir = f.cache ?? c.config.cache;
      checkCacheDir(cacheDir);
      // A watch keeps its page cache in memory between runs (and in --cache DIR when given).
      const pageCache = watching ? new PageCache(cacheDir ? join(resolve(cacheDir), CACHE_FILE) : undefined, { memory: true }) : undefined;
      const tracker = new FindingTracker();
      let last: CheckResult | undefined;
      // A page worker kept warm for the first look at each save (starting one costs more than a page).
      const warm = watching ? new WarmPageWorker() : undefined;
      warm?.warmUp();
      const once = async (first: boolean): Promise<number> => {
        const started = Date.now();
        const progress = Progress.for(f.quiet, 'docmodel check');
        let r;
        try {
          r = await check({
            inputs: changed ? undefined : inputs, root, changed, workers: c.workers, cacheDir, pageCache, requirePages: first, metadata,
            rules: c.config.rules, suppressions: c.suppressions, baseline: c.baseline, updateBaseline: f.updateBaseline, onProgress: progress.pages, wholeTree: f.wholeTree,
          });
        } catch (e) {
          // A metadata file the config names: say which config named it.
          if (e instanceof MetadataError && f.metadata === undefined && c.configFile) throw new ConfigError(`${c.configFile}: metadata: ${e.message}`);
          throw e;
        } finally {
          progress.end();
        }
        last = r;
        const diff = watching ? tracker.next(r) : undefined;
        if (diff) process.stdout.write(formatChanges(diff));
        // A watch prints the whole report once; later runs rewrite report files only.
        emitReports(first ? reqs : reqs.filter((q) => q.output), r, { color: f.color, pathPrefix: f.pathPrefix, all: f.all, area: f.area, groupBy: f.groupBy });
        if (!f.quiet) {
          // Each path the partial check did not read as a page is named (a typo reads as a deleted page: its links are checked).
          for (const x of r.partial?.changed.ignored ?? []) process.stderr.write(`docmodel check: ${x.path} skipped: ${x.why}\n`);
          for (const d of r.partial?.changed.deleted ?? []) process.stderr.write(`docmodel check: ${d} does not exist: checked as a deleted page (the pages that link to it are reported)\n`);
          const partial = r.partial ? `; partial: ${r.partial.changed.files.length} changed file(s) under the root → ${r.partial.pages.size} page(s) reported on${r.partial.changed.ignored.length ? `, ${r.partial.changed.ignored.length} path(s) ignored (outside the root or not pages)` : ''}` : '';
          process.stderr.write(`${summaryLine('docmodel check', r)}${partial} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
        }
        return exitFor(c.failOn, r.failCounts);
      };
      const code = await once(true);
      if (!watching) { ctx.setExit(code); return; }
      const cacheAbs = cacheDir ? resolve(cacheDir) : undefined;
      const loop = await watchLoop({
        paths: inputs,
        ignored: (abs) => (cacheAbs !== undefined && isInside(cacheAbs, abs)) || reqs.some((q) => q.output !== undefined && resolve(q.output) === abs),
        firstLook: async (changed) => { if (last) await printFirstLook(last, changed, { rules: c.config.rules, suppressions: c.suppressions, baseline: c.baseline }, (x) => process.stdout.write(x), warm); },
        run: async () => { await once(false); },
        onError: (e) => process.stderr.write(`docmodel: check failed: ${e instanceof Error ? e.message : String(e)}\n`),
      });
      process.stderr.write(`docmodel: watching ${inputs.join(', ')} (Ctrl-C to stop)\n`);
      ctx.setExit(await untilInterrupted(loop));
    });
  },
};
