/** `docmodel drift <old-tree> <new-tree>`: what changed between two snapshots, each change breaking or not. */
import { drift } from '../../index.js';
import { addCommon, addPolicy, checkCacheDir, checkOutputFile, emitReports, exitFor, Progress, reportRequests, resolveCommon, type CommonOpts } from '../shared.js';
import { addReportOptions } from './report-options.js';
import type { CommandModule } from './types.js';

interface DriftFlags extends CommonOpts {
  format?: string[]; output?: string[]; pathPrefix?: string; oldPathPrefix?: string; all?: boolean; area?: string[]; groupBy?: 'area';
  failOn?: string; suppressions?: string; baseline?: string; updateBaseline?: string; cache?: string;
}

export const driftCommand: CommandModule = {
  register(program, ctx) {
    const cmd = program.command('drift')
      .description('compare two snapshots of a docs tree: operations, types, properties, permissions, statuses, enum members added, removed or changed (breaking: error in v1.0, warning in beta)')
      .argument('<old-tree>', 'the earlier snapshot (its own docs root)')
      .argument('<new-tree>', 'the later snapshot')
      .option('--cache <dir>', 'page cache directory (one cache per tree under it)');
    addReportOptions(cmd);
    cmd.option('--old-path-prefix <dir>', 'prepend to the old snapshot\'s paths in github and junit reports, as --path-prefix to the new one\'s (github default: the old tree relative to the working directory; SARIF places them under uriBaseId OLD_SNAPSHOT)');
    addPolicy(cmd);
    addCommon(cmd, { root: false });
    cmd.addHelpText('after', `
Exit codes: 0 done; 1 a change reaches --fail-on; 2 usage or tool error.
Example:
  docmodel drift old/api-reference new/api-reference -f markdown -o drift.md --fail-on error`);
    cmd.action(async (oldTree: string, newTree: string, f: DriftFlags) => {
      const c = resolveCommon(f);
      const reqs = reportRequests(f.format, f.output, c.config);
      for (const q of reqs) if (q.output) checkOutputFile(q.output, [oldTree, newTree]);
      checkCacheDir(f.cache ?? c.config.cache);
      const started = Date.now();
      const progress = Progress.for(f.quiet, 'docmodel drift');
      let r;
      try {
        r = await drift(oldTree, newTree, {
          workers: c.workers, cacheDir: f.cache ?? c.config.cache, requirePages: true, rules: c.config.rules,
          suppressions: c.suppressions, baseline: c.baseline, updateBaseline: f.updateBaseline, onProgress: progress.pages,
        });
      } finally {
        progress.end();
      }
      emitReports(reqs, r, { color: f.color, pathPrefix: f.pathPrefix, oldPathPrefix: f.oldPathPrefix, all: f.all, area: f.area, groupBy: f.groupBy });
      const breaking = r.findings.filter((x) => x.breaking).length;
      const hidden = [r.suppressed.length ? `${r.suppressed.length} suppressed` : '', r.baselineHidden ? `${r.baselineHidden} in the baseline` : '', r.rulesOff ? `${r.rulesOff} of rules turned off` : ''].filter(Boolean);
      if (!f.quiet) {
        process.stderr.write(`docmodel drift: ${r.old.pages.length} → ${r.analysis.pages.length} pages; ${r.findings.length} changes (${breaking} breaking): ${r.counts.error} error, ${r.counts.warning} warning, ${r.counts.info} info${hidden.length ? ` (not shown: ${hidden.join(', ')})` : ''}${r.baselineUpdate ? `; baseline ${r.baselineUpdate.file} written: ${r.baselineUpdate.total} changes` : ''} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
      }
      ctx.setExit(exitFor(c.failOn, r.failCounts));
    });
  },
};
