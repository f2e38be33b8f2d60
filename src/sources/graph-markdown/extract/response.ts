/**
 * Response section prose: status code(s) ("returns a `200 OK` response code") and the body
 * type ("an updated [user](...) object in the response body", "a collection of ..."), or the
 * statement that there is no body.
 */
import { STATUS_CODES } from 'node:http';
import type { Response } from '../ir/schema.js';
import type { Extractor } from './context.js';

const STATUS = /\b([1-5]\d\d)\s+([A-Z][A-Za-z]*(?:[ -][A-Z][A-Za-z]*)*)/g;
const NOT_TYPES = new Set(['a', 'an', 'the', 'json', 'new', 'updated', 'response', 'requested', 'specified', 'this', 'that', 'odata', 'error', 'empty', 'its', 'same']);

export const response: Extractor = {
  name: 'response',
  extract(ctx, ir) {
    const sections = ctx.sectionsOf('response');
    if (!sections.length) return;
    const r: Response = { statuses: [], noBody: false, src: ctx.src(sections[0]!.node) };
    for (const s of sections) {
      // Sub-sections ("Response for creating a one-on-one chat …") are part of it.
      for (const n of ctx.content(s)) {
        if (n.type !== 'paragraph' && n.type !== 'list') continue;
        const text = ctx.text(n);
        for (const m of text.matchAll(STATUS)) {
          const code = Number(m[1]);
          // Only registered HTTP status codes: "Office 365 Connected" is not a status.
          if (!STATUS_CODES[code] || r.statuses.some((x) => x.code === code)) continue;
          r.statuses.push({ code, text: m[2]!.replace(/(?<!\s)\s+(response|code|status)[\s\S]*$/i, '').trim(), src: ctx.src(n) });
        }
        if (/does not return anything|doesn't return anything|no response body|empty response body|returns no content|nothing in the response body/i.test(text)) r.noBody = true;
        if (!r.bodyType && /response body/i.test(text)) {
          const sentence = text.split(/(?<=\.)\s+/).find((x) => /response body/i.test(x)) ?? text;
          const before = sentence.split(/(?<!\s)\s+in the response body/i)[0]!;
          const collection = /\bcollection\b|\barray\b|\blist of\b/i.test(before); // not inside a type name (choiceSettingCollectionDefinition)
          const links = linkTexts(n).filter((l) => before.includes(l));
          let name: string | undefined = links[links.length - 1];
          if (!name) {
            const words = [...before.matchAll(/(?<![\w.])([A-Za-z][\w.]*)\s+(?:object|objects|collection|resource|resources|entity|entities|type)\b/g)].map((m) => m[1]!);
            name = words.reverse().find((w) => !NOT_TYPES.has(w.toLowerCase()));
            if (!name) {
              const of = /collection of\s+\[?([A-Za-z][\w.]*)/i.exec(before);
              if (of) name = of[1];
            }
          }
          if (name && !NOT_TYPES.has(name.toLowerCase())) r.bodyType = { name: name.replace(/[`*]/g, ''), collection, src: ctx.src(n) };
        }
      }
    }
    if (r.statuses.length && r.statuses.every((x) => x.code === 204)) r.noBody = true;
    if (!r.statuses.length) ctx.diag('response-status-not-found', 'info', 'The response section states no status code', sections[0]!.node);
    ir.response = r;
  },
};

function linkTexts(n: import('mdast').Nodes): string[] {
  const out: string[] = [];
  const visit = (x: import('mdast').Nodes) => {
    if (x.type === 'link' || x.type === 'linkReference') {
      let t = '';
      const walk = (y: import('mdast').Nodes) => { if (y.type === 'text' || y.type === 'inlineCode') t += y.value; if ('children' in y) (y.children as import('mdast').Nodes[]).forEach(walk); };
      walk(x);
      out.push(t.trim());
    } else if ('children' in x) (x.children as import('mdast').Nodes[]).forEach(visit);
  };
  visit(n);
  return out;
}
