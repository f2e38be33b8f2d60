/**
 * A TypeScript printer in a worker thread, for a rebuild: loading ts-morph (its bundled compiler)
 * costs ~0.4–0.5 s of the main thread, more than printing the few statements a page edit changes.
 * Started once the build knows it must print (its page facts changed), the worker loads ts-morph on
 * the other core while the main thread builds the model and runs the rules; the emitter then asks
 * it for each text the print memo lacks, synchronously (the request is posted, the main thread
 * waits on a shared flag, the reply is taken off the port), so the emitter stays a plain function.
 *
 * A round trip costs far more than printing in the thread once ts-morph is there, so after
 * `REMOTE_LIMIT` texts (a cold build, a changed type used everywhere) the emitter prints in its own
 * thread again. A worker that fails to load or does not answer is given up: every text is printed
 * in the thread as before. The text is ts-morph's `printStructure` either way (same package, same
 * structure), so where it was printed never shows in the output.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { startWorkerThread } from '../../util/worker-thread.js';

/** Prints a structure (given as its JSON) elsewhere; undefined when it cannot: print it here then. */
export interface Printer {
  print(structureJson: string): string | undefined;
}

/** Slots of the shared flags: the worker's state (0 loading, 1 ready, -1 failed) and its count of replies. */
export const READY = 0;
export const REPLIES = 1;

/** Texts asked of the worker before the emitter prints in its own thread (see above). */
export const REMOTE_LIMIT = 400;
/** How long the emitter waits for the worker to load ts-morph, then for one reply (ms), before giving up on it. */
const LOAD_WAIT_MS = 20_000;
const REPLY_WAIT_MS = 20_000;

export const PRINTER_URL = new URL('./printer-worker.js', import.meta.url);

/** The worker's answer: the text, or none when ts-morph threw (the thread prints it then and throws ts-morph's own error). */
export interface PrinterReply { text?: string }

/** The printer worker and the port it answers on; its state in `flags` (READY, REPLIES). */
abstract class PrinterThread {
  protected worker: Worker | undefined;
  protected port: MessagePort | undefined;
  protected readonly flags = new Int32Array(new SharedArrayBuffer(8));

  /** Start the worker (it loads ts-morph) unless it runs; it never keeps the process alive. False when it cannot start. */
  protected spawn(onError: () => void): boolean {
    if (this.worker) return true;
    try {
      const { port1, port2 } = new MessageChannel();
      this.worker = startWorkerThread(PRINTER_URL, { workerData: { port: port2, flags: this.flags }, transferList: [port2] });
      this.worker.on('error', onError);
      this.worker.unref();
      this.port = port1;
      return true;
    } catch {
      return false;
    }
  }

  close(): void {
    const w = this.worker;
    this.worker = undefined;
    this.port?.close();
    this.port = undefined;
    if (w) void w.terminate();
  }
}

export class WorkerPrinter extends PrinterThread implements Printer {
  private calls = 0;
  private givenUp = false;

  /** `limit`: texts asked of the worker before the emitter prints in its own thread. */
  constructor(private readonly limit = REMOTE_LIMIT) {
    super();
  }

  /** Start the worker (loading ts-morph) if it is not running; it never keeps the process alive. */
  start(): void {
    if (this.givenUp) return;
    if (!this.spawn(() => { Atomics.store(this.flags, READY, -1); })) this.givenUp = true;
  }

  print(structureJson: string): string | undefined {
    if (!this.worker || !this.port || this.givenUp || this.calls >= this.limit) return undefined;
    if (Atomics.load(this.flags, READY) === 0) Atomics.wait(this.flags, READY, 0, LOAD_WAIT_MS);
    if (Atomics.load(this.flags, READY) !== 1) return this.giveUp();
    this.calls++;
    const before = Atomics.load(this.flags, REPLIES);
    this.port.postMessage(structureJson);
    Atomics.wait(this.flags, REPLIES, before, REPLY_WAIT_MS);
    const got = receiveMessageOnPort(this.port);
    if (!got) return this.giveUp();
    const reply = got.message as PrinterReply;
    return typeof reply.text === 'string' ? reply.text : undefined;
  }

  private giveUp(): undefined {
    this.givenUp = true;
    this.close();
    return undefined;
  }
}

/** A batch of structures (as JSON) to print, and the texts in their order (none where ts-morph threw). */
export interface BatchRequest { batch: string[] }
export interface BatchReply { texts: (string | undefined)[] }

/** How long a batch may take before its texts are given up on and the emitter prints them itself (ms). */
const BATCH_WAIT_MS = 300_000;

/**
 * The same worker for a cold build, asynchronously: the texts the print memo lacks (all of them
 * when it is empty) are sent as one batch once the model is built, and printed on the other core
 * while this thread runs the rules; the emitter then finds them in the memo (see TsPrefetch in
 * src/pipeline/ts-prefetch.ts). A worker that fails, exits or runs over BATCH_WAIT_MS gives no
 * texts: the emitter prints them in this thread as before.
 */
export class BatchPrinter extends PrinterThread {
  private reply: Promise<(string | undefined)[] | undefined> | undefined;
  private settle: ((texts: (string | undefined)[] | undefined) => void) | undefined;

  /** Start the worker (it loads ts-morph); it never keeps the process alive on its own. */
  start(): void {
    if (this.worker || !this.spawn(() => this.settle?.(undefined))) return;
    this.worker!.on('exit', () => this.settle?.(undefined));
    this.port!.unref();
  }

  /** Send the batch (printed while this thread goes on); `texts` gives them. */
  submit(batch: string[]): void {
    if (!this.port || this.reply) return;
    const port = this.port;
    const n = batch.length; // not the batch itself: its JSON is let go once posted
    this.reply = new Promise((resolve) => {
      const timer = setTimeout(() => this.settle?.(undefined), BATCH_WAIT_MS);
      this.settle = (texts) => { this.settle = undefined; clearTimeout(timer); port.removeAllListeners('message'); resolve(texts); };
      // The port's listener keeps the process alive while the batch is out.
      port.on('message', (m: BatchReply) => this.settle?.(Array.isArray(m?.texts) && m.texts.length === n ? m.texts : undefined));
      port.ref();
    });
    port.postMessage({ batch } satisfies BatchRequest);
  }

  /** The batch's texts (undefined when none was sent or the worker gave none); the worker is closed after. */
  async texts(): Promise<(string | undefined)[] | undefined> {
    try {
      return this.reply ? await this.reply : undefined;
    } finally {
      this.close();
    }
  }

  override close(): void {
    this.settle?.(undefined);
    super.close();
  }
}
