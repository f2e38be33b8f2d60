import { bodySection, opPage } from '../fixture-pages.js';
import type { DriftRule, FindingDraft } from '../types.js';
import { change, pairedOperations, sideOf } from '../drift-helpers.js';
import { objectBody } from '../page-finding.js';

export const rule: DriftRule = {
  id: 'drift-request-property-added',
  input: 'drift',
  severity: 'info',
  confidence: 'medium',
  contexts: ['drift'],
  summary: 'A request-body property was added (breaking only when it is required)',
  description: 'The request-body table of an operation lists a property in the new snapshot that the old one did not. Optional additions are not breaking; a new required property is. A row reads as required only when it says so unconditionally ("Required." first or as its own last sentence, a Required column); "required when a user is created" or a PATCH page whose table is "required when you create" is not a requirement of the update. A property the old page\'s own example request of the call already sent is reported as the table catching up, not breaking.',
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
      // Keys the old page's own example requests of the call already sent (intune-shared-devicemanagementscript-create.md's
      // "scriptContent", label d1138): the new row is the table catching up, not a property clients could not send before.
      const sent = new Set(va.doc.examples.requests.filter((r) => r.method.toUpperCase() === va.operation.method.toUpperCase())
        .flatMap((r) => Object.keys(objectBody(r.body?.json) ?? {}).map((x) => x.toLowerCase())));
      for (const p of pb) {
        if (names.has(p.name.toLowerCase())) continue;
        const before = sent.has(p.name.toLowerCase());
        const required = p.required === true && !createOnly && !before;
        out.push(change(this, required, vb.version, k.slice(k.indexOf(' ') + 1), `requestBody.${p.name}`,
          `${k}: request-body property ${p.name} was added${required ? ' as required' : ''}${before ? ' to the table (the old page\'s example already sent it)' : ''}`,
          [sideOf(vb.doc, p.src, p.required === true && !createOnly ? 'required' : 'documented'), sideOf(va.doc, va.doc.requestBody!.src, before ? 'sent by the example, not in the table' : 'not documented')], [p.name]));
      }
    }
    return out;
  },
};
