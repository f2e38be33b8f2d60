import type { DriftRule } from '../types.js';
import { change, operationsByKey, sideOf } from '../drift-helpers.js';

export const rule: DriftRule = {
  id: 'drift-operation-removed',
  input: 'drift',
  severity: 'error',
  contexts: ['drift'],
  summary: 'An operation documented in the old snapshot is documented nowhere in the new one (breaking)',
  description: 'Between two snapshots of a docs tree, an operation (version + method + normalized path) disappeared. Clients that call it break. Error in v1.0, warning in beta.',
  example: { before: 'old: GET /widgets/{id} (v1.0/api/widget-get.md)', after: 'new: (no page documents GET /widgets/{id})' },
  check({ old, new: nu }) {
    const a = operationsByKey(old);
    const b = operationsByKey(nu);
    return [...a.entries()].filter(([k]) => !b.has(k)).map(([k, v]) =>
      change(this, true, v.version, k.slice(k.indexOf(' ') + 1), 'operation', `${k} was removed`, [sideOf(v.page, v.operation.src, 'documented')]));
  },
};
