/**
 * API model → the exporter's neutral input (one per API version). The only module of the
 * OpenAPI exporter that knows the model's shape: porting to another model is this file.
 *
 * Policies are the model's, not new ones:
 *  - paths are the model's canonical templates (`/users/{user-id}`) and parameter names;
 *  - an operation's facts come from the version's primary variant (src/model/merge.ts,
 *    PRIMARY_POLICY; the reason is recorded);
 *  - a property's type follows `pickSource` (resource page, JSON representation; then the most
 *    common type; then path order); the disagreement is kept as `conflict`.
 */
import type { ApiModel, OperationGroup, OperationVariant, TypeModel } from '../../model/types.js';
import { DEFAULT_NAMESPACE, docTitle, requestBodyTypeName } from '../../model/merge.js';
import { canonicalPath } from '../../model/identity.js';
import { polymorphicBase, statedResponseType, statedType } from '../../model/polymorphic.js';
import { callQueryParameters, functionPathParameters } from '../../model/call-parameters.js';
import { isPrimitiveName } from '../../model/primitives.js';
import { bodyOnOtherStatus } from '../../model/status.js';
import type { ApiVersion, PermissionName, Src, TypeRef } from '../../model/schema.js';
import type { Finding } from '../../checks/types.js';
import { pickSource } from '../../model/pick-source.js';
import type { NFindingRef, NOperation, NParameter, NPermissions, NProperty, NRequestBody, NSrc, NTypeRef, NVersion } from './neutral.js';

/** OData system query options a page's prose may name. */
const ODATA_OPTIONS = new Set(['$select', '$expand', '$filter', '$orderby', '$top', '$skip', '$count', '$search', '$format', '$skiptoken', '$deltatoken', '$levels', '$apply']);

export type RelPath = (file: string) => string;


export function versionsFromModel(model: ApiModel, findings: readonly Finding[], rel: RelPath): NVersion[] {
  const s = (src: Src): NSrc => ({ file: rel(src.file), line: src.line, column: src.column });
  const ref = (t: TypeRef): NTypeRef => ({ name: t.name, primitive: t.primitive, collection: t.collection, ...(t.namespace ? { namespace: t.namespace } : {}) });
  const findingsBySubject = new Map<string, NFindingRef[]>();
  for (const f of findings) {
    const l = findingsBySubject.get(f.subject) ?? [];
    l.push({ rule: f.rule, severity: f.severity, field: f.field, fingerprint: f.fingerprint, message: f.message });
    findingsBySubject.set(f.subject, l);
  }
  const versions = [...new Set<ApiVersion>([...model.operations.flatMap((g) => g.variants.map((v) => v.version)), ...model.types.map((t) => t.version), ...model.enums.map((e) => e.version)])].sort();
  return versions.map((version) => {
    const operations: NOperation[] = [];
    for (const g of model.operations) {
      const vs = g.variants.filter((v) => v.version === version);
      if (!vs.length) continue;
      operations.push(operation(g, version, vs, findingsBySubject.get(g.key) ?? [], s, ref, model.types));
    }
    return {
      version,
      operations,
      types: model.types.filter((t) => t.version === version).map((t) => type(t, s, ref)),
      enums: model.enums.filter((e) => e.version === version).map((e) => ({
        namespace: e.namespace, name: e.name,
        members: e.members.map((m) => ({ name: m.name, description: m.description, src: s(m.src) })),
        sources: e.sources.map((x) => s(x.src)),
      })),
    };
  });
}

function type(t: TypeModel, s: (x: Src) => NSrc, ref: (t: TypeRef) => NTypeRef) {
  const properties: NProperty[] = t.properties.map((p) => {
    const { chosen, conflict } = pickSource(p);
    const prop: NProperty = {
      name: p.name, type: ref(chosen.type), description: chosen.description, nullable: chosen.nullable,
      readOnly: chosen.readOnly, required: chosen.required, navigation: p.navigation, src: s(chosen.src),
    };
    if (conflict) prop.conflict = conflict;
    return prop;
  });
  return {
    namespace: t.namespace, name: t.name, kind: t.kind,
    ...(t.baseType ? { baseType: { name: t.baseType.name, src: s(t.baseType.src) } } : {}),
    properties,
    sources: t.sources.map((x) => s(x.src)),
  };
}

