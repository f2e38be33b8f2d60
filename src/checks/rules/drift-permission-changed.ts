import { opPage, permissionsSection } from '../fixture-pages.js';
import type { DriftRule, FindingDraft } from '../types.js';
import { change, pairedOperations, sideOf } from '../drift-helpers.js';
import { allPermissionNames } from './permission-set-differs.js';

export const rule: DriftRule = {
  id: 'drift-permission-changed',
  input: 'drift',
  severity: 'error',
  confidence: 'medium',
  contexts: ['drift'],
  summary: 'The permissions of an operation changed (a removed permission is breaking)',
  description: 'Permissions named for an operation differ between the snapshots. A permission no longer listed breaks apps that were granted only that one (breaking); a newly listed one is an added alternative (info).',
  example: { before: 'old: User.Read, User.ReadWrite', after: 'new: User.ReadWrite' },
  fixture: {
    before: { 'old/v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', permissionsSection([['Application', 'Widget.ReadWrite.All']])), 'new/v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', permissionsSection([['Application', 'Widget.Manage.All']])) },
    after: { 'old/v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', permissionsSection([['Application', 'Widget.ReadWrite.All']])), 'new/v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', permissionsSection([['Application', 'Widget.ReadWrite.All']])) },
  },
  check({ old, new: nu }) {
    const out: FindingDraft[] = [];
    for (const [k, [va, vb]] of pairedOperations(old, nu)) {
      // The variant's permissions: a page's per-resource rows narrowed to this path's resource (a chat's
      // Chat.* rows are not the channel path's permissions).
      const pa = allPermissionNames(va);
      const pb = allPermissionNames(vb);
      if (!pa.length || !pb.length) continue;
      const removed = pa.filter((x) => !pb.includes(x));
      const added = pb.filter((x) => !pa.includes(x));
      const sides = [sideOf(va.doc, va.permissions!.src, pa.join(', ')), sideOf(vb.doc, vb.permissions!.src, pb.join(', '))];
      const subject = k.slice(k.indexOf(' ') + 1);
      if (removed.length) out.push(change(this, true, va.version, subject, 'permissions.removed', `${k}: permission(s) no longer listed: ${removed.join(', ')}`, sides, ['removed']));
      if (added.length) out.push(change(this, false, va.version, subject, 'permissions.added', `${k}: permission(s) newly listed: ${added.join(', ')}`, sides, ['added']));
    }
    return out;
  },
};
