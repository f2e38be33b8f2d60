/** Worker side of WorkerPrinter and BatchPrinter (printer.ts): loads ts-morph, then prints each structure it is sent (as JSON), one at a time or a batch. */
import { workerData, type MessagePort } from 'node:worker_threads';
import { tsMorph } from './ts-morph.js';
import { READY, REPLIES, type BatchReply, type BatchRequest, type PrinterReply } from './printer.js';

const { port, flags } = workerData as { port: MessagePort; flags: Int32Array };
try {
  tsMorph();
  Atomics.store(flags, READY, 1);
} catch {
  Atomics.store(flags, READY, -1);
}
Atomics.notify(flags, READY);
/** A structure's text, or none when ts-morph throws (the thread prints it then and throws ts-morph's own error). */
function print(json: string): string | undefined {
  try {
    return tsMorph().printStructure(JSON.parse(json));
  } catch {
    return undefined;
  }
}

port.on('message', (m: string | BatchRequest) => {
  // A batch (BatchPrinter): every text, in one reply the main thread awaits.
  if (typeof m === 'object') {
    port.postMessage({ texts: m.batch.map(print) } satisfies BatchReply);
    return;
  }
  const text = print(m);
  port.postMessage((text === undefined ? {} : { text }) satisfies PrinterReply);
  Atomics.add(flags, REPLIES, 1);
  Atomics.notify(flags, REPLIES);
});
