import { opPage } from '../fixture-pages.js';
import { operationIdentity } from '../../model/identity.js';
import type { ModelRule } from '../types.js';
import { compareField } from '../compare.js';

export const rule: ModelRule = {
  id: 'path-alias-differs',
  input: 'model',
  unit: 'operation',
  severity: 'info',
  confidence: 'low',
  contexts: ['variant', 'cross-version'],
  summary: 'Pages of one operation document different alternative paths (/me vs /users/{id})',
  description:
    'Graph accepts /me as an alias of /users/{id} for the signed-in user. When pages of one operation document only one of the two forms, readers of each page see a different set of paths. Informational: both forms reach the same operation.',
  example: { before: 'page A: PATCH /me\npage B: PATCH /users/{id}', after: 'both pages list:\nPATCH /me\nPATCH /users/{id | userPrincipalName}' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update user', 'PATCH', '/me'), 'v1.0/api/b.md': opPage('Update user', 'PATCH', '/users/{id}') },
    after: { 'v1.0/api/a.md': opPage('Update user', 'PATCH', '/me\nPATCH /users/{id}'), 'v1.0/api/b.md': opPage('Update user', 'PATCH', '/me\nPATCH /users/{id}') },
  },
  check({ model }) {
    return model.operations.flatMap((g) =>
      compareField({ ...this, severity: 'info' }, g, 'path.alias', (v) => {
        const paths = v.doc.operations.filter((o) => operationIdentity(o.method, o.path, o.fromExample) === g.identity).map((o) => (/^\/me(\/|$)/i.test(o.path) ? '/me' : '/users/{id}'));
        const set = [...new Set(paths)].sort().join(' + ');
        return { key: set, shown: set, src: v.operation.src };
      }, (_c, d) => `Pages document different alternative paths: ${d.join(' vs ')}`),
    );
  },
};
