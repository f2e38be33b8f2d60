import { bodySection, opPage } from '../fixture-pages.js';
import type { DriftRule, FindingDraft } from '../types.js';
import { allVariantsByKey, change, pairedOperations, sideOf } from '../drift-helpers.js';

export const rule: DriftRule = {
  id: 'drift-request-property-removed',
  input: 'drift',
  severity: 'error',
  confidence: 'medium',
  contexts: ['drift'],
  summary: 'A request-body property of an operation was removed (narrows what a request may send: breaking, unless the old row said it was read-only)',
  description: 'The request-body table of an operation lists a property in the old snapshot but no page of the operation lists it in the new one — neither in its table nor in the type of one of its properties (an old table that flattened a nested object\'s fields is not a removal). Clients that send it may now be rejected. A property the old row called read-only ("Read Only") could not be set: its removal is reported, not breaking.',
  example: { before: 'old PATCH /users/{id} body: displayName, mySite', after: 'new PATCH /users/{id} body: displayName' },
  fixture: {
    before: { 'old/v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|name|String||', '|color|String||'])), 'new/v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|name|String||'])) },
    after: { 'old/v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|name|String||'])), 'new/v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|name|String||'])) },
  },
  check({ old, new: nu }) {
    const out: FindingDraft[] = [];
    const all = allVariantsByKey(nu);
    const typesNamed = new Map<string, typeof nu.types>();
    for (const t of nu.types) { const tk = `${t.version}|${t.name.toLowerCase()}`; typesNamed.set(tk, [...(typesNamed.get(tk) ?? []), t]); }
    for (const [k, [va, vb]] of pairedOperations(old, nu)) {
      const pa = va.doc.requestBody?.properties ?? [];
      const pb = vb.doc.requestBody?.properties ?? [];
      if (!pa.length || !pb.length) continue;
      // A property still documented by any page of the operation (an Intune shared page split per workload) was not removed.
      const names = new Set((all.get(k) ?? [vb]).flatMap((v) => (v.doc.requestBody?.properties ?? []).map((p) => p.name.toLowerCase())));
      // Nor was one the new page documents inside a property's type: an old table that flattened the fields of a
      // nested object (createUploadSession's item: name, fileSystemInfo → item | driveItemUploadableProperties).
      for (const q of pb) {
        if (q.type.primitive) continue;
        for (const t of typesNamed.get(`${vb.version}|${q.type.name.toLowerCase()}`) ?? []) for (const tp of t.properties) names.add(tp.name.toLowerCase());
      }
      for (const p of pa) {
        if (names.has(p.name.toLowerCase())) continue;
        // A row the old page called read-only was never something a client could set: dropping it is a correction.
        out.push(change(this, !p.readOnly, va.version, k.slice(k.indexOf(' ') + 1), `requestBody.${p.name}`, `${k}: request-body property ${p.name} was removed${p.readOnly ? ' (the old row said it is read-only: clients could not set it)' : ''}`, [sideOf(va.doc, p.src, 'documented'), sideOf(vb.doc, vb.doc.requestBody!.src, 'not documented')], [p.name]));
      }
    }
    return out;
  },
};
