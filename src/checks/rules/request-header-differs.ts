import { headersSection, opPage } from '../fixture-pages.js';
import type { ModelRule } from '../types.js';
import { compareField, versionsNote } from '../compare.js';

/** Methods whose requests carry no body: a Content-Type header on their pages describes nothing (labels o058, o1479: the pages listing it are the ones to mend). */
const BODYLESS = new Set(['GET', 'DELETE', 'HEAD']);

export const rule: ModelRule = {
  id: 'request-header-differs',
  input: 'model',
  unit: 'operation',
  severity: 'warning',
  confidence: 'medium',
  contexts: ['variant', 'cross-version'],
  summary: 'A request header is documented on some pages of an operation and not on others',
  description:
    'Each header named by any page of the operation is checked on every page that has a request-headers table. A header missing from one page (Content-Type on a PATCH, say) leaves its readers without it — except Content-Type on a GET, DELETE or HEAD whose pages document no request body, which then sends none: the message says the pages that list it are the ones to mend.',
  example: { before: 'page A: Authorization, Content-Type\npage B: Authorization, Accept', after: 'both: Authorization, Content-Type, Accept (the same headers on every page of the call)' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', headersSection([['Authorization', 'Bearer {token}. Required.'], ['Content-Type', 'application/json']])), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', headersSection([['Authorization', 'Bearer {token}. Required.']])) },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', headersSection([['Authorization', 'Bearer {token}. Required.'], ['Content-Type', 'application/json']])), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}', headersSection([['Authorization', 'Bearer {token}. Required.'], ['Content-Type', 'application/json']])) },
  },
  check({ model }) {
    return model.operations.flatMap((g) => {
      const names = new Map<string, string>();
      for (const v of g.variants) for (const h of v.doc.requestHeaders) if (!names.has(h.name.toLowerCase())) names.set(h.name.toLowerCase(), h.name);
      return [...names.entries()].sort().flatMap(([lower, name]) =>
        compareField(this, g, `requestHeaders.${name}`, (v) => {
          if (!v.doc.requestHeaders.length) return undefined;
          const h = v.doc.requestHeaders.find((x) => x.name.toLowerCase() === lower);
          return h ? { key: 'present', shown: `documented: ${h.value}`, src: h.src } : { key: 'absent', shown: 'not documented', src: v.doc.requestHeaders[0]!.src };
        }, (c) => `Header ${name} is documented on some pages only (${versionsNote(c)})${lower === 'content-type' && BODYLESS.has(g.method) && g.variants.every((v) => !v.doc.requestBody?.properties.length && !v.doc.requestBody?.typeName && !v.doc.requestBody?.reference) ? `: a ${g.method} sends no request body, so the pages that list it are the ones to mend` : ''}`, [lower]),
      );
    });
  },
};
