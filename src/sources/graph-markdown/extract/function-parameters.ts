/**
 * "Function parameters" sections: the parameters of a function call (`getOffice365ActiveUserDetail(period='{period_value}')`,
 * `filterByCurrentUser(on='{on}')`), with name, type, required, and where each goes — inside the
 * function call in the path, or in the query string. Never a request body.
 */
import type { FunctionParameter } from '../ir/schema.js';
import type { Extractor } from './context.js';
import { checkRowShape, col } from './context.js';
import { parseTypeCell } from './type-ref.js';
import { requiredFrom } from './headers.js';

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
        const typeCol = col(t, /^(type|data type|value type)$/);
        const descCol = col(t, /^(description|notes?|value|details)$/);
        const reqCol = col(t, /^(required|optional|is required)\b/);
        checkRowShape(ctx, t, 'Function parameters');
        let taken = 0;
        let skipped = 0;
        for (const r of t.rows) {
          const nameCell = r.cells[nameCol];
          const name = (nameCell?.text ?? '').replace(/[`*\\]/g, '').trim();
          if (!name) { skipped++; ctx.diag('table-row-empty', 'info', 'Function parameters table has a row without a name', r.src); ctx.explain(...r.cells); continue; }
          const description = descCol >= 0 ? r.cells[descCol]?.text ?? '' : '';
          const reqText = reqCol >= 0 ? r.cells[reqCol]?.text ?? '' : '';
          const required = reqCol >= 0 ? (/^(yes|true|required|y)\b/i.test(reqText) ? true : /^(no|false|optional|n)\b/i.test(reqText) ? false : null) : requiredFrom(description);
          const p: FunctionParameter = { name, description, required, location: locate(name, ir.operations.map((o) => ({ path: o.path, query: o.query })), proseSaysQuery), src: nameCell!.src };
          if (typeCol >= 0 && r.cells[typeCol]?.text) p.type = parseTypeCell(r.cells[typeCol]!).type;
          out.push(p);
          taken++;
          ctx.land(nameCell, typeCol >= 0 ? r.cells[typeCol] : undefined, descCol >= 0 ? r.cells[descCol] : undefined, reqCol >= 0 ? r.cells[reqCol] : undefined);
        }
        ctx.ignoreColumns(t, [nameCol, typeCol, descCol, reqCol].filter((i) => i >= 0), 'Function parameters');
        ctx.useTable(t, 'function parameters', taken, 0, skipped);
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
