import { exampleSection, opPage, responseSection } from '../fixture-pages.js';
import type { PageRule, FindingDraft } from '../types.js';
import { callsOtherService, isLive, pageFinding } from '../page-finding.js';
import { pathFitsTemplate } from '../../model/identity.js';
import { successStatuses } from '../../model/status.js';

export const rule: PageRule = {
  id: 'example-status-contradicts-response',
  input: 'page',
  severity: 'error',
  confidence: 'medium',
  contexts: ['page'],
  summary: 'An example response status is not one the Response section states',
  description: 'The status code of an example response is none of the codes the page\'s Response section gives for success (error examples, 4xx/5xx, are not checked). Examples marked `"blockType": "ignored"`, and responses to a call of another operation (a method no template has, a path none of the templates above the Response section fits, or another service\'s URL such as an upload URL), are not checked; nor is a 2xx that follows an example of the redirect a Response section states alone (a `302 Found` to a download URL, then the file it leads to: "Follow the 302 redirection and the CSV file that downloads …"). The Response section\'s codes are all it states, in any paragraph ("a `200 OK`", "or a `207` response").',
  example: { before: 'Response: returns 204 No Content\nexample: HTTP/1.1 200 OK', after: 'example: HTTP/1.1 204 No Content' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Delete widget', 'DELETE', '/widgets/{id}', responseSection('If successful, this method returns a `204 No Content` response code.') + exampleSection('DELETE https://graph.microsoft.com/v1.0/widgets/1', 'HTTP/1.1 200 OK')) },
    after: { 'v1.0/api/a.md': opPage('Delete widget', 'DELETE', '/widgets/{id}', responseSection('If successful, this method returns a `204 No Content` response code.') + exampleSection('DELETE https://graph.microsoft.com/v1.0/widgets/1', 'HTTP/1.1 204 No Content')) },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      // Success codes only: an error code the section names (an Error response codes sub-section) is not what the examples answer with.
      const success = successStatuses(p.response?.statuses);
      const stated = success.map((s) => s.code);
      if (!stated.length) continue;
      const ops = p.operations.filter((o) => !o.fromExample);
      for (const r of p.examples.responses) {
        const c = r.statusLine.code;
        if (c === null || c >= 400 || stated.includes(c) || !isLive(r)) continue;
        // The file a redirect leads to ("Follow the 302 redirection and the CSV file that downloads will have the following
        // schema"): a 2xx after an example of the redirect the section states, where it states nothing but redirects, answers
        // the Location's URL, not this operation.
        if (c >= 200 && c < 300 && stated.every(isRedirect) && p.examples.responses.some((e) => e.index < r.index && e.statusLine.code !== null && stated.includes(e.statusLine.code))) continue;
        // A response to a call of another operation — another method than every template's (the PUT of
        // the bytes after createUploadSession's POST), or another service's URL (the upload URL) — is not this operation's.
        const req = r.answers === null ? undefined : p.examples.requests[r.answers];
        if (req && ops.length && (!ops.some((o) => o.method === req.method) || callsOtherService(req.url))) continue;
        // The Response section speaks for the templates above it: a call that fits none of them (the thumbnail
        // `…/{size}/content` call, its template under a later heading of the list-thumbnails page) is another operation's example.
        const covered = ops.filter((o) => o.src.line < p.response!.src.line);
        const called = req?.path.split('?')[0];
        if (req && covered.length && called && !covered.some((o) => o.method === req.method && pathFitsTemplate(called, o.path))) continue;
        out.push(pageFinding(this, p, r.src, `example.response.${r.index}.status`, `Example response is ${c}, the Response section says ${stated.join(' or ')}`, String(c), [String(r.index)], [{ src: success[0]!.src, value: stated.join(', ') }]));
      }
    }
    return out;
  },
};

/** A redirect status (3xx but 304 Not Modified, which sends the client to nothing). */
function isRedirect(code: number): boolean {
  return code >= 300 && code < 400 && code !== 304;
}
