import type { Lookup } from '../types.js';
import { documentedProperties, isTableRow, typesByName } from '../type-relations.js';

/** What the resource pages document of one type in one version (see DOCUMENTED_PROPERTIES). */
export interface DocumentedType {
  /** A Properties or Relationships row of a page of the type itself states some property. */
  tableRows: boolean;
  /** The properties the resource pages of the type and of its base types document (documentedProperties), lower case. */
  documented: Set<string>;
  /** Of those, the ones no row calls read-only (documentedProperties with writableOnly). */
  writable: Set<string>;
}

/** What the resource pages document of a type in a version (key: documentedKey). */
export const DOCUMENTED_PROPERTIES: Lookup<DocumentedType> = {
  id: 'documented-properties',
  build({ model }) {
    const documented = documentedProperties(model);
    const writable = documentedProperties(model, true);
    const byName = typesByName(model);
    return (key) => {
      const bar = key.indexOf('|');
      const version = key.slice(0, bar), name = key.slice(bar + 1);
      return { tableRows: !!byName.get(key)?.some((t) => t.sources.some(isTableRow)), documented: documented(name, version), writable: writable(name, version) };
    };
  },
};

/** The key of DOCUMENTED_PROPERTIES for a type name as written and a version. */
export function documentedKey(name: string, version: string): string {
  return `${version}|${name.toLowerCase()}`;
}
