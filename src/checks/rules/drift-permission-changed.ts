import { opPage, permissionsSection } from '../fixture-pages.js';
import type { Document, OperationVariant, PermissionEntry, PermissionName, Src } from '../../model/schema.js';
import type { DriftRule, FindingDraft } from '../types.js';
import { allVariantsByKey, change, pairedOperations, sideOf } from '../drift-helpers.js';
import { allPermissionNames } from './permission-set-differs.js';
import { resourceRowsMissPath } from '../../model/merge.js';
import { compareStr } from '../../util/order.js';

export const rule: DriftRule = {
  id: 'drift-permission-changed',
  input: 'drift',
  severity: 'error',
  confidence: 'medium',
  contexts: ['drift'],
  summary: 'The permissions of an operation changed (a removed permission is breaking)',
  description: 'Permissions named for an operation differ between the snapshots. A permission no longer listed breaks apps that were granted only that one (breaking) — unless the old page named it only together with another ("User.Read and Group.Read.All") that the new page lists alone (the requirement was relaxed); a newly listed one is an added alternative (info), but one the new page names only together with a permission the old page listed alone ("Policy.Read.All and Policy.ReadWrite.ConditionalAccess") is a new requirement (breaking). Names compare without regard to case or spaces (Policy.Readwrite.* is Policy.ReadWrite.*, "DeviceManagementManaged Devices.ReadWrite.All" DeviceManagementManagedDevices.ReadWrite.All). When the old page is not in the new snapshot (a page split per workload or renamed), a permission some other new page of the operation still lists is not reported as removed. The permissions compared are the variant\'s — the tables its page binds to the call (a sub-heading such as "For users:", request lines) and per-resource rows narrowed to the path\'s resource (a per-resource table whose rows name the resources of the page\'s other request lines and not the path\'s, on both pages, states nothing about the call: what changed there is other paths\' rows) — on the new side only when the old page was narrowed for the call too (a flat old table covers every resource) for what is no longer listed, always for what is newly listed (the rows of the new page\'s other resources are not new for this call). Names are compared over every permission type together, so a type is looked at apart too: one the old page listed permissions for and the new page says "Not supported." for, in every row of that type, is reported as no longer supported (breaking) — unless another new page of the call still lists that type; one the old page said "Not supported." for, in every row of that type, and the new page lists names for is reported as newly supported (not breaking), with every name of that type, where names newly listed are that type\'s alone (they are not reported again as newly listed; a type newly supported with names another type already listed is not reported); a personal Microsoft account row on a call both pages\' notes say is only available on business services ("currently only available on SharePoint and OneDrive for Business") is reported as the correction it is, not breaking.',
  example: { before: 'old: User.Read, User.ReadWrite', after: 'new: User.ReadWrite' },
  fixture: {
    before: { 'old/v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', permissionsSection([['Application', 'Widget.ReadWrite.All']])), 'new/v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', permissionsSection([['Application', 'Widget.Manage.All']])) },
    after: { 'old/v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', permissionsSection([['Application', 'Widget.ReadWrite.All']])), 'new/v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', permissionsSection([['Application', 'Widget.ReadWrite.All']])) },
  },
  check({ old, new: nu }) {
    const out: FindingDraft[] = [];
    const allNew = allVariantsByKey(nu);
    for (const [k, [va, vb]] of pairedOperations(old, nu)) {
      // The old variant's permissions: a page's per-resource rows narrowed to this path's resource (a chat's
      // Chat.* rows are not the channel path's permissions). The new side is narrowed only when the old one
      // was too: an old page with one table for every resource compared with the new page's rows for one
      // resource would report the other resources' permissions as removed.
      // Narrowed: the variant kept fewer rows than its page has — per-resource rows that name this path's resource, or
      // tables the page binds to this call (a "For users:" sub-heading, request lines). Rows naming resources none of
      // which fits the path ("For user or chat resource:") narrow nothing.
      const narrowed = (v: typeof va) => !!v.permissions && !!v.doc.permissions && v.permissions.entries.length < v.doc.permissions.entries.length;
      const pa = allPermissionNames(va);
      const pb = allPermissionNames(narrowed(va) ? vb : vb.doc);
      if (!pa.length || !pb.length) continue;
      // Per-resource rows on both pages naming the resources of their other request lines, none this path's (openTypeExtension's
      // create page has rows for device, event, group, … and none for the administrative unit its request lines name; label
      // d1454): neither page states this call's permissions, and what changed is other paths' rows — reported on those paths.
      const canonical = k.slice(k.indexOf('/'));
      const missed = (v: OperationVariant) => resourceRowsMissPath(v.permissions, canonical, v.doc.operations.map((o) => o.path));
      if (missed(va) && missed(vb)) continue;
      // What the new page lists for this call: its rows narrowed to the path (label d628: the Azure AD and Groups tables of
      // governanceroleassignment-list.md are not newly listed for an azureResources call the old page's one table covered).
      const own = allPermissionNames(vb);
      // The old page gone from the new snapshot (split per workload: intune-shared-devicemanagement-update.md became 16
      // intune-<workload>-devicemanagement-update.md pages, each with its workload's rows; labels d556, d611): a permission
      // another new page of the call still lists was not removed.
      const elsewhere = va.doc.file.toLowerCase() === vb.doc.file.toLowerCase() ? new Set<string>()
        : new Set((allNew.get(k) ?? []).flatMap((v) => allPermissionNames(narrowed(va) ? v : v.doc)));
      // A scope respelled is the same scope: names are not case-sensitive (Policy.Readwrite.ConditionalAccess →
      // Policy.ReadWrite.ConditionalAccess, label d719) and hold no space ("DeviceManagementManaged Devices.ReadWrite.All"
      // corrected, d274) — not a permission removed and another added.
      const keys = (xs: Iterable<string>) => new Set([...xs].map(scopeKey));
      const [la, lb, lElsewhere] = [keys(pa), keys(pb), keys(elsewhere)];
      const removed = pa.filter((x) => !lb.has(scopeKey(x)) && !lElsewhere.has(scopeKey(x)));
      const listed = (own.length ? own : pb).filter((x) => !la.has(scopeKey(x)));
      // Each side at the row that says it: the first name the finding is about where that side names it, else the row of the
      // permission type the other side names them under, else its first row that names a permission, else its first row —
      // not the section's heading (label d931: "points at the ## Permissions heading, not the table row"), nor a "Not
      // supported." row above the one that changed (label d1827: the old side of an Application permission newly listed).
      const sidesAt = (oldNames: string[], newNames: string[]) => [sideOf(va.doc, rowOf(va, oldNames, typesNaming(vb, newNames)), pa.join(', ')), sideOf(vb.doc, rowOf(vb, newNames, typesNaming(va, oldNames)), pb.join(', '))];
      const subject = k.slice(k.indexOf(' ') + 1);
      // A permission the old page named only in combinations ("User.Read and Group.Read.All") whose other
      // members the new page all lists alone was never enough by itself: apps granted a pair still qualify.
      const oldNames = permissionNames(va);
      const newAlone = keys(permissionNames(narrowed(va) ? vb : vb.doc).filter((n) => !n.together?.length).map((n) => n.name));
      const pairedOnly = removed.filter((x) => {
        const uses = oldNames.filter((n) => n.name === x);
        // Every partner (of every "and" group it was in) is now enough alone, in every row that named it.
        return uses.length > 0 && uses.every((n) => n.together?.length && n.together.every((y) => newAlone.has(scopeKey(y))));
      });
      const narrowing = removed.filter((x) => !pairedOnly.includes(x));
      const note = pairedOnly.length ? ` (${pairedOnly.join(', ')} ${pairedOnly.length === 1 ? 'was' : 'were'} only listed together with a permission now enough alone: ${[...new Set(oldNames.filter((n) => pairedOnly.includes(n.name)).flatMap((n) => n.together ?? []).filter((y) => newAlone.has(scopeKey(y))))].sort().join(', ')})` : '';
      // A permission the new page names only together with one the old page listed alone, for the same permission type
      // ("Policy.Read.All and Policy.ReadWrite.ConditionalAccess" where Policy.ReadWrite.ConditionalAccess was enough):
      // a new requirement, not an alternative — apps granted the old permission alone no longer qualify (label d719).
      // Not when the old one is still enough alone somewhere on the new page, nor when it is paired with others too
      // ("Application.ReadWrite.OwnedBy and Directory.Read.All, Application.ReadWrite.All and Directory.Read.All": a new
      // pair beside the old one), nor for a type the old page did not support (a personal-account row now listed).
      const oldByType = namesByType(va), newByType = namesByType(own.length || narrowed(va) ? vb : vb.doc);
      const partnersOf = new Map<string, Set<string>>();
      const listedKeys = keys(listed);
      for (const [type, uses] of newByType) {
        const oldAlone = keys((oldByType.get(type) ?? []).filter((n) => !n.together?.length).map((n) => n.name));
        for (const x of listed) {
          const xUses = uses.filter((n) => n.name === x);
          if (!xUses.length || !xUses.every((n) => n.together?.length)) continue;
          for (const y of new Set(xUses.flatMap((n) => n.together!))) {
            const yUses = uses.filter((n) => n.name === y);
            // y is now named only with x and other newly listed names: nothing it was enough with before stands beside it.
            if (oldAlone.has(scopeKey(y)) && yUses.length && yUses.every((n) => n.together?.includes(x) && n.together.every((z) => listedKeys.has(scopeKey(z))))) partnersOf.set(x, (partnersOf.get(x) ?? new Set()).add(y));
          }
        }
      }
      const required = listed.filter((x) => partnersOf.has(x));
      // A permission type the old page said "Not supported." for and the new one lists names for (label d2245: Application
      // "Not supported." → "Application.ReadWrite.OwnedBy, Directory.ReadWrite.All"): apps of that kind gain the call, with
      // every name of the type. Where names the pooled comparison finds new are that type's alone, what changed is reported
      // as that type's support below, not as those names newly listed. (A type newly supported with names another type
      // already listed is not reported: the names compared are every type's together. The 2020-05 → 2021-07 drift has 628 such
      // operations, 522 of them Intune's, which gained an Application row naming their Delegated permission.)
      const onlyUnder = (x: string, types: Set<string>) => [...newByType].every(([type, uses]) => types.has(type) || !uses.some((n) => scopeKey(n.name) === scopeKey(x)));
      const supported = new Map([...supportAdded(va, newByType)].filter(([type]) => listed.some((x) => !required.includes(x) && onlyUnder(x, new Set([type])))));
      const added = listed.filter((x) => !required.includes(x) && !onlyUnder(x, new Set(supported.keys())));
      if (removed.length) out.push(change(this, narrowing.length > 0, va.version, subject, 'permissions.removed', `${k}: permission(s) no longer listed: ${removed.join(', ')}${note}`, sidesAt(removed, []), ['removed']));
      if (required.length) {
        const partners = [...new Set(required.flatMap((x) => [...partnersOf.get(x)!]))].sort();
        out.push(change(this, true, va.version, subject, 'permissions.required', `${k}: permission(s) now required together with ${partners.join(', ')}, which the old page listed alone: ${required.join(', ')}`, sidesAt(partners, required), ['required']));
      }
      if (added.length) out.push(change(this, false, va.version, subject, 'permissions.added', `${k}: permission(s) newly listed: ${added.join(', ')}`, sidesAt([], added).reverse(), ['added']));
      for (const [type, { was, now }] of supported) {
        const typeText = was.typeText.replace(/\s+/g, ' ').trim();
        const names = choices(now).join(', ');
        // The old row as the model reads it: "Not supported.", or "None." beside rows that list permissions (label d2301).
        out.push(change(this, false, va.version, subject, `permissions.${type}`, `${k}: ${typeText} now supported, with ${names} (the old page listed none)`,
          [sideOf(va.doc, was.src, 'none listed (not supported)'), sideOf(vb.doc, now[0]!.src, names)], ['supported', type]));
      }
      // A permission type the old page granted and the new one says "Not supported." for (label d1105's remark): apps of that
      // kind lose the call, whatever names other types still list —
      // the names compared above are every type's together. Not when another new page of the call still lists that type.
      for (const [type, { was, now }] of supportDropped(va, narrowed(va) ? vb : vb.doc, elsewhereTypes(allNew.get(k) ?? [], vb, narrowed(va)))) {
        const typeText = now.typeText.replace(/\s+/g, ' ').trim();
        const names = was.map((n) => n.name).join(', ');
        // Personal accounts on a call both pages say is only available on business services ("The preview action is currently
        // only available on SharePoint and OneDrive for Business", driveitem-preview.md; labels d1180, d1298, d1301, d1338):
        // the new row corrects the old one, no personal account could make the call — reported, not breaking.
        const note = type === 'delegatedPersonal' && businessOnly(va.doc) && businessOnly(vb.doc) ? vb.doc.availability! : undefined;
        out.push(change(this, !note, va.version, subject, `permissions.${type}`, note
          ? `${k}: ${typeText} now "Not supported." (the old page listed ${names}), as both pages' note already said: "${note.text}" — a correction of the table, not a loss`
          : `${k}: ${typeText} no longer supported (the old page listed ${names})`,
          [sideOf(va.doc, was[0]!.src, names), sideOf(vb.doc, now.src, 'Not supported'), ...(note ? [sideOf(vb.doc, note.src, note.text)] : [])], ['unsupported', type]));
      }
    }
    return out;
  },
};

