/**
 * Examples: every request and response fence under an Example(s) section (Request / Response
 * sub-sections at any level, or told apart by their first line or annotation), with headers,
 * body, annotation fields, and which response answers which request. SDK-language tabs are
 * skipped; they are snippets, not HTTP.
 */
import type { Code, Html, RootContent } from 'mdast';
import type { Annotation, ExampleRequest, ExampleResponse, Src } from '../ir/schema.js';
import { parseAnnotationComment } from '../parse/annotations.js';
import type { Extractor, PageContext } from './context.js';
import { parseRequestLine } from './http-path.js';
import { parseBody } from './body.js';
import { inlineText } from '../parse/inline.js';

/** Fence languages that hold HTTP: `msgraph-interactive` is the docs' interactive request block. */
const HTTP_LANGS = /^(http|https|json|rest|text|txt|console|msgraph-interactive|)$/i;
const STATUS_LINE = /^HTTP(?:[/ ]?(\d(?:\.\d)?))?\s+(\d{3})\b\s*(?!\s)(.*)$/i;
const WELL_FORMED_STATUS = /^HTTP\/\d(?:\.\d)?\s+\d{3}(?:\s+\S.*)?$/;
/** "The response object shown here might be shortened for readability", "may be truncated for brevity", "is abbreviated". */
const SHORTENED = /\b(?:shortened|truncated|abbreviated)\b/i;
const HEADER = /^([A-Za-z][A-Za-z0-9-]*)\s*:\s*(?!\s)(.*)$/;
const KNOWN_HEADER = /^(content-[a-z-]+|accept(-[a-z-]+)?|authorization|prefer|preference-applied|location|if-[a-z-]+|odata-[a-z-]+|cache-control|retry-after|x-[a-z-]+|consistencylevel|host|etag|request-id|client-request-id|date|expires|transfer-encoding|www-authenticate)\s*: /i;

