import { opPage, permissionsSection } from '../fixture-pages.js';
import type { Document, PermissionType } from '../../model/schema.js';
import type { ModelRule } from '../types.js';
import { compareField, versionsNote } from '../compare.js';
import { PERMISSION_TYPES } from './permission-support-differs.js';

/** The least-privileged permission of a type, by the order convention the table states. */
export function leastPrivileged(p: Document, type: PermissionType): { name: string; src: Document['operations'][number]['src'] } | undefined {
  const perms = p.permissions;
  const e = perms?.entries.find((x) => x.type === type && x.state === 'listed');
  if (!perms?.order || !e || !e.permissions.length) return undefined;
  const n = perms.order === 'least-to-most' ? e.permissions[0]! : e.permissions[e.permissions.length - 1]!;
  return { name: n.name, src: n.src };
}

export const rule: ModelRule = {
  id: 'least-privileged-differs',
  input: 'model',
  severity: 'warning',
  confidence: 'low',
  contexts: ['variant', 'cross-version'],
  summary: 'The least-privileged permission differs between pages of one operation',
  description:
    'Taking each table\'s stated order (least→most or most→least), the least-privileged permission of a type differs between pages. Security reviewers use it to pick the permission an app asks for.',
  example: { before: 'page A (least→most): User.Read, User.ReadWrite\npage B (least→most): User.ReadWrite, User.Read', after: 'both list User.Read first' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.Read.All, Widget.ReadWrite.All']])), 'v1.0/api/b.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.ReadWrite.All, Widget.Read.All']])) },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.Read.All, Widget.ReadWrite.All']])), 'v1.0/api/b.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.Read.All, Widget.ReadWrite.All']])) },
  },
  check({ model }) {
    return model.operations.flatMap((g) =>
      PERMISSION_TYPES.flatMap((type) =>
        compareField(this, g, `permissions.${type}.leastPrivileged`, (v) => {
          const lp = leastPrivileged(v.doc, type);
          return lp && { key: lp.name, shown: lp.name, src: lp.src };
        }, (c, d) => `Least-privileged ${type} permission differs (${versionsNote(c)}): ${d.join(' vs ')}`, [type]),
      ),
    );
  },
};
