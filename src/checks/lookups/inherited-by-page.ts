import type { Lookup } from '../types.js';
import { baseChains, typesByName } from '../type-relations.js';

/**
 * The properties a resource page's type inherits (its base types' properties, any page), lower case (key: the page's
 * path) — or null when a base type has no resource page in either version (a tree that lacks it: a sample, a pull
 * request's pages), so that what it inherits cannot be told; undefined for a page of no derived type.
 */
export const INHERITED_BY_PAGE: Lookup<Set<string> | null | undefined> = {
  id: 'inherited-by-page',
  build({ model }) {
    const m = new Map<string, Set<string> | null>();
    const chain = baseChains(model);
    const byName = typesByName(model);
    const hasPage = (b: string) => ['v1.0', 'beta'].some((v) => byName.get(`${v}|${b}`)?.some((bt) => bt.sources.some((x) => x.origin === 'resource')));
    for (const t of model.types) {
      if (!t.baseType) continue;
      const names = new Set<string>();
      let unknown = false;
      for (const b of chain(t.name, t.version).slice(1)) {
        if (!hasPage(b)) unknown = true;
        for (const bt of byName.get(`${t.version}|${b}`) ?? []) for (const p of bt.properties) names.add(p.name.toLowerCase());
      }
      for (const x of t.sources) if (x.origin === 'resource') m.set(x.doc.file, unknown ? null : names);
    }
    return (file) => m.get(file);
  },
};
