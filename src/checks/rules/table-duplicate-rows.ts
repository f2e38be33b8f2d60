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
  description: 'A request-body, properties, relationships, header or query-parameter table has two rows for the same name (within one table and group; for headers, with the same value — two rows of a multi-valued header such as Prefer name two values). Readers cannot tell which row is right.',
  example: { before: '|city|String|...|\n|city|String|...|', after: '|city|String|...|' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|size|Int32||', '|size|Int32||'])) },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|size|Int32||'])) },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      // A header documented on two rows with different values (Prefer: odata.maxpagesize=…, Prefer: outlook.timezone=…)
      // names two values of a multi-valued header: the value is part of the row's identity.
      const lists: [string, { name: string; src: Src; group?: string; value?: string }[]][] = [
        ['requestBody', p.requestBody?.properties ?? []],
        ['properties', p.resource?.properties ?? []],
        ['relationships', p.resource?.relationships ?? []],
        ['requestHeaders', p.requestHeaders],
        ['queryParameters', p.queryParameters],
      ];
      for (const [field, rows] of lists) {
        const seen = new Map<string, Src>();
        let prev: Src | undefined;
        let table = 0;
        for (const r of rows) {
          // Rows of one table stand on consecutive lines (a group row or two between them); a larger gap is another
          // table of the page (an "openIdConnectProvider object" table after the "identityProvider object" one).
          if (prev && (prev.file !== r.src.file || r.src.line < prev.line || r.src.line - prev.line > 3)) table++;
          prev = r.src;
          const k = `${table}|${r.group ?? ''}|${r.name.toLowerCase()}${field === 'requestHeaders' ? `|${(r.value ?? '').trim().toLowerCase()}` : ''}`;
          const first = seen.get(k);
          if (first) out.push(pageFinding(this, p, r.src, `${field}.${r.name}`, `${field} table lists ${r.name} twice`, r.name, [field, r.name.toLowerCase()], [{ src: first, value: r.name }]));
          else seen.set(k, r.src);
        }
      }
    }
    return out;
  },
};
