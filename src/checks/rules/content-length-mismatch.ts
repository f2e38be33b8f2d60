import { opPage } from '../fixture-pages.js';
import type { Body } from '../../model/schema.js';
import type { PageRule, FindingDraft } from '../types.js';
import { pageFinding } from '../page-finding.js';
import { scanBrackets } from '../../util/json-brackets.js';

/** The ways a body can be measured, in bytes: as shown (LF), with CRLF line ends, minified and 2-space pretty JSON (LF and CRLF). */
export interface BodyLengths { shown: number; crlf: number; minified?: number; pretty?: number; prettyCrlf?: number }

export function bodyLengths(body: Body | undefined): BodyLengths {
  if (!body) return { shown: 0, crlf: 0 };
  const b = (s: string) => Buffer.byteLength(s, 'utf8');
  const out: BodyLengths = { shown: b(body.raw), crlf: b(body.raw.replace(/\n/g, '\r\n')) };
  if (body.json !== undefined) {
    const pretty = JSON.stringify(body.json, null, 2);
    out.minified = b(JSON.stringify(body.json));
    out.pretty = b(pretty);
    out.prettyCrlf = b(pretty.replace(/\n/g, '\r\n'));
  }
  return out;
}

/** Every length the body could have been declared with: each measure, and as shown with the final line break the fence leaves out. */
export function plausibleLengths(l: BodyLengths): number[] {
  const out = [l.shown, l.crlf, l.shown + 1, l.crlf + 2];
  for (const x of [l.minified, l.pretty, l.prettyCrlf]) if (x !== undefined) out.push(x);
  return [...new Set(out)].sort((x, y) => x - y);
}

/** "69 bytes as shown (75 with CRLF line ends, 56 minified, 80 pretty-printed)". */
function describeLengths(l: BodyLengths): string {
  const more = [`${l.crlf} with CRLF line ends`];
  if (l.minified !== undefined) more.push(`${l.minified} minified`);
  if (l.pretty !== undefined) more.push(`${l.pretty} pretty-printed`);
  return `${l.shown} bytes as shown (${more.join(', ')})`;
}

/**
 * A body that opens with a whole JSON object or array followed by other text: the value's text and the value, and the rest
 * (`restLead` is the blank space between them); undefined when the body is one value, is not JSON, or the value never closes.
 */
export function leadingJson(raw: string): { value: string; json: unknown; restLead: string; rest: string } | undefined {
  const start = raw.search(/\S/);
  if (start < 0 || (raw[start] !== '{' && raw[start] !== '[')) return undefined;
  const { end } = scanBrackets(raw, start, true);
  if (end === undefined) return undefined;
  const after = raw.slice(end + 1);
  const rest = after.trimStart();
  if (!rest) return undefined;
  const value = raw.slice(0, end + 1);
  let json: unknown;
  try { json = JSON.parse(value); } catch { return undefined; }
  return { value, json, restLead: after.slice(0, after.length - rest.length), rest };
}

/** Content types whose body the page can show as it is sent. */
const TEXTUAL = /^(?:text\/|application\/(?:[\w.+-]*\+)?(?:json|xml)\b|application\/(?:x-www-form-urlencoded|javascript|ecmascript)\b|multipart\/|message\/)/;

