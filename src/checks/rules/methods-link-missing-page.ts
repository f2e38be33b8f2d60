import { opPage, resourcePage } from '../fixture-pages.js';
import { dirname, resolve } from 'node:path';
import type { ModelRule, FindingDraft } from '../types.js';
import { sideOf } from '../types.js';

export const rule: ModelRule = {
  id: 'methods-link-missing-page',
  input: 'model',
  wholeTree: true,
  severity: 'warning',
  confidence: 'high',
  contexts: ['tree'],
  summary: 'A Methods-table link of a resource page leads to no page',
  description: 'The Methods table of a resource page links to an operation page that does not exist in the docs tree. Links outside the input tree cannot be checked and are not reported. Not reported on a tree that is only part of a docs tree (see tree-partial).',
  example: { before: '| [Get user](../api/user-get.md) | ... |   (no api/user-get.md)', after: '| [Get user](../api/user-get.md) | ... |   (page exists)' },
  fixture: {
    before: { 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||'], '\n## Methods\n\n|Method|Return type|Description|\n|:--|:--|:--|\n|[Delete widget](../api/widget-delete.md)|None|x|\n'), 'v1.0/api/other.md': opPage('Get widget', 'GET', '/widgets/{id}') },
    after: { 'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||'], '\n## Methods\n\n|Method|Return type|Description|\n|:--|:--|:--|\n|[Get widget](../api/other.md)|widget|x|\n'), 'v1.0/api/other.md': opPage('Get widget', 'GET', '/widgets/{id}') },
  },
  check(input) {
    const { pages, tree } = input;
    const out: FindingDraft[] = [];
    for (const p of pages) {
      const abs = tree.absOf(p.file);
      if (!abs || !p.resource) continue;
      for (const m of p.resource.methods) {
        if (!m.target || /^[a-z]+:|^\/|^#/i.test(m.target)) continue;
        const target = resolve(dirname(abs), decodeURIComponent(m.target.replace(/#[\s\S]*$/, '')));
        if (tree.exists(target) !== false) continue;
        out.push({ rule: this.id, severity: this.severity, context: 'tree', subject: p.file, field: `methods.${m.target}`, message: `Methods table links "${m.text}" to ${m.target}, which does not exist`, sides: [sideOf(p, m.src, m.target)], args: [m.target] });
      }
    }
    return out;
  },
};
