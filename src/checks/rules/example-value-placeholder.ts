import { bodySection, exampleSection, opPage } from '../fixture-pages.js';
import type { ModelRule, FindingDraft } from '../types.js';
import { pageFinding } from '../page-finding.js';

export const TYPE_PLACEHOLDER = /^(String|Boolean|Int16|Int32|Int64|Double|Single|Decimal|Byte|Guid|DateTimeOffset|Date|TimeOfDay|Duration|Binary|Stream|String \(identifier\)|String\(identifier\))$/;

function collect(v: unknown, path: string, out: string[]): void {
  if (typeof v === 'string' && TYPE_PLACEHOLDER.test(v)) out.push(path);
  else if (Array.isArray(v)) v.forEach((x, i) => collect(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, path ? `${path}.${k}` : k, out);
}

export const rule: ModelRule = {
  id: 'example-value-placeholder',
  input: 'model',
  severity: 'warning',
  contexts: ['page'],
  summary: 'An example body holds type names instead of values ("String", "Boolean")',
  description: 'Values in an example request or response are the names of their types — a template never filled in. One finding per example, listing the places.',
  example: { before: '{ "accountEnabled": "Boolean", "city": "String" }', after: '{ "accountEnabled": true, "city": "Redmond" }' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|city|String||']) + exampleSection('PATCH https://graph.microsoft.com/v1.0/widgets/1\nContent-Type: application/json\n\n{ "city": "String" }', 'HTTP/1.1 204 No Content')) },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|city|String||']) + exampleSection('PATCH https://graph.microsoft.com/v1.0/widgets/1\nContent-Type: application/json\n\n{ "city": "Redmond" }', 'HTTP/1.1 204 No Content')) },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      const msgs = [...p.examples.requests.map((r) => ({ what: 'request', i: r.index, body: r.body })), ...p.examples.responses.map((r) => ({ what: 'response', i: r.index, body: r.body }))];
      for (const m of msgs) {
        if (m.body?.json === undefined) continue;
        const places: string[] = [];
        collect(m.body.json, '', places);
        if (!places.length) continue;
        const shown = places.slice(0, 8).join(', ') + (places.length > 8 ? `, … (${places.length} in all)` : '');
        out.push(pageFinding(this, p, m.body.src, `example.${m.what}.${m.i}`, `Example ${m.what} holds ${places.length} type-name placeholder value(s): ${shown}`, `${places.length} placeholders`, [m.what, String(m.i)]));
      }
    }
    return out;
  },
};
