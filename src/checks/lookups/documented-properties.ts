import type { Lookup } from '../types.js';
import { documentedProperties, isTableRow } from '../type-relations.js';

/** What the resource pages document of one type in one version (see DOCUMENTED_PROPERTIES). */
export interface DocumentedType {
  /** A Properties or Relationships row of a page of the type itself states some property. */
  tableRows: boolean;
  /** The properties the resource pages of the type and of its base types document (documentedProperties), lower case. */
  documented: Set<string>;
  /** Of those, the ones no row calls read-only (documentedProperties with writableOnly). */
  writable: Set<string>;
}

/**
 * What the resource pages document of each type, by `version|name` (lower case), for both versions and every type
 * name either has (a type of one version is looked up in the other too); a key it lacks documents nothing.
 */
export const DOCUMENTED_PROPERTIES: Lookup<Map<string, DocumentedType>> = {
  id: 'documented-properties',
  build({ model }) {
    const documented = documentedProperties(model);
    const writable = documentedProperties(model, true);
    const rows = new Set<string>();
    const names = new Set<string>();
    for (const t of model.types) {
      names.add(t.name.toLowerCase());
      if (t.sources.some(isTableRow)) rows.add(`${t.version}|${t.name.toLowerCase()}`);
    }
    const out = new Map<string, DocumentedType>();
    for (const version of ['v1.0', 'beta']) for (const name of names) {
      const k = `${version}|${name}`;
      const d = documented(name, version);
      if (!rows.has(k) && !d.size) continue;
      out.set(k, { tableRows: rows.has(k), documented: d, writable: writable(name, version) });
    }
    return out;
  },
};

const NOTHING: DocumentedType = { tableRows: false, documented: new Set(), writable: new Set() };

/** The entry of `version|name` (lower-cased here), or one that documents nothing. */
export function documentedType(map: ReadonlyMap<string, DocumentedType>, name: string, version: string): DocumentedType {
  return map.get(`${version}|${name.toLowerCase()}`) ?? NOTHING;
}
