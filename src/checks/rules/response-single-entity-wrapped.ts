import { exampleSection, opPage } from '../fixture-pages.js';
import type { PageRule, FindingDraft } from '../types.js';
import { objectBody, pageFinding } from '../page-finding.js';

export const rule: PageRule = {
  id: 'response-single-entity-wrapped',
  input: 'page',
  severity: 'warning',
  confidence: 'high',
  contexts: ['page'],
  summary: 'A single-entity response is wrapped in "value" like a collection',
  description:
    'The Response section says one entity is returned, but the example response body is `{ "value": { … } }` — the shape of a collection response, with an object where the array should be. A body with other properties beside "value" (OData annotations aside) is the entity itself, with a property named value (a workbook namedItem), and is not reported.',
  example: { before: '{ "value": { "id": "1", "displayName": "x" } }', after: '{ "id": "1", "displayName": "x" }' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', exampleSection('GET https://graph.microsoft.com/v1.0/widgets/1', 'HTTP/1.1 200 OK\nContent-type: application/json\n\n{ "value": { "id": "1", "name": "x" } }')) },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', exampleSection('GET https://graph.microsoft.com/v1.0/widgets/1', 'HTTP/1.1 200 OK\nContent-type: application/json\n\n{ "id": "1", "name": "x" }')) },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      if (p.response?.bodyType?.collection) continue;
      for (const r of p.examples.responses) {
        const b = objectBody(r.body?.json);
        // A body with properties beside "value" is the entity itself, whose own property is named value (a workbook
        // namedItem: { "name": …, "type": …, "value": { … }, "visible": … }); only OData annotations may stand beside a wrapper.
        if (!b || !('value' in b) || Object.keys(b).some((k) => k !== 'value' && !k.includes('@'))) continue;
        const v = b.value;
        if (v && typeof v === 'object' && !Array.isArray(v)) {
          out.push(pageFinding(this, p, r.body!.src, `example.response.${r.index}.body`, 'Example response wraps a single entity in "value"', '{ "value": { … } }', [String(r.index)], p.response ? [{ src: p.response.src, value: p.response.bodyType ? `${p.response.bodyType.name} object` : 'single entity' }] : []));
        }
      }
    }
    return out;
  },
};
