/**
 * Resolve a documented path against the CSDL, segment by segment, the way an OData service
 * does: the first segment is an entity set or singleton; then `{}` is a key of a collection,
 * a name is a navigation or structural property of the current type (or an ancestor), a
 * qualified name is a cast, and otherwise a name must be an action or function bound to the
 * current type (or an ancestor; a collection of it when the current value is a collection).
 * The first segment that does not resolve is the problem; segments after `$value`, `$count`,
 * `$ref`, a colon path (`root:/a.txt:`) or an ellipsis (`.../messages`, "any depth") are not
 * followed.
 *
 * Policies (documented in the README):
 *  - key as segment: after a collection, a literal segment that is not an action or function
 *    bound to the collection is a key (`/mailFolders/inbox`, `/worksheets/Sheet1`), as OData
 *    key-as-segment URLs are;
 *  - workbook-relative paths: the Excel pages write paths relative to a workbook
 *    (`/workbook/worksheets/{id}`, their prose says `/me/drive/items/{id}/workbook/...`); a
 *    path whose first segment is `workbook` is resolved from the type microsoft.graph.workbook.
 */
import { compareStr } from '../../util/order.js';
import type { CsdlOperation, CsdlStructuredType } from './service-side.js';
import type { MetadataContext } from './types.js';

export type PathProblem =
  | { kind: 'entity-set'; segment: string }
  | { kind: 'operation-missing'; segment: string; on: CsdlStructuredType; collection: boolean; derived?: CsdlStructuredType[] }
  | { kind: 'binding'; segment: string; on: CsdlStructuredType; collection: boolean; candidates: CsdlOperation[] };

const STOP = /^\$|:|^\.\.\.$/;

export function walkPath(ctx: MetadataContext, path: string): PathProblem | undefined {
  return walk(ctx, path).problem;
}

/**
 * The action or function the path's last segment calls, when every segment resolves
 * (`POST /users/{}/assignLicense` → Action assignLicense bound to user).
 */
export function operationAt(ctx: MetadataContext, path: string): CsdlOperation | undefined {
  return operationsAt(ctx, path)[0];
}

/**
 * Every overload the path's last segment may call: the functions of that name bound to the type the
 * path reaches (getEffectivePermissions() and getEffectivePermissions(scope) return different types).
 */
export function operationsAt(ctx: MetadataContext, path: string): CsdlOperation[] {
  const w = walk(ctx, path);
  return w.problem ? [] : w.last ?? [];
}

/**
 * What a path that calls no action or function addresses, when every segment resolves: the entity set, singleton,
 * navigation or structured property's type, and whether it is a collection (`GET /users/{}/manager` → directoryObject, one;
 * `/me/mailFolders/inbox/messages` → message, a collection). Undefined for a call, a primitive, `$value`, `$count`, `$ref`,
 * a colon path or an ellipsis (not followed).
 */
export function resourceAt(ctx: MetadataContext, path: string): { type: CsdlStructuredType; collection: boolean; segment: string } | undefined {
  const w = walk(ctx, path);
  return w.problem || w.last || !w.end || w.doubtfulKey ? undefined : { ...w.end, segment: w.segment! };
}

interface Walked {
  problem?: PathProblem;
  last?: CsdlOperation[];
  end?: { type: CsdlStructuredType; collection: boolean };
  /** The last segment's name (`manager`, `users`). */
  segment?: string;
  /**
   * A segment taken as a key (key as segment) that names a member of the collection's type, or an action or function bound
   * elsewhere: more likely a key left out (`…/sort/fields/icon`) or a call the service does not bind there (`/directoryObjects/delta`).
   */
  doubtfulKey?: boolean;
}

function walk(ctx: MetadataContext, path: string): Walked {
  const segs = path.split('/').filter(Boolean);
  if (!segs.length) return {};
  const first = /^([^(]+)(\((.*)\))?$/.exec(segs[0]!);
  const firstName = first?.[1] ?? segs[0]!;
  if (STOP.test(firstName)) return {};
  const c = ctx.csdl.container.find((x) => x.name.toLowerCase() === firstName.toLowerCase());
  const workbook = !c && firstName.toLowerCase() === 'workbook' ? ctx.typeByQName('microsoft.graph.workbook') : undefined;
  if (!c && !workbook) return { problem: { kind: 'entity-set', segment: segs[0]! } };
  let type = c ? ctx.typeByQName(c.type) : workbook;
  let collection = !!c && c.kind === 'entity-set' && !first?.[2];
  let last: CsdlOperation[] | undefined;
  let doubtfulKey = false;
  let segment = firstName;
  for (const seg of segs.slice(1)) {
    last = undefined;
    if (!type) return {};
    if (STOP.test(seg)) return {};
    if (seg === '{}') { if (!collection) return {}; collection = false; continue; }
    const m = /^([^(]+)(\((.*)\))?$/.exec(seg);
    const rawName = m?.[1] ?? seg;
    segment = rawName;
    if (rawName.includes('.')) {
      const cast = ctx.typeByQName(rawName);
      if (cast) { type = cast; continue; }
    }
    const name = rawName.includes('.') ? rawName.slice(rawName.lastIndexOf('.') + 1) : rawName;
    if (!collection) {
      const mem = ctx.member(type, name);
      if (mem?.navigation) {
        type = ctx.typeByQName(mem.navigation.type.name);
        collection = mem.navigation.type.collection && !m?.[2];
        continue;
      }
      if (mem?.property) {
        const t = ctx.typeByQName(mem.property.type.name);
        if (!t) return {}; // a primitive or enum: nothing to follow
        type = t;
        collection = mem.property.type.collection && !m?.[2];
        continue;
      }
    }
    const ops = ctx.operationsNamed(name);
    const chain = new Set(ctx.ancestors(type).map((a) => `${a.namespace}.${a.name}`.toLowerCase()));
    const boundAll = ops.filter((o) => o.boundTo && chain.has(o.boundTo.name.toLowerCase()) && o.boundTo.collection === collection);
    const bound = boundAll[0];
    if (!bound && collection && !m?.[2]) { // key as segment
      if (ctx.member(type, name) || ops.length) doubtfulKey = true;
      collection = false;
      continue;
    }
    if (!ops.length) {
      // Declared on a type derived from the current one: the path needs a cast segment.
      // Every derived type that declares it, less those below another that does (they inherit it): the cast can be to
      // any of them, whichever the addressed resource is — naming one would pick for the writer.
      const lname = name.toLowerCase();
      const on = type;
      const declares = (t: CsdlStructuredType) => t.navigation.some((n) => n.name.toLowerCase() === lname) || t.properties.some((n) => n.name.toLowerCase() === lname);
      const all = collection ? [] : ctx.csdl.types.filter((t) => t !== on && declares(t) && ctx.ancestors(t).includes(on));
      const derived = all.filter((t) => !ctx.ancestors(t).some((a) => a !== t && all.includes(a))).sort((a, b) => compareStr(a.name, b.name));
      return { problem: { kind: 'operation-missing', segment: seg, on: type, collection, ...(derived.length ? { derived } : {}) } };
    }
    if (!bound) return { problem: { kind: 'binding', segment: seg, on: type, collection, candidates: ops } };
    last = boundAll;
    if (!bound.returns) { type = undefined; continue; }
    type = ctx.typeByQName(bound.returns.name);
    collection = bound.returns.collection;
  }
  return { last, segment, ...(doubtfulKey ? { doubtfulKey } : {}), ...(type ? { end: { type, collection } } : {}) };
}
