import type { Lookup } from '../types.js';
import { typeRelations } from '../type-relations.js';

/**
 * Are two types (as written) the same, one derived from the other, or siblings under a common base other than entity, in
 * a version (typeRelations)? Key: relatedKey(a, b, version).
 */
export const TYPE_RELATED: Lookup<boolean> = {
  id: 'type-related',
  build({ model }) {
    const related = typeRelations(model);
    return (key) => {
      const [version, a, b] = key.split('\n') as [string, string, string];
      return related(a, b, version === '' ? null : version);
    };
  },
};

/** The key of TYPE_RELATED. */
export function relatedKey(a: string, b: string, version: string | null): string {
  return `${version ?? ''}\n${a}\n${b}`;
}
