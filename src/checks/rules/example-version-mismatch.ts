import { exampleSection, opPage } from '../fixture-pages.js';
import type { PageRule, FindingDraft } from '../types.js';
import { pageFinding } from '../page-finding.js';

export const rule: PageRule = {
  id: 'example-version-mismatch',
  input: 'page',
  severity: 'warning',
  confidence: 'high',
  contexts: ['page'],
  summary: 'An example request URL uses the other API version',
  description: 'The page is a v1.0 page (by its path or disclaimer) but an example calls /beta, or the reverse. Readers copy the example and call the wrong endpoint.',
  example: { before: 'v1.0 page: GET https://graph.microsoft.com/beta/me', after: 'GET https://graph.microsoft.com/v1.0/me' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', exampleSection('GET https://graph.microsoft.com/beta/widgets/1', 'HTTP/1.1 200 OK')) },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', exampleSection('GET https://graph.microsoft.com/v1.0/widgets/1', 'HTTP/1.1 200 OK')) },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      const v = p.apiVersion.value;
      if (!v || !p.apiVersion.evidence.some((e) => e.kind !== 'example-url')) continue;
      for (const r of p.examples.requests) {
        if (r.version && r.version !== v) out.push(pageFinding(this, p, r.src, `example.request.${r.index}.version`, `Example request calls ${r.version} on a ${v} page`, r.version, [String(r.index)]));
      }
    }
    return out;
  },
};
