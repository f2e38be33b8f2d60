import { resourcePage } from '../fixture-pages.js';
import type { ModelRule, FindingDraft } from '../types.js';
import { pageFinding } from '../page-finding.js';

export const rule: ModelRule = {
  id: 'json-representation-mismatch',
  input: 'model',
  severity: 'warning',
  confidence: 'high',
  contexts: ['page'],
  summary: 'The JSON representation and the Properties / Relationships tables of a resource page disagree',
  description: 'A property appears in the JSON representation block but in neither table, or in the Properties table but not in the JSON representation (navigation properties are not expected in the JSON). OData annotations are ignored.',
  example: { before: '| displayName | String |\n{ "displayName": "String", "nickname": "String" }', after: '| displayName | String |\n| nickname | String |' },
  fixture: {
    before: { 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||'], '\n## JSON representation\n\n```json\n{ "id": "String", "extra": 1 }\n```\n') },
    after: { 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||'], '\n## JSON representation\n\n```json\n{ "id": "String" }\n```\n') },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      const r = p.resource;
      const jr = r?.jsonRepresentation;
      if (!r || !jr || !r.properties.length || !jr.propertyNames.length) continue;
      const table = new Set([...r.properties, ...r.relationships].map((x) => x.name.toLowerCase()));
      const json = new Set(jr.propertyNames.filter((n) => !n.includes('@')).map((n) => n.toLowerCase()));
      for (const n of jr.propertyNames) {
        if (n.includes('@') || table.has(n.toLowerCase())) continue;
        out.push(pageFinding(this, p, jr.src, `jsonRepresentation.${n}`, `${n} is in the JSON representation but in no property table`, n, ['json-only', n]));
      }
      for (const x of r.properties) {
        if (json.has(x.name.toLowerCase())) continue;
        out.push(pageFinding(this, p, x.src, `properties.${x.name}`, `${x.name} is in the Properties table but not in the JSON representation`, x.name, ['table-only', x.name], [{ src: jr.src, value: 'JSON representation' }]));
      }
    }
    return out;
  },
};
