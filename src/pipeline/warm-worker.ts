/**
 * One page worker kept alive between runs (the watch's first look): starting a worker and loading
 * the parser costs more than processing a page, so it is started once, ahead of the first save.
 * The same limits as the pool's (see pool.ts): a page over the time limit has the worker
 * terminated and becomes `page-timeout`; a crash or out-of-memory becomes a diagnostic on that
 * page; either way a fresh worker takes over. The worker never keeps the process alive.
 */
import { Worker } from 'node:worker_threads';
import type { PageIR } from '../sources/graph-markdown/ir/schema.js';
import type { PageTask } from './worker.js';
import { fromMessage, type IrMessage } from './digest.js';
import { errorText } from '../sources/graph-markdown/ingest/read.js';
import { DEFAULT_PAGE_MEMORY_MB, DEFAULT_PAGE_TIMEOUT_MS, failedPage, startWorker } from './pool.js';

export class WarmPageWorker {
  private worker: Worker | undefined;
  private next = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly opts: { timeoutMs?: number; memoryMb?: number } = {}) {}

  /** Start the worker now (ahead of the first page). */
  warmUp(): void {
    this.ensure();
  }

  /** One page after another (a run's pages are processed in order). */
  process(task: Omit<PageTask, 'id' | 'freshIncludes'>): Promise<PageIR> {
    const run = this.queue.then(() => this.one(task));
    this.queue = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }

  private ensure(): Worker {
    if (!this.worker) {
      this.worker = startWorker(this.opts.memoryMb);
      this.worker.unref();
    }
    return this.worker;
  }

  private one(task: Omit<PageTask, 'id' | 'freshIncludes'>): Promise<PageIR> {
    const w = this.ensure();
    const id = this.next++;
    const timeoutMs = this.opts.timeoutMs ?? DEFAULT_PAGE_TIMEOUT_MS;
    return new Promise((done) => {
      const finish = (ir: PageIR, broken: boolean) => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        if (broken) { void w.terminate(); if (this.worker === w) this.worker = undefined; }
        done(ir);
      };
      const onMessage = (m: IrMessage & { id: number }) => { if (m.id === id) finish(fromMessage(m), false); };
      const onError = (e: Error) => finish((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? failedPage(task.display, 'page-memory-exceeded', `Processing this page needed more than ${this.opts.memoryMb ?? DEFAULT_PAGE_MEMORY_MB} MB; it was stopped`)
        : failedPage(task.display, 'page-worker-crashed', `Processing this page crashed its worker: ${errorText(e)}`), true);
      const timer = setTimeout(() => finish(failedPage(task.display, 'page-timeout', `Processing this page took longer than ${timeoutMs / 1000} s; it was stopped`), true), timeoutMs);
      w.on('message', onMessage);
      w.on('error', onError);
      w.postMessage({ ...task, id, freshIncludes: true } satisfies PageTask);
    });
  }
}
