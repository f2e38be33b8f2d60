/**
 * "Function parameters" sections: the parameters of a function call (`getOffice365ActiveUserDetail(period='{period_value}')`,
 * `filterByCurrentUser(on='{on}')`), with name, type, required, and where each goes — inside the
 * function call in the path, or in the query string. Never a request body.
 */
import type { FunctionParameter } from '../ir/schema.js';
import type { Extractor } from './context.js';
import { col } from './context.js';
import { parseTypeCell } from './type-ref.js';
import { requiredCell, requiredFrom } from './headers.js';
import { typeColumn } from './property-table.js';
import { descriptionColumn, readParameterRows } from './parameter-table.js';

export const functionParameters: Extractor = {
  name: 'functionParameters',
  extract(ctx, ir) {
    const sections = ctx.sectionsOf('function-parameters');
    if (!sections.length) return;
    const out: FunctionParameter[] = [];
    for (const s of sections) {
      const prose = ctx.ownContent(s).filter((n) => n.type === 'paragraph').map((n) => ctx.text(n)).join(' ');
      const proseSaysQuery = /\bquery (string|parameters?)\b/i.test(prose) && !/\bpath\b/i.test(prose);
      for (const t of ctx.tables(s)) {
        const nameCol = Math.max(0, col(t, /^(parameter|name|parameter name|property)s?$/));
        const typeCol = typeColumn(t);
        const descCol = descriptionColumn(t);
        const reqCol = col(t, /^(required|optional|is required)\b/);
        readParameterRows(ctx, t, 'Function parameters', nameCol, [typeCol, descCol, reqCol], (r, name, nameCell) => {
          const description = descCol >= 0 ? r.cells[descCol]?.text ?? '' : '';
          const reqText = reqCol >= 0 ? r.cells[reqCol]?.text ?? '' : '';
          const required = reqCol >= 0 ? requiredCell(reqText) : requiredFrom(description);
          const p: FunctionParameter = { name, description, required, location: locate(name, ir.operations.map((o) => ({ path: o.path, query: o.query })), proseSaysQuery), src: nameCell.src };
          if (typeCol >= 0 && r.cells[typeCol]?.text) p.type = parseTypeCell(r.cells[typeCol]!).type;
          out.push(p);
          return true;
        });
      }
    }
    ir.functionParameters = out;
  },
};

/** Where a parameter goes: inside a function call's parentheses in a request path, after "?" in the query, or unknown. */
export function locate(name: string, ops: { path: string; query?: string }[], proseSaysQuery: boolean): FunctionParameter['location'] {
  const lower = name.toLowerCase();
  for (const o of ops) {
    for (const m of o.path.matchAll(/\(([^()]*)\)/g)) {
      const args = m[1]!.toLowerCase();
      if (args.split(',').some((a) => a.split('=')[0]!.trim() === lower || a.replace(/['"{}<>]/g, '').trim() === lower)) return 'path';
    }
    if (o.query && o.query.toLowerCase().split('&').some((a) => a.split('=')[0]!.trim().replace(/^\$/, '') === lower.replace(/^\$/, ''))) return 'query';
  }
  return proseSaysQuery ? 'query' : 'unknown';
}