export const examples: Extractor = {
  name: 'examples',
  extract(ctx, ir) {
    // Older pages (OneDrive) show the example response inside the Response section itself.
    // An "HTTP request" sub-heading after the examples begin, on a page whose template stands above them, shows
    // a call (see http-request.ts): its block is an example request, so that the responses after it answer it.
    const examplesAt = Math.min(...ctx.sections.filter((x) => x.kind === 'examples').map((x) => x.index), Infinity);
    const lateCall = (s: { kind: string; index: number }) => s.kind === 'http-request' && s.index > examplesAt && ctx.sections.some((x) => x.kind === 'http-request' && x.index < examplesAt);
    const isExampleKind = (s: { kind: string; index: number }) => s.kind === 'examples' || s.kind === 'example-request' || s.kind === 'example-response' || s.kind === 'response' || lateCall(s);
    const sections = ctx.sections.filter(isExampleKind);
    if (!sections.length) return;
    const start = Math.min(...sections.map((s) => s.index));
    const end = Math.max(...sections.map((s) => s.end));
    const kids = ctx.root.children;
    let annotation: Annotation | undefined;
    // A paragraph or note since the last heading or block saying the body below is cut ("might be shortened for readability").
    let shortened: Src | undefined;
    const reqs = ir.examples.requests;
    const resps = ir.examples.responses;
    let labelledResponse = false;
    // The last request read, while no heading or response has come after it: a JSON block that follows it is its body
    // when its own block has none (the request line and headers in one block, the body in the next: call notifications,
    // directory-deleteditems-user-owned.md).
    let openRequest: ExampleRequest | undefined;
    // Likewise the last response read with no body: a JSON block right after a status-only block is its body (a Response
    // section's "HTTP/1.1 200 OK" fence, then the body's own fence: user-list-devices.md, extraction round 45 x1271, missed).
    let openResponse: ExampleResponse | undefined;
    for (let i = start + 1; i < end; i++) {
      const n = kids[i]!;
      const sec = ctx.sectionAt(i);
      if (!isExampleKind(sec)) {
        // a non-example section nested inside (e.g. "See also") is skipped
        continue;
      }
      if (n.type === 'html') {
        const a = readAnnotation(ctx, n);
        if (a) annotation = a;
        continue;
      }
      if (n.type === 'heading') { annotation = undefined; shortened = undefined; labelledResponse = false; openRequest = undefined; openResponse = undefined; continue; }
      // A paragraph that is only a bold label stands for a sub-heading ("**Request**", "**Response**" on the Dynamics pages):
      // after "Response", a JSON block with no status line is the example response.
      if (n.type === 'paragraph' && n.children.length === 1 && n.children[0]!.type === 'strong') {
        const label = inlineText(n).trim().replace(/[:.]$/, '').toLowerCase();
        if (/^(example )?(request|response)$/.test(label)) labelledResponse = label.endsWith('response');
      }
      if ((n.type === 'paragraph' || n.type === 'blockquote') && SHORTENED.test(inlineText(n))) shortened = ctx.src(n);
      for (const code of codeBlocks(n)) {
        if (!HTTP_LANGS.test(code.lang ?? '')) { annotation = undefined; continue; }
        const exampleName = exampleTitle(ctx, i);
        const blockType = typeof annotation?.fields.blockType === 'string' ? annotation.fields.blockType : undefined;
        const firstLine = code.value.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
        const inResponseSection = sec.kind === 'response';
        const isRequest = !inResponseSection && !!parseRequestLine(firstLine) && !STATUS_LINE.test(firstLine);
        const isResponse = STATUS_LINE.test(firstLine) || (!isRequest && !inResponseSection && (blockType === 'response' || sec.kind === 'example-response' || (labelledResponse && firstLine.startsWith('{'))));
        // A JSON fence: the body of a request or status-only response just above it (see openRequest, openResponse).
        const jsonFence = /^json$/i.test(code.lang ?? '') && /^[{[]/.test(firstLine);
        const bodyOfNextFence = (m: { headers: { name: string; value: string }[] }, what: string) =>
          parseBody(ctx, code.value, m.headers.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? 'application/json', lineSrc(ctx, code, 0), what);
        if (isRequest) {
          const r = parseRequest(ctx, code, reqs.length, exampleName, annotation);
          if (r) reqs.push(r);
          openRequest = r ?? undefined;
          openResponse = undefined;
        } else if (openResponse && !openResponse.body && jsonFence) {
          openResponse.body = bodyOfNextFence(openResponse, 'Example response');
          // The body's annotation ("blockType": "response", "@odata.type") speaks for the response when the status block had none.
          if (annotation && !openResponse.annotation) annotate(openResponse, annotation);
          openResponse = undefined;
        } else if (isResponse) {
          // "blockType": "ignored" only tells the docs' test tool to skip the block; it is still an example.
          // A response answers the closest request above it.
          const answers = reqs.length === 0 ? null : reqs.length - 1;
          const r = parseResponse(ctx, code, resps.length, exampleName, annotation, answers);
          if (shortened) r.shortened = { src: shortened };
          resps.push(r);
          openRequest = undefined;
          openResponse = r.body ? undefined : r;
        } else if (openRequest && !openRequest.body && jsonFence) {
          openRequest.body = bodyOfNextFence(openRequest, 'Example request');
          openRequest = undefined;
        } else if (!inResponseSection && code.value.trim() !== '' && /^(http|json)$/i.test(code.lang ?? '')) {
          // An HTTP or JSON block the examples hold that is neither (a JSON body with no heading, annotation or label saying it
          // is a response): named, not dropped.
          ctx.diag('example-block-unrecognized', 'info', `${(code.lang ?? '').toLowerCase() === 'json' ? 'JSON' : 'HTTP'} block in an example is neither a request nor a response: ${JSON.stringify(firstLine.slice(0, 60))}`, code);
        }
        annotation = undefined;
        shortened = undefined;
      }
    }
  },
};

function codeBlocks(n: RootContent): Code[] {
  if (n.type === 'code') return [n];
  // fences indented in lists or block quotes
  const out: Code[] = [];
  const visit = (x: RootContent) => {
    if (x.type === 'code') out.push(x);
    else if ('children' in x) for (const c of x.children as RootContent[]) visit(c);
  };
  if (n.type === 'list' || n.type === 'blockquote') visit(n);
  return out;
}

/** An annotation comment's fields, or undefined (not an annotation, or not JSON: the annotations extractor names those). */
export function readAnnotation(ctx: PageContext, n: Html): Annotation | undefined {
  const a = parseAnnotationComment(n.value);
  return a && a.ok ? { fields: a.fields, src: ctx.src(n) } : undefined;
}

function exampleTitle(ctx: PageContext, i: number): string {
  let best = '';
  let bestIndex = -1;
  for (const s of ctx.sections) {
    if (s.kind === 'examples' && s.index < i && i < s.end && s.index > bestIndex) { best = s.heading; bestIndex = s.index; }
  }
  return best;
}

interface HttpMessage {
  first: string;
  firstOffset: number;
  headers: { name: string; value: string; offset: number }[];
  blankBeforeHeaders: boolean;
  body: string;
  bodyOffset: number;
}

/** Split an HTTP message: first line, headers (after an optional blank line), body. */
function splitMessage(text: string): HttpMessage {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  let first = (lines[i] ?? '').trim();
  const firstOffset = i;
  i++;
  // A request line whose call arguments go on over the next lines ("…/getRoleScopeTagsByIds(ids=[" / "\"Ids value\"" /
  // "])"): one URL, its lines joined, when they close what it left open.
  const open = openBrackets(first);
  if (open > 0) {
    let joined = first;
    let left = open;
    for (let k = i; k < lines.length && k < i + CONTINUATION_LINES && lines[k]!.trim() !== ''; k++) {
      joined += lines[k]!.trim();
      left = openBrackets(joined);
      if (left <= 0) { if (left === 0) { first = joined; i = k + 1; } break; }
    }
  }
  let blankBeforeHeaders = false;
  let j = i;
  while (j < lines.length && lines[j]!.trim() === '') j++;
  // After a blank line only real header shapes count ("Name: value" with a known name): a body can
  // start with "BEGIN:VCARD".
  if (j > i && j < lines.length && KNOWN_HEADER.test(lines[j]!.trim()) && !/^\s*[{[]/.test(lines[j]!)) { blankBeforeHeaders = true; i = j; }
  const headers: HttpMessage['headers'] = [];
  while (i < lines.length) {
    const l = lines[i]!.trim();
    if (l === '' || /^[{["]/.test(l)) break;
    const h = HEADER.exec(l);
    if (!h) break;
    headers.push({ name: h[1]!, value: h[2]!.trim(), offset: i });
    i++;
  }
  while (i < lines.length && lines[i]!.trim() === '') i++;
  return { first, firstOffset, headers, blankBeforeHeaders, body: lines.slice(i).join('\n'), bodyOffset: i };
}

/** At most this many lines after a request line continue it (see splitMessage). */
const CONTINUATION_LINES = 5;

/** Opening brackets and parentheses a line leaves unclosed, outside quoted strings (negative: more closed than opened). */
function openBrackets(line: string): number {
  let n = 0;
  let quote = '';
  for (const c of line) {
    if (quote) { if (c === quote) quote = ''; continue; }
    if (c === '\'' || c === '"') quote = c;
    else if (c === '(' || c === '[') n++;
    else if (c === ')' || c === ']') n--;
  }
  return n;
}

function lineSrc(ctx: PageContext, code: Code, offset: number): Src {
  // Content starts on the line after the opening fence, at the fence's indentation.
  return ctx.srcAtLine(code, offset + 1, code.position?.start.column ?? 1);
}

function parseRequest(ctx: PageContext, code: Code, index: number, example: string, annotation: Annotation | undefined): ExampleRequest | null {
  const m = splitMessage(code.value);
  const t = parseRequestLine(m.first);
  if (!t) return null;
  const urlMatch = /^\S+\s+(?!\s)(.+?)(?:(?<!\s)\s+HTTP\/\d(?:\.\d)?)?$/.exec(m.first);
  const src = lineSrc(ctx, code, m.firstOffset);
  const headers = m.headers.map((h) => ({ name: h.name, value: h.value, src: lineSrc(ctx, code, h.offset) }));
  const ct = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  const r: ExampleRequest = {
    index, example, method: t.method, url: urlMatch ? urlMatch[1]! : m.first, path: t.path + (t.query ? '?' + t.query : ''),
    headers, blankLineBeforeHeaders: m.blankBeforeHeaders, src,
  };
  if (t.version) r.version = t.version;
  if (t.unknownVersion) r.unknownVersion = t.unknownVersion;
  if (m.body.trim() !== '') r.body = parseBody(ctx, m.body, ct, lineSrc(ctx, code, m.bodyOffset), 'Example request');
  if (annotation) r.annotation = annotation;
  return r;
}

/** `microsoft.graph.user`, `#microsoft.graph.user`, `Collection(microsoft.graph.security.alert)` → name, namespace, collection. */
export function odataType(raw: string): ExampleResponse['odataType'] {
  let s = raw.trim().replace(/^#/, '');
  const c = /^Collection\((.*)\)$/i.exec(s);
  if (c) s = c[1]!.trim().replace(/^#/, '');
  if (!/^[A-Za-z_][\w.]*$/.test(s)) return undefined;
  const i = s.lastIndexOf('.');
  return { name: i < 0 ? s : s.slice(i + 1), namespace: i < 0 ? '' : s.slice(0, i), collection: !!c };
}

function parseResponse(ctx: PageContext, code: Code, index: number, example: string, annotation: Annotation | undefined, answers: number | null): ExampleResponse {
  const text = code.value;
  const firstNonBlank = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  const hasStatus = STATUS_LINE.test(firstNonBlank);
  const m = hasStatus ? splitMessage(text) : { first: '', firstOffset: 0, headers: [], blankBeforeHeaders: false, body: text, bodyOffset: 0 };
  const sm = STATUS_LINE.exec(m.first);
  const statusLine = sm
    ? { raw: m.first, httpVersion: sm[1] ?? '', code: Number(sm[2]), text: (sm[3] ?? '').trim(), wellFormed: WELL_FORMED_STATUS.test(m.first) }
    : { raw: '', httpVersion: '', code: null, text: '', wellFormed: true };
  const headers = m.headers.map((h) => ({ name: h.name, value: h.value, src: lineSrc(ctx, code, h.offset) }));
  const ct = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  const src = hasStatus ? lineSrc(ctx, code, m.firstOffset) : ctx.src(code);
  const r: ExampleResponse = { index, example, answers, statusLine, headers, src };
  if (m.body.trim() !== '') r.body = parseBody(ctx, m.body, ct ?? (code.lang === 'json' ? 'application/json' : undefined), lineSrc(ctx, code, m.bodyOffset), 'Example response');
  if (annotation) annotate(r, annotation);
  return r;
}

/** A response's annotation, and the type its `@odata.type` names. */
function annotate(r: ExampleResponse, annotation: Annotation): void {
  r.annotation = annotation;
  const t = annotation.fields['@odata.type'];
  if (typeof t === 'string') {
    const o = odataType(t);
    // `"isCollection": true` beside a bare type is the docs' other way to say Collection(…).
    if (o) r.odataType = annotation.fields.isCollection === true ? { ...o, collection: true } : o;
  }
}
