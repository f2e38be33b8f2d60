import { opPage, responseSection } from '../fixture-pages.js';
import type { FindingDraft, PageRule } from '../types.js';
import { pageFinding } from '../page-finding.js';
import { onlyNoContent, successStatuses } from '../../model/status.js';

export const rule: PageRule = {
  id: 'response-no-content-with-body',
  input: 'page',
  severity: 'warning',
  confidence: 'high',
  contexts: ['page'],
  summary: 'The Response section gives 204 No Content as the only success status and also names a body type',
  description:
    'A 204 response has no body (RFC 9110, 15.3.5), yet the page says the call returns "a `204 No Content` response code and an [X] object in the response body" — usually a template\'s sentence kept when the status was changed, or the other way round. One of the two is wrong: a generator reading the page cannot tell whether the call returns an X. Pages that give another success status beside 204 ("`200 OK` or `204 No Content`") are not reported.',
  example: {
    before: 'If successful, this method returns a `204 No Content` response code and a [widget](../resources/widget.md) object in the response body.',
    after: 'If successful, this method returns a `204 No Content` response code. It does not return anything in the response body.',
  },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Add member', 'POST', '/widgets/{id}/members/$ref', responseSection('If successful, this method returns a `204 No Content` response code and a [widget](../resources/widget.md) object in the response body.')) },
    after: { 'v1.0/api/a.md': opPage('Add member', 'POST', '/widgets/{id}/members/$ref', responseSection('If successful, this method returns a `204 No Content` response code. It does not return anything in the response body.')) },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      const r = p.response;
      const t = r?.bodyType;
      if (!r || !t || !onlyNoContent(r.statuses)) continue;
      const s = successStatuses(r.statuses)[0]!;
      const status = `${s.code} ${s.text}`;
      const type = [t.name, ...(t.alternatives ?? [])].join(' or ');
      out.push(pageFinding(this, p, s.src, 'response.body',
        `The Response section gives ${status} as the success status, which has no body, and also says the response body holds ${t.collection ? 'a collection of ' : ''}${type}`,
        status, [], [{ src: t.src, value: `${t.collection ? 'collection of ' : ''}${type}` }]));
    }
    return out;
  },
};
