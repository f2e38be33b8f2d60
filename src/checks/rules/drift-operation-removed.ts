import { opPage } from '../fixture-pages.js';
import type { DriftRule } from '../types.js';
import { allVariantsByKey, change, longerFormIn, operationsByKey, sideOf } from '../drift-helpers.js';

export const rule: DriftRule = {
  id: 'drift-operation-removed',
  input: 'drift',
  severity: 'error',
  confidence: 'medium',
  contexts: ['drift'],
  summary: 'An operation documented in the old snapshot is documented nowhere in the new one (breaking)',
  description: 'Between two snapshots of a docs tree, an operation (version + method + normalized path) disappeared. Clients that call it break: error in v1.0, warning in beta. When the new snapshot documents the same path in a longer or shorter form (`/workbook/...` → `/me/drive/items/{id}/workbook/...`), or the same page now documents an operation the old snapshot did not have (a corrected method, path or key syntax: `/programs(\'{id}\')` → `/programs/{id}`), it is reported as info (not breaking) instead.',
  example: { before: 'old: GET /widgets/{id} (v1.0/api/widget-get.md)', after: 'new: (no page documents GET /widgets/{id})' },
  fixture: {
    before: { 'old/v1.0/api/widget-get.md': opPage('Get widget', 'GET', '/widgets/{id}'), 'new/v1.0/api/other.md': opPage('Get gadget', 'GET', '/gadgets/{id}') },
    after: { 'old/v1.0/api/widget-get.md': opPage('Get widget', 'GET', '/widgets/{id}'), 'new/v1.0/api/widget-get.md': opPage('Get widget', 'GET', '/widgets/{id}') },
  },
  check({ old, new: nu }) {
    const a = operationsByKey(old);
    const b = operationsByKey(nu);
    // Operations each new page documents that the old snapshot did not: a removal answered by an
    // addition on the same page is a corrected method, path or key syntax, not a removal.
    const added = new Map<string, string[]>();
    for (const [k, vs] of allVariantsByKey(nu)) {
      if (a.has(k)) continue;
      for (const v of vs) {
        const f = pageKey(v.version, v.doc.file);
        if (!added.has(f)) added.set(f, []);
        if (!added.get(f)!.includes(k)) added.get(f)!.push(k);
      }
    }
    const sameVersion = (k: string, o: string) => k.split(' ')[0] === o.split(' ')[0];
    return [...a.entries()].filter(([k]) => !b.has(k)).map(([k, v]) => {
      const onPage = (added.get(pageKey(v.version, v.doc.file)) ?? []).filter((o) => sameVersion(k, o));
      const other = longerFormIn(k, b) ?? (onPage.length ? closest(k, onPage) : undefined);
      if (other) {
        const w = b.get(other)!;
        return change(this, false, v.version, k.slice(k.indexOf(' ') + 1), 'operation.path', `${k} is now documented as ${other.slice(other.indexOf(' ') + 1)} (same operation, other ${longerFormIn(k, b) ? 'path form' : 'method, path or key syntax on the same page'})`, [sideOf(v.doc, v.operation.src, v.operation.path), sideOf(w.doc, w.operation.src, w.operation.path)], ['rewritten']);
      }
      return change(this, true, v.version, k.slice(k.indexOf(' ') + 1), 'operation', `${k} was removed`, [sideOf(v.doc, v.operation.src, 'documented')]);
    });
  },
};

/** The added key most like the removed one: same method first, then the most path segments in common. */
function closest(k: string, cands: string[]): string {
  const [, m, p] = k.split(' ');
  const segs = (x: string) => new Set(x.toLowerCase().split('/').filter((y) => y && !y.startsWith('{')));
  const mine = segs(p!);
  const score = (o: string) => {
    const [, om, op] = o.split(' ');
    return (om === m ? 1000 : 0) + [...segs(op!)].filter((x) => mine.has(x)).length;
  };
  return [...cands].sort((u, w) => score(w) - score(u) || (u < w ? -1 : u > w ? 1 : 0))[0]!;
}

/** The same page in both snapshots: version + its last two path segments (`api/tablerow-delete.md`), whatever the tree's root. */
function pageKey(version: string, file: string): string {
  return `${version} ${file.toLowerCase().split('/').slice(-2).join('/')}`;
}
