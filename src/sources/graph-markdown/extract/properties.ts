/** Resource Properties tables (and property tables under headings of no other kind on a resource page). */
import type { Extractor, TableModel } from './context.js';
import { isPropertyTable, NAME_OK, readPropertyTable } from './property-table.js';
import type { Src } from '../ir/schema.js';

export const properties: Extractor = {
  name: 'properties',
  extract(ctx, ir) {
    if (!ir.resource) return;
    const r = ir.resource;
    // Rows that document a property's removal: kept apart (removedProperties), so that rules can tell them from no row.
    const onRemoved = (name: string, src: Src) => { (r.removedProperties ??= []).push({ name, src }); };
    const squash = (x: string) => x.toLowerCase().replace(/[^a-z0-9]/g, '');
    const typeName = squash(ir.resource.name);
    // A heading "Properties of a token issuance policy definition" documents a nested structure (the JSON inside the
    // definition property), not the type: its table is not the type's properties — as a sub-heading of Properties, or as
    // a Properties section of its own elsewhere on the page (beta policy.md's "#### Properties of a token lifetime policy"
    // under Relationships).
    const otherStructure = (heading: string) => {
      const m = /^properties of (?:an? |the )?(.+)$/i.exec(heading.trim());
      return !!m && ![typeName, `${typeName}resource`, `${typeName}resourcetype`, `${typeName}type`].includes(squash(m[1]!));
    };
    for (const s of ctx.sectionsOf('properties')) {
      const nested = ctx.sections.filter((x) => x.index > s.index && x.end <= s.end && otherStructure(x.heading));
      for (const t of ctx.tables(s)) {
        const under = otherStructure(s.heading) ? s : nested.find((x) => x.index < t.index && t.index < x.end);
        if (under) {
          ctx.diag('property-table-nested-structure', 'info', `The table under "${under.heading}" describes a nested structure, not the type's properties; not taken`, t.src);
          continue;
        }
        // A Methods table's header over property rows (beta agreementfiledata.md: "Method | Return Type | Description" over
        // `|data|Binary|Data representing the terms of use PDF document.|`, under Properties; label b1529): the header was
        // copied from the wrong table, the rows are the type's properties — read as such, and the header named.
        const relabelled = isPropertyTable(t) ? undefined : methodsHeaderOverProperties(t);
        if (relabelled) {
          ctx.diag('property-table-header-mislabelled', 'info', `The table under Properties has a methods table's header (${JSON.stringify(t.header.map((h) => h.text).join(' | '))}) over property rows (a name without a link, a type): read as the type's properties`, t.src);
          r.properties.push(...readPropertyTable(ctx, relabelled, 'Properties', { onRemoved }));
          continue;
        }
        if (!isPropertyTable(t)) {
          ctx.diag('table-unclassified', 'info', `Table with columns ${JSON.stringify(t.header.map((h) => h.text).join(' | '))} in the Properties section is not a property table; not taken`, t.src);
          continue;
        }
        r.properties.push(...readPropertyTable(ctx, t, 'Properties', { onRemoved }));
      }
    }
    // A resource page that groups its properties under topical headings ("## Page Content",
    // "## Authoring Metadata" on sitePage): a property table in a section of no other kind is the type's too —
    // unless the heading names a type.
    // Top-level (H2) sections only, and only the tables directly under their heading: a section nested in Properties
    // is read with it, and a nested one would be read twice.
    // Not a heading that names a type ("## accessReviewSettings resource type" on a page of several types): its table is that type's.
    const namesAType = (h: string) => /\b(?:resource|type|object|entity|enum|values|members|properties)\b/i.test(h) || /\b[a-z]+[A-Z][A-Za-z0-9]*\b/.test(h);
    // A resource page with no Properties heading at all (beta secureScore pages: the table right under the title): the
    // property table directly under the title is the type's.
    // Likewise the property table right after the JSON block of its JSON representation section (beta package.md).
    const titled = !ctx.sectionsOf('properties').length;
    for (const s of ctx.sections) {
      const title = s.kind === 'title' && titled;
      const json = s.kind === 'json-representation' && titled;
      if (!title && !json && (s.kind !== 'other' || s.depth !== 2 || namesAType(s.heading))) continue;
      for (const t of ctx.tables(s)) {
        if (!isPropertyTable(t) || ctx.sectionAt(t.index) !== s) continue;
        if (title) ctx.diag('property-table-under-title', 'info', 'The property table under the page title (the page has no Properties heading) is read as the type\'s properties', t.src);
        else if (json) ctx.diag('property-table-in-json-representation', 'info', 'The property table in the JSON representation section (the page has no Properties heading) is read as the type\'s properties', t.src);
        else ctx.diag('property-table-in-other-section', 'info', `The property table under "${s.heading}" is read as the type's properties`, t.src);
        r.properties.push(...readPropertyTable(ctx, t, 'Properties', { onRemoved }));
      }
    }
  },
};

/**
 * The table relabelled "Property | Type | Description" when its header is a Methods table's ("Method | Return type |
 * Description") and every row reads as a property: a name as property rows write it (NAME_OK) with no link in the first
 * cell (a method row links its page) and something in the second. Undefined otherwise.
 */
function methodsHeaderOverProperties(t: TableModel): TableModel | undefined {
  if (t.columns.length !== 3 || t.columns[0] !== 'method' || t.columns[1] !== 'return type' || t.columns[2] !== 'description' || !t.rows.length) return undefined;
  const plain = t.rows.every((r) => r.cells.length === 3 && !r.cells[0]!.links.length && NAME_OK.test(r.cells[0]!.text.replace(/[`*\\]/g, '').trim()) && r.cells[1]!.text.trim() !== '');
  return plain ? { ...t, columns: ['property', 'type', 'description'] } : undefined;
}
