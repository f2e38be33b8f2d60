/** Relative links to other pages, for broken-link checks (external and /graph/ links skipped). */
import type { Nodes } from 'mdast';
import type { Extractor } from './context.js';

export const links: Extractor = {
  name: 'links',
  extract(ctx, ir) {
    const visit = (n: Nodes) => {
      if (n.type === 'link' && isRelativePageLink(n.url)) ir.links.push({ target: n.url, src: ctx.src(n) });
      if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
    };
    visit(ctx.root);
  },
};

export function isRelativePageLink(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('/') && !url.startsWith('#') && /\.md(#|$)/i.test(url);
}
