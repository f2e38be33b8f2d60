/** Worker side of the page pool: one file in, one compact page IR out (never an mdast). */
import { parentPort } from 'node:worker_threads';
import { IncludeResolver } from '../sources/graph-markdown/parse/includes.js';
import { processFile } from './page.js';

export interface PageTask { id: number; abs: string; display: string; root: string }

const resolvers = new Map<string, IncludeResolver>();

parentPort?.on('message', (t: PageTask) => {
  let r = resolvers.get(t.root);
  if (!r) { r = new IncludeResolver(t.root); resolvers.set(t.root, r); }
  const ir = processFile(t.abs, t.display, r);
  parentPort!.postMessage({ id: t.id, ir });
});