/**
 * Permission types the old variant lists names for and the new one states only "Not supported." for (every row of that
 * type), each with the old names and the new row; types in `kept` (listed by another new page of the call) are left out.
 */
function supportDropped(old: Pick<Document, 'permissions'>, nu: Pick<Document, 'permissions'>, kept: Set<string>): Map<string, { was: PermissionName[]; now: PermissionEntry }> {
  const out = new Map<string, { was: PermissionName[]; now: PermissionEntry }>();
  for (const [type, was] of namesByType(old)) {
    const now = (nu.permissions?.entries ?? []).filter((e) => e.type === type);
    if (!kept.has(type) && was.length && now.length && now.every((e) => e.state === 'not-supported')) out.set(type, { was, now: now[0]! });
  }
  return out;
}

/**
 * Permission types the old variant states only "Not supported." for (every row of that type, at least one row; the model
 * reads "None." beside rows that list permissions so too) and the new side lists names for (`newByType`, namesByType of
 * the new variant as compared), each with the old row and the new names.
 */
function supportAdded(old: Pick<Document, 'permissions'>, newByType: Map<string, PermissionName[]>): Map<string, { was: PermissionEntry; now: PermissionName[] }> {
  const out = new Map<string, { was: PermissionEntry; now: PermissionName[] }>();
  for (const [type, now] of newByType) {
    const was = (old.permissions?.entries ?? []).filter((e) => e.type === type);
    if (now.length && was.length && was.every((e) => e.state === 'not-supported')) out.set(type, { was: was[0]!, now });
  }
  return out;
}

