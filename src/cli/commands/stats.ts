/** `docmodel stats`: coverage per section kind and the most frequent diagnostics. */
import { analyzeParallel } from '../../pipeline/pipeline.js';
import { computeStats, formatStats } from '../../pipeline/stats.js';
import { addCommon, Progress, resolveCommon, type CommonOpts } from '../shared.js';
import type { CommandModule } from './types.js';

export const statsCommand: CommandModule = {
  register(program, ctx) {
    const cmd = program.command('stats')
      .description('coverage: per section kind, pages where it is present and where extraction succeeded; top diagnostics with example pages')
      .argument('[paths...]', 'files or directories to read (default: config "inputs", else input/)');
    addCommon(cmd);
    cmd.action(async (paths: string[], f: CommonOpts) => {
      const c = resolveCommon(f);
      const root = f.root ?? c.config.root;
      const inputs = paths.length ? paths : (c.config.inputs ?? (root !== undefined ? [root] : ['input']));
      const progress = Progress.for(f.quiet, 'docmodel stats');
      let a;
      try {
        a = await analyzeParallel(inputs, { workers: c.workers, root, requirePages: true, onProgress: progress.pages });
      } finally {
        progress.end();
      }
      process.stdout.write(formatStats(computeStats(a.pages)));
      ctx.setExit(0);
    });
  },
};
