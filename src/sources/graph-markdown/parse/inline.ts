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
        // Block-level tags (an HTML table inside a cell) separate words; inline tags do not.
        else if (!/^<!--/.test(n.value)) out += n.value.replace(/<\/?(td|th|tr|table|tbody|thead|br|p|li|ul|ol|div)\b[^<>]*>/gi, ' ').replace(/<[^<>]*>/g, '');
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

/** All links inside a node, in order. */
export function linksIn(node: Nodes): Link[] {
  const out: Link[] = [];
  const visit = (n: Nodes) => {
    if (n.type === 'link') out.push(n);
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
  };
  visit(node);
  return out;
}

export function cleanText(s: string): string {
  return s.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}
