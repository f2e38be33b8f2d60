import type { ModelRule, FindingDraft } from '../types.js';
import { isLive, pageFinding } from '../page-finding.js';
import { pathFitsTemplate } from '../../model/identity.js';

export const rule: ModelRule = {
  id: 'example-status-contradicts-response',
  input: 'model',
  severity: 'error',
  confidence: 'medium',
  contexts: ['page'],
  summary: 'An example response status is not one the Response section states',
  description: 'The status code of an example response is none of the codes the page\'s Response section gives for success (error examples, 4xx/5xx, are not checked). Examples marked `"blockType": "ignored"`, and responses to a request that fits none of the page\'s templates (a call to an upload URL or a redirect target), are not checked.',
  example: { before: 'Response: returns 204 No Content\nexample: HTTP/1.1 200 OK', after: 'example: HTTP/1.1 204 No Content' },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      const stated = p.response?.statuses.map((s) => s.code) ?? [];
      if (!stated.length) continue;
      const ops = p.operations.filter((o) => !o.fromExample);
      for (const r of p.examples.responses) {
        const c = r.statusLine.code;
        if (c === null || c >= 400 || stated.includes(c) || !isLive(r)) continue;
        // A response to a call of another operation (the PUT to an upload URL, a redirect's target) is not this operation's.
        const req = r.answers === null ? undefined : p.examples.requests[r.answers];
        if (req && ops.length && !ops.some((o) => o.method === req.method && pathFitsTemplate(req.path.replace(/\?.*$/, ''), o.path))) continue;
        out.push(pageFinding(this, p, r.src, `example.response.${r.index}.status`, `Example response is ${c}, the Response section says ${stated.join(' or ')}`, String(c), [String(r.index)], [{ src: p.response!.statuses[0]!.src, value: stated.join(', ') }]));
      }
    }
    return out;
  },
};
