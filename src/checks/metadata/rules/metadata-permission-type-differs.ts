import type { MetadataRule } from '../types.js';
import { perm } from '../fixtures.js';

export const rule: MetadataRule = {
  id: 'metadata-permission-type-differs',
  severity: 'info',
  summary: 'A permission the catalogue knows is documented under a permission type that does not have it',
  description: 'A name documented as Application that the catalogue lists only as delegated (DelegatedWork / DelegatedPersonal), or documented as delegated that the catalogue lists only as Application. Old-style scope lists whose type is not stated are not compared. Severity info: the catalogue\'s per-type lists are incomplete (the 2020-05 one has no application DeviceManagementApps.* or Policy.Read.All, both of which the service grants), so most findings name a catalogue gap rather than a docs error; see the hand check in test/precision/metadata-handcheck.md.',
  example: {
    before: { docs: { permissions: [perm('User.Read', 'application')] }, csdl: '', scopes: ['DelegatedWork:User.Read', 'Application:User.Read.All'] },
    after: { docs: { permissions: [perm('User.Read.All', 'application'), perm('User.Read', 'delegatedWork')] }, csdl: '', scopes: ['DelegatedWork:User.Read', 'Application:User.Read.All'] },
  },
  check(ctx) {
    if (!ctx.scopes) return [];
    const out = [];
    const seen = new Set<string>();
    for (const p of ctx.docs.permissions) {
      if (p.type === 'unspecified') continue;
      const types = ctx.scopes.scopes.get(p.name);
      if (!types) continue;
      const ok = p.type === 'application' ? types.some((t) => t.type === 'Application') : types.some((t) => t.type !== 'Application');
      if (ok) continue;
      const k = `${p.name}|${p.type}|${p.src.file}|${p.src.line}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ rule: this.id, subject: p.name, field: `permissions.${p.type}`, args: [p.src.file, String(p.src.line)], message: `Permission ${p.name} is documented as ${p.type} but the catalogue has it only as ${types.map((t) => t.type).join(', ')}`, docs: { ...p.src, value: p.name }, metadata: { file: ctx.scopes.file, element: `Authorizations (GraphService)/${types[0]!.type}/Scope ${p.name}`, line: types[0]!.line, value: types.map((t) => t.type).join(', ') } });
    }
    return out;
  },
};
