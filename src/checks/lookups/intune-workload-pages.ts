import type { Lookup } from '../types.js';
import { docVersion } from '../../model/merge.js';
import { intuneWorkload } from '../compare.js';

/**
 * The Intune workloads with a page of a name in a version (key: `v1.0|deviceappmanagement-update.md` → apps, books, …),
 * over the pages of the tree: the groups the rules compare keep one page of a version whose pages are all workload pages.
 */
export const INTUNE_WORKLOAD_PAGES: Lookup<Set<string>> = {
  id: 'intune-workload-pages',
  build({ pages }) {
    const workloads = new Map<string, Set<string>>();
    for (const d of pages) {
      const w = intuneWorkload(d.file);
      if (!w || w.workload === 'shared') continue;
      const k = `${docVersion(d)}|${w.page}`;
      if (!workloads.has(k)) workloads.set(k, new Set());
      workloads.get(k)!.add(w.workload);
    }
    return (key) => workloads.get(key) ?? new Set();
  },
};
