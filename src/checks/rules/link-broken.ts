import { opPage, resourcePage } from '../fixture-pages.js';
import type { ModelRule, FindingDraft } from '../types.js';
import { pageFinding } from '../page-finding.js';
import { partialTree, treeLinks } from '../tree-links.js';

export const rule: ModelRule = {
  id: 'link-broken',
  input: 'model',
  severity: 'warning',
  confidence: 'high',
  contexts: ['page', 'tree'],
  summary: 'A relative link leads to no page',
  description:
    'A relative link to a .md page whose target does not exist in the docs tree, or whose file name is malformed (an empty name such as `-user.md`, left by a template). Targets outside the input tree cannot be checked and are not reported; nor are missing targets on a tree that is only part of a docs tree (see tree-partial). Backslashes are path separators, as a browser reads them.',
  example: { before: '[user](../resources/-user.md)', after: '[user](../resources/user.md)' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\nSee [the widget](../resources/missing.md).\n'), 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||']) },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\nSee [the widget](../resources/widget.md).\n'), 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||']) },
  },
  check(input) {
    const links = treeLinks(input);
    const out: FindingDraft[] = links.malformed.map(({ page, link, why }) => pageFinding(this, page, link.src, 'link',
      why === 'escape' ? `Link target ${link.target} has a malformed percent-escape` : `Link target ${link.target} is malformed (template left unfilled?)`, link.target, [link.target]));
    // On a part of a docs tree, a target it lacks is most likely a page left out (tree-partial says so once).
    if (partialTree(input)) return out;
    for (const { page, link } of links.missing) out.push(pageFinding(this, page, link.src, 'link', `Link target ${link.target} does not exist`, link.target, [link.target]));
    return out;
  },
};
