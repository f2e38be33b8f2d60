/**
 * npm run bench -- [tree]
 *
 * Times, in one run on one machine: the baseline — bare unified + remark-parse + remark-gfm
 * parse() of the same pages, single-threaded — then a cold full build (IR, model, TypeScript,
 * reports), a warm rebuild with nothing changed, a rebuild after one page changed, and the
 * watch latency (`build --watch`: from a save to the printed findings, see watch-latency.ts);
 * the one-page rebuild is timed twice: after a comment (no fact changes) and after a title edit;
 * prints wall times, ratios to the baseline, pages/s, peak RSS and the phases of each. Default tree: the 2021-07 corpus
 * (skips with a message when ../shared/corpus is absent). The tree is copied to a temp folder
 * first; it is never modified.
 */
import { cpSync, mkdtempSync, readFileSync, appendFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { collectInputs } from '../src/sources/graph-markdown/ingest/walk.js';
import { isIncludeFragment } from '../src/pipeline/pipeline.js';
import { CORPUS_SKIP, REPO, corpusTree } from './corpus.js';
import { measureWatch, peakKb } from './watch-latency.js';

const CLI = join(REPO, 'dist/src/cli/main.js');

function timeBuild(tree: string, out: string, extra: string[] = []): { s: number; rssMb: number; line: string; phases: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'build', tree, '--out', out, ...extra], { encoding: 'utf8', env: { ...process.env, DOCMODEL_MAXRSS: '1', DOCMODEL_TIMING: '1' }, maxBuffer: 64 << 20 });
  const s = (performance.now() - t) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`build failed (${r.status}): ${r.stderr}`);
  return { s, rssMb: peakKb(r.stderr) / 1024, line: r.stdout.trim().split('\n')[0] ?? '', phases: /timing: (.*)/.exec(r.stderr)?.[1] ?? '' };
}

async function main(): Promise<void> {
  const given = process.argv[2];
  const source = given ?? corpusTree('2021-07');
  if (!source) { console.log(`bench: skipped — ${CORPUS_SKIP}`); return; }
  const work = mkdtempSync(join(tmpdir(), 'docmodel-bench-'));
  const tree = join(work, 'tree');
  cpSync(source, tree, { recursive: true });
  const files = collectInputs([tree]).files.filter((f) => !isIncludeFragment(f));
  const bytes = files.reduce((n, f) => n + readFileSync(f.abs).length, 0);
  console.log(`bench: ${files.length} pages (${(bytes / 1048576).toFixed(1)} MiB) from ${given ?? 'the 2021-07 corpus'}`);

  const processor = unified().use(remarkParse).use(remarkGfm);
  const t = performance.now();
  for (const f of files) processor.parse(readFileSync(f.abs, 'utf8'));
  const base = (performance.now() - t) / 1000;

  const out = join(work, 'out');
  const cold = timeBuild(tree, out);
  const warm = timeBuild(tree, out);
  const victim = files.find((f) => /\/api\//.test(f.abs)) ?? files[0]!;
  const original = readFileSync(victim.abs, 'utf8');
  // Two edits of one page: a comment (the page's IR comes out the same: the last build stands),
  // then its title (a fact: model, findings and outputs are derived again).
  appendFileSync(victim.abs, '\n<!-- changed by the benchmark -->\n');
  const one = timeBuild(tree, out);
  writeFileSync(victim.abs, /^# .+$/m.test(original) ? original.replace(/^# (.+)$/m, '# $1 (edited by the benchmark)') : `# Edited by the benchmark\n\n${original}`);
  const fact = timeBuild(tree, out, ['--quiet']);
  writeFileSync(victim.abs, original);
  const watch = await measureWatch(tree, out, victim.abs);

  const row = (name: string, s: number, rss?: number) =>
    `${name.padEnd(34)} ${s.toFixed(2).padStart(8)} s ${(s / base).toFixed(3).padStart(8)}× ${(files.length / s).toFixed(0).padStart(8)} pages/s${rss ? `  peak RSS ${rss.toFixed(0)} MB` : ''}`;
  console.log(['', `${'phase'.padEnd(34)} ${'wall'.padStart(10)} ${'ratio'.padStart(9)} ${'throughput'.padStart(16)}`,
    row('baseline (bare remark parse, 1 thread)', base),
    row('cold full build', cold.s, cold.rssMb),
    row('warm rebuild, nothing changed', warm.s, warm.rssMb),
    row('rebuild, one page: a comment added', one.s, one.rssMb),
    row('rebuild, one page: its title changed', fact.s, fact.rssMb),
    ...watch.saves.map((w, i) => row(`watch: save ${i + 1} → first look printed`, w.firstLookS, i === 0 ? watch.peakRssMb : undefined)),
    ...watch.saves.map((w, i) => row(`watch: save ${i + 1} → rebuild's findings printed`, w.findingsS)),
    ...watch.saves.map((w, i) => row(`watch: save ${i + 1} → outputs written`, w.summaryS)),
    '', `cold build said: ${cold.line}`, `cold build phases: ${cold.phases}`, `one-page rebuild phases (comment): ${one.phases}`, `one-page rebuild phases (title): ${fact.phases}`, `one-page rebuild said (comment): ${one.line}`, `warm build said: ${warm.line}`,
    `watch: first build (from the cache) ${watch.startS.toFixed(1)} s; peak RSS over the whole watch ${watch.peakRssMb.toFixed(0)} MB`,
    ...watch.saves.map((w, i) => `watch save ${i + 1}: ${w.firstLook}\n  ${w.header}\n  phases: ${w.phases}`),
    `targets (issue 15): cold ≤ 0.7×, one page ≤ 1.5 s, watch findings ≤ 1 s after the save, peak RSS ≤ 1229 MB`].join('\n'));
  rmSync(work, { recursive: true, force: true });
}

await main();
