/**
 * Table rows the markdown parser did not read as a table: a paragraph whose every line is a pipe-delimited row — a table
 * that lost its header or delimiter row, or rows a blank line cut from their table. (Rows an HTML comment line cut from
 * their table are rejoined before parsing, with a table-cut-by-comment warning: see parse/page.ts.) No extractor reads
 * them: each is named, with its row count, so that nothing is lost silently. So is a table indented into a list item or a
 * block quote: the extractors read the page's top-level tables only.
 */
import type { Nodes, Paragraph, Table } from 'mdast';
import type { Extractor } from './context.js';

/** A row as written: starts with a pipe after optional indentation, and has another pipe after a cell. */
const ROW = /^[ \t]*\|[^|\n]*\|/;

export const strayTableRows: Extractor = {
  name: 'strayTableRows',
  extract(ctx) {
    const visit = (n: Nodes, nested: boolean) => {
      if (n.type === 'paragraph') { check(n); return; }
      if (n.type === 'table' && nested) { nestedTable(n); return; }
      // Tables, code and HTML hold no paragraph; lists and block quotes do.
      if (n.type === 'list' || n.type === 'listItem' || n.type === 'blockquote' || n.type === 'root') for (const c of n.children) visit(c as Nodes, n.type !== 'root');
    };
    // The extractors read the tables at the page's top level (each in its section); one indented into a list item or a block quote is named.
    const nestedTable = (t: Table) => {
      const [head, ...rows] = t.children;
      const columns = (head?.children ?? []).map((c) => ctx.text(c)).join(' | ');
      ctx.diag('table-nested-not-read', 'info', `A table inside a list item or block quote (${columns}) is not read by any extractor; its ${rows.length} row(s) were not taken`, t);
    };
    const check = (p: Paragraph) => {
      const lines = ctx.raw(p).split('\n');
      if (!lines.every((l) => ROW.test(l))) return;
      ctx.diag('table-rows-not-read', 'warning', `${lines.length} line(s) written as table rows are no table to the markdown parser (no header and delimiter row right above them: an HTML comment or a blank line may have cut them from their table); not read: ${JSON.stringify(lines[0]!.trim().slice(0, 80))}`, p);
    };
    visit(ctx.root, false);
  },
};
