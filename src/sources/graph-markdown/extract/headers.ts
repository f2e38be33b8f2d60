/** Request headers tables: `Header | Value`, `Name | Description`, `Name | Type | Description`. */
import type { Extractor, PageContext } from './context.js';
import type { PageIR } from '../ir/schema.js';
import { checkRowShape, col } from './context.js';

const OWN_SENTENCE = { required: /^required(?:\s*[.,;:)\-\u2013\u2014]|$)|^this (?:header|parameter|field|value|property) is required\.?$/i, optional: /^optional(?:\s*[.,;:)\-\u2013\u2014]|$)|^this (?:header|parameter|field|value|property) is optional\.?$|^this optional\b/i };

/**
 * Required or optional, as a header's or parameter's description states it: a sentence of its own
 * ("Bearer {token}. Required. Learn more…", "Optional. …", "This header is required."), the
 * description's last word ("Bearer <token> Required"), "(required)", or "not required". A requirement tied to a situation is neither: "This header and `$count` are required
 * when using `$search`" (ConsistencyLevel) holds only for some calls, "Required if …" likewise.
 */
/** A permission type's label as a whole cell ("Delegated (work or school account)", "Application"): a permissions row, no header name. */
const PERMISSION_ROW = /^(?:delegated\s*\(.*|application(?:\s+permissions?)?)$/i;

/** A Required column's cell: "Yes" / "Y" / "true" / "required" / a check mark, or "No" / "N" / "false" / "optional"; anything else is not said. */
export function requiredCell(text: string): boolean | null {
  return /^(?:(?:yes|true|required|y)\b(?!\/)|[\u2713\u2714\u2611])/i.test(text) ? true : /^(?:(?:no|false|optional|n)\b(?!\/)|[\u2717\u2718])/i.test(text) ? false : null;
}

export function requiredFrom(given: string): boolean | null {
  const text = given.replace(/\b[A-Za-z]{8}\b/g, markerSpelled);
  if (/\bnot required\b|\(optional\)/i.test(text)) return false;
  if (/\(required\)/i.test(text)) return true;
  const sentences = text.split(/(?<=[.!?])\s+/).map((s) => s.replace(/[*_`]/g, '').trim());
  if (sentences.some((s) => OWN_SENTENCE.optional.test(s))) return false;
  // "Required Use application/json for …": the period left out.
  if (sentences.some((s) => OWN_SENTENCE.required.test(s) || /^Required\s+[A-Z]/.test(s))) return true;
  // The terse form of the oldest pages: "Bearer <token> Required" — the last word, not "… is required".
  const words = text.replace(/[*_`]/g, '').split(/\s+/).filter((w) => /\w/.test(w));
  if (words.length && trimNonWord(words[words.length - 1]!).toLowerCase() === 'required' && !/^(is|are|be|been|not|when|if)$/i.test(words[words.length - 2] ?? '')) return true;
  return null;
}

/**
 * "Required" or "Optional" with two neighbouring letters swapped, spelled right ("Bearer. Requried", connectorgroup-post-
 * connectorgroups.md; extraction label x1422): a swap makes no other English word of either, so the marker is what the author
 * meant. Any other run of eight letters is returned as it is.
 */
function markerSpelled(w: string): string {
  for (const m of ['required', 'optional']) {
    const l = w.toLowerCase();
    if (l === m) return w;
    let i = 0;
    while (i < 8 && l[i] === m[i]) i++;
    if (i < 7 && l[i] === m[i + 1] && l[i + 1] === m[i] && l.slice(i + 2) === m.slice(i + 2)) return (w[0] === w[0]!.toUpperCase() ? m[0]!.toUpperCase() : m[0]) + m.slice(1);
  }
  return w;
}

/** The word without the punctuation after it ("Required." → "Required"), by scanning: no regex backtracking on a long token. */
function trimNonWord(w: string): string {
  let e = w.length;
  while (e > 0 && !/\w/.test(w[e - 1]!)) e--;
  return w.slice(0, e);
}

export const headers: Extractor = {
  name: 'requestHeaders',
  extract(ctx, ir) {
    for (const s of ctx.sectionsOf('request-headers')) {
      for (const t of ctx.tables(s)) {
        // A table under "### Prefer header values" (the OneDrive shares page): one header's values, not request headers.
        const under = ctx.sectionAt(t.index).heading.trim();
        if (/\bheader values?$/i.test(under)) {
          ctx.diag('table-not-read', 'info', `A table of a header's values (under "${under}") is not a list of request headers; its ${t.rows.length} row(s) were not taken`, t.src);
          for (const r of t.rows) ctx.explain(...r.cells);
          ctx.useTable(t, 'request headers', 0, 0, t.rows.length);
          continue;
        }
        const nameCol = Math.max(0, col(t, /^(header|name|request header|header name)s?$/));
        const valueCol = col(t, /^(value|description|values?|header value)$/) >= 0 ? col(t, /^(value|description|values?|header value)$/) : t.header.length - 1;
        const reqCol = col(t, /^required/);
        checkRowShape(ctx, t, 'Request headers');
        let taken = 0;
        let skipped = 0;
        for (const r of t.rows) {
          const name = (r.cells[nameCol]?.text ?? '').replace(/[`*]/g, '').trim();
          if (!name) { skipped++; ctx.diag('table-row-empty', 'info', 'Request headers table has a row without a header name', r.src); ctx.explain(...r.cells); continue; }
          if (PERMISSION_ROW.test(name)) {
            // "Delegated (personal Microsoft account) | Not supported." under the headers: a permission table's row, no header.
            skipped++;
            ctx.diag('header-row-is-permission', 'warning', `Request headers table row ${JSON.stringify(name)} names a permission type, not a header (a permissions table's row written into this table?); not taken: ${JSON.stringify(r.cells.map((c) => c.text).join(' | ').slice(0, 80))}`, r.src);
            ctx.explain(...r.cells);
            continue;
          }
          taken++;
          const value = r.cells[valueCol]?.text ?? '';
          const reqText = reqCol >= 0 ? r.cells[reqCol]?.text ?? '' : value;
          const required = reqCol >= 0 ? requiredCell(reqText) : requiredFrom(value);
          ir.requestHeaders.push({ name, value, required, src: r.cells[nameCol]?.src ?? r.src });
          ctx.land(r.cells[nameCol], r.cells[valueCol], reqCol >= 0 ? r.cells[reqCol] : undefined);
        }
        ctx.ignoreColumns(t, [nameCol, valueCol, reqCol].filter((i) => i >= 0), 'Request headers');
        ctx.useTable(t, 'request headers', taken, 0, skipped);
      }
    }
    requiredInProse(ctx, ir);
  },
};

/**
 * "Note that workbook-session-id header is required." (below the example of workbook close / refresh session, whose table
 * row says nothing of it): a sentence of its own, anywhere on the page, that requires a header of the table. A requirement
 * tied to a case ("… is required when …") is not one: the sentence must end there.
 */
function requiredInProse(ctx: PageContext, ir: PageIR): void {
  const open = ir.requestHeaders.filter((h) => h.required === null);
  if (!open.length) return;
  for (const n of ctx.paragraphs(ctx.root.children)) {
    // The raw text first: the reader's text of every paragraph of every page is not needed for the few that say so.
    const raw = ctx.raw(n);
    if (raw && !/header\s+is\s+required/i.test(raw)) continue;
    for (const m of ctx.text(n).matchAll(/(?:^|[.!?] )(?:note that |note: )?(?:the )?([A-Za-z][\w-]*) header is required(?:[.!]|$)/gi)) {
      const h = open.find((x) => x.name.toLowerCase() === m[1]!.toLowerCase());
      if (h) h.required = true;
    }
  }
}
