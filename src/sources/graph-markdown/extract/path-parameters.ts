/**
 * "Path parameters" sections: what each placeholder of the request path stands for
 * (`| extensionId | string | Placeholder for an extension name … |` under GET /users/{id}/extensions/{extensionId}),
 * with its type, description and what the description says of its being required (a function argument listed here may be
 * "Optional.": `valuesOnly` of usedRange). A row whose name is no placeholder of the page's request lines is still a fact
 * (the model matches names).
 */
import type { PathParameterDoc } from '../ir/schema.js';
import type { Extractor } from './context.js';
import { checkRowShape, col } from './context.js';
import { parseTypeCell } from './type-ref.js';
import { requiredFrom } from './headers.js';
import { typeColumn } from './property-table.js';

export const pathParameters: Extractor = {
  name: 'pathParameters',
  extract(ctx, ir) {
    const sections = ctx.sectionsOf('path-parameters');
    if (!sections.length) return;
    const out: PathParameterDoc[] = [];
    for (const s of sections) {
      for (const t of ctx.tables(s)) {
        const nameCol = Math.max(0, col(t, /^(parameter|name|parameter name|placeholder)s?$/));
        // "Parameter name | Value | Description" (drive-get.md): beside a description, a Value column holds the type (`string`).
        const described = col(t, /^(description|notes?|details)$/);
        const descCol = described >= 0 ? described : col(t, /^value$/);
        const typeCol = typeColumn(t);
        checkRowShape(ctx, t, 'Path parameters');
        let taken = 0;
        let skipped = 0;
        for (const r of t.rows) {
          const nameCell = r.cells[nameCol];
          const name = (nameCell?.text ?? '').replace(/[`*\\{}]/g, '').trim();
          if (!name) { skipped++; ctx.diag('table-row-empty', 'info', 'Path parameters table has a row without a name', r.src); ctx.explain(...r.cells); continue; }
          const description = descCol >= 0 ? r.cells[descCol]?.text ?? '' : '';
          const p: PathParameterDoc = { name, description, required: requiredFrom(description), src: nameCell!.src };
          if (typeCol >= 0 && r.cells[typeCol]?.text) p.type = parseTypeCell(r.cells[typeCol]!).type;
          out.push(p);
          taken++;
          ctx.land(nameCell, typeCol >= 0 ? r.cells[typeCol] : undefined, descCol >= 0 ? r.cells[descCol] : undefined);
        }
        ctx.ignoreColumns(t, [nameCol, typeCol, descCol].filter((i) => i >= 0), 'Path parameters');
        ctx.useTable(t, 'path parameters', taken, 0, skipped);
      }
    }
    if (out.length) ir.pathParameterDescriptions = out;
  },
};
