/** Worker side of the page pool: one file in, one compact page IR out (never an mdast). */
import { parentPort } from 'node:worker_threads';
import { IncludeResolver } from '../sources/graph-markdown/parse/includes.js';
import { processFile } from './page.js';
import { toMessage } from './digest.js';

export interface PageTask {
  id: number; abs: string; display: string; root: string; /** Docs root display paths are relative to (default: root). */ base?: string;
  /** Read includes afresh (a long-lived worker: an include may have changed since its last page). */ freshIncludes?: boolean;
  /** Send the IR's digest along (a page cache will record it; without one it is not computed). */ digest?: boolean;
}

const resolvers = new Map<string, IncludeResolver>();

parentPort?.on('message', (t: PageTask) => {
  const key = `${t.root}\u0000${t.base ?? ''}`;
  if (t.freshIncludes) resolvers.clear();
  let r = resolvers.get(key);
  if (!r) { r = new IncludeResolver(t.root, t.base ?? t.root); resolvers.set(key, r); }
  const ir = processFile(t.abs, t.display, r);
  // As JSON text (see toMessage): a string is copied, not structured-cloned object by object.
  parentPort!.postMessage({ id: t.id, ...toMessage(ir, !!t.digest) });
});