/**
 * The chosen page's "Path parameters" rows, each under the canonical name of the placeholder it describes. The page's
 * placeholders (as written, each with its alternatives: `{id | userPrincipalName}`) stand in the canonical parameters'
 * order; a path from `/me` has one canonical parameter more in front (the user's, as canonicalPath reads it). A row names a placeholder when the two
 * agree ignoring case and punctuation (`Id` → `{id}`, `item-id` → `{item-id}`); a row that names none stays in the model's
 * document only. When the counts do not line up, no row is placed.
 */
function pathParameterDocs(main: OperationVariant, canonical: string[], s: (x: Src) => NSrc, ref: (t: TypeRef) => NTypeRef): NonNullable<NOperation['pathParameterDocs']> {
  // A "Path parameters" row first, then a "Function parameters" row the request lines pass inside the call's parentheses.
  const rows = [...main.pathParameterDescriptions ?? [], ...functionPathParameters(main.doc)];
  if (!rows.length) return [];
  const written = main.pathParameters;
  // The canonical form of this page's own path (identity.ts decides what /me adds): its parameters must be the group's.
  const own = canonicalPath(main.path, main.fromExample).parameters;
  const offset = own.length - written.length;
  if (own.join('/') !== canonical.join('/') || offset < 0 || offset > 1) return [];
  const norm = (x: string): string => x.toLowerCase().replace(/[^a-z0-9]/g, '');
  const out: NonNullable<NOperation['pathParameterDocs']> = [];
  written.forEach((w, i) => {
    // The canonical name too: `(period='{period_value}')` is the parameter `period`, which a function-parameter row names.
    const names = new Set([w.name, ...w.alternatives, canonical[i + offset]!].map(norm));
    const row = rows.find((r) => names.has(norm(r.name)));
    if (row) out.push({ name: canonical[i + offset]!, ...(row.type ? { type: ref(row.type) } : {}), description: row.description, src: s(row.src) });
  });
  return out;
}

/** An HTTP header name (RFC 9110 token): what a header table's first cell must be to be a header parameter. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers OpenAPI 3.1 says a header parameter must not describe: the security scheme and the media types do. */
const OPENAPI_OWN_HEADERS = new Set(['authorization', 'content-type', 'accept']);

