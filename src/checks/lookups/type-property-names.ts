import type { Lookup } from '../types.js';
import { typePropertyNames } from '../type-relations.js';

/** The properties of each type, by `version|name` (lower case; see typePropertyNames): whether beta renames or extends a v1.0 type. */
export const TYPE_PROPERTY_NAMES: Lookup<Map<string, Set<string>>> = {
  id: 'type-property-names',
  build: ({ model }) => typePropertyNames(model),
};
