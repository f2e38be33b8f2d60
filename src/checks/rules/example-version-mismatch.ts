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
  description: 'The page is a v1.0 page (by its path or disclaimer) but an example calls /beta, or the reverse; or an example calls Microsoft Graph with a version the service does not have in the version\'s place (`https://graph.microsoft.com/v1/reports/…`, `/v2.0/`). Readers copy the example and call the wrong endpoint, or none.',
  example: { before: 'v1.0 page: GET https://graph.microsoft.com/beta/me', after: 'GET https://graph.microsoft.com/v1.0/me' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', exampleSection('GET https://graph.microsoft.com/beta/widgets/1', 'HTTP/1.1 200 OK')) },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', exampleSection('GET https://graph.microsoft.com/v1.0/widgets/1', 'HTTP/1.1 200 OK')) },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      const v = p.apiVersion.value;
      const known = !!v && p.apiVersion.evidence.some((e) => e.kind !== 'example-url');
      for (const r of p.examples.requests) {
        if (r.unknownVersion) out.push(pageFinding(this, p, r.src, `example.request.${r.index}.version`, `Example request calls version ${r.unknownVersion}, which Microsoft Graph does not have (${known ? `this page's is ${v}` : 'v1.0 or beta'})`, r.unknownVersion, [String(r.index), r.unknownVersion]));
        else if (known && r.version && r.version !== v) out.push(pageFinding(this, p, r.src, `example.request.${r.index}.version`, `Example request calls ${r.version} on a ${v} page`, r.version, [String(r.index)]));
      }
    }
    return out;
  },
};
