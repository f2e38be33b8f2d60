import type { Lookup } from '../types.js';
import type { Src } from '../../model/schema.js';

/**
 * An entity type a page defines (key: `version name`, the name lower case), with where its first resource page states
 * it, or null: derived from an entity type, or annotated as one and holding an id (its own row, or a base type's) — not
 * only annotated ("keyProperty": "id" copied onto accessReviewNotificationRecipientItem, which has none), nor guessed
 * from an id row (userIdentity, a complex type, has one).
 */
export const ENTITY_TYPE: Lookup<{ name: string; page: Src | null } | null> = {
  id: 'entity-type',
  build({ model }) {
    const m = new Map<string, (typeof model.types)[number]>(model.types.filter((t) => t.sources.some((x) => x.origin === 'resource') && t.kind === 'entity'
      && (t.kindFrom === 'base-type' || (t.kindFrom === 'annotation' && (!!t.baseType || t.properties.some((x) => x.name === 'id')))))
      .map((t) => [`${t.version} ${t.name.toLowerCase()}`, t] as const));
    return (key) => {
      const t = m.get(key);
      if (!t) return null;
      const s = t.sources.find((y) => y.origin === 'resource')?.src;
      return { name: t.name, page: s ? { ...s } : null };
    };
  },
};
