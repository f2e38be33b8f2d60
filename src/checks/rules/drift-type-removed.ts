import { resourcePage } from '../fixture-pages.js';
import type { DriftRule, FindingDraft } from '../types.js';
import { change, isDocumentedType, sideOf, typesByKey } from '../drift-helpers.js';

export const rule: DriftRule = {
  id: 'drift-type-removed',
  input: 'drift',
  severity: 'error',
  confidence: 'high',
  contexts: ['drift'],
  summary: 'A resource type documented in the old snapshot has no resource page in the new one (breaking), or a new one appeared (info)',
  description: 'Resource types (by version, namespace and name) that lost or gained their resource page between the snapshots.',
  example: { before: 'old: resources/widget.md', after: 'new: (no resources/widget.md)' },
  fixture: {
    before: { 'old/v1.0/resources/widget.md': resourcePage('widget', ['|id|String||']), 'new/v1.0/resources/gadget.md': resourcePage('gadget', ['|id|String||']) },
    after: { 'old/v1.0/resources/widget.md': resourcePage('widget', ['|id|String||']), 'new/v1.0/resources/widget.md': resourcePage('widget', ['|id|String||']) },
  },
  check({ old, new: nu }) {
    const out: FindingDraft[] = [];
    const a = typesByKey(old);
    const b = typesByKey(nu);
    for (const [k, t] of a) {
      if (!isDocumentedType(t) || (b.get(k) && isDocumentedType(b.get(k)!))) continue;
      const s = t.sources.find((x) => x.origin === 'resource')!;
      out.push(change(this, true, t.version, k.slice(k.indexOf(' ') + 1), 'type', `${k} lost its resource page`, [sideOf(s.doc, s.src, 'documented')], ['removed']));
    }
    for (const [k, t] of b) {
      if (!isDocumentedType(t) || (a.get(k) && isDocumentedType(a.get(k)!))) continue;
      const s = t.sources.find((x) => x.origin === 'resource')!;
      out.push(change(this, false, t.version, k.slice(k.indexOf(' ') + 1), 'type', `${k} gained a resource page`, [sideOf(s.doc, s.src, 'documented')], ['added']));
    }
    return out;
  },
};
