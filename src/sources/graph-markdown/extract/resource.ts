/**
 * Resource pages: the resource name (from the title), inheritance ("Inherits from [entity]"),
 * and the container the Properties / Relationships / Methods / JSON representation
 * extractors fill.
 */
import type { PageIR } from '../ir/schema.js';
import type { Extractor, PageContext } from './context.js';
import { linksIn } from '../parse/inline.js';

export function ensureResource(ctx: PageContext, ir: PageIR): NonNullable<PageIR['resource']> {
  if (!ir.resource) ir.resource = { name: resourceName(ctx, ir), properties: [], relationships: [], methods: [] };
  return ir.resource;
}

export function resourceName(ctx: PageContext, ir: PageIR): string {
  const title = ir.title.h1?.value ?? ir.title.frontMatter?.value ?? '';
  const m = /^([A-Za-z][\w.]*)\s+(?:(resource|complex|entity|enum)\s*)?(type|resource)?\b/i.exec(title.replace(/[`*]/g, '').trim());
  if (m) return m[1]!.replace(/^microsoft\.graph\./i, '');
  return ctx.file.split('/').pop()!.replace(/\.(md|markdown|txt)$/i, '');
}

export const resource: Extractor = {
  name: 'resource',
  extract(ctx, ir) {
    const isResource = ctx.sections.some((s) => s.kind === 'properties' || s.kind === 'json-representation' || s.kind === 'relationships')
      || /resourcePageType/i.test(String(ir.frontMatter?.doc_type ?? ''));
    if (!isResource || ir.operations.length) return;
    const res = ensureResource(ctx, ir);
    const preamble = ctx.sections.filter((s) => s.kind === 'title').flatMap((s) => ctx.ownContent(s));
    for (const n of preamble) {
      if (n.type !== 'paragraph') continue;
      const text = ctx.text(n);
      const m = /\b(?:inherits|derived|derives) from\s+\[?([A-Za-z][\w.]*)/i.exec(text);
      if (m && !res.baseType) {
        const link = linksIn(n).find((l) => text.indexOf(ctx.text(l)) >= m.index);
        res.baseType = { name: (link ? ctx.text(link) : m[1]!).replace(/^microsoft\.graph\./i, ''), src: ctx.src(n) };
      }
    }
  },
};
