import { opPage, permissionsSection } from '../fixture-pages.js';
import type { PermissionType, Permissions, Src } from '../../model/schema.js';
import { permissionRowsFor } from '../../model/merge.js';
import type { ModelRule } from '../types.js';
import { ask } from '../lookups/lookup.js';
import { V1_PERMISSION_LISTED } from '../lookups/v1-permission-listed.js';
import { compareField, versionsNote } from '../compare.js';
import { PERMISSION_TYPES } from './permission-support-differs.js';

/**
 * The least-privileged permission of a type for one call, by the order convention the table states: the first name (last,
 * for most→least) with the first name "and" joins to it ("OrgContact.Read.All and Group.Read.All" is one choice), from the
 * variant's permissions (rows per resource already narrowed to its path). None when the call has two rows of the type
 * (tables per kind of object) or a list beside the table ties permissions to cases: which one is least depends on the call.
 */
export function leastPrivileged(perms: Permissions | undefined, type: PermissionType, operationKey: string, passOver?: (name: string) => boolean): { name: string; src: Src } | undefined {
  const rows = permissionRowsFor(perms, type, operationKey);
  const e = rows.length === 1 && rows[0]!.state === 'listed' ? rows[0]! : undefined;
  if (!perms?.order || !e || !e.permissions.length || e.notes?.length || perms.scenarios?.length) return undefined;
  const ordered = perms.order === 'least-to-most' ? e.permissions : [...e.permissions].reverse();
  // One permission per kind of Outlook item ("Calendars.ReadWrite, Mail.ReadWrite" on a page whose calls reach events and
  // messages, attachment-createuploadsession.md): for a call on messages the Mail one is the choice, not the first.
  const path = operationKey.slice(operationKey.indexOf(' ') + 1);
  const kindOf = (name: string) => { const k = name.split('.')[0]!.toLowerCase(); return Object.hasOwn(ITEM_KINDS, k) ? ITEM_KINDS[k] : undefined; };
  const misfit = (name: string) => { const f = kindOf(name); return f !== undefined && !f.test(path); };
  const kindFits = ordered.some((p) => kindOf(p.name)?.test(path));
  const skip = (name: string) => (passOver?.(name) ?? false) || (kindFits && misfit(name));
  const n = ordered.find((p) => !skip(p.name)) || ordered[0]!;
  // Its first partner: "A and B, A and C" (least to most) gives A the partners B and C, of which A and B is the least.
  const partner = n.together?.[0];
  return { name: partner ? `${n.name} and ${partner}` : n.name, src: n.src };
}

/** The Outlook item kinds a permission's first part names, by the path segments of calls on them. */
const ITEM_KINDS: Record<string, RegExp> = {
  calendars: /\/(?:events|calendars?|calendarview|calendargroups?)(?:\/|$)/i,
  mail: /\/(?:messages|mailfolders)(?:\/|$)/i,
  contacts: /\/(?:contacts|contactfolders)(?:\/|$)/i,
  tasks: /\/(?:tasks|todo)(?:\/|$)/i,
};

/** A resource-specific consent permission: Graph names them `<Resource>.<Operation>.Group` or `.Chat` (`ChannelMessage.Read.Group`). */
export function isResourceSpecific(name: string): boolean {
  return /^[A-Za-z]+(?:\.[A-Za-z]+)+\.(?:Group|Chat)$/.test(name);
}

export const rule: ModelRule = {
  id: 'least-privileged-differs',
  input: 'model',
  severity: 'warning',
  confidence: 'low',
  contexts: ['variant', 'cross-version'],
  summary: 'The least-privileged permission differs between pages of one operation',
  description:
    'Taking each table\'s stated order (least→most or most→least), the least-privileged permission of a type (with the names "and" joins to it) differs between pages. A resource-specific consent permission (`Chat.Manage.Chat`, `TeamsTab.Create.Chat`) that no v1.0 page lists is a beta preview: a beta row is read past it. Security reviewers use it to pick the permission an app asks for. Of rows per resource ("For **channel** resource: …; For **chat** resource: …") the one for the call\'s path counts; a call that still has two rows of a type (tables per kind of object), or a page whose list beside the table ties permissions to cases (directoryObject checkMemberGroups: "Use GroupMember.Read.All or Group.Read.All permission to get group memberships for a group"), is not compared.',
  example: { before: 'page A (least→most): User.Read, User.ReadWrite\npage B (least→most): User.ReadWrite, User.Read', after: 'both list User.Read first' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.Read.All, Widget.ReadWrite.All']])), 'v1.0/api/b.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.ReadWrite.All, Widget.Read.All']])) },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.Read.All, Widget.ReadWrite.All']])), 'v1.0/api/b.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.Read.All, Widget.ReadWrite.All']])) },
  },
  unit: 'operation',
  lookups: [V1_PERMISSION_LISTED],
  check(input) {
    const { model } = input;
    // Resource-specific consent permissions (`Chat.Manage.Chat*`, `TeamsTab.Create.Chat*`) that no v1.0 page lists are a
    // beta preview: a beta row that puts them first is not a least-privileged choice v1.0 lacks (labels r559, r860, r930).
    const betaOnlyRsc = (name: string) => isResourceSpecific(name) && !ask(input, V1_PERMISSION_LISTED, name.toLowerCase());
    return model.operations.flatMap((g) =>
      PERMISSION_TYPES.flatMap((type) =>
        compareField(this, g, `permissions.${type}.leastPrivileged`, (v) => {
          const lp = leastPrivileged(v.permissions, type, v.operation.key, v.version === 'beta' ? betaOnlyRsc : undefined);
          return lp && { key: lp.name, shown: lp.name, src: lp.src };
        }, (c, d) => `Least-privileged ${type} permission differs (${versionsNote(c)}): ${d.join(' vs ')}`, [type]),
      ),
    );
  },
};
