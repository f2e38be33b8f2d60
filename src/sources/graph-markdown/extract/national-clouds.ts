/** National-cloud availability tables ("Global service | US Government L4 | ... "), wherever they stand. */
import type { Extractor } from './context.js';

/** A cell's availability: negatives first ("Not supported" contains "supported"). */
export function cloudAvailable(v: string): boolean | null {
  if (/❌|✖|\bno\b|not supported|not available|unavailable/i.test(v)) return false;
  if (/✅|✔|\byes\b|supported|available|^x$/i.test(v)) return true;
  return null;
}

export const nationalClouds: Extractor = {
  name: 'nationalClouds',
  extract(ctx, ir) {
    for (const t of ctx.allTables()) {
      if (!t.columns.some((c) => /global service|national cloud|us government|21vianet|germany/.test(c))) continue;
      const row = t.rows[0];
      ctx.useTable(t, 'national clouds', t.rows.length, 0, 0);
      t.header.forEach((h, i) => {
        ir.nationalClouds.push({ cloud: h.text, available: cloudAvailable(row?.cells[i]?.text ?? ''), src: h.src });
        ctx.land(row?.cells[i]);
      });
      for (const r of t.rows.slice(1)) {
        if (!r.cells.some((c) => c.text !== '')) continue;
        ctx.diag('table-row-ignored', 'info', 'National-cloud table: only the first row (availability) is read; this row is not taken', r.src);
        ctx.explain(...r.cells);
      }
    }
  },
};
