/**
 * Enumerations: `### x values` tables on resource pages (`Member | Value | Description`, or a
 * single `Member` column), and enum pages ("x enum type") with a member table.
 */
import type { EnumDef } from '../ir/schema.js';
import type { Extractor, TableModel } from './context.js';

function isEnumTable(t: TableModel): boolean {
  return /^(member|members|value|values|name|enum member)$/.test(t.columns[0] ?? '') && !t.columns.some((c) => /^type$/.test(c));
}

export const enums: Extractor = {
  name: 'enums',
  extract(ctx, ir) {
    const title = ir.title.h1?.value ?? ir.title.frontMatter?.value ?? '';
    const enumPage = /\benum(eration)?\b/i.test(title);
    for (const s of ctx.sections) {
      const fromHeading = s.kind === 'enum-values';
      if (!fromHeading && !(enumPage && (s.kind === 'title' || s.kind === 'other' || s.kind === 'properties'))) continue;
      for (const t of ctx.tables(s)) {
        if (!isEnumTable(t)) continue;
        const name = fromHeading ? s.heading.replace(/(?<!\s)\s+values?$/i, '').replace(/[`*]/g, '').trim() : title.replace(/(?<!\s)\s+enum(eration)?( type)?$/i, '').trim();
        if (ir.enums.some((e) => e.name === name)) continue;
        const valueCol = t.columns.findIndex((c, i) => i > 0 && /^value$/.test(c));
        const descCol = t.columns.findIndex((c) => /description/.test(c));
        const def: EnumDef = { name, members: [], src: t.src };
        let skipped = 0;
        for (const r of t.rows) {
          const m = (r.cells[0]?.text ?? '').replace(/[`*]/g, '').trim();
          if (!m) { skipped++; ctx.diag('table-row-empty', 'info', `Enum ${name} table has a row without a member`, r.src); continue; }
          const member: EnumDef['members'][number] = { name: m, description: descCol >= 0 ? r.cells[descCol]?.text ?? '' : '', src: r.cells[0]!.src };
          if (valueCol >= 0 && r.cells[valueCol]?.text) member.value = r.cells[valueCol]!.text;
          def.members.push(member);
        }
        ir.enums.push(def);
        ctx.useTable(t, 'enum members', def.members.length, 0, skipped);
      }
    }
  },
};
