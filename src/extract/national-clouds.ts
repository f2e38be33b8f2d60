/** National-cloud availability tables ("Global service | US Government L4 | ... "), wherever they stand. */
import type { Extractor } from './context.js';

export const nationalClouds: Extractor = {
  name: 'nationalClouds',
  extract(ctx, ir) {
    {
      for (const t of ctx.allTables()) {
        if (!t.columns.some((c) => /global service|national cloud|us government|21vianet|germany/.test(c))) continue;
        const row = t.rows[0];
        ctx.useTable(t, 'national clouds', t.rows.length, 0, 0);
        t.header.forEach((h, i) => {
          const v = row?.cells[i]?.text ?? '';
          const available = /✅|✔|yes|supported|available|^x$/i.test(v) ? true : /❌|✖|no\b|not supported|not available/i.test(v) ? false : null;
          ir.nationalClouds.push({ cloud: h.text, available, src: h.src });
        });
      }
    }
  },
};
