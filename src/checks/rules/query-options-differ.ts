import { opPage } from '../fixture-pages.js';
import type { ModelRule } from '../types.js';
import { compareField, versionsNote } from '../compare.js';

/** Option names given as examples: "including `$search`, `$count`", "such as $filter" (not "including those that are not returned by default"). */
const PARTIAL = /\b(?:including|such as|for example|e\.g\.),?\s+(?:the\s+)?[`*]*\$[a-z]/i;

export const rule: ModelRule = {
  id: 'query-options-differ',
  input: 'model',
  unit: 'operation',
  severity: 'warning',
  confidence: 'low',
  contexts: ['variant', 'cross-version'],
  summary: 'Pages of one operation document different query parameters',
  description: 'The query parameters (OData options and custom ones) documented for one operation differ between pages that document any. A page that names OData options only in prose that gives them as examples ("including `$search`, `$count`") is not compared.',
  example: { before: 'page A: $select, $filter\npage B: $select', after: 'both: $select, $filter' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('List widgets', 'GET', '/widgets', '\n## Optional query parameters\n\nThis method supports the `$select` OData query parameters.\n'), 'v1.0/api/b.md': opPage('List widgets', 'GET', '/widgets', '\n## Optional query parameters\n\nThis method supports the `$select` and `$top` OData query parameters.\n') },
    after: { 'v1.0/api/a.md': opPage('List widgets', 'GET', '/widgets', '\n## Optional query parameters\n\nThis method supports the `$select` OData query parameters.\n'), 'v1.0/api/b.md': opPage('List widgets', 'GET', '/widgets', '\n## Optional query parameters\n\nThis method supports the `$select` OData query parameters.\n') },
  },
  check({ model }) {
    return model.operations.flatMap((g) =>
      compareField(this, g, 'queryParameters', (v) => {
        const q = v.doc.queryParameters;
        if (!q.length) return undefined;
        // Options named only in prose that says the list is partial ("supports the OData query parameters …, including
        // `$search`, `$count`") are examples, not the operation's set: such a page is not compared.
        if (q.every((x) => x.name.startsWith('$') && !x.type && !x.description) && PARTIAL.test(v.doc.queryParameterSupport?.text ?? '')) return undefined;
        const names = q.map((x) => x.name).sort((a, b) => a.localeCompare(b, 'en'));
        return { key: names.join(',').toLowerCase(), shown: names.join(', '), src: q[0]!.src };
      }, (c, d) => `Query parameters differ (${versionsNote(c)}): ${d.join(' vs ')}`),
    );
  },
};
