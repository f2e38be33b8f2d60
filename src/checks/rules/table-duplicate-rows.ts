import { bodySection, opPage } from '../fixture-pages.js';
import type { PageRule, FindingDraft } from '../types.js';
import type { Src } from '../../model/schema.js';
import { pageFinding } from '../page-finding.js';

export const rule: PageRule = {
  id: 'table-duplicate-rows',
  input: 'page',
  severity: 'warning',
  confidence: 'low',
  contexts: ['page'],
  summary: 'A table lists the same name twice',
  description: 'A request-body, properties, relationships, header or query-parameter table has two rows for the same name (under one heading — level and text — and group; for headers, with the same value — two rows of a multi-valued header such as Prefer name two values). Readers cannot tell which row is right.',
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
        for (const r of rows) {
          // Rows are one table's when they stand under the same heading (level and text): the "### openIdConnectProvider
          // object" table after the "### identityProvider object" one is another type's, a second operation's
          // "### Request headers" another call's — but a page that repeats "## Properties" repeats its table.
          const table = headingOf(p.sections, r.src);
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

/** The nearest heading above a row in its file, as level and text. */
function headingOf(sections: readonly { heading: string; depth: number; src: Src }[], at: Src): string {
  let best: { heading: string; depth: number; src: Src } | undefined;
  for (const x of sections) if (x.src.file === at.file && x.src.line <= at.line && (!best || x.src.line >= best.src.line)) best = x;
  return best ? `${best.depth}:${best.heading.trim().toLowerCase()}` : '';
}
