import { STATUS_CODES } from 'node:http';
import { exampleSection, opPage, responseSection } from '../fixture-pages.js';
import type { FindingDraft, PageRule } from '../types.js';
import { pageFinding } from '../page-finding.js';

/** Letters only, lower case: "No Content", "No content" and "No-Content" are one phrase. */
const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
/** The code whose registered reason phrase this is ("ok" → 200, "nocontent" → 204). */
const CODE_OF = new Map(Object.entries(STATUS_CODES).map(([code, phrase]) => [squash(phrase ?? ''), Number(code)]));

/** The status a phrase written after `code` names instead, when it is another code's registered phrase ("204 OK" → 200). */
function otherStatus(code: number, phrase: string): number | undefined {
  const other = CODE_OF.get(squash(phrase));
  return other !== undefined && other !== code ? other : undefined;
}

export const rule: PageRule = {
  id: 'status-phrase-mismatch',
  input: 'page',
  severity: 'warning',
  confidence: 'high',
  contexts: ['page'],
  summary: 'A status code is written with the reason phrase of another status ("204 OK", "201 OK", "200 Created")',
  description:
    'The Response section or an example response gives a status code with a reason phrase registered for another code: `204 OK` (OK is 200), `201 OK`, `200 Created` (Created is 201), `204 Accepted` (Accepted is 202). The code and the phrase name different statuses, so a reader, a test generator or an SDK cannot tell which one the call returns. A misspelled phrase ("Insufficent Storage") or one of no registered status is not reported.',
  example: { before: 'If successful, this method returns a `204 OK` response code.', after: 'If successful, this method returns a `204 No Content` response code.' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Delete widget', 'DELETE', '/widgets/{id}', responseSection('If successful, this method returns a `204 OK` response code.') + exampleSection('DELETE https://graph.microsoft.com/v1.0/widgets/1', 'HTTP/1.1 201 OK')) },
    after: { 'v1.0/api/a.md': opPage('Delete widget', 'DELETE', '/widgets/{id}', responseSection('If successful, this method returns a `204 No Content` response code.') + exampleSection('DELETE https://graph.microsoft.com/v1.0/widgets/1', 'HTTP/1.1 204 No Content')) },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    const said = (code: number, phrase: string, other: number) => `${code} ${phrase}: ${code} is ${STATUS_CODES[code]}, ${phrase} is the phrase of ${other}`;
    for (const p of pages) {
      for (const s of p.response?.statuses ?? []) {
        const other = otherStatus(s.code, s.text);
        if (other !== undefined) out.push(pageFinding(this, p, s.src, 'response.status', `The Response section gives ${said(s.code, s.text, other)}`, `${s.code} ${s.text}`, [String(s.code), squash(s.text)]));
      }
      for (const r of p.examples.responses) {
        const { code, text, raw } = r.statusLine;
        const other = code === null ? undefined : otherStatus(code, text);
        if (code !== null && other !== undefined) out.push(pageFinding(this, p, r.src, `example.response.${r.index}.statusLine`, `An example response has the status line ${JSON.stringify(raw)} — ${said(code, text, other)}`, raw, [String(r.index)]));
      }
    }
    return out;
  },
};
