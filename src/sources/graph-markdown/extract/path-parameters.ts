/**
 * "Path parameters" sections: what each placeholder of the request path stands for
 * (`| extensionId | string | Placeholder for an extension name … |` under GET /users/{id}/extensions/{extensionId}),
 * with its type, description and what the description says of its being required (a function argument listed here may be
 * "Optional.": `valuesOnly` of usedRange). A row whose name is no placeholder of the page's request lines is still a fact
 * (the model matches names).
 */
import type { PathParameterDoc } from '../ir/schema.js';
import type { Extractor } from './context.js';
import { col } from './context.js';
import { parseTypeCell } from './type-ref.js';
import { requiredFrom } from './headers.js';
import { typeColumn } from './property-table.js';
import { descriptionColumn, readParameterRows } from './parameter-table.js';

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
        const descCol = descriptionColumn(t);
        const typeCol = typeColumn(t);
        readParameterRows(ctx, t, 'Path parameters', nameCol, [typeCol, descCol], (r, name, nameCell) => {
          const description = descCol >= 0 ? r.cells[descCol]?.text ?? '' : '';
          const p: PathParameterDoc = { name, description, required: requiredFrom(description), src: nameCell.src };
          if (typeCol >= 0 && r.cells[typeCol]?.text) p.type = parseTypeCell(r.cells[typeCol]!).type;
          out.push(p);
          return true;
        });
      }
    }
    if (out.length) ir.pathParameterDescriptions = out;
  },
};
