import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running the module at `url`, with the parent's Node and V8 options, whatever
 * they are. The worker is given a line of code that imports the module (`eval`), not the module's
 * file, because neither way of giving it a file works for every parent:
 * - by default a worker inherits its parent's options, `--input-type` among them, and that one is
 *   valid only for code given as a string: with it (a library call from
 *   `node --input-type=module -e "…"`) every worker failed to start, each page came out as
 *   `page-worker-crashed`;
 * - given its options (`execArgv`), a worker refuses V8's (`--max-old-space-size`, `--trace-gc`),
 *   and `node --max-old-space-size=4096 docmodel build` failed with an internal error.
 * `import(…)` is the same code in a module (`--input-type=module`) and in CommonJS (the default).
 */
export function startWorkerThread(url: URL, options: Omit<WorkerOptions, 'eval' | 'execArgv'> = {}): Worker {
  return new Worker(`import(${JSON.stringify(url.href)});`, { ...options, eval: true });
}
