import { headersSection, opPage } from '../fixture-pages.js';
import type { ModelRule } from '../types.js';
import { compareField, versionsNote } from '../compare.js';

export const rule: ModelRule = {
  id: 'request-header-required-differs',
  input: 'model',
  unit: 'operation',
  severity: 'warning',
  confidence: 'medium',
  contexts: ['variant', 'cross-version'],
  summary: 'A request header is "Required" on one page and "Optional" on another',
  description: 'Pages that document the same header for one operation disagree on whether it is required. Pages that do not say are not compared.',
  example: { before: 'page A: Content-Type | application/json. Required.\npage B: Content-Type | application/json. Optional.', after: 'both say Required' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', headersSection([['Authorization', 'Bearer {token}. Required.'], ['Prefer', 'Required.']])), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', headersSection([['Authorization', 'Bearer {token}. Required.'], ['Prefer', 'Optional.']])) },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', headersSection([['Authorization', 'Bearer {token}. Required.'], ['Prefer', 'Required.']])), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', headersSection([['Authorization', 'Bearer {token}. Required.'], ['Prefer', 'Required.']])) },
  },
  check({ model }) {
    return model.operations.flatMap((g) => {
      const names = [...new Set(g.variants.flatMap((v) => v.doc.requestHeaders.map((h) => h.name.toLowerCase())))].sort();
      return names.flatMap((lower) =>
        compareField(this, g, `requestHeaders.${lower}.required`, (v) => {
          const h = v.doc.requestHeaders.find((x) => x.name.toLowerCase() === lower);
          if (!h || h.required === null) return undefined;
          return { key: String(h.required), shown: h.required ? 'required' : 'optional', src: h.src };
        }, (c, d) => `Header ${lower}: ${d.join(' vs ')} (${versionsNote(c)})`, [lower]),
      );
    });
  },
};
