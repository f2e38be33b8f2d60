/**
 * The Methods table of a resource page: links to operation pages and their return types. Report
 * pages list their functions the same way under another heading ("Reports": `Function | Return
 * Type | Description`, `Function | CSV return type | JSON return type | Description`).
 */
import type { Extractor, TableModel } from './context.js';

/** `Method | Return type | Description`, or a `Function` column with a return type beside it. */
export function isMethodsTable(t: Pick<TableModel, 'columns'>): boolean {
  const c0 = t.columns[0] ?? '';
  return /^method/.test(c0) || (/^functions?$/.test(c0) && t.columns.some((c) => /\breturn\b/.test(c)));
}

export const methods: Extractor = {
  name: 'methods',
  extract(ctx, ir) {
    if (!ir.resource) return;
    for (const s of ctx.sections) {
      if (s.kind !== 'methods' && s.kind !== 'other' && s.kind !== 'title') continue;
      for (const t of ctx.tables(s)) {
        // A Methods section's table; elsewhere only a report page's Function table (a Method table under "See also"
        // lists other types' methods).
        // The OneDrive and SharePoint pages' `Common task | HTTP method` tables list methods too (the request line column is
        // left to each method's own page: named by table-column-ignored).
        if (s.kind === 'methods' ? !/^(method|common task)/.test(t.columns[0] ?? '') : !/^functions?$/.test(t.columns[0] ?? '') || !isMethodsTable(t)) continue;
        const retCol = t.columns.findIndex((c) => /return/.test(c));
        const descCol = t.columns.findIndex((c) => /description/.test(c));
        let taken = 0;
        let groups = 0;
        let skipped = 0;
        for (const r of t.rows) {
          const c0 = r.cells[0];
          if (!c0 || c0.text === '') { skipped++; ctx.diag('table-row-empty', 'info', 'Methods table has a row without a method', r.src); ctx.explain(...r.cells); continue; }
          const filled = r.cells.filter((c) => c.text !== '').length;
          if (filled === 1 && !c0.links.length) { groups++; ctx.land(c0); continue; }
          taken++;
          const m: NonNullable<typeof ir.resource>['methods'][number] = { text: withoutStrayClose(c0.text), description: descCol >= 0 ? r.cells[descCol]?.text ?? '' : '', src: c0.src };
          if (c0.links[0]) m.target = c0.links[0].url;
          const ret = retCol >= 0 ? r.cells[retCol] : undefined;
          // A row one cell short ("|[updateIndex](…)|Triggers a indexOperation to make a custodian … searchable.|" under
          // Method | Return type | Description): a sentence in the return-type column, with the description column empty, is
          // the description — the row states no return type.
          if (ret?.text && descCol > retCol && !r.cells[descCol]?.text && !ret.links.length && /[.!]$/.test(ret.text.trim()) && ret.text.trim().split(/\s+/).length >= 4) {
            m.description = ret.text;
          } else if (ret?.text) {
            m.returnType = ret.text;
            if (ret.links[0]) m.returnLink = ret.links[0].url;
            m.returnSrc = ret.src;
          }
          ir.resource.methods.push(m);
          ctx.land(c0, retCol >= 0 ? r.cells[retCol] : undefined, descCol >= 0 ? r.cells[descCol] : undefined);
        }
        ctx.ignoreColumns(t, [0, retCol, descCol].filter((i) => i >= 0), 'Methods');
        ctx.useTable(t, 'methods', taken, groups, skipped);
      }
    }
  },
};

/**
 * A method's text without closing brackets that open nowhere in it: "[Update Schema](…))" reads "Update Schema)" (a
 * stray parenthesis after the link), the method is "Update Schema"; "Get (preview)" keeps its own.
 */
export function withoutStrayClose(text: string): string {
  let t = text.trimEnd();
  for (;;) {
    const last = t.at(-1);
    const open = last === ')' ? '(' : last === ']' ? '[' : undefined;
    if (!open || t.split(open).length > t.split(last!).length - 1) return t;
    t = t.slice(0, -1).trimEnd();
  }
}
