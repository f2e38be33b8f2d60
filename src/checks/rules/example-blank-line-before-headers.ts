import { exampleSection, opPage } from '../fixture-pages.js';
import type { PageRule, FindingDraft } from '../types.js';
import { pageFinding } from '../page-finding.js';

export const rule: PageRule = {
  id: 'example-blank-line-before-headers',
  input: 'page',
  severity: 'warning',
  confidence: 'high',
  contexts: ['page'],
  summary: 'A blank line separates an example\'s request line from its headers',
  description: 'In HTTP a blank line ends the headers, so tools that replay the example send the headers as the body.',
  example: { before: 'PATCH https://graph.microsoft.com/v1.0/me\n\nContent-Type: application/json', after: 'PATCH https://graph.microsoft.com/v1.0/me\nContent-Type: application/json' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', exampleSection('PATCH https://graph.microsoft.com/v1.0/widgets/1\n\nContent-Type: application/json', 'HTTP/1.1 204 No Content')) },
    after: { 'v1.0/api/a.md': opPage('Update widget', 'PATCH', '/widgets/{id}', exampleSection('PATCH https://graph.microsoft.com/v1.0/widgets/1\nContent-Type: application/json', 'HTTP/1.1 204 No Content')) },
  },
  check({ pages }) {
    return pages.flatMap((p) => p.examples.requests.filter((r) => r.blankLineBeforeHeaders)
      .map((r) => pageFinding(this, p, r.src, `example.request.${r.index}.headers`, 'Blank line between the request line and the headers', r.url, [String(r.index)]))) as FindingDraft[];
  },
};
