import { exampleSection, opPage } from '../fixture-pages.js';
import type { PageRule, FindingDraft } from '../types.js';
import { pageFinding } from '../page-finding.js';

export const rule: PageRule = {
  id: 'status-line-malformed',
  input: 'page',
  severity: 'warning',
  confidence: 'high',
  contexts: ['page'],
  summary: 'An example response has a malformed status line (HTTP 1.1 200 OK)',
  description: 'The first line of an example response is not `HTTP/<version> <code> <reason>`.',
  example: { before: 'HTTP 1.1 200 OK', after: 'HTTP/1.1 200 OK' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', exampleSection('GET https://graph.microsoft.com/v1.0/widgets/1', 'HTTP 1.1 200 OK')) },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', exampleSection('GET https://graph.microsoft.com/v1.0/widgets/1', 'HTTP/1.1 200 OK')) },
  },
  check({ pages }) {
    return pages.flatMap((p) =>
      p.examples.responses.filter((r) => r.statusLine.raw && !r.statusLine.wellFormed)
        .map((r) => pageFinding(this, p, r.src, `example.response.${r.index}.statusLine`, `Malformed status line ${JSON.stringify(r.statusLine.raw)}`, r.statusLine.raw, [String(r.index)])),
    ) as FindingDraft[];
  },
};
