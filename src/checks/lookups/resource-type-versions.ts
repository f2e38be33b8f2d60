import type { Lookup } from '../types.js';

/** The versions whose resource pages define a type (key: its name, lower case), sorted: permission-set-differs drops rows for a type only one version has. */
export const RESOURCE_TYPE_VERSIONS: Lookup<string[]> = {
  id: 'resource-type-versions',
  build({ model }) {
    const versionsOf = new Map<string, Set<string>>();
    for (const t of model.types) if (t.sources.some((s) => s.origin === 'resource')) {
      const k = t.name.toLowerCase();
      if (!versionsOf.has(k)) versionsOf.set(k, new Set());
      versionsOf.get(k)!.add(t.version ?? '');
    }
    return (name) => [...versionsOf.get(name) ?? []].sort();
  },
};
