import { opPage } from '../fixture-pages.js';
import type { Body } from '../../model/schema.js';
import type { ModelRule, FindingDraft } from '../types.js';
import { pageFinding } from '../page-finding.js';

/** Byte lengths the body could have been measured at: as shown (LF or CRLF), minified or 2-space pretty JSON. */
export function plausibleLengths(body: Body | undefined): number[] {
  if (!body) return [0];
  const b = (s: string) => Buffer.byteLength(s, 'utf8');
  // as shown, and with the final line break the fence leaves out (the body as sent ends with one)
  const out = [b(body.raw), b(body.raw.replace(/\n/g, '\r\n')), b(body.raw) + 1, b(body.raw.replace(/\n/g, '\r\n')) + 2];
  if (body.json !== undefined) {
    const pretty = JSON.stringify(body.json, null, 2);
    out.push(b(JSON.stringify(body.json)), b(pretty), b(pretty.replace(/\n/g, '\r\n')));
  }
  return [...new Set(out)].sort((x, y) => x - y);
}

export const rule: ModelRule = {
  id: 'content-length-mismatch',
  input: 'model',
  severity: 'warning',
  confidence: 'high',
  contexts: ['page'],
  summary: 'A declared Content-Length does not match the body shown',
  description:
    'An example request or response declares a Content-Length that matches none of the ways its body can be measured (as shown with LF or CRLF line ends, with or without a final line break, minified, or pretty-printed JSON). Truncated examples (annotation "truncated": true) are not checked for responses.',
  example: { before: 'Content-length: 491\n\n{ ...511 bytes... }', after: 'Content-length: 511' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\n## Example\n\n### Request\n\n```http\nGET https://graph.microsoft.com/v1.0/widgets/1\n```\n\n### Response\n\n<!-- { "blockType": "response" } -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\nContent-length: 99\n\n{ "id": "1" }\n```\n') },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\n## Example\n\n### Request\n\n```http\nGET https://graph.microsoft.com/v1.0/widgets/1\n```\n\n### Response\n\n<!-- { "blockType": "response" } -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\nContent-length: 13\n\n{ "id": "1" }\n```\n') },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      const msgs = [
        ...p.examples.requests.map((r) => ({ what: 'request', i: r.index, headers: r.headers, body: r.body, truncated: false })),
        ...p.examples.responses.map((r) => ({ what: 'response', i: r.index, headers: r.headers, body: r.body, truncated: r.annotation?.fields.truncated === true || r.annotation?.fields.truncated === 'true' })),
      ];
      for (const m of msgs) {
        const h = m.headers.find((x) => x.name.toLowerCase() === 'content-length');
        if (!h || m.truncated) continue;
        const declared = Number(h.value.trim());
        if (!Number.isFinite(declared)) continue;
        const lengths = plausibleLengths(m.body);
        if (lengths.includes(declared)) continue;
        out.push(pageFinding(this, p, h.src, `example.${m.what}.${m.i}.contentLength`, `Example ${m.what} declares Content-Length ${declared}, but its body is ${lengths.join(' / ')} bytes (as shown LF / CRLF, minified, pretty)`, String(declared), [m.what, String(m.i)], m.body ? [{ src: m.body.src, value: `${lengths[0]} bytes as shown` }] : []));
      }
    }
    return out;
  },
};
