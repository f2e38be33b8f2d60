import type { MetadataRule } from '../types.js';
import { perm } from '../fixtures.js';

/** How a scope description words an application permission, and a delegated one. */
const APP_WORDING = /without a signed[- ]in user/i;
const DELEGATED_WORDING = /signed[- ]in user|on behalf of/i;

/** A permission's family: its name before the first dot (`DeviceManagementApps.Read.All` → `DeviceManagementApps`). */
const family = (name: string) => name.split('.')[0]!;

export const rule: MetadataRule = {
  id: 'metadata-permission-type-differs',
  severity: 'info',
  summary: 'A permission the catalogue knows is documented under a permission type that does not have it',
  description: 'A name documented as Application that the catalogue lists only as delegated (DelegatedWork / DelegatedPersonal), or documented as delegated that the catalogue lists only as Application. Old-style scope lists whose type is not stated are not compared. The catalogue\'s per-type lists are incomplete: the 2020-05 one lists no DeviceManagement* permission as Application at all, though the service grants them, and every finding of a labelled sample of 28 named such a gap. So a permission is compared only when the catalogue lists some permission of its family (the name before the first dot: `DeviceManagementApps`, `User`) under the documented type — then it knows that family\'s permissions of that type, and a name it lacks there is the docs\' word against it; otherwise the finding is counted under policy `catalogue-lacks-family`, not reported (the summary says how many). Nor is it when the catalogue\'s own description of the scope says the other kind — a record under Application that reads "the signed-in user\'s mailbox" (the 2020-05 v1.0 catalogue files a block of delegated Mail scopes so): policy `catalogue-contradicts-itself`, counted. A name documented as delegated that the catalogue lists only as Application is counted under policy `catalogue-lacks-delegated`, not reported: the catalogue\'s delegated lists lag the service (of nine such findings labelled by reading the pages and the catalogue, none was a docs error — each named a delegated permission the service grants, AccessReview.ReadWrite.Membership among them). Severity info.',
  example: {
    before: { docs: { permissions: [perm('User.Read', 'application')] }, csdl: '', scopes: ['DelegatedWork:User.Read', 'Application:User.Read.All'] },
    after: { docs: { permissions: [perm('User.Read.All', 'application'), perm('User.Read', 'delegatedWork')] }, csdl: '', scopes: ['DelegatedWork:User.Read', 'Application:User.Read.All'] },
  },
  check(ctx) {
    if (!ctx.scopes) return [];
    const out = [];
    const seen = new Set<string>();
    // The families (name before the first dot) the catalogue lists under application and under delegated types.
    const families = { application: new Set<string>(), delegated: new Set<string>() };
    for (const [name, types] of ctx.scopes.scopes) for (const t of types) families[t.type === 'Application' ? 'application' : 'delegated'].add(family(name));
    for (const p of ctx.docs.permissions) {
      if (p.type === 'unspecified') continue;
      const types = ctx.scopes.scopes.get(p.name);
      if (!types) continue;
      const ok = p.type === 'application' ? types.some((t) => t.type === 'Application') : types.some((t) => t.type !== 'Application');
      if (ok) continue;
      const k = `${p.name}|${p.type}|${p.src.file}|${p.src.line}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const known = families[p.type === 'application' ? 'application' : 'delegated'].has(family(p.name));
      // The catalogue's own description says the other kind ("the signed-in user's mailbox" listed under Application):
      // its type for this scope is not to be trusted.
      const selfContradicts = types.some(({ type, description: d }) => d !== undefined
        && (type === 'Application' ? !APP_WORDING.test(d) && DELEGATED_WORDING.test(d) : APP_WORDING.test(d)));
      // Documented as delegated, listed only as Application: the 2020-05 catalogues' delegated lists lag the service (every
      // labelled finding of this direction, 9 of 9, named a delegated permission the service grants: AccessReview.ReadWrite.
      // Membership, AppCatalog.ReadWrite.All, Financials.ReadWrite.All; labels b029, b110, b113, b483, v023).
      const policy = !known ? 'catalogue-lacks-family' : selfContradicts ? 'catalogue-contradicts-itself' : p.type !== 'application' ? 'catalogue-lacks-delegated' : undefined;
      out.push({ rule: this.id, ...(policy ? { policy } : {}), subject: p.name, field: `permissions.${p.type}`, args: [p.src.file, String(p.src.line)], message: `Permission ${p.name} is documented as ${p.type} but the catalogue has it only as ${types.map((t) => t.type).join(', ')}`, docs: { ...p.src, value: p.name }, metadata: { file: ctx.scopes.file, element: `Authorizations (GraphService)/${types[0]!.type}/Scope ${p.name}`, line: types[0]!.line, value: types.map((t) => t.type).join(', ') } });
    }
    return out;
  },
};
