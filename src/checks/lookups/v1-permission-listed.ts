import type { Lookup } from '../types.js';
import { docVersion } from '../../model/merge.js';

/** Does a v1.0 page's permission table list this permission (key: its name, lower case)? least-privileged-differs tells beta previews by it. */
export const V1_PERMISSION_LISTED: Lookup<boolean> = {
  id: 'v1-permission-listed',
  build({ model }) {
    const v1 = new Set<string>();
    for (const d of model.documents) if (docVersion(d) === 'v1.0') for (const e of d.permissions?.entries ?? []) for (const p of e.permissions) v1.add(p.name.toLowerCase());
    return (name) => v1.has(name);
  },
};
