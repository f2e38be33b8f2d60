import { opPage, resourcePage } from '../fixture-pages.js';
import type { FindingDraft, PageRule } from '../types.js';
import { pageFinding } from '../page-finding.js';
import { linkTarget } from '../tree-links.js';

export const rule: PageRule = {
  id: 'link-malformed',
  input: 'page',
  severity: 'warning',
  confidence: 'high',
  contexts: ['page'],
  summary: 'A relative link whose target cannot be a page',
  description:
    'A relative link whose target no tree could hold: a malformed percent-escape, or a file name a template left unfilled (an empty name such as `-user.md` or `.md`, a name starting with `_` or `.`, a path with white space). Reported on any tree, whole or partial: the claim is about the link, not about what the tree lacks (a well-formed target the tree lacks is link-broken\'s).',
  example: { before: '[user](../resources/-user.md)', after: '[user](../resources/user.md)' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\nSee [the widget](../resources/-widget.md).\n'), 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||']) },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\nSee [the widget](../resources/widget.md).\n'), 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||']) },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const page of pages) {
      for (const link of page.links) {
        const t = linkTarget(link.target);
        if (t.ok) continue;
        out.push(pageFinding(this, page, link.src, 'link',
          t.why === 'escape' ? `Link target ${link.target} has a malformed percent-escape` : `Link target ${link.target} is malformed (template left unfilled?)`, link.target, [link.target]));
      }
    }
    return out;
  },
};
