/**
 * An IR's JSON: its digest, and how it travels. Its own module: the page cache needs it on every
 * run, and must not load the markdown parser to get it.
 *
 * A page worker sends its IR as JSON text (`toMessage`), and the receiver parses it (`fromMessage`),
 * as the page cache does with the bytes it keeps (the same UTF-8 JSON). So every IR a build holds,
 * fresh or cached, is plain JSON data (no `undefined` member), and is the same object tree whichever
 * way it came; JSON.parse also reads an IR back in about two thirds of the time `v8.deserialize`
 * (or a structured clone, which is that) takes (the 2021 tree's 11,295 IRs: 1.2–1.4 s against 1.9–2.0 s).
 */
import { sha1Hex as sha1 } from '../util/hash.js';
import type { PageIR } from '../sources/graph-markdown/ir/schema.js';

/** The JSON text of each IR received or computed here, as UTF-8 bytes, with their SHA-1 (the IR's digest). */
const jsonOf = new WeakMap<PageIR, { digest: string; bytes?: Buffer }>();

/**
 * The digest of an IR's content: the SHA-1 of its JSON. Not of its v8 bytes, which also record
 * how the objects were built (a string or object shared through the include cache is written once
 * and referred to after), so the same page gave other bytes in a worker that had read other pages
 * first. Computed where the page was processed (a worker sends it along, see toMessage).
 */
export function irDigest(ir: PageIR): string {
  let j = jsonOf.get(ir);
  if (j === undefined) { j = { digest: sha1(JSON.stringify(ir)) }; jsonOf.set(ir, j); }
  return j.digest;
}

/** The IR's JSON as UTF-8 bytes and their SHA-1, which is its digest (what the page cache keeps). */
export function irBytes(ir: PageIR): { bytes: Buffer; digest: string } {
  const j = jsonOf.get(ir);
  if (j?.bytes) return { bytes: j.bytes, digest: j.digest };
  const bytes = Buffer.from(JSON.stringify(ir), 'utf8');
  const out = { bytes, digest: sha1(bytes) };
  jsonOf.set(ir, out);
  return out;
}

/** What a page worker sends: the IR's JSON text, and its digest when a page cache will record it. */
export interface IrMessage { text: string; digest?: string }

export function toMessage(ir: PageIR, withDigest: boolean): IrMessage {
  const text = JSON.stringify(ir);
  return withDigest ? { text, digest: sha1(text) } : { text };
}

/** The IR a worker sent; with its digest, the bytes the page cache will keep are made once here. */
export function fromMessage(m: IrMessage): PageIR {
  const ir = JSON.parse(m.text) as PageIR;
  if (typeof m.digest === 'string') jsonOf.set(ir, { digest: m.digest, bytes: Buffer.from(m.text, 'utf8') });
  return ir;
}

/**
 * An IR made in this thread (processed here, or a failure recorded for a page) as plain JSON data,
 * the same as if a worker had sent it (see toMessage); with `withDigest`, its digest and bytes kept.
 */
export function plainIr(ir: PageIR, withDigest = false): PageIR {
  return fromMessage(toMessage(ir, withDigest));
}

/**
 * An IR read back from the bytes `irBytes` gave (their digest already checked by the caller). The
 * bytes are not kept with it: they may be a view of a buffer read into again (the page cache's
 * shards), and only a fresh IR is ever recorded (irBytes), which comes with its own.
 */
export function fromBytes(bytes: Uint8Array, digest: string): PageIR {
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ir = JSON.parse(b.toString('utf8')) as PageIR;
  jsonOf.set(ir, { digest });
  return ir;
}
