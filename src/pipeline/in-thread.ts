/**
 * Pages processed in this thread — `analyze` (small inputs, tests) and `workers: 0` — without the
 * worker pool's time and memory limits. Its own module: only here does the build's main thread
 * load the markdown parser.
 */
import type { PageIR } from '../sources/graph-markdown/ir/schema.js';
import { IncludeResolver } from '../sources/graph-markdown/parse/includes.js';
import { processFile } from './page.js';
import { plainIr } from './digest.js';
import { finishAnalysis, listPages, type AnalyzeResult, type Listed } from './pipeline.js';

/** Analyze in this thread (small inputs, tests). */
export function analyze(inputs: string[], exclude: string[] = [], root?: string, opts: { wholeTree?: boolean } = {}): AnalyzeResult {
  const l = listPages(inputs, exclude, root);
  return finishAnalysis(l, processInThread(l.tasks), undefined, undefined, opts.wholeTree);
}

/**
 * Pages processed in this thread, one include resolver per root. Each IR is passed through its JSON
 * as a worker's is (see plainIr), so that it is the same plain data whichever thread made it.
 */
export function processInThread(tasks: (Listed['tasks'][number] & { digest?: boolean })[], onProgress?: (done: number, total: number) => void): PageIR[] {
  const resolvers = new Map<string, IncludeResolver>();
  return tasks.map((t, i) => {
    const key = `${t.root}\u0000${t.base}`;
    let r = resolvers.get(key);
    if (!r) { r = new IncludeResolver(t.root, t.base); resolvers.set(key, r); }
    const ir = plainIr(processFile(t.abs, t.display, r), !!t.digest);
    onProgress?.(i + 1, tasks.length);
    return ir;
  });
}

