/**
 * Documented calls of the metadata's actions and functions, matched once for the rules that compare
 * what a call takes and returns. The action calls, for the action-parameter rules: each documented
 * POST whose path resolves to an action of the metadata and whose page lists the request body's
 * parameters, with what the page documents of each declared parameter. A page that documents
 * several paths of one action (driveItem by /drives, /users, /groups, /sites) is one call: the
 * first path in the model's order stands for the others.
 */
import type { CsdlOperation, CsdlStructuredType } from './service-side.js';
import type { DocsOperation } from './docs-side.js';
import type { MetadataContext } from './types.js';
import { operationAt, operationsAt, resourceAt } from './path-walk.js';

export interface ActionCall {
  o: DocsOperation & { bodyParameters: NonNullable<DocsOperation['bodyParameters']> };
  action: CsdlOperation & { parameters: NonNullable<CsdlOperation['parameters']> };
  /**
   * Declared parameters (lower case) the page documents by their members instead of by name: a table
   * of passwordCredential's properties for addPassword(passwordCredential), of site's `id` for
   * add(value: Collection(site)) — members of the parameter's type, or of their types one level down.
   * Those members are not unknown parameters, and the parameter is documented.
   */
  flattened: Map<string, Set<string>>;
}

/** Computed once per comparison: two rules and the report's summary read them. */
const actionMemo = new WeakMap<MetadataContext, ActionCall[]>();
const typedMemo = new WeakMap<MetadataContext, TypedCall[]>();
const getMemo = new WeakMap<MetadataContext, ResourceGet[]>();

export function actionCalls(ctx: MetadataContext): ActionCall[] {
  let out = actionMemo.get(ctx);
  if (!out) actionMemo.set(ctx, (out = findActionCalls(ctx)));
  return out;
}

export function typedCalls(ctx: MetadataContext): TypedCall[] {
  let out = typedMemo.get(ctx);
  if (!out) typedMemo.set(ctx, (out = findTypedCalls(ctx)));
  return out;
}

function findActionCalls(ctx: MetadataContext): ActionCall[] {
  const out: ActionCall[] = [];
  const seen = new Set<string>();
  for (const o of ctx.docs.operations) {
    if (o.method !== 'POST' || !o.bodyParameters?.length) continue;
    const a = operationAt(ctx, o.path);
    if (a?.kind !== 'action' || !a.parameters) continue;
    const first = o.bodyParameters[0]!.src;
    const key = `${a.namespace}.${a.name}|${first.file}:${first.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const declared = new Set(a.parameters.map((p) => p.name.toLowerCase()));
    const flattened = new Map<string, Set<string>>();
    for (const p of a.parameters) {
      const t = ctx.typeByQName(p.type.name);
      if (!t) continue;
      // The parameter's members and theirs (one level down): reply(Post)'s table lists the post's multiValueExtendedProperties and, under them, id and value.
      const own = ctx.ancestors(t).flatMap((x) => [...x.properties, ...x.navigation]);
      const members = new Set(own.map((m) => m.name.toLowerCase()));
      for (const m of own) {
        const mt = ctx.typeByQName(m.type.name);
        if (mt) for (const x of ctx.ancestors(mt)) for (const n of [...x.properties, ...x.navigation]) members.add(n.name.toLowerCase());
      }
      const hits = o.bodyParameters.map((b) => b.name.toLowerCase()).filter((n) => !declared.has(n) && members.has(n));
      if (hits.length) flattened.set(p.name.toLowerCase(), new Set(hits));
    }
    out.push({ o: o as ActionCall['o'], action: a as ActionCall['action'], flattened });
  }
  return out;
}

/** A documented call whose Response section states a body type and whose path resolves to an action or function. */
export interface TypedCall {
  o: DocsOperation & { response: NonNullable<DocsOperation['response']> };
  /** The operation the path calls — the overloads of its name bound there, the first named in a finding. */
  ops: CsdlOperation[];
}

/** The calls with a stated response type, once per page statement and operation (see actionCalls). */
function findTypedCalls(ctx: MetadataContext): TypedCall[] {
  const out: TypedCall[] = [];
  const seen = new Set<string>();
  for (const o of ctx.docs.operations) {
    if (!o.response) continue;
    const ops = operationsAt(ctx, o.path);
    const a = ops[0];
    if (!a) continue;
    const key = `${a.namespace}.${a.name}|${o.response.src.file}:${o.response.src.line}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ o: o as TypedCall['o'], ops });
  }
  return out;
}

/** A documented GET of an entity set, singleton, navigation or structured property whose Response section states a type. */
export interface ResourceGet {
  o: DocsOperation & { response: NonNullable<DocsOperation['response']> };
  /** What the path reaches (see resourceAt). */
  r: NonNullable<ReturnType<typeof resourceAt>>;
}

/**
 * The GETs whose stated response type can be compared with what their path reaches: one per Response section. A section
 * whose page documents GETs of different resources (GET …/insights/shared and, in an example, …/shared/{id}/resource) speaks
 * for which one is not known: none of them is taken.
 */
export function resourceGets(ctx: MetadataContext): ResourceGet[] {
  let out = getMemo.get(ctx);
  if (!out) getMemo.set(ctx, (out = findResourceGets(ctx)));
  return out;
}

function findResourceGets(ctx: MetadataContext): ResourceGet[] {
  const bySection = new Map<string, ResourceGet[]>();
  for (const o of ctx.docs.operations) {
    if (o.method !== 'GET' || !o.response) continue;
    const r = resourceAt(ctx, o.path);
    if (!r) continue;
    const k = `${o.response.src.file}:${o.response.src.line}`;
    bySection.set(k, [...(bySection.get(k) ?? []), { o: o as ResourceGet['o'], r }]);
  }
  const out: ResourceGet[] = [];
  for (const group of bySection.values()) {
    const first = group[0]!;
    if (group.every((x) => x.r.collection === first.r.collection && relatedTypes(ctx, x.r.type, first.r.type))) out.push(first);
  }
  return out;
}

/** Is one of two metadata types the other, or a base type of it? */
export function relatedTypes(ctx: MetadataContext, a: CsdlStructuredType, b: CsdlStructuredType): boolean {
  return ctx.ancestors(a).includes(b) || ctx.ancestors(b).includes(a);
}

/** The same for two local type names (any letter case); false when either names no metadata type. */
export function relatedTypeNames(ctx: MetadataContext, a: string, b: string): boolean {
  const ta = ctx.csdlType('', a), tb = ctx.csdlType('', b);
  return !!ta && !!tb && relatedTypes(ctx, ta, tb);
}
