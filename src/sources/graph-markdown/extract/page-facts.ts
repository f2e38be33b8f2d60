/** Title (front matter and H1, both kept), description and namespace. */
import type { Paragraph } from 'mdast';
import type { Extractor } from './context.js';
import { parseAnnotationComment } from '../parse/annotations.js';

export const pageFacts: Extractor = {
  name: 'title',
  extract(ctx, ir) {
    const fm = ctx.page.frontMatter;
    const fmLine = (k: string) => ({ file: ctx.file, line: fm.keyLines[k] ?? 1, column: 1 });
    if (fm.data && typeof fm.data.title === 'string') ir.title.frontMatter = { value: fm.data.title, src: fmLine('title') };
    const h1 = ctx.sections.find((s) => s.kind === 'title' && s.node);
    if (h1?.node) ir.title.h1 = { value: ctx.text(h1.node), src: ctx.src(h1.node) };
    else {
      // "#teamsAppInstalledState enum type": an H1 written without the space after '#', which Markdown reads as a
      // paragraph. When it is the page's first block, it is the title the author meant; named by a diagnostic.
      const first = ctx.root.children.find((n) => n.type !== 'html' && n.type !== 'yaml');
      const t = first?.type === 'paragraph' ? ctx.text(first) : '';
      if (first && t.startsWith('#') && t.length > 1 && t[1] !== '#' && t[1] !== ' ' && !t.includes('\n')) {
        ir.title.h1 = { value: t.slice(1).trim(), src: ctx.src(first) };
        ctx.diag('heading-without-space', 'warning', `"${t.slice(0, 60)}" is read as the page's H1: Markdown needs a space after '#'`, first);
      }
    }
    if (fm.data && typeof fm.data.description === 'string') ir.description = { value: fm.data.description, src: fmLine('description') };
    // The page's own annotation comment, wherever it stands.
    for (const n of ctx.root.children) {
      if (n.type !== 'html' || !/#page\.annotation/.test(n.value)) continue;
      const a = parseAnnotationComment(n.value);
      if (a && a.ok) { ir.pageAnnotation = { fields: a.fields, src: ctx.src(n) }; break; }
    }
    // The preamble: between the H1 and the first section.
    const preamble = ctx.preamble();
    for (const n of preamble) {
      if (n.type !== 'paragraph') continue;
      const t = ctx.text(n);
      const ns = /^Namespace:\s*([A-Za-z][\w.]*)/i.exec(t);
      if (ns && !ir.namespace) { ir.namespace = { value: ns[1]!, src: ctx.src(n) }; continue; }
      if (!ir.description && isDescriptionParagraph(n, t)) ir.description = { value: t, src: ctx.src(n) };
    }
  },
};

function isDescriptionParagraph(n: Paragraph, t: string): boolean {
  if (t === '' || /^\[!INCLUDE/i.test(t) || /^(>|\*\*note|note:|important:)/i.test(t)) return false;
  return n.children.some((c) => c.type === 'text' && c.value.trim() !== '');
}
