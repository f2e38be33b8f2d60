import { opPage, permissionsSection } from '../fixture-pages.js';
import type { Document, PermissionType } from '../../model/schema.js';
import type { ModelRule } from '../types.js';
import { compareField, versionsNote } from '../compare.js';
import { PERMISSION_TYPES } from './permission-support-differs.js';

/**
 * The least-privileged permission of a type, by the order convention the table states: the first name (last, for
 * most→least) with the first name "and" joins to it ("OrgContact.Read.All and Group.Read.All" is one choice). None when the
 * cell qualifies its names ("For **channel** resource: …", "In teams: …": the row is split in two, and which one is
 * least depends on the call). Of a page with several tables, the one introduced by the operation's request lines
 * (`operation`: the page's key of the operation, `Operation.key`, as a table's scenario lists it).
 */
export function leastPrivileged(p: Document, type: PermissionType, operation?: string): { name: string; src: Document['operations'][number]['src'] } | undefined {
  const perms = p.permissions;
  // The rows of that type that apply to the operation: a table introduced by its request lines, or one for the whole page.
  const rows = perms?.entries.filter((x) => x.type === type && x.state !== 'empty' && (!operation || !x.scenario || x.scenario.boundBy === 'page' || x.scenario.operations.includes(operation))) ?? [];
  // Two rows of one type (a cell split "For **user** or **chat** resource: … For **channel** resource: …"): which is least depends on the call.
  const e = rows.length === 1 && rows[0]!.state === 'listed' ? rows[0]! : undefined;
  // A list beside the table that ties permissions to cases ("Use GroupMember.Read.All … for a group") answers per call.
  if (!perms?.order || !e || !e.permissions.length || e.notes?.length || perms.scenarios?.length) return undefined;
  const n = perms.order === 'least-to-most' ? e.permissions[0]! : e.permissions[e.permissions.length - 1]!;
  // Its first partner: "A and B, A and C" (least to most) gives A the partners B and C, of which A and B is the least.
  const partner = n.together?.[0];
  const name = partner ? `${n.name} and ${partner}` : n.name;
  return { name, src: n.src };
}

export const rule: ModelRule = {
  id: 'least-privileged-differs',
  input: 'model',
  severity: 'warning',
  confidence: 'low',
  contexts: ['variant', 'cross-version'],
  summary: 'The least-privileged permission differs between pages of one operation',
  description:
    'Taking each table\'s stated order (least→most or most→least), the least-privileged permission of a type (with the names "and" joins to it) differs between pages. Security reviewers use it to pick the permission an app asks for. A cell whose names depend on the call ("For **channel** resource: …; For **chat** resource: …") is not compared, nor a page whose list beside the table ties permissions to cases (directoryObject checkMemberGroups: "Use GroupMember.Read.All or Group.Read.All permission to get group memberships for a group").',
  example: { before: 'page A (least→most): User.Read, User.ReadWrite\npage B (least→most): User.ReadWrite, User.Read', after: 'both list User.Read first' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.Read.All, Widget.ReadWrite.All']])), 'v1.0/api/b.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.ReadWrite.All, Widget.Read.All']])) },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.Read.All, Widget.ReadWrite.All']])), 'v1.0/api/b.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.Read.All, Widget.ReadWrite.All']])) },
  },
  check({ model }) {
    return model.operations.flatMap((g) =>
      PERMISSION_TYPES.flatMap((type) =>
        compareField(this, g, `permissions.${type}.leastPrivileged`, (v) => {
          const lp = leastPrivileged(v.doc, type, v.operation.key);
          return lp && { key: lp.name, shown: lp.name, src: lp.src };
        }, (c, d) => `Least-privileged ${type} permission differs (${versionsNote(c)}): ${d.join(' vs ')}`, [type]),
      ),
    );
  },
};
