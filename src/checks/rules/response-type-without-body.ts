import { opPage } from '../fixture-pages.js';
import type { PageRule, FindingDraft } from '../types.js';
import { isLive, pageFinding } from '../page-finding.js';

export const rule: PageRule = {
  id: 'response-type-without-body',
  input: 'page',
  severity: 'info',
  confidence: 'medium',
  contexts: ['page'],
  summary: 'An example response annotation declares a type for a response that has no body',
  description: 'The annotation of a 204 (or body-less) example response still declares `@odata.type` — usually copied from a template. Test tooling that reads annotations expects a body of that type. Examples marked `"blockType": "ignored"` are not checked, nor `"@odata.type": "microsoft.graph.None"`, the docs\' marker for no body type.',
  example: { before: '<!-- { "blockType": "response", "@odata.type": "microsoft.graph.user" } -->\nHTTP/1.1 204 No Content', after: '<!-- { "blockType": "response" } -->\nHTTP/1.1 204 No Content' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\n## Example\n\n### Request\n\n```http\nGET https://graph.microsoft.com/v1.0/widgets/1\n```\n\n### Response\n\n<!-- { "blockType": "response", "@odata.type": "microsoft.graph.widget" } -->\n```http\nHTTP/1.1 204 No Content\n```\n') },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\n## Example\n\n### Request\n\n```http\nGET https://graph.microsoft.com/v1.0/widgets/1\n```\n\n### Response\n\n<!-- { "blockType": "response" } -->\n```http\nHTTP/1.1 204 No Content\n```\n') },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      for (const r of p.examples.responses) {
        const t = r.annotation?.fields['@odata.type'];
        if (typeof t !== 'string' || !isLive(r) || r.body || (r.statusLine.code !== 204 && r.statusLine.code !== null)) continue;
        // `microsoft.graph.None` is the docs' marker for no body type (76 body-less responses of the 2020-05 tree carry it): it agrees with the 204.
        if (/^#?microsoft\.graph\.none$/i.test(t.trim())) continue;
        out.push(pageFinding(this, p, r.annotation!.src, `example.response.${r.index}.odataType`, `Response annotation declares @odata.type ${t}, but the response (${r.statusLine.raw || 'no status line'}) has no body`, t, [String(r.index)], [{ src: r.src, value: r.statusLine.raw }]));
      }
    }
    return out;
  },
};
