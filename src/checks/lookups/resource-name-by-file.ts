import type { Lookup } from '../types.js';

/** The type a resource page documents (key: the page's path, lower case), or null: what a link to that page names. */
export const RESOURCE_NAME_BY_FILE: Lookup<string | null> = {
  id: 'resource-name-by-file',
  build({ model }) {
    const byFile = new Map(model.documents.map((d) => [d.file.toLowerCase(), d] as const));
    return (file) => byFile.get(file)?.resource?.name ?? null;
  },
};
