import { opPage } from '../fixture-pages.js';
import type { ModelRule, FindingDraft } from '../types.js';
import { pageFinding } from '../page-finding.js';

export const rule: ModelRule = {
  id: 'permissions-include-missing',
  input: 'model',
  wholeTree: true,
  severity: 'error',
  confidence: 'medium',
  contexts: ['tree'],
  summary: 'The include that should hold a page\'s permission table does not exist',
  description: 'Newer pages keep their permission table in an include (`[!INCLUDE [permissions-table](../includes/permissions/…)]`); when that file is missing the rendered page shows no permissions at all. Not reported on a tree that is only part of a docs tree (see tree-partial).',
  example: { before: '[!INCLUDE [permissions-table](../includes/permissions/user-get-permissions.md)]   (file missing)', after: 'includes/permissions/user-get-permissions.md exists' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\n## Permissions\n\n[!INCLUDE [permissions-table](../includes/permissions/widget-get.md)]\n'), 'v1.0/includes/permissions/other.md': '|Permission type|Permissions|\n|:--|:--|\n|Application|Widget.Read.All|\n' },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\n## Permissions\n\n[!INCLUDE [permissions-table](../includes/permissions/other.md)]\n'), 'v1.0/includes/permissions/other.md': '|Permission type|Permissions|\n|:--|:--|\n|Application|Widget.Read.All|\n' },
  },
  check(input) {
    const { pages } = input;
    const out: FindingDraft[] = [];
    for (const p of pages) {
      for (const inc of p.includes) {
        if (inc.kind !== 'unresolved' || !/permission/i.test(`${inc.label} ${inc.target}`)) continue;
        out.push(pageFinding(this, p, inc.src, 'permissions.include', `Permissions include ${inc.target} could not be read`, inc.target, [inc.target]));
      }
    }
    return out;
  },
};
