/** Resource Properties tables. */
import type { Extractor } from './context.js';
import { isPropertyTable, readPropertyTable } from './property-table.js';

export const properties: Extractor = {
  name: 'properties',
  extract(ctx, ir) {
    if (!ir.resource) return;
    for (const s of ctx.sectionsOf('properties')) {
      for (const t of ctx.tables(s)) {
        if (!isPropertyTable(t)) {
          ctx.diag('table-unclassified', 'info', `Table with columns ${JSON.stringify(t.header.map((h) => h.text).join(' | '))} in the Properties section is not a property table; not taken`, t.src);
          continue;
        }
        ir.resource.properties.push(...readPropertyTable(ctx, t, 'Properties'));
      }
    }
  },
};
