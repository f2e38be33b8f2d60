/**
 * "Errors" sections: tables of status code, error code and message → error responses. A section with no such table that
 * refers to the shared topic instead ("See [Error Responses][error-response] for details about how errors are returned",
 * 32 of the 2021 tree's 43 Errors sections, OneDrive's pages) → that reference, a fact of its own.
 */
import type { ErrorResponse, ErrorsReference } from '../ir/schema.js';
import type { Extractor } from './context.js';
import { checkRowShape, col } from './context.js';

export const errors: Extractor = {
  name: 'errorResponses',
  extract(ctx, ir) {
    const out: ErrorResponse[] = [];
    let reference: ErrorsReference | undefined;
    for (const s of ctx.sectionsOf('errors')) {
      const tables = ctx.tables(s);
      // No table: the section's first link that names errors (by its text or its target) is where they are documented.
      if (!tables.length && !reference) {
        for (const n of ctx.ownContent(s)) {
          if (n.type !== 'paragraph') continue;
          const l = ctx.links(n).find((x) => /error/i.test(`${ctx.text(x)} ${x.url}`));
          if (l) { reference = { text: ctx.text(l), target: l.url, src: ctx.src(l) }; break; }
        }
      }
      for (const t of tables) {
        const statusCol = col(t, /status|http|response code|^code$/);
        const codeCol = col(t, /error code|^error$|^code$/) === statusCol ? col(t, /error code|^error$/) : col(t, /error code|^error$|^code$/);
        const msgCol = col(t, /message|description|reason|details/);
        if (codeCol < 0 && statusCol < 0) {
          ctx.diag('table-unclassified', 'info', `Table with columns ${JSON.stringify(t.header.map((h) => h.text).join(' | '))} in the Errors section has no status or error-code column; not taken`, t.src);
          continue;
        }
        checkRowShape(ctx, t, 'Errors');
        let taken = 0;
        let skipped = 0;
        for (const r of t.rows) {
          const st = statusCol >= 0 ? r.cells[statusCol] : undefined;
          const code = codeCol >= 0 ? r.cells[codeCol] : undefined;
          const msg = msgCol >= 0 ? r.cells[msgCol] : undefined;
          if (!st?.text && !code?.text) { skipped++; ctx.diag('table-row-empty', 'info', 'Errors table row has neither a status nor an error code', r.src); ctx.explain(...r.cells); continue; }
          const n = /\b([1-5]\d\d)\b/.exec(st?.text ?? '');
          out.push({ status: n ? Number(n[1]) : null, statusText: st?.text ?? '', code: (code?.text ?? '').replace(/[`*]/g, '').trim(), message: msg?.text ?? '', src: (st ?? code)!.src });
          taken++;
          ctx.land(st, code, msg);
        }
        ctx.ignoreColumns(t, [statusCol, codeCol, msgCol].filter((i) => i >= 0), 'Errors');
        ctx.useTable(t, 'errors', taken, 0, skipped);
      }
    }
    if (out.length) ir.errorResponses = out;
    if (reference) ir.errorsReference = reference;
  },
};
