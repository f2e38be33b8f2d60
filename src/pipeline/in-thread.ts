/**
 * Pages processed in this thread — `analyze` (small inputs, tests) and `workers: 0` — without the
 * worker pool's time and memory limits. Its own module: only here does the build's main thread
 * load the markdown parser.
 */
import type { PageIR } from '../sources/graph-markdown/ir/schema.js';
import { IncludeResolver } from '../sources/graph-markdown/parse/includes.js';
import { processFile } from './page.js';
import { finishAnalysis, listPages, type AnalyzeResult, type Listed } from './pipeline.js';

/** Analyze in this thread (small inputs, tests). */
export function analyze(inputs: string[], exclude: string[] = [], root?: string): AnalyzeResult {
  const l = listPages(inputs, exclude, root);
  return finishAnalysis(l, processInThread(l.tasks));
}

/** Pages processed in this thread, one include resolver per root. */
export function processInThread(tasks: Listed['tasks'], onProgress?: (done: number, total: number) => void): PageIR[] {
  const resolvers = new Map<string, IncludeResolver>();
  return tasks.map((t, i) => {
    const key = `${t.root}\u0000${t.base}`;
    let r = resolvers.get(key);
    if (!r) { r = new IncludeResolver(t.root, t.base); resolvers.set(key, r); }
    const ir = processFile(t.abs, t.display, r);
    onProgress?.(i + 1, tasks.length);
    return ir;
  });
}

