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
  description: 'The request-body table of an operation lists a property in the new snapshot that the old one did not. Optional additions are not breaking; a new required property is. A row reads as required only when it says so unconditionally ("Required." first or as its own last sentence, a Required column); "required when a user is created" or a PATCH page whose table is "required when you create" is not a requirement of the update.',
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
      // An update page whose body table says its rows are "required when you create" states a create-time requirement.
      const createOnly = vb.doc.requestBody!.requiredWhenCreating && vb.operation.method.toUpperCase() === 'PATCH';
      for (const p of pb) {
        if (names.has(p.name.toLowerCase())) continue;
        const required = p.required === true && !createOnly;
        out.push(change(this, required, vb.version, k.slice(k.indexOf(' ') + 1), `requestBody.${p.name}`, `${k}: request-body property ${p.name} was added${required ? ' as required' : ''}`, [sideOf(va.doc, va.doc.requestBody!.src, 'not documented'), sideOf(vb.doc, p.src, required ? 'required' : 'documented')], [p.name]));
      }
    }
    return out;
  },
};