/**
 * The choices a type's names offer, each once, in the order the names come: a name alone, or the names "and" joins (in
 * alphabetical order). A name joined to several is in several choices unless they are joined to each other too:
 * "Application.Read.All and User.Read, Application.ReadWrite.All and User.Read" is two choices, "A and B and C" one.
 */
function choices(names: PermissionName[]): string[] {
  const partners = new Map<string, Set<string>>();
  for (const n of names) for (const t of n.together ?? []) partners.set(n.name, (partners.get(n.name) ?? new Set()).add(t));
  const out = new Set<string>();
  for (const n of names) {
    if (!n.together?.length) out.add(n.name);
    for (const t of n.together ?? []) {
      const group = [n.name, t, ...[...partners.get(n.name) ?? []].filter((u) => u !== t && partners.get(t)?.has(u))];
      out.add([...new Set(group)].sort(compareStr).join(' and '));
    }
  }
  return [...out];
}

/** Does the page say the call is only available on business services (SharePoint, OneDrive for Business, work or school accounts), none for personal accounts? */
function businessOnly(doc: Document): boolean {
  const t = doc.availability?.text ?? '';
  return /\b(?:SharePoint|OneDrive for Business|work or school)\b/i.test(t) && !/\b(?:personal|consumer|Microsoft accounts?)\b/i.test(t);
}

