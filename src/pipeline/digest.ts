/**
 * The digest of a page IR's content. Its own module: the page cache needs it on every run, and
 * must not load the markdown parser to get it.
 */
import { createHash } from 'node:crypto';
import type { PageIR } from '../sources/graph-markdown/ir/schema.js';

const digests = new WeakMap<PageIR, string>();

/**
 * The digest of an IR's content: the SHA-1 of its JSON. Not of its v8 bytes, which also record
 * how the objects were built (a string or object shared through the include cache is written once
 * and referred to after), so the same page gave other bytes in a worker that had read other pages
 * first. Computed where the page was processed (a worker sends it along, see rememberDigest).
 */
export function irDigest(ir: PageIR): string {
  let d = digests.get(ir);
  if (d === undefined) { d = createHash('sha1').update(JSON.stringify(ir)).digest('hex'); digests.set(ir, d); }
  return d;
}

/** An IR received from a worker, with the digest the worker computed of it. */
export function rememberDigest(ir: PageIR, digest: unknown): PageIR {
  if (typeof digest === 'string') digests.set(ir, digest);
  return ir;
}
