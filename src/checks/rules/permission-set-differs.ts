import { withLinkTexts } from '../../util/link.js';
import { opPage, permissionsSection } from '../fixture-pages.js';
import type { Document } from '../../model/schema.js';
import type { ModelRule } from '../types.js';
import { ask } from '../lookups/lookup.js';
import { RESOURCE_TYPE_VERSIONS } from '../lookups/resource-type-versions.js';
import { compareField, versionsNote } from '../compare.js';

/** Every permission a page names for the operation (all types, workloads and property scopes). */
export function allPermissionNames(p: Pick<Document, 'permissions'>): string[] {
  const set = new Set<string>();
  for (const e of p.permissions?.entries ?? []) {
    for (const n of e.permissions) set.add(n.name);
    for (const w of e.workloads) for (const n of w.permissions) set.add(n.name);
  }
  return [...set].sort();
}

export const rule: ModelRule = {
  id: 'permission-set-differs',
  input: 'model',
  severity: 'warning',
  confidence: 'low',
  contexts: ['variant', 'cross-version'],
  summary: 'Pages of one operation name different permissions',
  description:
    'The set of permissions that pages of one operation name (across all permission types and workload sub-rows) differs. Of a table keyed by resource ("Supported resource | Delegated | Application"), only the rows for the call\'s resource count, and none for a resource type only one version documents (a subscription page\'s callRecord row: the callRecords types are beta\'s), and of a page with several tables the ones it binds to the call. Pages that leave the permissions empty are not compared (see section-empty); a page whose table says "None." (no permission needed) is compared as naming none. Readers of one page request permissions the other page says are not needed, or miss ones it says are.',
  example: { before: 'page A: DeviceManagementManagedDevices.ReadWrite.All\npage B: User.ReadWrite, User.ReadWrite.All', after: 'both pages name the same permissions' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.Read.All']])), 'v1.0/api/b.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Gadget.Read.All']])) },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.Read.All']])), 'v1.0/api/b.md': opPage('Get widget', 'GET', '/widgets/{id}', permissionsSection([['Application', 'Widget.Read.All']])) },
  },
  unit: 'operation',
  lookups: [RESOURCE_TYPE_VERSIONS],
  check(input) {
    const { model } = input;
    // Rows keyed by a resource type only one version documents (subscription-delete.md's "[callRecord](…)" row: the callRecords
    // types are beta's; label o1221) say nothing the other version could say: they are left out of the comparison.
    const oneVersionOnly = (resource: string) => ask(input, RESOURCE_TYPE_VERSIONS, withLinkTexts(resource).trim().split(/\s/)[0]!.toLowerCase()).length === 1;
    return model.operations.flatMap((g) =>
      compareField(this, g, 'permissions.names', (v) => {
        // The variant's rows: a per-resource table narrowed to this path's resource, the tables a page binds to this call
        // (see permissionsForPath) — an attachment page's outlookTask row is not the message path's permission.
        if (!v.permissions) return undefined;
        const names = allPermissionNames({ permissions: { ...v.permissions, entries: v.permissions.entries.filter((e) => !e.resource || !oneVersionOnly(e.resource)) } });
        // A table of "None." cells (not-required) says the call takes no permission: compared as such with a page that names some.
        if (!names.length && v.permissions.entries.some((e) => e.state === 'not-required')) return { key: '', shown: 'no permission required', src: v.permissions.src };
        if (!names.length) return undefined;
        return { key: names.join(', '), shown: names.join(', '), src: v.permissions.src };
      // The sets themselves in the message: two findings are "the same difference" (group.ts) only when their sets are.
      }, (c, d) => `Permission sets differ (${versionsNote(c)}): ${d.map((x) => `{${x}}`).join(' vs ')}`),
    );
  },
};
