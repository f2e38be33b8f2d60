/**
 * Sections by meaning: headings are classified into kinds (Permissions / Prerequisites,
 * HTTP request, …) whatever their level or spelling. docfx tab headings (`# [HTTP](#tab/http)`)
 * are not section boundaries. Request/Response headings inside an examples section belong to
 * it at any level.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { inlineText } from './inline.js';

export type SectionKind =
  | 'title' | 'permissions' | 'http-request' | 'path-parameters' | 'request-headers' | 'query-parameters'
  | 'request-body' | 'response' | 'examples' | 'example-request' | 'example-response' | 'properties'
  | 'relationships' | 'methods' | 'json-representation' | 'enum-values' | 'national-clouds'
  | 'function-parameters' | 'errors' | 'instance-attributes' | 'derived-types' | 'other';

export interface SectionNode {
  kind: SectionKind;
  heading: string;
  depth: number;
  /** Index of the heading in root.children (-1 for the preamble). */
  index: number;
  /** Exclusive end index in root.children, subsections included. */
  end: number;
  node?: Heading;
}

export function isTabHeading(h: Heading): boolean {
  return h.children.length >= 1 && h.children.every((c) => (c.type === 'link' && /^#tab\//i.test(c.url)) || (c.type === 'text' && c.value.trim() === ''));
}

export function classifyHeading(text: string, inExamples: boolean): SectionKind {
  const t = text.toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').replace(/(?<![:.\s])[:.\s]+$/, '').trim();
  if (inExamples) {
    if (/^(example )?(\d+[:.)]?\s*)?(http )?requests?\b/.test(t) || /^request (example|sample)s?\b/.test(t)) return 'example-request';
    if (/^(example )?(\d+[:.)]?\s*)?(http )?responses?\b/.test(t) || /^response (example|sample)s?\b/.test(t)) return 'example-response';
  }
  if (/^(permissions?|prerequisites?|required permissions|permission scopes?|scopes)\b/.test(t) || t === 'authorization') return 'permissions';
  if (/^http requests?\b/.test(t) || /^http (method|syntax)\b/.test(t)) return 'http-request';
  if (/^(url |uri )?path parameters?\b/.test(t)) return 'path-parameters';
  if (/^(request |http request |optional request |optional )?headers?\b/.test(t)) return 'request-headers';
  if (/query (string )?(parameters?|options)|^(optional )?query\b|^odata query/.test(t)) return 'query-parameters';
  if (/^function parameters?\b/.test(t)) return 'function-parameters';
  if (/^(request body|body|request parameters|(action |method )?parameters)\b/.test(t)) return 'request-body';
  if (/^(errors?|error (responses?|codes?|conditions?)|errors? and (status|response) codes?)$/.test(t)) return 'errors';
  if (/^instance attributes?\b/.test(t)) return 'instance-attributes';
  if (/^(derived|sub) ?types?$|^(derived|sub) ?types? of\b/.test(t)) return 'derived-types';
  if (/^(http )?responses?( body| code)?s?$/.test(t) || /^response\b(?! (example|sample))/.test(t)) return inExamples ? 'example-response' : 'response';
  if (/^(examples?|samples?|code samples?|usage examples?)\b/.test(t) || /^example\d/.test(t) || /^scenario \d/.test(t)) return 'examples';
  if (/^properties\b/.test(t) || /^\S+ properties$/.test(t)) return 'properties';
  if (/^relationships?\b/.test(t) || /^navigation properties/.test(t) || /^\S+ relationships$/.test(t)) return 'relationships';
  // "Tasks on a list", "Tasks on DriveItemVersion resources": the OneDrive and SharePoint pages' Methods sections.
  if (/^methods?\b/.test(t) || /^tasks on\b/.test(t)) return 'methods';
  if (/^json representation|^json( schema)?$/.test(t)) return 'json-representation';
  if (/\bvalues?$/.test(t) && /^\S+ values?$|enum/.test(t)) return 'enum-values';
  if (/national cloud/.test(t)) return 'national-clouds';
  return 'other';
}