/** Permission types another new page of the call (not `vb`'s) lists names for. */
function elsewhereTypes(variants: OperationVariant[], vb: OperationVariant, narrowed: boolean): Set<string> {
  return new Set(variants.filter((v) => v.doc.file !== vb.doc.file).flatMap((v) => [...namesByType(narrowed ? v : v.doc)].filter(([, names]) => names.length).map(([type]) => type)));
}

/** Where a variant states the first of `names` (its row), else its first row, else its permissions section. */
function rowOf(v: Pick<Document, 'permissions'>, names: string[], types: Set<string>): Src {
  const wanted = new Set(names.map(scopeKey));
  const hit = permissionNames(v).find((n) => wanted.has(scopeKey(n.name)));
  if (hit) return hit.src;
  const entries = v.permissions!.entries;
  const row = entries.find((e) => types.has(e.type)) ?? entries.find((e) => e.permissions.length > 0) ?? entries[0];
  return row ? row.src : v.permissions!.src;
}

/** The permission types under which a variant names any of `names`. */
function typesNaming(v: Pick<Document, 'permissions'>, names: string[]): Set<string> {
  const wanted = new Set(names.map(scopeKey));
  return new Set([...namesByType(v)].filter(([, ns]) => ns.some((n) => wanted.has(scopeKey(n.name)))).map(([t]) => t));
}

/** A scope name as the service matches it: any letter case, no spaces. */
const scopeKey = (name: string): string => name.toLowerCase().replace(/\s+/g, '');

/** The permission names of a variant by permission type (entries and workload sub-rows). */
function namesByType(v: Pick<Document, 'permissions'>): Map<string, PermissionName[]> {
  const m = new Map<string, PermissionName[]>();
  for (const e of v.permissions?.entries ?? []) m.set(e.type, [...(m.get(e.type) ?? []), ...e.permissions, ...e.workloads.flatMap((w) => w.permissions)]);
  return m;
}

/** Every permission name of a variant (entries and workload sub-rows), with the names it is needed together with. */
function permissionNames(v: Pick<Document, 'permissions'>): PermissionName[] {
  return [...namesByType(v).values()].flat();
}
