/**
 * "Derived types" sections on resource pages (`meetingInfo`: a table of `[organizerMeetingInfo](…) | description`
 * rows): the types derived from the page's type, each named by the link in its row's first cell (or a list item's
 * link). The model gives each, when its own pages state no base type, this one (as it does for the prose form "the
 * derived types are [X](x.md), …" that resource.ts reads). A row or item without a link to a page names no type and
 * gets a diagnostic.
 */
import type { Link } from 'mdast';
import type { Extractor, PageContext } from './context.js';

/** A derived type as a page's link names it (the link text, without code or emphasis marks; the target kept). */
export function derivedTypeOf(ctx: PageContext, link: Link): { name: string; link: string; src: ReturnType<PageContext['src']> } {
  return { name: ctx.text(link).replace(/[`*]/g, '').trim(), link: link.url, src: ctx.src(link) };
}

export const derivedTypes: Extractor = {
  name: 'derivedTypes',
  extract(ctx, ir) {
    const sections = ctx.sectionsOf('derived-types');
    if (!sections.length || !ir.resource) return;
    const found: NonNullable<NonNullable<typeof ir.resource>['derivedTypes']> = [];
    for (const s of sections) {
      for (const t of ctx.tables(s)) {
        let taken = 0, skipped = 0;
        for (const row of t.rows) {
          const cell = row.cells[0];
          const link = cell?.links.find((l) => /\.md(#|$)/i.test(l.url));
          if (!cell || !link) {
            if (cell?.text === '') continue;
            skipped++;
            ctx.explain(...row.cells);
            ctx.diag('derived-type-unlinked', 'info', `Row ${JSON.stringify(cell?.text ?? '')} of the Derived types table links to no type page; not taken`, cell?.src ?? t.src);
            continue;
          }
          taken++;
          ctx.land(cell);
          found.push(derivedTypeOf(ctx, link));
        }
        ctx.useTable(t, 'Derived types', taken, 0, skipped);
        // A description column says what each derived type is for: prose, not a fact of the model.
        ctx.ignoreColumns(t, [0], 'Derived types');
      }
      for (const n of ctx.content(s)) {
        if (n.type !== 'list') continue;
        for (const item of n.children) {
          const link = ctx.links(item).find((l) => /\.md(#|$)/i.test(l.url));
          if (link) found.push(derivedTypeOf(ctx, link));
          else ctx.diag('derived-type-unlinked', 'info', `List item ${JSON.stringify(ctx.text(item).slice(0, 80))} of the Derived types section links to no type page; not taken`, ctx.src(item));
        }
      }
    }
    if (found.length) ir.resource.derivedTypes = [...(ir.resource.derivedTypes ?? []), ...found.filter((f) => !(ir.resource!.derivedTypes ?? []).some((d) => d.name === f.name))];
  },
};
