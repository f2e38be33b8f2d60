/**
 * "Instance attributes" tables on resource pages (`@microsoft.graph.downloadUrl` …): properties
 * with special behaviour that the service returns or accepts, not properties of the type. Kept
 * apart from the resource's properties.
 */
import type { Extractor } from './context.js';
import { isPropertyTable, readPropertyTable } from './property-table.js';

export const instanceAttributes: Extractor = {
  name: 'instanceAttributes',
  extract(ctx, ir) {
    const sections = ctx.sectionsOf('instance-attributes');
    if (!sections.length || !ir.resource) return;
    for (const s of sections) {
      for (const t of ctx.tables(s)) {
        if (!isPropertyTable(t)) {
          ctx.diag('table-unclassified', 'info', `Table with columns ${JSON.stringify(t.header.map((h) => h.text).join(' | '))} in the Instance attributes section is not a property table; not taken`, t.src);
          continue;
        }
        (ir.resource.instanceAttributes ??= []).push(...readPropertyTable(ctx, t, 'Instance attributes', { keepAnnotations: true }));
      }
    }
  },
};
