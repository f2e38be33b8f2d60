/**
 * Pages processed in parallel by worker threads (one per core by default). Results are placed
 * by input index, so output does not depend on the worker count or on timing. A page that runs
 * longer than the time limit has its worker terminated (the only way to stop synchronous code)
 * and becomes a `page-timeout` diagnostic; a worker that dies does the same to its page; a
 * fresh worker takes over and the run goes on.
 */
import type { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { startWorkerThread } from '../util/worker-thread.js';
import type { PageIR } from '../sources/graph-markdown/ir/schema.js';
import { emptyPageIR } from '../sources/graph-markdown/ir/empty.js';
import { errorText } from '../sources/graph-markdown/ingest/read.js';
import type { PageTask } from './worker.js';
import { fromMessage, plainIr, type IrMessage } from './digest.js';

export interface PoolOptions {
  workers?: number;
  /** Per-page time limit in milliseconds. */
  timeoutMs?: number;
  /** Heap limit of each worker in MB (a page over it becomes `page-memory-exceeded`). */
  memoryMb?: number;
  onProgress?: (done: number, total: number) => void;
  /** A worker started ahead of the pool (see Prestarted): the pool's first. */
  prestarted?: Prestarted;
}

export const DEFAULT_PAGE_TIMEOUT_MS = 30_000;
export const DEFAULT_PAGE_MEMORY_MB = 1536;

export const WORKER_URL = new URL('./worker.js', import.meta.url);

export function failedPage(display: string, rule: string, message: string): PageIR {
  const ir = emptyPageIR(display, 'unreadable');
  ir.diagnostics.push({ rule, severity: 'error', message, src: { file: display, line: 1, column: 1 } });
  return plainIr(ir); // plain JSON data, as every IR a worker sends
}

/**
 * The young generation of a page worker (MB; V8's default for a worker is 48). Parsing a page
 * allocates its tokens and tree and drops them all once the IR is out: with twice the default,
 * fewer of them live long enough to be copied and promoted. Measured (`farm-bench -n 3`, cold
 * `check` of the 2021 v1.0 tree, two workers): median wall 21.3 s against 22.4 s (A/B 0.95),
 * CPU 0.96, peak RSS +64 MB; 192 gave the same time for +190 MB.
 */
export const PAGE_YOUNG_GENERATION_MB = 96;

/** A page worker under the page memory limit. */
export function startWorker(memoryMb: number | undefined): Worker {
  return startWorkerThread(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: memoryMb ?? DEFAULT_PAGE_MEMORY_MB, maxYoungGenerationSizeMb: PAGE_YOUNG_GENERATION_MB } });
}

/**
 * A page worker started ahead of need — while the pages are still being listed and their stamps
 * checked — so that loading the parser in it (about half a second) overlaps that work. The pool
 * takes it as its first worker; one never taken is stopped by `close`.
 */
export class Prestarted {
  private worker: Worker | undefined;
  private failed = false;

  constructor(private readonly memoryMb?: number) {
    this.worker = startWorker(memoryMb);
    this.worker.on('error', () => { this.failed = true; });
    this.worker.unref();
  }

  /** The worker, if it is still sound and was started with these limits. */
  take(memoryMb: number | undefined): Worker | undefined {
    const w = this.worker;
    this.worker = undefined;
    if (!w) return undefined;
    if (this.failed || memoryMb !== this.memoryMb) { void w.terminate(); return undefined; }
    w.removeAllListeners('error');
    w.ref();
    return w;
  }

  close(): void {
    const w = this.worker;
    this.worker = undefined;
    if (w) void w.terminate();
  }
}

export function processInPool(tasks: Omit<PageTask, 'id'>[], opts: PoolOptions = {}): Promise<PageIR[]> {
  const n = Math.max(1, Math.min(opts.workers ?? availableParallelism(), tasks.length || 1));
  const timeoutMs = opts.timeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
  const results: PageIR[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  return new Promise((resolvePool, rejectPool) => {
    if (tasks.length === 0) { resolvePool([]); return; }
    const slots: { worker: Worker; task?: PageTask; timer?: NodeJS.Timeout }[] = [];
    const finishTask = (slot: (typeof slots)[number], ir: PageIR, feedNext = true) => {
      if (!slot.task) return;
      clearTimeout(slot.timer);
      results[slot.task.id] = ir;
      slot.task = undefined;
      done++;
      opts.onProgress?.(done, tasks.length);
      if (done === tasks.length) {
        for (const s of slots) void s.worker.terminate();
        resolvePool(results);
        return;
      }
      if (feedNext) feed(slot);
    };
    const spawn = (slot: (typeof slots)[number] | undefined): (typeof slots)[number] => {
      const worker = (!slot && opts.prestarted?.take(opts.memoryMb)) || startWorker(opts.memoryMb);
      const s = slot ?? { worker };
      s.worker = worker;
      worker.on('message', (m: IrMessage & { id: number }) => { if (s.task && m.id === s.task.id) finishTask(s, fromMessage(m)); });
      worker.on('error', (e) => {
        const t = s.task;
        const oom = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
        if (t) finishTask(s, oom
          ? failedPage(t.display, 'page-memory-exceeded', `Processing this page needed more than ${opts.memoryMb ?? DEFAULT_PAGE_MEMORY_MB} MB; it was stopped`)
          : failedPage(t.display, 'page-worker-crashed', `Processing this page crashed its worker: ${errorText(e)}`), false);
        if (done < tasks.length) respawn(s);
      });
      return s;
    };
    const respawn = (s: (typeof slots)[number]) => {
      void s.worker.terminate();
      spawn(s);
      if (!s.task && done < tasks.length) feed(s);
    };
    const feed = (s: (typeof slots)[number]) => {
      if (next >= tasks.length) return;
      const task: PageTask = { id: next, ...tasks[next]! };
      next++;
      s.task = task;
      s.timer = setTimeout(() => {
        const t = s.task;
        if (!t) return;
        finishTask(s, failedPage(t.display, 'page-timeout', `Processing this page took longer than ${timeoutMs / 1000} s; it was stopped`), false);
        if (done < tasks.length) respawn(s);
      }, timeoutMs);
      s.worker.postMessage(task);
    };
    try {
      for (let i = 0; i < n; i++) slots.push(spawn(undefined));
      for (const s of slots) feed(s);
    } catch (e) {
      rejectPool(e);
    }
  });
}
