/**
 * Query parameters: tables in the query-parameters section, and OData options named in its
 * prose ("This method supports the `$select` and `$filter` OData query parameters").
 */
import type { Nodes } from 'mdast';
import type { Extractor } from './context.js';
import { col } from './context.js';
import { parseTypeCell } from './type-ref.js';
import { requiredFrom } from './headers.js';
import { requiredByTable, typeColumn } from './property-table.js';
import { descriptionColumn, readParameterRows } from './parameter-table.js';

// Sentences come from ctx.text (whitespace folded to single spaces).
const NEGATED = /\b(?:can't|cannot|can not|don't|doesn't|does not|do not|isn't|is not|aren't|are not|won't) (?:be |currently )?(?:use|used|support|supported|available|allowed|apply|applied)\b|\bnot supported\b|\bunsupported\b|\bno support for\b/i;
// `$apply` (aggregation: the managed-tenants pages, "including `$apply`, `$count`, …") is a system query option like the others.
const ODATA = /\$(select|filter|expand|top|skip|orderby|count|search|format|skiptoken|deltatoken|apply)\b/gi;

export const queryParameters: Extractor = {
  name: 'queryParameters',
  extract(ctx, ir) {
    for (const s of ctx.sectionsOf('query-parameters')) {
      const seen = new Set(ir.queryParameters.map((q) => q.name.toLowerCase()));
      for (const t of ctx.tables(s)) {
        // "Attributes supported by $filter parameter": Attribute | Supported operators — what $filter accepts, not parameters.
        // A table without a name column whose first cells are no parameter names ("Scenario | Example": "Get the Copilot
        // messages for a particular source" | `$filter=…`) shows uses, not parameters.
        const named = col(t, /^(name|parameter|query parameter|option)s?$/);
        const operators = col(t, /operators?$/) >= 0;
        const firstCells = named < 0 ? t.rows.map((r) => (r.cells[0]?.text ?? '').replace(/[`*]/g, '').trim()).filter((x) => x !== '') : [];
        const notNames = firstCells.some((x) => !/^\$?[A-Za-z][\w.@-]*$/.test(x));
        // "OData cast | Properties supporting $orderBy | Example" (directory-deleteditems-list.md): namespace-qualified
        // type names (`microsoft.graph.user`) are the casts a path takes, never the name of a query parameter.
        const casts = firstCells.length > 0 && firstCells.every((x) => /^microsoft\.graph\.\w+$/i.test(x));
        // "The following values are valid for the **format** parameter:" Value (or "Format value") | Description: one parameter's values.
        const values = named < 0 && /\bvalues?$/.test(t.columns[0] ?? '');
        if (named < 0 && (operators || notNames || values || casts)) {
          const what = operators ? 'A table of what $filter accepts' : values ? 'A table of a parameter\'s values' : casts ? 'A table of OData casts' : 'A table whose first column holds no parameter names';
          ctx.diag('table-not-read', 'info', `${what} (${t.columns.join(' | ')}) is not a list of query parameters; its ${t.rows.length} row(s) were not taken`, t.src);
          for (const r of t.rows) ctx.explain(...r.cells);
          ctx.useTable(t, 'query parameters', 0, 0, t.rows.length);
          continue;
        }
        const nameCol = Math.max(0, named);
        // "Name | Value | Description" (profile-list-positions.md: `$skip | int | Skip the first n results`): beside a
        // description, a Value column holds the type, as in "Path parameters" tables; alone it is the description.
        const descCol = descriptionColumn(t);
        const typeCol = typeColumn(t);
        // "In the request URL, provide the following required query parameters with values." above the table.
        const required = requiredByTable(ctx, t);
        readParameterRows(ctx, t, 'Query parameters', nameCol, [typeCol, descCol], (r, name, nameCell) => {
          if (seen.has(name.toLowerCase())) { ctx.diag('table-row-duplicate', 'info', `Query parameter ${name} is listed twice; the first row is kept`, r.src); ctx.explain(...r.cells); return false; }
          seen.add(name.toLowerCase());
          const description = descCol >= 0 ? r.cells[descCol]?.text ?? '' : '';
          const p: (typeof ir.queryParameters)[number] = { name, description, required: required(requiredFrom(description), description), src: nameCell.src };
          if (typeCol >= 0 && r.cells[typeCol]) p.type = parseTypeCell(r.cells[typeCol]!).type;
          ir.queryParameters.push(p);
          return true;
        });
      }
      // A list item by item: each option it names is located at its own item, not at the list's first line.
      const units = ctx.content(s).flatMap((n): Nodes[] => (n.type === 'paragraph' ? [n] : n.type === 'list' ? [...n.children] : []));
      for (const n of units) {
        const text = ctx.text(n);
        if (!ir.queryParameterSupport) {
          if (/(does not|doesn't|do not|don't|not) (currently )?support (any |the )?(optional |custom |odata )*query (parameters|options)|no (optional )?query parameters|not supported/i.test(text)) {
            ir.queryParameterSupport = { value: 'none', text: text.slice(0, 200), src: ctx.src(n) };
          } else if (/supports?\b(?:(?!supports?\b).)*query (parameters|options)|query parameters? (is|are) supported|\$(select|filter|expand|top|orderby|count|search|skip)/i.test(text)) {
            ir.queryParameterSupport = { value: 'odata', text: text.slice(0, 200), src: ctx.src(n) };
          }
        }
        // Sentence by sentence: "you can't use `$expand`" names an option that is not supported.
        for (const sentence of text.split(/(?<=[.;!?])\s+/)) {
          const negated = NEGATED.test(sentence);
          for (const m of sentence.matchAll(ODATA)) {
            const name = '$' + m[1]!;
            if (seen.has(name.toLowerCase())) continue;
            seen.add(name.toLowerCase());
            if (negated) {
              ctx.diag('query-option-not-supported', 'info', `The page says ${name} is not supported here; not listed as a query parameter: ${JSON.stringify(sentence.slice(0, 120))}`, n);
              continue;
            }
            ir.queryParameters.push({ name, description: '', required: false, src: ctx.src(n) });
          }
        }
      }
    }
  },
};
