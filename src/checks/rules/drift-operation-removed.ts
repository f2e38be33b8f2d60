import { opPage } from '../fixture-pages.js';
import type { DriftRule } from '../types.js';
import { change, longerFormIn, operationsByKey, sideOf } from '../drift-helpers.js';

export const rule: DriftRule = {
  id: 'drift-operation-removed',
  input: 'drift',
  severity: 'error',
  contexts: ['drift'],
  summary: 'An operation documented in the old snapshot is documented nowhere in the new one (breaking)',
  description: 'Between two snapshots of a docs tree, an operation (version + method + normalized path) disappeared. Clients that call it break: error in v1.0, warning in beta. When the new snapshot documents the same path in a longer or shorter form (`/workbook/...` → `/me/drive/items/{id}/workbook/...`), it is reported as info (not breaking) instead.',
  example: { before: 'old: GET /widgets/{id} (v1.0/api/widget-get.md)', after: 'new: (no page documents GET /widgets/{id})' },
  fixture: {
    before: { 'old/v1.0/api/widget-get.md': opPage('Get widget', 'GET', '/widgets/{id}'), 'new/v1.0/api/other.md': opPage('Get gadget', 'GET', '/gadgets/{id}') },
    after: { 'old/v1.0/api/widget-get.md': opPage('Get widget', 'GET', '/widgets/{id}'), 'new/v1.0/api/widget-get.md': opPage('Get widget', 'GET', '/widgets/{id}') },
  },
  check({ old, new: nu }) {
    const a = operationsByKey(old);
    const b = operationsByKey(nu);
    return [...a.entries()].filter(([k]) => !b.has(k)).map(([k, v]) => {
      const other = longerFormIn(k, b);
      if (other) {
        const w = b.get(other)!;
        return change(this, false, v.version, k.slice(k.indexOf(' ') + 1), 'operation.path', `${k} is now documented as ${other.slice(other.indexOf(' ') + 1)} (same operation, other path form)`, [sideOf(v.doc, v.operation.src, v.operation.path), sideOf(w.doc, w.operation.src, w.operation.path)], ['rewritten']);
      }
      return change(this, true, v.version, k.slice(k.indexOf(' ') + 1), 'operation', `${k} was removed`, [sideOf(v.doc, v.operation.src, 'documented')]);
    });
  },
};
