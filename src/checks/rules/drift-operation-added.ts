import { opPage } from '../fixture-pages.js';
import type { DriftRule } from '../types.js';
import { change, longerFormIn, operationsByKey, pageRewrites, sideOf } from '../drift-helpers.js';

export const rule: DriftRule = {
  id: 'drift-operation-added',
  input: 'drift',
  severity: 'info',
  confidence: 'high',
  contexts: ['drift'],
  summary: 'An operation is documented in the new snapshot and not in the old one',
  description: 'A new operation (version + method + normalized path) appeared. Not breaking. The new form of an operation its page rewrote (a corrected method, path or key syntax: POST …/HeaderRowRange → GET …/headerRowRange) is not an addition: drift-operation-removed reports that change once.',
  example: { before: 'old: (no page documents POST /widgets)', after: 'new: POST /widgets (v1.0/api/widget-post.md)' },
  fixture: {
    before: { 'old/v1.0/api/other.md': opPage('Get gadget', 'GET', '/gadgets/{id}'), 'new/v1.0/api/widget-get.md': opPage('Get widget', 'GET', '/widgets/{id}') },
    after: { 'old/v1.0/api/widget-get.md': opPage('Get widget', 'GET', '/widgets/{id}'), 'new/v1.0/api/widget-get.md': opPage('Get widget', 'GET', '/widgets/{id}') },
  },
  check({ old, new: nu }) {
    const a = operationsByKey(old);
    // Paths the old snapshot documents in another form, and the new form of an operation its page rewrote (a corrected
    // method, path or key syntax), are reported by drift-operation-removed, once.
    const rewritten = new Set(pageRewrites(old, nu).values());
    return [...operationsByKey(nu).entries()].filter(([k]) => !a.has(k) && !longerFormIn(k, a) && !rewritten.has(k)).map(([k, v]) =>
      change(this, false, v.version, k.slice(k.indexOf(' ') + 1), 'operation', `${k} was added`, [sideOf(v.doc, v.operation.src, 'documented')]));
  },
};
