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
  const add = (scope: string, type: ScopeType, at: Node) => {
    const l = out.scopes.get(scope) ?? [];
    if (!l.some((x) => x.type === type)) l.push({ type, line: line(at) });
    out.scopes.set(scope, l);
  };
  // Per-path restrictions: every record with a SchemeName and Scopes, wherever it is nested.
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) { for (const x of n) walk(x); return; }
    if (!n || typeof n !== 'object') return;
    const node = n as Node;
    const pvs = arr(node.PropertyValue);
    const scheme = pvs.find((p) => p.Property === 'SchemeName')?.String;
    const type: ScopeType | undefined = scheme === 'Application' ? 'Application' : typeof scheme === 'string' && /personal/i.test(scheme) ? 'DelegatedPersonal' : typeof scheme === 'string' && /delegated/i.test(scheme) ? 'DelegatedWork' : undefined;
    if (type) {
      for (const c of arr(pvs.find((p) => p.Property === 'Scopes')?.Collection)) for (const r of arr(c.Record)) {
        const scope = arr(r.PropertyValue).find((p) => p.Property === 'Scope')?.String;
        if (typeof scope === 'string') add(scope, type, r);
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
          const scope = arr(r2.PropertyValue).find((p) => p.Property === 'Scope')?.String;
          if (typeof scope === 'string') add(scope, type, r2);
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