function operation(g: OperationGroup, version: ApiVersion, vs: OperationVariant[], findings: NFindingRef[], s: (x: Src) => NSrc, ref: (t: TypeRef) => NTypeRef, types: readonly TypeModel[]): NOperation {
  const main = vs.find((v) => v.primary) ?? vs[0]!;
  const doc = main.doc;
  const reason = g.primary.find((p) => p.version === version)?.reason ?? 'only-variant';
  const n: NOperation = {
    key: g.key, method: g.method, path: g.path, pathParameters: g.parameters, pathAsWritten: main.path,
    query: callQueryParameters({ queryParameters: main.queryParameters, functionParameters: doc.functionParameters }).map((q) => ({ name: q.name, ...(q.type ? { type: ref(q.type) } : {}), description: q.description, required: q.required, ...(q.location ? { functionParameter: q.location } : {}), src: s(q.src) })),
    responses: (main.response?.statuses ?? []).map((x) => ({ code: x.code, text: x.text, src: s(x.src) })),
    // The body of a 200 named beside a 204's "empty content" is that 200's (the 204 gets none in any case).
    noResponseBody: !!main.response?.noBody && !bodyOnOtherStatus(main.response),
    permissions: permissions(main, s),
    src: s(main.src),
    choice: vs.length > 1 ? `primary of ${vs.length} pages in ${version} (model policy step: ${reason})` : 'the only page',
    otherVariants: vs.filter((v) => v !== main).map((v) => ({ ...s(v.src), ...(v.subtype ? { subtype: v.subtype } : {}), ...(v.workload ? { workload: true } : {}) })),
    findings,
  };
  // One page per derived type (the Intune pages): the request and response are their common base type.
  const poly = polymorphicBase(vs, main, types);
  if (poly) n.polymorphic = { base: `${poly.base.namespace}.${poly.base.name}`, types: poly.types };
  const headers = main.requestHeaders.filter((h) => HEADER_NAME.test(h.name) && !OPENAPI_OWN_HEADERS.has(h.name.toLowerCase()))
    .map((h): NParameter => ({ name: h.name, description: h.value, required: h.required, src: s(h.src) }));
  if (headers.length) n.headers = headers;
  const docs = pathParameterDocs(main, g.parameters, s, ref);
  if (docs.length) n.pathParameterDocs = docs;
  const qs = main.queryParameterSupport;
  if (qs) {
    const names = [...new Set([...qs.text.matchAll(/\$([A-Za-z]+)\b/g)].map((m) => `$${m[1]!}`).filter((x) => ODATA_OPTIONS.has(x.toLowerCase())))];
    n.queryOptions = { support: qs.value, names, text: qs.text, src: s(qs.src) };
  }
  const title = docTitle(doc);
  if (title) n.summary = title;
  if (doc.description?.value) n.description = doc.description.value;
  const body = main.requestBody;
  if (body) {
    let rb: NRequestBody;
    const own = requestBodyTypeName(doc);
    const stated = own === undefined ? undefined : statedType(own, poly, main);
    const named = stated?.name;
    const properties = body.properties.map((p): NProperty => ({ name: p.name, type: ref(p.type), description: p.description, nullable: p.nullable, readOnly: p.readOnly, required: p.required, navigation: false, src: s(p.src) }));
    if (body.noBody) rb = { kind: 'none', src: s(body.src) };
    else if (named) rb = { kind: 'type', type: { name: named, primitive: false, collection: false, ...(stated!.namespace && stated!.namespace !== DEFAULT_NAMESPACE ? { namespace: stated!.namespace } : {}) }, partial: g.method === 'PATCH', properties, src: s(body.src) };
    else if (properties.length) rb = { kind: 'parameters', src: s(body.src), properties };
    else if (body.reference) rb = body.reference.typeName ? { kind: 'reference', to: body.reference.typeName, src: s(body.reference.src) } : { kind: 'reference', src: s(body.reference.src) };
    else if (body.described) rb = { kind: 'described', format: body.described.format, text: body.described.text, src: s(body.described.src) };
    else rb = { kind: 'unknown', src: s(body.src) };
    n.requestBody = rb;
  }
  const bt = main.response?.bodyType;
  const stated = statedResponseType(types, main, poly);
  if (bt && stated) {
    const namespace = stated.namespace ?? doc.namespace?.value;
    n.responseBody = { type: { name: stated.name, primitive: isPrimitiveName(bt.name), collection: bt.collection, ...(namespace && namespace !== DEFAULT_NAMESPACE ? { namespace } : {}) }, src: s(bt.src) };
  }
  return n;
}

function permissions(v: OperationVariant, s: (x: Src) => NSrc): NPermissions {
  const p = v.permissions;
  const out: NPermissions = { delegated: [], application: [], unclassified: [], notSupported: [], notRequired: [], state: p ? p.state : 'absent' };
  if (!p) return out;
  out.src = s(p.src);
  const add = (list: { name: string; src: NSrc }[], names: PermissionName[]) => {
    const ordered = p.order === 'most-to-least' ? [...names].reverse() : names;
    for (const x of ordered) if (!list.some((y) => y.name === x.name)) list.push({ name: x.name, src: s(x.src) });
  };
  for (const e of p.entries) {
    const names = [...e.permissions, ...e.workloads.flatMap((w) => w.permissions)];
    if (e.state === 'not-supported') { if (!out.notSupported.includes(e.type)) out.notSupported.push(e.type); continue; }
    if (e.state === 'not-required') { if (!out.notRequired.includes(e.type)) out.notRequired.push(e.type); continue; }
    if (e.type === 'application') add(out.application, names);
    else if (e.type === 'unspecified') add(out.unclassified, names);
    else add(out.delegated, names); // delegatedWork, then delegatedPersonal (entries are in table order)
  }
  return out;
}
