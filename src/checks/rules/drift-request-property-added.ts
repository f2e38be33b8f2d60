import { bodySection, opPage } from '../fixture-pages.js';
import type { DriftRule, FindingDraft } from '../types.js';
import { change, pairedOperations, sideOf } from '../drift-helpers.js';

export const rule: DriftRule = {
  id: 'drift-request-property-added',
  input: 'drift',
  severity: 'info',
  confidence: 'medium',
  contexts: ['drift'],
  summary: 'A request-body property was added (breaking only when it is required)',
  description: 'The request-body table of an operation lists a property in the new snapshot that the old one did not. Optional additions are not breaking; a new required property is.',
  example: { before: 'old POST /widgets body: name', after: 'new POST /widgets body: name, color (Required)' },
  fixture: {
    before: { 'old/v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|name|String||'])), 'new/v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|name|String||', '|shape|String|Required.|'])) },
    after: { 'old/v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|name|String||'])), 'new/v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|name|String||'])) },
  },
  check({ old, new: nu }) {
    const out: FindingDraft[] = [];
    for (const [k, [va, vb]] of pairedOperations(old, nu)) {
      const pa = va.doc.requestBody?.properties ?? [];
      const pb = vb.doc.requestBody?.properties ?? [];
      if (!pa.length || !pb.length) continue;
      const names = new Set(pa.map((p) => p.name.toLowerCase()));
      for (const p of pb) {
        if (names.has(p.name.toLowerCase())) continue;
        out.push(change(this, p.required === true, vb.version, k.slice(k.indexOf(' ') + 1), `requestBody.${p.name}`, `${k}: request-body property ${p.name} was added${p.required ? ' as required' : ''}`, [sideOf(va.doc, va.doc.requestBody!.src, 'not documented'), sideOf(vb.doc, p.src, p.required ? 'required' : 'documented')], [p.name]));
      }
    }
    return out;
  },
};