/** The nearest heading above with a lower depth: the section a heading of `depth` is nested in. */
function enclosing(heads: readonly SectionNode[], depth: number): SectionNode | undefined {
  for (let i = heads.length - 1; i >= 0; i--) if (heads[i]!.depth < depth) return heads[i];
  return undefined;
}

const URL_PARAMETERS = /\bin the request (?:URL|URI),? provide\b/i;

export function buildSections(root: Root): SectionNode[] {
  const kids = root.children;
  const heads: SectionNode[] = [];
  let examplesDepth = 0;
  for (let i = 0; i < kids.length; i++) {
    const n = kids[i]!;
    if (n.type !== 'heading' || isTabHeading(n)) continue;
    const text = inlineText(n).trim();
    if (examplesDepth && n.depth <= examplesDepth) {
      const k = classifyHeading(text, true);
      if (k !== 'example-request' && k !== 'example-response' && k !== 'examples') examplesDepth = 0;
    }
    let kind: SectionKind = n.depth === 1 && heads.every((h) => h.depth !== 1) ? 'title' : classifyHeading(text, examplesDepth > 0);
    // A heading nested under Examples that is neither Request nor Response ("### Get the signed-in user's photo")
    // names an example scenario: its requests and responses are examples.
    if (examplesDepth && n.depth > examplesDepth && kind === 'other') kind = 'examples';
    // A JSON heading nested under a Response or an Example ("### JSON" beside "### CSV" on the usage reports) names the
    // format of what it holds: a part of that section, as any other sub-heading there — never a resource's JSON representation.
    if (kind === 'json-representation' && /^(response|examples|example-request|example-response)$/.test(enclosing(heads, n.depth)?.kind ?? '')) {
      kind = examplesDepth && n.depth > examplesDepth ? 'examples' : 'other';
    }
    if (kind === 'examples' && !examplesDepth) examplesDepth = n.depth;
    // "Request"/"Response" headings that follow an example heading at the same level.
    if (kind === 'examples') examplesDepth = Math.min(examplesDepth || n.depth, n.depth);
    heads.push({ kind, heading: text, depth: n.depth, index: i, end: kids.length, node: n });
  }
  for (let h = 0; h < heads.length; h++) {
    const cur = heads[h]!;
    for (let j = h + 1; j < heads.length; j++) {
      const nx = heads[j]!;
      if (nx.depth > cur.depth) continue;
      const exampleChild = (cur.kind === 'examples') && (nx.kind === 'example-request' || nx.kind === 'example-response');
      if (exampleChild) continue;
      cur.end = nx.index;
      break;
    }
    if (cur.kind === 'title') {
      // The title "section" is the preamble up to the first real section.
      const next = heads[h + 1];
      cur.end = next ? next.index : kids.length;
    }
  }
  // A "Request body" (or "Request parameters") section that says "In the request URL, provide the following query
  // parameters" lists a function's parameters, not a body's properties (the Intune functions: 31 pages of the 2021 tree,
  // 27 of 2020-05; the 2016–2019 usage reports' "Request parameters": "In the request URL, provide one of the following
  // parameters").
  for (const s of heads) {
    if (s.kind !== 'request-body') continue;
    for (let j = s.index + 1; j < s.end && kids[j]!.type !== 'heading' && kids[j]!.type !== 'table'; j++) {
      if (kids[j]!.type === 'paragraph' && URL_PARAMETERS.test(inlineText(kids[j]!))) { s.kind = 'function-parameters'; break; }
    }
  }
  const preambleEnd = heads.length ? heads[0]!.index : kids.length;
  return [{ kind: 'title', heading: '', depth: 0, index: -1, end: preambleEnd }, ...heads];
}

/** Content nodes of a section (subsections included), headings excluded. */
export function sectionContent(root: Root, s: SectionNode): RootContent[] {
  return root.children.slice(s.index + 1, s.end);
}

export function sectionsOf(sections: SectionNode[], kind: SectionKind): SectionNode[] {
  return sections.filter((s) => s.kind === kind);
}

/** Sections of `kind` that are not nested inside another section of the same kind. */
export function outermost(sections: SectionNode[], kind: SectionKind): SectionNode[] {
  const all = sectionsOf(sections, kind);
  return all.filter((s) => !all.some((o) => o !== s && o.index < s.index && o.end >= s.end));
}
