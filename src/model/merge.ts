/**
 * page IRs → merged API model. Operations are grouped on method + normalized path (never on
 * title or file name). Types are keyed per version on namespace + name, case-insensitively;
 * their properties come from resource pages, and from request-body property tables of pages
 * whose body is a representation of the type.
 */
import type { ApiVersion, PageIR, Property, TypeRef } from '../sources/graph-markdown/ir/schema.js';
import { compareStr } from '../util/order.js';
import type { ApiModel, EnumModel, MergedProperty, OperationGroup, PropertySource, TypeModel } from './types.js';

export const DEFAULT_NAMESPACE = 'microsoft.graph';

export function pageVersion(p: PageIR): ApiVersion {
  return p.apiVersion.value ?? 'v1.0';
}

export function typeKey(version: string, namespace: string, name: string): string {
  return `${version}|${namespace.toLowerCase()}|${name.toLowerCase()}`;
}

export function buildModel(pagesIn: PageIR[]): ApiModel {
  const pages = [...pagesIn].sort((a, b) => compareStr(a.file, b.file));
  const groups = new Map<string, OperationGroup>();
  for (const page of pages) {
    const seen = new Set<string>();
    for (const op of page.operations) {
      if (seen.has(op.key)) continue;
      seen.add(op.key);
      let g = groups.get(op.key);
      if (!g) { g = { key: op.key, method: op.method, variants: [] }; groups.set(op.key, g); }
      g.variants.push({ page, version: pageVersion(page), operation: op });
    }
  }
  const types = new Map<string, TypeModel>();
  const enums = new Map<string, EnumModel>();
  const getType = (version: ApiVersion, namespace: string, name: string): TypeModel => {
    const k = typeKey(version, namespace, name);
    let t = types.get(k);
    if (!t) { t = { version, namespace, name, kind: 'unknown', properties: [], sources: [] }; types.set(k, t); }
    return t;
  };
  // Namespaces are case-insensitive; the spelling most pages use is canonical (ties: alphabetical).
  const nsCounts = new Map<string, Map<string, number>>();
  for (const page of pages) {
    const ns = page.namespace?.value ?? DEFAULT_NAMESPACE;
    const m = nsCounts.get(ns.toLowerCase()) ?? new Map<string, number>();
    m.set(ns, (m.get(ns) ?? 0) + 1);
    nsCounts.set(ns.toLowerCase(), m);
  }
  const canonicalNs = (ns: string) => [...(nsCounts.get(ns.toLowerCase()) ?? new Map([[ns, 1]])).entries()].sort((a, b) => b[1] - a[1] || compareStr(a[0], b[0]))[0]![0];
  for (const page of pages) {
    const version = pageVersion(page);
    const ns = canonicalNs(page.namespace?.value ?? DEFAULT_NAMESPACE);
    if (page.resource && page.kind === 'resource') {
      const t = getType(version, ns, page.resource.name);
      t.sources.push({ page, origin: 'resource', spelledAs: page.resource.name, src: page.title.h1?.src ?? { file: page.file, line: 1, column: 1 } });
      t.kind = page.resource.jsonRepresentation?.annotation?.fields.keyProperty || page.resource.properties.some((p) => p.name === 'id') ? 'entity' : t.kind === 'unknown' ? 'complex' : t.kind;
      if (page.resource.baseType && !t.baseType) t.baseType = page.resource.baseType;
      if (page.resource.baseType && /^entity$/i.test(page.resource.baseType.name)) t.kind = 'entity';
      for (const p of page.resource.properties) addProperty(t, page, 'resource', p);
      for (const r of page.resource.relationships) addProperty(t, page, 'relationship', { ...r, required: null, readOnly: false, nullable: null });
    }
    const body = page.requestBody;
    const bodyType = requestBodyTypeName(page);
    if (bodyType && body && body.tableKind === 'properties' && body.properties.length) {
      const t = getType(version, ns, bodyType);
      t.sources.push({ page, origin: 'request-body', spelledAs: bodyType, src: body.src });
      for (const p of body.properties) addProperty(t, page, 'request-body', p);
    }
    for (const e of page.enums) {
      const k = typeKey(version, ns, e.name);
      let m = enums.get(k);
      if (!m) { m = { version, namespace: ns, name: e.name, members: [], sources: [] }; enums.set(k, m); }
      m.sources.push({ page, src: e.src });
      const have = new Set(m.members.map((x) => x.name));
      for (const mem of e.members) if (!have.has(mem.name)) { have.add(mem.name); m.members.push(mem); }
    }
  }
  for (const t of types.values()) {
    t.name = canonicalName(t);
    t.properties.sort((a, b) => compareStr(a.name.toLowerCase(), b.name.toLowerCase()) || compareStr(a.name, b.name));
  }
  const byKey = <T extends { version: string; namespace: string; name: string }>(a: T, b: T) =>
    compareStr(a.version, b.version) || compareStr(a.namespace, b.namespace) || compareStr(a.name.toLowerCase(), b.name.toLowerCase()) || compareStr(a.name, b.name);
  return {
    pages,
    operations: [...groups.values()].sort((a, b) => compareStr(a.key, b.key)),
    types: [...types.values()].sort(byKey),
    enums: [...enums.values()].sort(byKey),
  };
}

