import type { Lookup } from '../types.js';

/** Is the tree only part of a docs tree (the engine found it partial and did not run the whole-tree rules; see tree-partial)? Key: ''. */
export const TREE_PARTIAL: Lookup<boolean> = {
  id: 'tree-partial',
  build: ({ notRun }) => () => notRun !== undefined,
};
