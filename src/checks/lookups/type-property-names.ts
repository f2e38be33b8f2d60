import type { Lookup } from '../types.js';
import { typePropertyNames } from '../type-relations.js';

/**
 * The properties of the types of a name in a version (key: `version|name`, lower case; see typePropertyNames), or null
 * when the version has no type of that name: whether beta renames or extends a v1.0 type (extendsByNames).
 */
export const TYPE_PROPERTY_NAMES: Lookup<Set<string> | null> = {
  id: 'type-property-names',
  build({ model }) {
    const names = typePropertyNames(model);
    return (key) => names.get(key) ?? null;
  },
};
