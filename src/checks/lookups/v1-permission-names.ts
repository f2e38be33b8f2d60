import type { Lookup } from '../types.js';
import { docVersion } from '../../model/merge.js';

/** Every permission name a v1.0 page's permission table lists (lower case): least-privileged-differs tells beta previews by it. */
export const V1_PERMISSION_NAMES: Lookup<Set<string>> = {
  id: 'v1-permission-names',
  build({ model }) {
    const v1 = new Set<string>();
    for (const d of model.documents) if (docVersion(d) === 'v1.0') for (const e of d.permissions?.entries ?? []) for (const p of e.permissions) v1.add(p.name.toLowerCase());
    return v1;
  },
};
