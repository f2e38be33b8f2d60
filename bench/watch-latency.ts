/**
 * Watch latency: how long after a save `docmodel build --watch` prints what the edit changed.
 *
 * `measureWatch(tree, out)` starts `build --watch` on the tree (its first build reads the pages
 * from `out`'s cache when there is one), then, twice, edits one page (a broken link appended,
 * then the edit reverted) and times from the write to the first look at the page (`first look at …`),
 * to the rebuild's line `…; findings: N added, M resolved` on standard output, and on to the summary
 * line (outputs written). The page is restored
 * at the end. Used by bench.ts; on its own: `node dist/bench/watch-latency.js <tree> <out>`.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { REPO } from './corpus.js';

const CLI = join(REPO, 'dist/src/cli/main.js');

export interface WatchSave { firstLookS: number; findingsS: number; summaryS: number; firstLook: string; header: string; phases: string }
export interface WatchFigures { startS: number; saves: WatchSave[]; peakRssMb: number }

export async function measureWatch(tree: string, out: string, page: string): Promise<WatchFigures> {
  const child = spawn(process.execPath, [CLI, 'build', tree, '--out', out, '--watch'], { env: { ...process.env, DOCMODEL_TIMING: '1', DOCMODEL_MAXRSS: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += String(d); });
  child.stderr.on('data', (d) => { stderr += String(d); });
  const until = async (test: () => boolean): Promise<number> => {
    while (!test()) {
      if (child.exitCode !== null) throw new Error(`build --watch exited ${child.exitCode}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return performance.now();
  };
  const original = readFileSync(page, 'utf8');
  const t0 = performance.now();
  try {
    await until(() => /watching/.test(stdout));
    const startS = (performance.now() - t0) / 1000;
    const saves: WatchSave[] = [];
    for (const edit of [() => appendFileSync(page, '\nSee [the missing page](../resources/no-such-page-benchmark.md).\n'), () => writeFileSync(page, original)]) {
      const from = stdout.length;
      const errFrom = stderr.length;
      const t = performance.now();
      edit();
      const looked = await until(() => /first look at .*\n/.test(stdout.slice(from)));
      const found = await until(() => /; findings: \d+ added, \d+ resolved\n/.test(stdout.slice(from)));
      const done = await until(() => /\ndocmodel: \d+ pages/.test(stdout.slice(from)) && /timing: .*\n/.test(stderr.slice(errFrom)));
      saves.push({
        firstLookS: (looked - t) / 1000, findingsS: (found - t) / 1000, summaryS: (done - t) / 1000,
        firstLook: /docmodel: first look.*/.exec(stdout.slice(from))?.[0] ?? '',
        header: /docmodel: re-read.*/.exec(stdout.slice(from))?.[0] ?? '',
        phases: /timing: (.*)/.exec(stderr.slice(errFrom))?.[1] ?? '',
      });
    }
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
    return { startS, saves, peakRssMb: peakKb(stderr) / 1024 };
  } finally {
    if (child.exitCode === null) child.kill('SIGINT');
    writeFileSync(page, original);
  }
}

if (process.argv[1]?.endsWith('watch-latency.js')) {
  const [tree, out, page] = process.argv.slice(2);
  if (!tree || !out) { console.error('usage: node dist/bench/watch-latency.js <tree> <out> [page]'); process.exit(2); }
  const f = await measureWatch(tree, out, page ?? join(tree, 'v1.0/api/user-get.md'));
  console.log(`watch: first build ${f.startS.toFixed(1)} s, peak RSS ${f.peakRssMb.toFixed(0)} MB`);
  for (const s of f.saves) console.log(`save → first look printed ${s.firstLookS.toFixed(2)} s (${s.firstLook}), → rebuild's findings printed ${s.findingsS.toFixed(2)} s, → outputs written ${s.summaryS.toFixed(2)} s\n  ${s.header}\n  phases: ${s.phases}`);
}

/** The peak resident set (KB) a run printed with DOCMODEL_MAXRSS (the whole process, worker threads included); 0 if none. */
export function peakKb(stderr: string): number {
  return Number(/^maxrss-kb: (\d+)$/m.exec(stderr)?.[1] ?? 0);
}
