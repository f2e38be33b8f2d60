/**
 * Query parameters: tables in the query-parameters section, and OData options named in its
 * prose ("This method supports the `$select` and `$filter` OData query parameters").
 */
import type { Extractor } from './context.js';
import { checkRowShape, col } from './context.js';
import { parseTypeCell } from './type-ref.js';
import { requiredFrom } from './headers.js';

const NEGATED = /\b(not|doesn't|don't|cannot|can't|unsupported|never)\b/i;
const ODATA = /\$(select|filter|expand|top|skip|orderby|count|search|format|skiptoken|deltatoken)\b/gi;

export const queryParameters: Extractor = {
  name: 'queryParameters',
  extract(ctx, ir) {
    for (const s of ctx.sectionsOf('query-parameters')) {
      const seen = new Set(ir.queryParameters.map((q) => q.name.toLowerCase()));
      for (const t of ctx.tables(s)) {
        const nameCol = Math.max(0, col(t, /^(name|parameter|query parameter|option)s?$/));
        const typeCol = col(t, /^type$/);
        const descCol = col(t, /^(description|value|values)$/);
        checkRowShape(ctx, t, 'Query parameters');
        let taken = 0;
        let skipped = 0;
        for (const r of t.rows) {
          const name = (r.cells[nameCol]?.text ?? '').replace(/[`*]/g, '').trim();
          if (!name) { skipped++; ctx.diag('table-row-empty', 'info', 'Query parameters table has a row without a name', r.src); continue; }
          if (seen.has(name.toLowerCase())) { skipped++; ctx.diag('table-row-duplicate', 'info', `Query parameter ${name} is listed twice; the first row is kept`, r.src); continue; }
          taken++;
          seen.add(name.toLowerCase());
          const description = descCol >= 0 ? r.cells[descCol]?.text ?? '' : '';
          const p: (typeof ir.queryParameters)[number] = { name, description, required: requiredFrom(description), src: r.cells[nameCol]?.src ?? r.src };
          if (typeCol >= 0 && r.cells[typeCol]) p.type = parseTypeCell(r.cells[typeCol]!).type;
          ir.queryParameters.push(p);
        }
        ctx.useTable(t, 'query parameters', taken, 0, skipped);
      }
      for (const n of ctx.content(s)) {
        if (n.type !== 'paragraph' && n.type !== 'list') continue;
        const text = ctx.text(n);
        if (!ir.queryParameterSupport) {
          if (/(does not|doesn't|do not|don't|not) (currently )?support (any |the )?(optional |custom |odata )*query (parameters|options)|no (optional )?query parameters|not supported/i.test(text)) {
            ir.queryParameterSupport = { value: 'none', text: text.slice(0, 200), src: ctx.src(n) };
          } else if (/supports?\b(?:(?!supports?\b).)*query (parameters|options)|query parameters? (is|are) supported|\$(select|filter|expand|top|orderby|count|search|skip)/i.test(text)) {
            ir.queryParameterSupport = { value: 'odata', text: text.slice(0, 200), src: ctx.src(n) };
          }
        }
        // Options named in a negated sentence ("Does not support `$expand`", "`$select` is not supported") are not supported ones.
        // "Supports `$select` but not `$filter`" keeps what comes before the negation.
        const affirmed = text.split(/(?<=[.;!?])\s+/).map((x) => {
          const m = NEGATED.exec(x);
          if (!m) return x;
          const before = x.slice(0, m.index);
          return /\bsupports?\b/i.test(before) ? before : '';
        }).join(' ');
        for (const m of affirmed.matchAll(ODATA)) {
          const name = '$' + m[1]!;
          if (seen.has(name.toLowerCase())) continue;
          seen.add(name.toLowerCase());
          ir.queryParameters.push({ name, description: '', required: false, src: ctx.src(n) });
        }
      }
    }
  },
};