export const rule: PageRule = {
  id: 'content-length-mismatch',
  input: 'page',
  severity: 'warning',
  confidence: 'high',
  contexts: ['page'],
  summary: 'A declared Content-Length does not match the body shown',
  description:
    'An example request or response declares a Content-Length that matches none of the ways its body can be measured (as shown with LF or CRLF line ends, with or without a final line break, minified, or pretty-printed JSON). Truncated examples (annotation "truncated": true) are not checked for responses, nor is a response whose prose says it is shortened ("The response object shown here might be shortened for readability") when it declares more than some measure of its body (a declared length below every measure is wrong however the body was cut), nor a request that shows no body (a binary upload left out; a JSON body in the fence right after the request\'s own is read as its body and checked), nor a binary body (a Content-Type other than text, JSON, XML, a form or multipart) shown as words ("[Zip file containing a Teams app package]").',
  example: { before: 'Content-length: 491\n\n{ ...511 bytes... }', after: 'Content-length: 511' },
  fixture: {
    before: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\n## Example\n\n### Request\n\n```http\nGET https://graph.microsoft.com/v1.0/widgets/1\n```\n\n### Response\n\n<!-- { "blockType": "response" } -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\nContent-length: 99\n\n{ "id": "1" }\n```\n') },
    after: { 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}', '\n## Example\n\n### Request\n\n```http\nGET https://graph.microsoft.com/v1.0/widgets/1\n```\n\n### Response\n\n<!-- { "blockType": "response" } -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\nContent-length: 13\n\n{ "id": "1" }\n```\n') },
  },
  check({ pages }) {
    const out: FindingDraft[] = [];
    for (const p of pages) {
      const msgs = [
        ...p.examples.requests.map((r) => ({ what: 'request', i: r.index, headers: r.headers, body: r.body, truncated: false, shortened: false })),
        ...p.examples.responses.map((r) => ({
          what: 'response', i: r.index, headers: r.headers, body: r.body, truncated: r.annotation?.fields.truncated === true || r.annotation?.fields.truncated === 'true', shortened: !!r.shortened,
        })),
      ];
      for (const m of msgs) {
        const h = m.headers.find((x) => x.name.toLowerCase() === 'content-length');
        // A block that shows no body (a binary upload left out; a JSON body in the next fence is the request's body, see examples.ts) says nothing about its length.
        if (!h || m.truncated || !m.body || !m.body.raw.trim()) continue;
        // A binary body (Content-Type application/zip, image/png, octet-stream) shown as words ("[Zip file containing a Teams app
        // package]") is a stand-in for bytes the page leaves out: its length says nothing of them.
        const type = m.headers.find((x) => x.name.toLowerCase() === 'content-type')?.value.trim().toLowerCase() ?? '';
        if (type && !TEXTUAL.test(type)) continue;
        const declared = Number(h.value.trim());
        if (!Number.isFinite(declared)) continue;
        const l = bodyLengths(m.body);
        const plausible = plausibleLengths(l);
        if (plausible.includes(declared)) continue;
        // The prose above says the body shown is cut ("might be shortened for readability"): a declared length above a
        // measure of it (as shown, minified, pretty-printed) may be the whole body's in that form — not checkable; one below
        // every measure is wrong however the body was cut.
        if (m.shortened && declared > plausible[0]!) continue;
        // Text after a whole JSON value (a request line pasted under the body: intune-shared-devicecategory-update.md, label
        // r2124, misdescribed before as a wrong length): when the length declared is the JSON value's, the stray text is
        // what is wrong, and the finding says so.
        const json = leadingJson(m.body.raw);
        if (json && plausibleLengths(bodyLengths({ ...m.body, raw: json.value, json: json.json })).includes(declared)) {
          const line = m.body.src.line + json.value.split('\n').length - 1 + json.restLead.split('\n').length - 1;
          const stray = json.rest.split('\n')[0]!.slice(0, 80);
          out.push(pageFinding(this, p, h.src, `example.${m.what}.${m.i}.contentLength`, `Example ${m.what} declares Content-Length ${declared}, the length of its JSON body, but the block goes on after the body (line ${line}: "${stray}"): the text after the body is not part of it`, String(declared), [m.what, String(m.i)], [{ src: { ...m.body.src, line, column: 1 }, value: stray }]));
          continue;
        }
        out.push(pageFinding(this, p, h.src, `example.${m.what}.${m.i}.contentLength`, `Example ${m.what} declares Content-Length ${declared}, but its body is ${describeLengths(l)}`, String(declared), [m.what, String(m.i)], [{ src: m.body.src, value: `${l.shown} bytes as shown` }]));
      }
    }
    return out;
  },
};
