import { opPage } from '../fixture-pages.js';
import type { PageRule, FindingDraft } from '../types.js';
import { pageFinding } from '../page-finding.js';

export const rule: PageRule = {
  id: 'description-empty',
  input: 'page',
  severity: 'info',
  confidence: 'low',
  contexts: ['page'],
  summary: 'The front matter description is empty',
  description: 'The `description` front-matter field is present but empty; search results and link previews show nothing.',
  example: { before: 'description: ""', after: 'description: "Update the properties of a user object."' },
  fixture: {
    before: { 'v1.0/api/a.md': '---\ntitle: "Get widget"\ndescription: ""\n---\n' + opPage('Get widget', 'GET', '/widgets/{id}') },
    after: { 'v1.0/api/a.md': '---\ntitle: "Get widget"\ndescription: "Read a widget."\n---\n' + opPage('Get widget', 'GET', '/widgets/{id}') },
  },
  check({ pages }) {
    return pages.filter((p) => p.frontMatter && typeof p.frontMatter.description === 'string' && p.frontMatter.description.trim() === '')
      .map((p) => pageFinding(this, p, p.description?.src ?? { file: p.file, line: 1, column: 1 }, 'frontMatter.description', 'Front matter description is empty', '""')) as FindingDraft[];
  },
};
