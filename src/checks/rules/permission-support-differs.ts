import { opPage, permissionsSection } from '../fixture-pages.js';
import type { PermissionType } from '../../model/schema.js';
import type { ModelRule } from '../types.js';
import { compareField, versionsNote } from '../compare.js';
import { permissionRowsFor } from '../../model/merge.js';

export const PERMISSION_TYPES: PermissionType[] = ['delegatedWork', 'delegatedPersonal', 'application'];

export const rule: ModelRule = {
  id: 'permission-support-differs',
  input: 'model',
  unit: 'operation',
  severity: 'error',
  confidence: 'low',
  contexts: ['variant', 'cross-version'],
  summary: 'A permission type is supported on one page and "Not supported" on another',
  description:
    'For one operation, a permission type (delegated work or school, delegated personal, application) lists permissions on one page and says "Not supported" on another. Apps built from one page fail at run time. Between beta and v1.0 this is often real (beta supports more) and is reported as info; between pages of the same version it is an error. A table keyed by resource ("Supported resource | Delegated | Application") supports a type when any of its rows does; of a page with several tables, the one its request lines introduce counts.',
  example: { before: 'beta page:  Application | User.ReadWrite.All\nv1.0 page:  Application | Not supported.', after: 'both pages state the same support for Application' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.Read.All']])), 'v1.0/api/b.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Not supported.']])) },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.Read.All']])), 'v1.0/api/b.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.Read.All']])) },
  },
  check({ model }) {
    return model.operations.flatMap((g) =>
      PERMISSION_TYPES.flatMap((type) =>
        compareField(this, g, `permissions.${type}.support`, (v) => {
          // A table keyed by resource ("Supported resource | Delegated | Application") supports the type when any row does.
          const rows = permissionRowsFor(v.permissions, type, v.operation.key);
          if (!rows.length) return undefined;
          const e = rows.find((x) => x.state !== 'not-supported') ?? rows[0]!;
          const supported = e.state !== 'not-supported';
          return { key: String(supported), shown: supported ? 'supported' : 'not supported', src: e.src };
        }, (c, d) => `${type} permissions: ${d.join(' vs ')} (${versionsNote(c)})`, [type]),
      ),
    );
  },
};
