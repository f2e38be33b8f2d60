import type { Lookup } from '../types.js';

/** Does the model have a type of this name in either version (key: the name, lower case)? */
export const TYPE_NAME_KNOWN: Lookup<boolean> = {
  id: 'type-name-known',
  build({ model }) {
    const names = new Set(model.types.map((t) => t.name.toLowerCase()));
    return (name) => names.has(name);
  },
};
