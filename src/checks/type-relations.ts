/**
 * Type relations of the model, for rules that compare type names: a derived type's page or
 * example naming the derived type agrees with a base type (`mailSearchFolder` is a `mailFolder`),
 * and so do siblings under a common base other than `entity` (polymorphic variants).
 */
import type { ApiModel, TypeModel } from '../model/types.js';

/** Bare type name: `#microsoft.graph.x` / `microsoft.graph.ediscovery.x` / `Collection(microsoft.graph.x)` → `x`, lower-case. */
export function bareTypeName(t: string): { name: string; collection: boolean; namespace: string } {
  // "Drive resource", "user object": the Response section's wording around a type name.
  let s = t.trim().replace(/^#/, '').replace(/(?<!\s)\s+(resource|object|entity|type)s?$/i, '');
  const m = /^Collection\((.*)\)$/i.exec(s);
  if (m) s = m[1]!.trim();
  const i = s.lastIndexOf('.');
  return { name: (i < 0 ? s : s.slice(i + 1)).toLowerCase(), namespace: i < 0 ? '' : s.slice(0, i), collection: !!m };
}

export function typeRelations(model: Pick<ApiModel, 'types'>): (a: string, b: string, version: string | null) => boolean {
  const byName = new Map<string, TypeModel>();
  for (const t of model.types) {
    const k = `${t.version}|${t.name.toLowerCase()}`;
    if (!byName.has(k)) byName.set(k, t);
  }
  const chain = (name: string, version: string | null): string[] => {
    const out = [name];
    let cur = byName.get(`${version}|${name}`) ?? byName.get(`v1.0|${name}`) ?? byName.get(`beta|${name}`);
    while (cur?.baseType && out.length < 20) {
      const b = cur.baseType.name.toLowerCase();
      if (out.includes(b)) break;
      out.push(b);
      cur = byName.get(`${cur.version}|${b}`);
    }
    return out;
  };
  return (a, b, version) => {
    const x = bareTypeName(a).name;
    const y = bareTypeName(b).name;
    if (x === y) return true;
    const cx = chain(x, version);
    const cy = chain(y, version);
    return cx.includes(y) || cy.includes(x) || cx.some((n) => n !== 'entity' && cy.includes(n));
  };
}
