/** Request headers tables: `Header | Value`, `Name | Description`, `Name | Type | Description`. */
import type { Extractor } from './context.js';
import { checkRowShape, col } from './context.js';

export function requiredFrom(text: string): boolean | null {
  if (/\bnot required\b|\boptional\b/i.test(text)) return false;
  if (/\brequired\b/i.test(text)) return true;
  return null;
}

export const headers: Extractor = {
  name: 'requestHeaders',
  extract(ctx, ir) {
    for (const s of ctx.sectionsOf('request-headers')) {
      for (const t of ctx.tables(s)) {
        const nameCol = Math.max(0, col(t, /^(header|name|request header|header name)s?$/));
        const valueCol = col(t, /^(value|description|values?|header value)$/) >= 0 ? col(t, /^(value|description|values?|header value)$/) : t.header.length - 1;
        const reqCol = col(t, /^required/);
        checkRowShape(ctx, t, 'Request headers');
        let taken = 0;
        let skipped = 0;
        for (const r of t.rows) {
          const name = (r.cells[nameCol]?.text ?? '').replace(/[`*]/g, '').trim();
          if (!name) { skipped++; ctx.diag('table-row-empty', 'info', 'Request headers table has a row without a header name', r.src); ctx.explain(...r.cells); continue; }
          taken++;
          const value = r.cells[valueCol]?.text ?? '';
          const reqText = reqCol >= 0 ? r.cells[reqCol]?.text ?? '' : value;
          const required = reqCol >= 0 ? (/^(yes|true|required)/i.test(reqText) ? true : /^(no|false|optional)/i.test(reqText) ? false : null) : requiredFrom(value);
          ir.requestHeaders.push({ name, value, required, src: r.cells[nameCol]?.src ?? r.src });
          ctx.land(r.cells[nameCol], r.cells[valueCol], reqCol >= 0 ? r.cells[reqCol] : undefined);
        }
        ctx.ignoreColumns(t, [nameCol, valueCol, reqCol].filter((i) => i >= 0), 'Request headers');
        ctx.useTable(t, 'request headers', taken, 0, skipped);
      }
    }
  },
};
