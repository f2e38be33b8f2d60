import { opPage } from '../fixture-pages.js';
import type { ModelRule } from '../types.js';
import { compareField, versionsNote } from '../compare.js';

export const rule: ModelRule = {
  id: 'path-parameter-names-differ',
  input: 'model',
  severity: 'warning',
  confidence: 'medium',
  contexts: ['variant', 'cross-version'],
  summary: 'Pages of one operation name its path parameters differently',
  description:
    'The same operation (same method and path shape) is documented on several pages whose path templates name the parameters differently. SDK generators take parameter names from the template, so the pages produce different signatures. Paths written with the /me alias are compared by the path-alias-differs rule instead; a path recovered from an example call on a page with no template (an overview page\'s illustration) holds keys, not parameter names, and is not compared.',
  example: { before: 'page A: PATCH /users/{usersId}\npage B: PATCH /users/{id | userPrincipalName}', after: 'both: PATCH /users/{id | userPrincipalName}' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{widgetsId}'), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}') },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}'), 'v1.0/api/b.md': opPage('Update widget', 'PATCH', '/widgets/{id}') },
  },
  check({ model }) {
    return model.operations.flatMap((g) =>
      compareField(this, g, 'path.parameters', (v) => {
        // A path recovered from an example call (the page has no template: excel.md's illustrations) holds keys, not parameter names.
        if (/^\/me(\/|$)/i.test(v.operation.path) || v.operation.fromExample) return undefined;
        const names = v.operation.pathParameters.map((p) => `{${p.name}}`).join(', ');
        return { key: names, shown: names || '(none)', src: v.operation.src };
      }, (c, d) => `Path parameter names differ (${versionsNote(c)}): ${d.join(' vs ')}`),
    );
  },
};
