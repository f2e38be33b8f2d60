/** Sections and tables of the page as found, with the classification each table got. */
import type { Extractor, TableModel } from './context.js';
import { isPropertyTable } from './property-table.js';
import { permissionType } from './permissions.js';

export function classifyTable(t: TableModel): string {
  const c = t.columns;
  const sec = t.section.kind;
  if (c.some((x) => /global service|us government|21vianet/.test(x))) return 'national-clouds';
  if (c.some((x) => /permission type/.test(x)) || (sec === 'permissions' && (c.some((x) => /permissions?|scopes?/.test(x)) || c.slice(1).filter((x) => permissionType(x)).length >= 2))) return 'permissions';
  if (/^method/.test(c[0] ?? '')) return 'methods';
  if (sec === 'request-headers') return 'headers';
  if (sec === 'query-parameters') return 'query-parameters';
  if (sec === 'relationships') return 'relationships';
  if (sec === 'enum-values' || (/^(member|members)$/.test(c[0] ?? '') && !c.includes('type'))) return 'enum-members';
  if (isPropertyTable(t)) return sec === 'request-body' && /param/.test(c[0] ?? '') ? 'parameters' : 'properties';
  if (/^(header|name)$/.test(c[0] ?? '') && c.some((x) => /value|description/.test(x)) && sec === 'other') return 'headers';
  return 'unknown';
}

export const inventory: Extractor = {
  name: 'sections',
  extract(ctx, ir) {
    for (const s of ctx.sections) {
      if (!s.node) continue;
      const own = ctx.ownContent(s);
      const empty = own.every((n) => n.type === 'html' || (n.type === 'code' && n.value.trim() === '') || (n.type === 'table' && n.children.slice(1).every((r) => r.children.every((c) => ctx.text(c) === ''))));
      const hasSub = ctx.content(s).length > own.length;
      ir.sections.push({ kind: s.kind, heading: s.heading, depth: s.depth, empty: empty && !hasSub, src: ctx.src(s.node) });
    }
    for (const t of ctx.allTables()) {
      ir.tables.push({ section: t.section.kind, classification: classifyTable(t), columns: t.header.map((h) => h.text), rows: t.rows.length, src: t.src });
    }
  },
};
