/**
 * The permission-scope catalogue (msgraph-metadata `apiPermissionsAndScopes-*.xml`). Two parts
 * name scopes with their permission type: the `Org.OData.Authorization.V1.Authorizations`
 * annotation on the service (per type: DelegatedWork, DelegatedPersonal, Application) and the
 * per-path restriction annotations (ReadRestrictions, ... with a `SchemeName`: "Delegated (work
 * or school account)", "Delegated (personal Microsoft account)", "Application"). Neither is
 * complete on its own (the 2020-05 service list has no delegated Mail.ReadWrite, the per-path
 * lists have it), so a scope's types are the union of both.
 */
import { parseXmlWithLines } from './csdl.js';

import type { ScopeCatalogue, ScopeType } from '../../checks/metadata/service-side.js';
export type { ScopeCatalogue, ScopeType } from '../../checks/metadata/service-side.js';

type Node = Record<string, unknown>;
const arr = (v: unknown): Node[] => (Array.isArray(v) ? v as Node[] : v ? [v as Node] : []);

export function parseScopeCatalogue(xml: string, file: string): ScopeCatalogue {
  const { root, line } = parseXmlWithLines(xml.replace(/^\uFEFF/, ''));
  const schema = arr(root.Schema)[0];
  const out: ScopeCatalogue = { file, scopes: new Map() };
  if (!schema) throw new Error(`${file}: no <Schema> (not a permission-scope catalogue)`);
  const add = (scope: string, type: ScopeType, at: Node, description?: unknown) => {
    const l = out.scopes.get(scope) ?? [];
    const d = typeof description === 'string' && description ? { description } : {};
    const had = l.find((x) => x.type === type);
    if (!had) l.push({ type, line: line(at), ...d });
    else if (d.description && !had.description) had.description = d.description;
    out.scopes.set(scope, l);
  };
  // Per-path restrictions: every record with a SchemeName and Scopes, wherever it is nested.
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) { for (const x of n) walk(x); return; }
    if (!n || typeof n !== 'object') return;
    const node = n as Node;
    // Each Scopes belongs to the SchemeName before it: a record may list several schemes one after the other
    // (riskyUsers/confirmCompromised: Delegated then Application, in one Collection), not only one.
    let type: ScopeType | undefined;
    for (const p of arr(node.PropertyValue)) {
      if (p.Property === 'SchemeName') {
        const scheme = p.String;
        type = scheme === 'Application' ? 'Application' : typeof scheme === 'string' && /personal/i.test(scheme) ? 'DelegatedPersonal' : typeof scheme === 'string' && /delegated/i.test(scheme) ? 'DelegatedWork' : undefined;
      } else if (p.Property === 'Scopes' && type) {
        for (const c of arr(p.Collection)) for (const r of arr(c.Record)) {
          const scope = arr(r.PropertyValue).find((q) => q.Property === 'Scope')?.String;
          if (typeof scope === 'string') add(scope, type, r);
        }
      }
    }
    for (const v of Object.values(node)) if (typeof v === 'object') walk(v);
  };
  for (const ann of arr(schema.Annotations)) {
    for (const a of arr(ann.Annotation)) {
      if (a.Term !== 'Org.OData.Authorization.V1.Authorizations') continue;
      for (const coll of arr(a.Collection)) for (const rec of arr(coll.Record)) {
        const pvs = arr(rec.PropertyValue);
        const type = pvs.find((p) => p.Property === 'Name')?.String as ScopeType | undefined;
        if (type !== 'DelegatedWork' && type !== 'DelegatedPersonal' && type !== 'Application') continue;
        const scopesPv = pvs.find((p) => p.Property === 'Scopes');
        for (const c2 of arr(scopesPv?.Collection)) for (const r2 of arr(c2.Record)) {
          const rpvs = arr(r2.PropertyValue);
          const scope = rpvs.find((p) => p.Property === 'Scope')?.String;
          if (typeof scope === 'string') add(scope, type, r2, rpvs.find((p) => p.Property === 'Description')?.String);
        }
      }
    }
  }
  for (const ann of arr(schema.Annotations)) {
    if (ann.Target === 'microsoft.graph.GraphService') continue;
    walk(ann);
  }
  return out;
}
