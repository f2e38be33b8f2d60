import { opPage } from '../fixture-pages.js';
import type { PageRule, FindingDraft } from '../types.js';
import { pageFinding } from '../page-finding.js';

export const rule: PageRule = {
  id: 'body-table-create-wording',
  input: 'page',
  severity: 'info',
  confidence: 'high',
  contexts: ['page'],
  summary: 'An update (PATCH/PUT) page introduces its body table as "required when you create"',
  description: 'The request-body table of an update operation is introduced as the properties "required when you create" the resource — template text from a create page. Readers cannot tell which properties the update accepts.',
  example: { before: 'PATCH /users/{id}\nThe following table shows the properties that are required when you create the user.', after: 'The following table shows the properties that you can update.' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', '\n## Request body\n\nThe following table shows the properties that are required when you create the widget.\n\n|Property|Type|Description|\n|:--|:--|:--|\n|name|String||\n') },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', '\n## Request body\n\nThe following table shows the properties that you can update.\n\n|Property|Type|Description|\n|:--|:--|:--|\n|name|String||\n') },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      if (!p.requestBody?.requiredWhenCreating) continue;
      const op = p.operations.find((o) => o.method === 'PATCH' || o.method === 'PUT');
      if (!op) continue;
      out.push(pageFinding(this, p, p.requestBody.src, 'requestBody.wording', `The ${op.method} page's body table is introduced as the properties "required when you create" the resource`, 'required when you create', []));
    }
    return out;
  },
};
