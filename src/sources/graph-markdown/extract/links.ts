/** Relative links to other pages (inline links and reference definitions), for broken-link checks (external and /graph/ links skipped). */
import type { Nodes } from 'mdast';
import type { Extractor } from './context.js';

export const links: Extractor = {
  name: 'links',
  extract(ctx, ir) {
    const visit = (n: Nodes) => {
      // A reference-style link's target is its definition (`[item]: ../resources/listitem.md`), checked where it is written.
      if ((n.type === 'link' || n.type === 'definition') && isRelativePageLink(n.url)) ir.links.push({ target: n.url, src: ctx.src(n) });
      if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
    };
    visit(ctx.root);
  },
};

export function isRelativePageLink(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('/') && !url.startsWith('#') && /\.md(#|$)/i.test(url);
}
