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
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

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

export class WorkerPrinter implements Printer {
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private readonly flags = new Int32Array(new SharedArrayBuffer(8));
  private calls = 0;
  private givenUp = false;

  /** `limit`: texts asked of the worker before the emitter prints in its own thread. */
  constructor(private readonly limit = REMOTE_LIMIT) {}

  /** Start the worker (loading ts-morph) if it is not running; it never keeps the process alive. */
  start(): void {
    if (this.worker || this.givenUp) return;
    try {
      const { port1, port2 } = new MessageChannel();
      this.worker = new Worker(PRINTER_URL, { workerData: { port: port2, flags: this.flags }, transferList: [port2] });
      this.worker.on('error', () => { Atomics.store(this.flags, READY, -1); });
      this.worker.unref();
      this.port = port1;
    } catch {
      this.givenUp = true;
    }
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

  close(): void {
    const w = this.worker;
    this.worker = undefined;
    this.port?.close();
    this.port = undefined;
    if (w) void w.terminate();
  }
}
