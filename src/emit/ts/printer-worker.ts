/** Worker side of WorkerPrinter (printer.ts): loads ts-morph, then prints each structure it is sent (as JSON). */
import { workerData, type MessagePort } from 'node:worker_threads';
import { tsMorph } from './ts-morph.js';
import { READY, REPLIES, type PrinterReply } from './printer.js';

const { port, flags } = workerData as { port: MessagePort; flags: Int32Array };
try {
  tsMorph();
  Atomics.store(flags, READY, 1);
} catch {
  Atomics.store(flags, READY, -1);
}
Atomics.notify(flags, READY);
port.on('message', (json: string) => {
  let reply: PrinterReply = {};
  try {
    reply = { text: tsMorph().printStructure(JSON.parse(json)) };
  } catch { /* no text: see PrinterReply */ }
  port.postMessage(reply);
  Atomics.add(flags, REPLIES, 1);
  Atomics.notify(flags, REPLIES);
});
