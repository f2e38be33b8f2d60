import { bodySection, opPage } from '../fixture-pages.js';
import type { ModelRule, FindingDraft } from '../types.js';
import type { Src } from '../../model/schema.js';
import { pageFinding } from '../page-finding.js';

export const rule: ModelRule = {
  id: 'table-duplicate-rows',
  input: 'model',
  severity: 'warning',
  confidence: 'low',
  contexts: ['page'],
  summary: 'A table lists the same name twice',
  description: 'A request-body, properties, relationships, header or query-parameter table has two rows for the same name (within one group). Readers cannot tell which row is right.',
  example: { before: '|city|String|...|\n|city|String|...|', after: '|city|String|...|' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|size|Int32||', '|size|Int32||'])) },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|size|Int32||'])) },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      const lists: [string, { name: string; src: Src; group?: string }[]][] = [
        ['requestBody', p.requestBody?.properties ?? []],
        ['properties', p.resource?.properties ?? []],
        ['relationships', p.resource?.relationships ?? []],
        ['requestHeaders', p.requestHeaders],
        ['queryParameters', p.queryParameters],
      ];
      for (const [field, rows] of lists) {
        const seen = new Map<string, Src>();
        for (const r of rows) {
          const k = `${r.group ?? ''}|${r.name.toLowerCase()}`;
          const first = seen.get(k);
          if (first) out.push(pageFinding(this, p, r.src, `${field}.${r.name}`, `${field} table lists ${r.name} twice`, r.name, [field, r.name.toLowerCase()], [{ src: first, value: r.name }]));
          else seen.set(k, r.src);
        }
      }
    }
    return out;
  },
};
