/** Plain text of mdast nodes, the way a reader sees it (links → their text, <br> → space). */
import type { Nodes, Link } from 'mdast';

export function inlineText(node: Nodes): string {
  let out = '';
  walk(node);
  return out;

  function walk(n: Nodes): void {
    switch (n.type) {
      case 'text':
      case 'inlineCode':
        out += n.value;
        return;
      case 'html':
        if (/^<br\s*\/?>$/i.test(n.value.trim())) out += ' ';
        // `Bearer <token>`, `<id>`: a placeholder in angle brackets, not an HTML element — kept as text.
        else if (isPlaceholderTag(n.value)) out += n.value;
        // Block-level tags (an HTML table inside a cell) separate words; inline tags do not, but a superscript opens a
        // word of its own: a footnote mark (`Directory.Read.All<sup>1</sup>`) is no part of the name before it.
        else if (!/^<!--/.test(n.value)) out += n.value.replace(/<\/?(td|th|tr|table|tbody|thead|br|p|li|ul|ol|div)\b[^<>]*>|<sup\b[^<>]*>/gi, ' ').replace(/<[^<>]*>/g, '');
        return;
      case 'break':
        out += ' ';
        return;
      case 'image':
        out += n.alt ?? '';
        return;
      default:
        if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
        // Block-level nodes end with a space, so list items and paragraphs never run together.
        if (n.type === 'paragraph' || n.type === 'listItem' || n.type === 'heading' || n.type === 'blockquote' || n.type === 'tableCell') out += ' ';
    }
  }
}

const HTML_ELEMENTS = new Set(('a abbr b big blockquote body br caption center cite code col colgroup dd del details div dl dt em font form h1 h2 h3 h4 h5 h6 head hr html i iframe img input ins kbd label li link map mark meta nobr ol option p pre q s samp script section select small source span strike strong style sub summary sup table tbody td textarea tfoot th thead title tr tt u ul var video wbr').split(' '));

/** `<token>`, `<id | userPrincipalName>`: angle brackets around a word that is no HTML element. */
export function isPlaceholderTag(html: string): boolean {
  const m = /^<\/?([A-Za-z][\w-]*)/.exec(html.trim());
  if (!m || HTML_ELEMENTS.has(m[1]!.toLowerCase())) return false;
  return !/=\s*["']/.test(html);
}

/** All links inside a node, in order. */
export function linksIn(node: Nodes, definitionUrl?: (identifier: string) => string | undefined): Link[] {
  const out: Link[] = [];
  const visit = (n: Nodes) => {
    if (n.type === 'link') out.push(n);
    // A reference-style link (`[baseItem][]`) is a link to its definition's URL (`[baseItem]: baseitem.md`).
    else if (n.type === 'linkReference' && definitionUrl) {
      const url = definitionUrl(n.identifier);
      if (url !== undefined) out.push({ type: 'link', url, title: null, children: n.children, ...(n.position ? { position: n.position } : {}) });
    }
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
  };
  visit(node);
  return out;
}

export function cleanText(s: string): string {
  return s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}
