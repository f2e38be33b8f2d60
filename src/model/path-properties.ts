/**
 * Properties documented by operation paths only. `GET /groups/{group-id}/transitiveMembers`
 * (a page that lists a collection under a group) documents that the group has a
 * `transitiveMembers` property, even when group.md's Relationships table has no row for it.
 * For each version's GET operations `<parent>/<segment>`:
 *  - the parent path is the path of a GET operation of the same version whose primary page
 *    returns one (not a collection of) `T`, a type with a resource page, and the parent's last
 *    literal segment, singular, is part of T's name (`/users/{user-id}` → user, `/reports` →
 *    reportRoot, `/education/classes/{class-id}` → educationClass): a parent typed as some
 *    other type (a subtype or an extension a page returned) is not trusted;
 *  - the segment is a plain name (not a cast, a function call, `$value`/`$ref`/`$count`) and
 *    the page's title does not call it a function (`driveItem: delta`, `... function`);
 *  - the operation's primary page names its response type: the property's type (collection or
 *    not); the property is a navigation property when that type is an entity or an operation
 *    addresses its items by key (`.../timeOffRequests/{timeOffRequest-id}`), and then a collection.
 * T (with its base types) must not have the property already. The property's source is the
 * request line (origin `operation-path`), and a `property-from-operation-path` diagnostic on
 * the type's page says that no table there documents it.
 */
import type { ApiModel, Diagnostic, MergedProperty, OperationGroup, OperationVariant, TypeModel } from './schema.js';
import { singular } from './identity.js';
import { typeLookup } from './type-lookup.js';
import { compareStr } from '../util/order.js';
import { isPrimitiveName } from './primitives.js';

const PLAIN = /^[A-Za-z][A-Za-z0-9_]*$/;

function primaryOf(o: OperationGroup, version: string): OperationVariant | undefined {
  const p = o.primary.find((x) => x.version === version);
  return p && o.variants.find((v) => v.version === version && v.doc.file === p.document);
}

export function addPathProperties(model: Pick<ApiModel, 'operations' | 'types'>, diagnostics: Diagnostic[]): void {
  const types = typeLookup(model.types);
  const has = (t: TypeModel, name: string): boolean => {
    const seen = new Set<string>();
    for (let cur: TypeModel | undefined = t; cur && !seen.has(cur.name.toLowerCase()); cur = cur.baseType && types.byName(t.version, cur.baseType.name)) {
      seen.add(cur.name.toLowerCase());
      if (cur.properties.some((p) => p.name.toLowerCase() === name.toLowerCase())) return true;
    }
    return false;
  };
  const keyed = new Set(model.operations.map((o) => /^(.*)\/\{[^/{}]+\}$/.exec(o.path)?.[1]?.toLowerCase()).filter((x): x is string => !!x));
  for (const version of ['v1.0', 'beta'] as const) {
    const gets = model.operations.filter((o) => o.method === 'GET').map((o) => ({ o, v: primaryOf(o, version) })).filter((x): x is { o: OperationGroup; v: OperationVariant } => !!x.v);
    const single = new Map<string, string>();
    for (const { o, v } of gets) {
      const bt = v.response?.bodyType;
      if (bt && !bt.collection) single.set(o.path, bt.name);
    }
    for (const { o, v } of gets) {
      const cut = o.path.lastIndexOf('/');
      const parent = o.path.slice(0, cut);
      const segment = o.path.slice(cut + 1);
      if (!parent || !PLAIN.test(segment)) continue;
      const title = v.title ?? '';
      const named = /^[\w.]+:[ \t]*(\w+)/.exec(title.trim());
      if (/\bfunction[ \t]*$/i.test(title) || named?.[1]?.toLowerCase() === segment.toLowerCase()) continue;
      // A parent whose items are addressed by key is a collection, whatever its page's response sentence says.
      const parentType = keyed.has(parent.toLowerCase()) ? undefined : single.get(parent);
      const bt = v.response?.bodyType;
      if (!parentType || !bt) continue;
      const t = types.byName(version, parentType);
      const literal = parent.split('/').filter((s) => PLAIN.test(s)).pop();
      if (!t || !literal || !t.name.toLowerCase().includes(singular(literal).toLowerCase())) continue;
      if (has(t, segment)) continue;
      // The type as the response names it, else the type of the resource page its link leads to ("[Range](../resources/range.md)"
      // is workbookRange; "[riskyUsersHistoryItem](../resources/riskyuserhistoryitem.md)" is riskyUserHistoryItem).
      const target = types.named(version, bt.name, v.doc.file, bt.link);
      const prim = isPrimitiveName(bt.name);
      // Navigation: the target is an entity, or its items are addressed by key under this path.
      // Items addressed by key make it a collection even when the page's response sentence does not say so.
      const addressed = keyed.has(o.path.toLowerCase());
      const navigation = target?.kind === 'entity' || addressed;
      const collection = bt.collection || addressed;
      const m: MergedProperty = {
        name: segment, navigation, sources: [{
          doc: v.doc, origin: 'operation-path', type: { raw: `${bt.name}${collection ? ' collection' : ''}`, name: target?.name ?? bt.name.replace(/^Edm\./i, ''), primitive: prim, collection },
          description: '', nullable: null, readOnly: false, required: null, src: v.src,
        }],
      };
      t.properties.push(m);
      const page = t.sources.find((s) => s.origin === 'resource')!;
      diagnostics.push({ rule: 'property-from-operation-path', severity: 'info', message: `${t.name}.${segment} is documented by the request line of ${v.doc.file} (${o.key}) but by no row on ${page.doc.file}`, src: page.src });
    }
  }
  for (const t of model.types) t.properties.sort((a, b) => compareStr(a.name.toLowerCase(), b.name.toLowerCase()) || compareStr(a.name, b.name));
}

