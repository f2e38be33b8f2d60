import { opPage, resourcePage } from '../fixture-pages.js';
import type { ModelRule } from '../types.js';
import { pageFinding } from '../page-finding.js';
import { treeLinks } from '../tree-links.js';

export const rule: ModelRule = {
  id: 'link-broken',
  input: 'model',
  wholeTree: true,
  severity: 'warning',
  confidence: 'high',
  contexts: ['page', 'tree'],
  summary: 'A relative link leads to no page',
  description:
    'A relative link to a .md page whose target does not exist in the docs tree (in any letter case: the docs site resolves links case-insensitively). Backslashes are path separators, as a browser reads them. Targets outside the input tree cannot be checked and are not reported; nor are missing targets on a tree that is only part of a docs tree (see tree-partial). A target that cannot be a page at all is link-malformed\'s.',
  example: { before: '[widget](../resources/missing.md)   (no resources/missing.md)', after: '[widget](../resources/widget.md)' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\nSee [the widget](../resources/missing.md).\n'), 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||']) },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\nSee [the widget](../resources/widget.md).\n'), 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||']) },
  },
  check(input) {
    return treeLinks(input).missing.map(({ page, link }) => pageFinding(this, page, link.src, 'link', `Link target ${link.target} does not exist`, link.target, [link.target]));
  },
};
