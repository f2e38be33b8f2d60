import { bodySection, opPage, resourcePage } from '../fixture-pages.js';
import { sideOf, type FindingDraft, type ModelRule } from '../types.js';
import type { Document, PropertySource, TypeRef } from '../../model/schema.js';
import type { ApiModel, TypeModel } from '../../model/types.js';
import { operationKeyOf, requestBodyTypeName } from '../../model/merge.js';
import { isWorkloadResourcePage } from '../type-groups.js';
import { typeCompareKey } from './type-property-type-differs.js';

/** Type names are already local (the namespace is kept apart); numeric widths compare alike (type-property-format-differs reports those). */
const typeKey = (t: TypeRef) => typeCompareKey(t.name);

const rowsMemo = new WeakMap<TypeModel[], Map<string, PropertySource[]>>();

/**
 * The resource page's rows for the properties of a page's request body, when the body is that resource's representation
 * (its prose, response type or title names the type, and at least half of its rows are the type's properties: a table of
 * an action's parameters is not the type the action returns); undefined otherwise. Shared with example-value-type-mismatch.
 */
export function bodyResourceRows(model: Pick<ApiModel, 'types'>, d: Document, version: string): { typeName: string; rows: (property: string) => PropertySource[] | undefined } | undefined {
  const body = d.requestBody;
  if (!body || body.tableKind !== 'properties' || !body.properties.length) return undefined;
  const typeName = requestBodyTypeName(d);
  if (!typeName) return undefined;
  let resource = rowsMemo.get(model.types);
  if (!resource) rowsMemo.set(model.types, (resource = resourceProperties(model.types)));
  const local = typeName.split('.').pop()!.toLowerCase();
  const rows = (property: string) => resource.get(`${version}|${local}|${property.toLowerCase()}`);
  // A body most of whose rows the type does not have is not its representation, whatever the response returns: an
  // action's parameters (createLink's type, password, scope — and expirationDateTime — return a permission).
  const known = body.properties.filter((p) => rows(p.name)).length;
  return known * 2 < body.properties.length ? undefined : { typeName, rows };
}

/** Properties of resource pages (not workload pages) by `version|type|property`, lower case. */
function resourceProperties(types: TypeModel[]): Map<string, PropertySource[]> {
  const out = new Map<string, PropertySource[]>();
  for (const t of types) for (const p of t.properties) for (const s of p.sources) {
    if (s.origin !== 'resource' || isWorkloadResourcePage(s.doc.file, t.name)) continue;
    const k = `${t.version}|${t.name.toLowerCase()}|${p.name.toLowerCase()}`;
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push(s);
  }
  return out;
}

export const rule: ModelRule = {
  id: 'body-property-contradicts-type',
  input: 'model',
  severity: 'warning',
  confidence: 'medium',
  contexts: ['variant'],
  summary: 'A request-body table types a property differently from the resource page of the type the body represents',
  description:
    'A create or update page says its body is a JSON representation of a resource (by its prose, its response type or its title) and lists properties of that resource in its table (at least half of its rows are the resource\'s properties: a table of an action\'s parameters is not the type the action returns). A property whose type or collection-ness differs from every row the resource page (same version; workload pages left out) gives for it is reported: a client built from the resource page sends what the update page says it must not, or the other way round. Request bodies are never merged into types, so this rule is where the two meet. Numeric widths are compared as one type (type-property-format-differs reports widths). A String row where the resource page names an enum of that version (event.showAs: String against freeBusyStatus) is reported at info as a loose name — the enum\'s members travel as strings, so the values sent are the same, but the body table should name the enum.',
  example: { before: 'resources/event.md: attendees | Attendee collection\napi/event-update.md body: attendees | Attendee', after: 'both: Attendee collection' },
  fixture: {
    before: { 'v1.0/resources/widget.md': resourcePage('widget', ['|tags|String collection||', '|size|Int32||']), 'v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|tags|String||', '|size|Int64||'])) },
    after: { 'v1.0/resources/widget.md': resourcePage('widget', ['|tags|String collection||', '|size|Int32||']), 'v1.0/api/widget-update.md': opPage('Update widget', 'PATCH', '/widgets/{id}', bodySection(['|tags|String collection||', '|size|Int64||'])) },
  },
  check({ model }) {
    const enums = new Set(model.enums.map((e) => `${e.version}|${e.name.toLowerCase()}`));
    const out: FindingDraft[] = [];
    const seen = new Set<string>();
    for (const g of model.operations) for (const v of g.variants) {
      const d = v.doc;
      // A page documents several request lines (aliases) with one body table: reported once, on its first request line.
      if (seen.has(d.file)) continue;
      seen.add(d.file);
      const of = bodyResourceRows(model, d, v.version);
      if (!of) continue;
      const typeName = of.typeName;
      for (const p of d.requestBody!.properties) {
        const rows = of.rows(p.name);
        if (!rows?.length) continue;
        // Any agreeing row settles it: disagreements between resource pages are type-property-* findings.
        if (rows.some((r) => typeKey(r.type) === typeKey(p.type) && r.type.collection === p.type.collection)) continue;
        const r = rows[0]!;
        const sameName = rows.some((x) => typeKey(x.type) === typeKey(p.type));
        const shown = (t: TypeRef) => (sameName ? (t.collection ? 'collection' : 'single') : `${t.name}${t.collection ? ' collection' : ''}`);
        // String where the resource page names an enum of the same version: the enum's members travel as strings, so a client
        // sends the same values either way — a loose name for the type, not another type (labels o651, o1330, r2056 false,
        // r1261, r1297 real, as warnings): reported as such, at info, as the metadata comparison's enum-as-string does.
        const enumAsString = !sameName && p.type.primitive && typeKey(p.type) === 'string' && p.type.collection === r.type.collection && enums.has(`${v.version}|${r.type.name.toLowerCase()}`);
        const what = sameName ? `is ${p.type.collection ? 'a collection' : 'single'} in the request body but ${r.type.collection ? 'a collection' : 'single'} on the resource page` : `is typed ${p.type.name}${p.type.collection ? ' collection' : ''} in the request body but ${r.type.name}${r.type.collection ? ' collection' : ''} on the resource page`;
        out.push({
          rule: this.id, ...(enumAsString ? { severity: 'info' as const } : {}), context: 'variant', subject: d.operations[0] ? operationKeyOf(model, d.operations[0]) : g.key,
          field: `requestBody.${p.name}.${sameName ? 'collection' : 'type'}`,
          message: enumAsString ? `${typeName}.${p.name} is typed String in the request body, where the resource page names its enum ${r.type.name}: the same values on the wire, but the body table should name the enum (${v.version})`
            : `${typeName}.${p.name} ${what} (${v.version})`,
          sides: [sideOf(d, p.src, shown(p.type)), sideOf(r.doc, r.src, shown(r.type))],
          args: [d.file, p.name.toLowerCase()],
        });
      }
    }
    return out;
  },
};