/**
 * The type a request body represents: as the body prose names it; else, for create/update
 * operations, the response type; else the type the title names ("Update user" → user).
 */
export function requestBodyTypeName(page: PageIR): string | undefined {
  const body = page.requestBody;
  if (!body) return undefined;
  if (body.typeName) return body.typeName;
  if (body.tableKind !== 'properties') return undefined;
  const method = page.operations[0]?.method;
  if (method !== 'PATCH' && method !== 'PUT' && method !== 'POST') return undefined;
  if (page.response?.bodyType && !page.response.bodyType.collection) return page.response.bodyType.name;
  const title = page.title.h1?.value ?? page.title.frontMatter?.value ?? '';
  const m = /^(?:update|create|add|set|patch)\s+(?:an?\s+|the\s+)?([A-Za-z][\w.]*)\s*$/i.exec(title.replace(/[`*]/g, '').trim());
  return m ? m[1] : undefined;
}

/** Properties of each type by name: a linear search per row made a 100k-row table quadratic. */
const propertyIndex = new WeakMap<TypeModel, Map<string, MergedProperty>>();

function addProperty(t: TypeModel, page: PageIR, origin: PropertySource['origin'], p: Omit<Property, 'group'> & { type: TypeRef }): void {
  let idx = propertyIndex.get(t);
  if (!idx) { idx = new Map(t.properties.map((x) => [x.name, x])); propertyIndex.set(t, idx); }
  let m = idx.get(p.name);
  if (!m) { m = { name: p.name, sources: [] }; t.properties.push(m); idx.set(p.name, m); }
  m.sources.push({ page, origin, type: p.type, description: p.description, nullable: p.nullable, readOnly: p.readOnly, required: p.required, src: p.src });
}

/** Resource-page spelling first; otherwise the spelling most sources use (ties: alphabetical). */
function canonicalName(t: TypeModel): string {
  const res = t.sources.find((s) => s.origin === 'resource');
  if (res) return res.spelledAs;
  const counts = new Map<string, number>();
  for (const s of t.sources) counts.set(s.spelledAs, (counts.get(s.spelledAs) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || compareStr(a[0], b[0]))[0]?.[0] ?? t.name;
}

/** JSON form of the model: page references become file paths. */
export function serializeModel(m: ApiModel): unknown {
  return {
    operations: m.operations.map((g) => ({
      key: g.key,
      method: g.method,
      variants: g.variants.map((v) => ({ file: v.page.file, version: v.version, title: v.page.title.h1?.value ?? v.page.title.frontMatter?.value ?? null, path: v.operation.path, src: v.operation.src })),
    })),
    types: m.types.map((t) => ({
      version: t.version, namespace: t.namespace, name: t.name, kind: t.kind, baseType: t.baseType,
      sources: t.sources.map((s) => ({ origin: s.origin, spelledAs: s.spelledAs, src: s.src })),
      properties: t.properties.map((p) => ({ name: p.name, sources: p.sources.map((s) => ({ origin: s.origin, type: s.type, required: s.required, src: s.src })) })),
    })),
    enums: m.enums.map((e) => ({ version: e.version, namespace: e.namespace, name: e.name, members: e.members.map((x) => x.name), sources: e.sources.map((s) => s.src) })),
  };
}
