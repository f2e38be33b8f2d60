/** Relationships (navigation properties): name, target type, collection or single. */
import type { Extractor } from './context.js';
import { isPropertyTable, readPropertyTable } from './property-table.js';

export const relationships: Extractor = {
  name: 'relationships',
  extract(ctx, ir) {
    if (!ir.resource) return;
    for (const s of ctx.sectionsOf('relationships')) {
      for (const t of ctx.tables(s)) {
        const isRel = isPropertyTable(t) || /^relationships?$/.test(t.columns[0] ?? '');
        if (!isRel) {
          ctx.diag('table-unclassified', 'info', `Table with columns ${JSON.stringify(t.header.map((h) => h.text).join(' | '))} in the Relationships section is not a relationship table; not taken`, t.src);
          continue;
        }
        const t2 = { ...t, columns: t.columns.map((c, i) => (i === 0 ? 'name' : c)) };
        for (const p of readPropertyTable(ctx, t2, 'Relationships')) {
          ir.resource.relationships.push({
            name: p.name, type: p.type, description: p.description, ...(p.group ? { group: p.group } : {}),
            ...(p.readOnly ? { readOnly: true as const } : {}), ...(p.nullable !== null ? { nullable: p.nullable } : {}),
            ...(p.required ? { required: true as const } : {}), ...(p.deprecated ? { deprecated: true as const } : {}), src: p.src,
          });
        }
      }
    }
  },
};
