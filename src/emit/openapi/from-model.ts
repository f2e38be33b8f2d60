/**
 * API model → the exporter's neutral input (one per API version). The only module of the
 * OpenAPI exporter that knows the model's shape: porting to another model is this file.
 *
 * Policies (the model's, not new ones):
 *  - an operation's facts come from its primary variant: the first page of the version whose
 *    HTTP block is filled, then path order (as the TypeScript operation map);
 *  - a property's type follows `pickSource` (resource page, JSON representation, request body;
 *    then the most common type; then path order); the disagreement is kept as `conflict`.
 */
import type { ApiModel, OperationVariant, TypeModel } from '../../model/types.js';
import { DEFAULT_NAMESPACE, requestBodyTypeName } from '../../model/merge.js';
import type { ApiVersion, PermissionName, Src, TypeRef } from '../../sources/graph-markdown/ir/schema.js';
import type { Finding } from '../../checks/types.js';
import { pickSource } from '../ts/models.js';
import type { NFindingRef, NOperation, NPermissions, NProperty, NRequestBody, NSrc, NTypeRef, NVersion } from './neutral.js';

/** OData system query options a page's prose may name. */
const ODATA_OPTIONS = new Set(['$select', '$expand', '$filter', '$orderby', '$top', '$skip', '$count', '$search', '$format', '$skiptoken', '$deltatoken', '$levels', '$apply']);

export type RelPath = (file: string) => string;

const PRIMITIVE_RESPONSE = /^(string|boolean|int16|int32|int64|double|single|decimal|byte|guid|datetimeoffset|date|timeofday|duration|binary|stream)$/i;

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
      operations.push(operation(g.key, g.method, vs, findingsBySubject.get(g.key) ?? [], s, ref));
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
      readOnly: chosen.readOnly, required: chosen.required, navigation: chosen.origin === 'relationship', src: s(chosen.src),
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

function operation(key: string, method: string, vs: OperationVariant[], findings: NFindingRef[], s: (x: Src) => NSrc, ref: (t: TypeRef) => NTypeRef): NOperation {
  const main = vs.find((v) => !v.operation.fromExample) ?? vs[0]!;
  const page = main.page;
  const op = main.operation;
  const normalizedPath = casedPath(op.path, key.slice(key.indexOf(' ') + 1));
  const n: NOperation = {
    key, method, normalizedPath, pathAsWritten: op.path,
    query: page.queryParameters.map((q) => ({ name: q.name, ...(q.type ? { type: ref(q.type) } : {}), description: q.description, required: q.required, src: s(q.src) })),
    responses: (page.response?.statuses ?? []).map((x) => ({ code: x.code, text: x.text, src: s(x.src) })),
    noResponseBody: page.response?.noBody ?? false,
    permissions: permissions(main, s),
    src: s(op.src),
    choice: vs.length > 1
      ? `${vs.length} pages document this operation in this version; the first whose HTTP block is filled (then path order) is used`
      : op.fromExample ? 'the only page; path taken from its example request' : 'the only page',
    otherVariants: vs.filter((v) => v !== main).map((v) => s(v.operation.src)),
    findings,
  };
  const qs = page.queryParameterSupport;
  if (qs) {
    const names = [...new Set([...qs.text.matchAll(/\$([A-Za-z]+)\b/g)].map((m) => `$${m[1]!}`).filter((x) => ODATA_OPTIONS.has(x.toLowerCase())))];
    n.queryOptions = { support: qs.value, names, text: qs.text, src: s(qs.src) };
  }
  const title = page.title.h1?.value ?? page.title.frontMatter?.value;
  if (title) n.summary = title;
  if (page.description?.value) n.description = page.description.value;
  const body = page.requestBody;
  if (body) {
    let rb: NRequestBody;
    const named = requestBodyTypeName(page);
    if (body.noBody) rb = { kind: 'none', src: s(body.src) };
    else if (named) rb = { kind: 'type', type: { name: named, primitive: false, collection: false }, partial: method === 'PATCH', src: s(body.src) };
    else if (body.properties.length) {
      rb = {
        kind: 'parameters', src: s(body.src),
        properties: body.properties.map((p) => ({ name: p.name, type: ref(p.type), description: p.description, nullable: p.nullable, readOnly: p.readOnly, required: p.required, navigation: false, src: s(p.src) })),
      };
    } else rb = { kind: 'unknown', src: s(body.src) };
    n.requestBody = rb;
  }
  const bt = page.response?.bodyType;
  if (bt) n.responseBody = { type: { name: bt.name, primitive: PRIMITIVE_RESPONSE.test(bt.name), collection: bt.collection, ...(page.namespace?.value && page.namespace.value !== DEFAULT_NAMESPACE ? { namespace: page.namespace.value } : {}) }, src: s(bt.src) };
  return n;
}

/**
 * The model's key is lower case; the template keeps the page's casing (`/users/{}/mailFolders`)
 * when the written path normalizes to the key (same steps as the key, without lower-casing).
 */
export function casedPath(written: string, normalized: string): string {
  let p = written.trim();
  if (!p.startsWith('/')) p = '/' + p;
  p = p.replace(/\{[^{}]*\}/g, '{}').replace(/'\{\}'/g, '{}').replace(/"\{\}"/g, '{}').replace(/\s+/g, '');
  p = p.replace(/^\/me(?=\/|$)/i, '/users/{}').replace(/\/{2,}/g, '/');
  if (p.length > 1) p = p.replace(/\/$/, '');
  return p.toLowerCase() === normalized ? p : normalized;
}

function permissions(v: OperationVariant, s: (x: Src) => NSrc): NPermissions {
  const p = v.page.permissions;
  const out: NPermissions = { delegated: [], application: [], unclassified: [], notSupported: [], state: p ? p.state : 'absent' };
  if (!p) return out;
  out.src = s(p.src);
  const add = (list: { name: string; src: NSrc }[], names: PermissionName[]) => {
    const ordered = p.order === 'most-to-least' ? [...names].reverse() : names;
    for (const x of ordered) if (!list.some((y) => y.name === x.name)) list.push({ name: x.name, src: s(x.src) });
  };
  for (const e of p.entries) {
    const names = [...e.permissions, ...e.workloads.flatMap((w) => w.permissions)];
    if (e.state === 'not-supported') { if (!out.notSupported.includes(e.type)) out.notSupported.push(e.type); continue; }
    if (e.type === 'application') add(out.application, names);
    else if (e.type === 'unspecified') add(out.unclassified, names);
    else add(out.delegated, names); // delegatedWork, then delegatedPersonal (entries are in table order)
  }
  return out;
}
