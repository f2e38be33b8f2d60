/**
 * Documents → the API model. Format-neutral: a source adapter turns its pages into `Document`s
 * (src/sources/graph-markdown/to-model.ts) and this module groups them.
 *
 *  - Operations: method + canonical path (src/model/identity.ts). Each document that documents
 *    the operation is a variant carrying that document's facts; per-resource permission tables
 *    are narrowed to the rows about this path's resource.
 *  - Primary variant per version (`PRIMARY_POLICY`), subtypes (polymorphic variants) and aliases.
 *  - Types: from resource documents only (properties, relationships, JSON representation);
 *    request-body tables belong to their operation and are never merged into a type.
 *    Name, base type and entity/complex follow `src/model/types.ts`.
 */
import { compareStr } from '../util/order.js';
import { joinedRuns } from '../util/words.js';
import { canonicalPath, singular } from './identity.js';
import { isPrimitiveName, linksOwnValues } from './primitives.js';
import { withLinkTexts } from '../util/link.js';
import type {
  ApiModel, ApiVersion, Diagnostic, Document, EnumModel, MergedProperty, OperationGroup, OperationVariant, PermissionEntry, Permissions,
  PropertySource, TypeModel, TypeRef,
} from './schema.js';
import { resolveTypes } from './types.js';
import { addPathProperties } from './path-properties.js';

export const DEFAULT_NAMESPACE = 'microsoft.graph';

export function docVersion(d: Pick<Document, 'apiVersion'>): ApiVersion {
  return d.apiVersion.value ?? 'v1.0';
}
/** @deprecated name kept for callers: the version of a document. */
export const pageVersion = docVersion;

export function typeKey(version: string, namespace: string, name: string): string {
  return `${version}|${namespace.toLowerCase()}|${name.toLowerCase()}`;
}

export function docTitle(d: Document): string | null {
  return d.title.h1?.value ?? d.title.frontMatter?.value ?? null;
}

function fileStem(file: string): string {
  return file.split('/').pop()!.replace(/\.(md|markdown|txt)$/i, '').toLowerCase();
}

const alnum = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The resource an operation path is about: the last literal collection/entity segment, singular. */
export function pathResource(canonical: string): string {
  const segs = canonical.split('/').filter(Boolean).filter((s) => !s.startsWith('{') && !/[()]/.test(s) && !s.startsWith('$') && !/^microsoft\.graph\./i.test(s));
  return alnum(singular(segs[segs.length - 1] ?? ''));
}

/** The type a document documents the operation for: example body's @odata.type, response type, request-body type. */
function documentedType(d: Document): OperationVariant['documentedType'] {
  const req = d.examples.requests.find((r) => r.body?.json && typeof r.body.json === 'object' && !Array.isArray(r.body.json) && typeof (r.body.json as Record<string, unknown>)['@odata.type'] === 'string');
  if (req) {
    const t = String((req.body!.json as Record<string, unknown>)['@odata.type']).replace(/^#/, '').replace(/^microsoft\.graph\./i, '');
    if (/^[A-Za-z][\w.]*$/.test(t)) return { name: t, from: 'request-body-odata-type', src: req.body!.src };
  }
  if (d.response?.bodyType) return { name: d.response.bodyType.name, from: 'response', src: d.response.bodyType.src };
  const body = requestBodyTypeName(d);
  if (body && d.requestBody) return { name: body, from: 'request-body', src: d.requestBody.src };
  return undefined;
}

/**
 * The rows of one permission type that apply to one call of a page: a table introduced by that call's request lines
 * (its scenario lists the page's `Operation.key`), or one for the whole page. Empty, to-do and unrecognized rows state
 * nothing and are left out. (Per-resource rows are narrowed to the path by permissionsForPath.)
 */
export function permissionRowsFor(p: Permissions | undefined, type: PermissionEntry['type'], operationKey: string): PermissionEntry[] {
  return p?.entries.filter((x) => x.type === type && x.state !== 'empty' && x.state !== 'todo' && x.state !== 'unrecognized' && appliesToCall(x, operationKey)) ?? [];
}

/** A row the page binds to no call, or to the whole page, applies to every call; one bound to calls, to those only. */
function appliesToCall(e: PermissionEntry, operationKey: string): boolean {
  return !e.scenario || e.scenario.boundBy === 'page' || e.scenario.operations.includes(operationKey);
}

/**
 * A call's permission rows: the tables the page binds to it (see permissionRowsFor), then, of per-resource tables
 * ("Supported resource | Delegated | Application" rows, or
 * sub-tables per resource), the ones that apply to the paths of that resource only: the rows whose resource
 * words all name segments of this path, or two or three of them spell one segment ("Azure resources": azureResources,
 * "Outlook task folder": taskFolders; see joinedRuns), (a row naming
 * alternatives, "user or chat", when one of them does), the most
 * specific first. When no row fits the path,
 * every row is kept (nothing is dropped silently).
 */
export function permissionsForPath(p: Permissions | undefined, canonical: string, operationKey?: string): Permissions | undefined {
  // Tables the page binds to some of its calls (a sub-heading "For users:", request lines, an annotation): a call one of
  // them names gets those, and the page-wide ones — not the tables of its other calls (permissionRowsFor, per entry).
  if (p && operationKey !== undefined && p.entries.some((e) => e.scenario && e.scenario.boundBy !== 'page' && appliesToCall(e, operationKey))) {
    p = { ...p, entries: p.entries.filter((e) => appliesToCall(e, operationKey)) };
  }
  if (!p || !p.entries.some((e) => e.resource)) return p;
  const score = resourceScorer(canonical);
  const best = bestResourceScore(p, score);
  if (best === 0) return p;
  const kept = p.entries.filter((e) => !e.resource || score(e.resource) === best);
  // Every row kept (each resource names the path alike): the page's own permissions, not a copy (model.json writes a copy).
  return kept.length === p.entries.length ? p : { ...p, entries: kept };
}

/**
 * A per-resource permission table ("Supported resource | Delegated | Application", rows of two resources or more) whose rows
 * name the resources of the page's other request lines but not this path's: openTypeExtension's create page has rows for
 * device, event, group, … — each a path of its own — and none for the administrative unit its request lines also name
 * (label d1454). The call is given every row (permissionsForPath drops nothing), yet no row is its own: a row changed or
 * added is another path's. Rows that name no request line's resource (a subscription's resource, a deleted item's type)
 * each apply to the call (labels d851, d673).
 */
export function resourceRowsMissPath(p: Permissions | undefined, canonical: string, pagePaths: readonly string[]): boolean {
  if (!p) return false;
  const resources = new Set(p.entries.flatMap((e) => (e.resource ? [e.resource.toLowerCase()] : [])));
  return resources.size > 1 && bestResourceScore(p, resourceScorer(canonical)) === 0 && pagePaths.some((x) => bestResourceScore(p, resourceScorer(x)) > 0);
}

function bestResourceScore(p: Permissions, score: (resource: string) => number): number {
  return Math.max(0, ...p.entries.filter((e) => e.resource).map((e) => score(e.resource!)));
}

/** How well a row's resource words name the path (0: not at all): the deepest segment named wins, then the row naming more of it. */
function resourceScorer(canonical: string): (resource: string) => number {
  const lits = canonical.split('/').filter((s) => s && !s.startsWith('{')).map((s) => alnum(singular(s)));
  const joined = lits.join('');
  // The deepest path segment the row's resource names wins; among those, the row naming more of the path.
  const scoreOne = (resource: string): number => {
    const words = resource.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).map((w) => alnum(singular(w)));
    if (!words.length) return 0;
    if (words.every((w) => lits.includes(w))) return (1 + Math.max(...words.map((w) => lits.lastIndexOf(w)))) * 10 + words.length;
    // A heading that spells one camel-cased segment as words ("Azure resources" for azureResources, label d628).
    const spelled = joinedRuns(words).map((w) => alnum(singular(w))).filter((w) => lits.includes(w));
    if (spelled.length) return (1 + Math.max(...spelled.map((w) => lits.lastIndexOf(w)))) * 10 + 1;
    if (words.length === 1 && joined.includes(words[0]!)) return 1;
    return 0;
  };
  // A row naming alternatives ("For **user** or **chat** resource:", "message, event") applies where any of them does.
  return (resource: string): number => Math.max(0, ...withLinkTexts(resource).split(/,|\/|\bor\b/i).map(scoreOne));
}

/**
 * The primary variant of an operation in one version — the one the operations map follows.
 * Policy, in order (the first step that tells variants apart decides, and is recorded as `reason`):
 *  1. `http-block`: a page whose HTTP request block states the path, over one recovered from an example;
 *  2. `not-workload`: a page that documents the operation on its own resource (`user-update.md`)
 *     over a workload page (`intune-devices-user-update.md`; see `isWorkloadPage`);
 *  3. `fewest-operations`: the page documenting fewer request lines (more specific);
 *  4. `shortest-name`: the shorter file name; 5. `path-order`: the first file in path order.
 */
export const PRIMARY_POLICY = ['http-block', 'not-workload', 'fewest-operations', 'shortest-name', 'path-order'] as const;

/**
 * A workload page documents an operation from a workload's point of view rather than on its own
 * resource: its permissions vary by workload (sub-rows such as Devices / MAM / Onboarding), or
 * its file name puts a workload before the resource (`intune-devices-user-update.md` for a path
 * about users, where `user-update.md` starts with the resource).
 */
export function isWorkloadPage(v: Pick<OperationVariant, 'doc' | 'permissions' | 'documentedType'>, resource: string, pathWords: ReadonlySet<string> = new Set()): boolean {
  const p = v.permissions;
  if (p?.entries.some((e) => e.state === 'varies' || e.workloads.length > 0)) return true;
  const parts = fileStem(v.doc.file).split(/[-_]/).map(alnum);
  const names = new Set([resource, v.documentedType ? alnum(v.documentedType.name) : ''].filter(Boolean));
  // The file starts with the resource, or with the type's name less a prefix the file names drop (nameditem-add.md for workbookNamedItem),
  // or with a resource of the path: accessreview-stop.md documents POST /accessReviews/{id}/stop on its own resource, whose last
  // segment is the action the file name ends with (it was taken for a workload before the resource: 354 variants of 2020-05).
  const first = parts[0]!;
  if (!names.size || names.has(first) || pathWords.has(first) || (first.length >= 4 && [...names].some((n) => n.endsWith(first)))) return false;
  return parts.slice(1).some((x) => names.has(x));
}

function choosePrimary(vs: OperationVariant[], resource: string): { v: OperationVariant; reason: string } {
  const steps: [string, (v: OperationVariant) => number][] = [
    ['http-block', (v) => (v.fromExample ? 1 : 0)],
    ['not-workload', (v) => (v.workload ? 1 : 0)],
    ['fewest-operations', (v) => v.doc.operations.length],
    ['shortest-name', (v) => v.doc.file.split('/').pop()!.length],
  ];
  let pool = vs;
  for (const [name, score] of steps) {
    if (pool.length < 2) break;
    const min = Math.min(...pool.map(score));
    const next = pool.filter((v) => score(v) === min);
    if (next.length < pool.length && next.length === 1) return { v: next[0]!, reason: name };
    pool = next;
  }
  if (vs.length === 1) return { v: vs[0]!, reason: 'only-variant' };
  return { v: [...pool].sort((a, b) => compareStr(a.doc.file, b.doc.file))[0]!, reason: 'path-order' };
}

export function buildModel(docsIn: Document[]): ApiModel {
  const documents = [...docsIn].sort((a, b) => compareStr(a.file, b.file));
  const diagnostics: Diagnostic[] = [];
  const groups = new Map<string, { variants: OperationVariant[]; method: string; canon: ReturnType<typeof canonicalPath>[] }>();
  for (const doc of documents) {
    const seen = new Set<string>();
    for (const op of doc.operations) {
      const canon = canonicalPath(op.path, op.fromExample);
      const id = `${op.method.toUpperCase()} ${canon.identity}`;
      if (seen.has(id)) continue;
      seen.add(id);
      let g = groups.get(id);
      if (!g) { g = { variants: [], method: op.method.toUpperCase(), canon: [] }; groups.set(id, g); }
      const v: OperationVariant = {
        doc, operation: op, version: docVersion(doc), title: docTitle(doc), path: op.path, pathParameters: op.pathParameters,
        fromExample: op.fromExample, primary: false, workload: false,
        nationalClouds: doc.nationalClouds, requestHeaders: doc.requestHeaders, queryParameters: doc.queryParameters, src: op.src,
      };
      if (op.query !== undefined) v.query = op.query;
      const perms = permissionsForPath(doc.permissions, canon.path, op.key);
      if (perms) v.permissions = perms;
      if (doc.queryParameterSupport) v.queryParameterSupport = doc.queryParameterSupport;
      if (doc.requestBody) v.requestBody = doc.requestBody;
      if (doc.response) v.response = doc.response;
      if (doc.pathParameterDescriptions) v.pathParameterDescriptions = doc.pathParameterDescriptions;
      const dt = documentedType(doc);
      if (dt) v.documentedType = dt;
      g.variants.push(v);
      g.canon.push(canon);
    }
  }

  const { types, enums } = buildTypes(documents, diagnostics);

  const operations: OperationGroup[] = [];
  // Built once (was once per operation: quadratic, ~3 s on the 2021 corpus).
  const typesByName = new Map(types.map((t) => [`${t.version}|${t.name.toLowerCase()}`, t] as const));
  for (const [id, g] of groups) {
    const resource = pathResource(g.canon[0]!.path);
    const pathWords = new Set(g.canon[0]!.path.split('/').filter((x) => x && !x.startsWith('{') && !/[()]/.test(x)).map((x) => alnum(singular(x))));
    const primary: OperationGroup['primary'] = [];
    let display = g.canon[0]!;
    for (const version of ['v1.0', 'beta'] as const) {
      const vs = g.variants.filter((v) => v.version === version);
      if (!vs.length) continue;
      for (const v of vs) v.workload = isWorkloadPage(v, resource, pathWords);
      const { v: p, reason } = choosePrimary(vs, resource);
      p.primary = true;
      primary.push({ version, document: p.doc.file, reason });
      if (version === 'v1.0' || primary.length === 1) display = g.canon[g.variants.indexOf(p)]!;
      markSubtypes(vs, p, typesByName);
    }
    operations.push({ key: `${g.method} ${display.path}`, identity: id, method: g.method, path: display.path, parameters: display.parameters, variants: g.variants, primary, aliases: [] });
  }
  operations.sort((a, b) => compareStr(a.key.toLowerCase(), b.key.toLowerCase()) || compareStr(a.key, b.key));
  relateAliases(operations);
  addPathProperties({ operations, types }, diagnostics);
  return { documents, operations, types, enums, diagnostics };
}

/** Base chain of a type name in one version (lower-case names), via the model's types. */
function baseChain(name: string, version: ApiVersion, byName: Map<string, TypeModel>): string[] {
  const out: string[] = [];
  let cur = byName.get(`${version}|${name.toLowerCase()}`);
  while (cur?.baseType && out.length < 20) {
    const b = cur.baseType.name.toLowerCase();
    if (out.includes(b)) break;
    out.push(b);
    cur = byName.get(`${version}|${b}`);
  }
  return out;
}

/**
 * Subtypes: a variant that documents another type than the primary on the same path, where one
 * type derives from the other or both derive from a common base other than `entity`, is a
 * polymorphic variant (`subtype`), not a conflicting page.
 */
function markSubtypes(vs: OperationVariant[], primary: OperationVariant, byName: Map<string, TypeModel>): void {
  const pt = primary.documentedType?.name.toLowerCase();
  if (!pt) return;
  const pChain = baseChain(pt, primary.version, byName);
  for (const v of vs) {
    const vt = v.documentedType?.name.toLowerCase();
    if (!vt || vt === pt || v === primary) continue;
    const vChain = baseChain(vt, v.version, byName);
    const related = vChain.includes(pt) || pChain.includes(vt) || vChain.some((b) => b !== 'entity' && pChain.includes(b));
    if (related) v.subtype = v.documentedType!.name;
  }
}

/**
 * Aliases: operations with the same method on the same documented type (collection or not),
 * whose paths end the same way (both in a parameter, or in the same segment) — e.g.
 * `GET /me/manager` and `GET /users/{user-id}/manager`... are the same key; `PATCH /users/{user-id}`
 * and a navigation path ending in `{user-id}` are aliases.
 */
function relateAliases(ops: OperationGroup[]): void {
  const buckets = new Map<string, OperationGroup[]>();
  for (const o of ops) {
    const p = o.variants.find((v) => v.primary && v.version === 'v1.0') ?? o.variants.find((v) => v.primary);
    const t = p?.documentedType;
    if (!t || p.subtype) continue;
    const collection = p.response?.bodyType?.collection ? 'many' : 'one';
    const last = o.path.split('/').pop()!;
    const end = last.startsWith('{') ? '{}' : last.toLowerCase();
    const k = `${o.method} ${t.name.toLowerCase()} ${collection} ${end}`;
    if (!buckets.has(k)) buckets.set(k, []);
    buckets.get(k)!.push(o);
  }
  for (const b of buckets.values()) {
    if (b.length < 2) continue;
    for (const o of b) o.aliases = b.filter((x) => x !== o).map((x) => x.key);
  }
}

// ---------------------------------------------------------------- types

/**
 * Is an enum table of this page the list of a String property's values — named after a property of the page's own type,
 * or of its request body, that is typed String or whose type cell links to the page's own values table
 * (`[ageGroup](#agegroup-values)`) — or of a String parameter the page describes (driveitem-list-thumbnails.md's "## Size
 * values" under the path parameter `size | string`; label b912)?
 */
export function listsPropertyValues(doc: Document, enumName: string): boolean {
  const name = enumName.toLowerCase();
  return [...doc.resource?.properties ?? [], ...doc.requestBody?.properties ?? [], ...doc.pathParameterDescriptions ?? [], ...doc.functionParameters ?? []].some((p) => p.name.toLowerCase() === name && p.type !== undefined
    && ((p.type.primitive && p.type.name === 'String') || linksOwnValues(p.type)));
}

function buildTypes(documents: Document[], diagnostics: Diagnostic[]): { types: TypeModel[]; enums: EnumModel[] } {
  const types = new Map<string, TypeModel>();
  const enums = new Map<string, EnumModel>();
  const enumTables = new Map<string, { version: ApiVersion; namespace: string; name: string; tables: { doc: Document; e: Document['enums'][number]; values: boolean }[] }>();
  // Namespaces are case-insensitive; the spelling most documents use is canonical (ties: alphabetical).
  const nsCounts = new Map<string, Map<string, number>>();
  const nsOf = (d: Document) => d.resource?.namespace ?? d.namespace?.value ?? DEFAULT_NAMESPACE;
  for (const d of documents) {
    const ns = nsOf(d);
    const m = nsCounts.get(ns.toLowerCase()) ?? new Map<string, number>();
    m.set(ns, (m.get(ns) ?? 0) + 1);
    nsCounts.set(ns.toLowerCase(), m);
  }
  const canonicalNs = (ns: string) => [...(nsCounts.get(ns.toLowerCase()) ?? new Map([[ns, 1]])).entries()].sort((a, b) => b[1] - a[1] || compareStr(a[0], b[0]))[0]![0];
  for (const doc of documents) {
    const version = docVersion(doc);
    const ns = canonicalNs(nsOf(doc));
    const r = doc.resource;
    if (r && doc.kind === 'resource') {
      const k = typeKey(version, ns, r.name);
      let t = types.get(k);
      if (!t) { t = { version, namespace: ns, name: r.name, kind: 'unknown', kindFrom: 'none', properties: [], sources: [] }; types.set(k, t); }
      t.sources.push({ doc, origin: 'resource', spelledAs: r.name, src: doc.title.h1?.src ?? { file: doc.file, line: 1, column: 1 } });
      for (const p of r.properties) addProperty(t, doc, 'resource', false, p);
      for (const rel of r.relationships) addProperty(t, doc, 'relationship', true, { ...rel, required: rel.required ?? null, readOnly: rel.readOnly ?? false, nullable: rel.nullable ?? null });
      const jr = r.jsonRepresentation;
      if (jr?.json && typeof jr.json === 'object' && !Array.isArray(jr.json)) {
        for (const [name, value] of Object.entries(jr.json as Record<string, unknown>)) {
          if (name.startsWith('@') || t.properties.some((x) => x.name.toLowerCase() === name.toLowerCase())) continue;
          const type = typeFromJsonValue(value);
          // At its key's line (educationuser.md's officeLocation, a key of line 135, not the block's first line; label d1351).
          const at = jr.propertySrcs?.[jr.propertyNames.indexOf(name)] ?? jr.src;
          if (type) addProperty(t, doc, 'json-representation', false, { name, type, description: '', required: null, readOnly: false, nullable: null, src: at });
        }
      }
    }
    for (const e of doc.enums) {
      const k = typeKey(version, ns, e.name);
      let m = enumTables.get(k);
      if (!m) { m = { version, namespace: ns, name: e.name, tables: [] }; enumTables.set(k, m); }
      m.tables.push({ doc, e, values: listsPropertyValues(doc, e.name) });
    }
  }
  // An enum's members are its tables', in document order — except that a table of a String property's values on its page
  // ("### responseType value" under openIdConnectIdentityProvider.responseType | String: code, id_token, token) is not
  // the enum of that name another page defines (enums.md's responseType: none, organizer, …; label d859): it counts only
  // when no other table defines the name.
  for (const [k, { version, namespace, name, tables }] of enumTables) {
    const own = tables.some((x) => !x.values) ? tables.filter((x) => !x.values) : tables;
    const m: EnumModel = { version, namespace, name, members: [], sources: [] };
    // A member is the row of the first table that names it, unless a later one gives more of it: enums.md lists
    // deviceEnrollmentFailureReason's names only, its Intune page each one's value and description (48 members of 2020-05 had
    // neither). The row is taken whole, so value, description and position are one row's.
    const have = new Map<string, number>();
    const facts = (x: EnumModel['members'][number]) => (x.value !== undefined ? 1 : 0) + (x.description.trim() ? 1 : 0);
    for (const { doc, e } of own) {
      m.sources.push({ doc, src: e.src });
      for (const mem of e.members) {
        const i = have.get(mem.name);
        if (i === undefined) { have.set(mem.name, m.members.length); m.members.push(mem); }
        else if (facts(mem) > facts(m.members[i]!)) m.members[i] = mem;
      }
    }
    enums.set(k, m);
  }
  const list = [...types.values()];
  resolveTypes(list, documents, diagnostics);
  for (const t of list) t.properties.sort((a, b) => compareStr(a.name.toLowerCase(), b.name.toLowerCase()) || compareStr(a.name, b.name));
  const byKey = <T extends { version: string; namespace: string; name: string }>(a: T, b: T) =>
    compareStr(a.version, b.version) || compareStr(a.namespace, b.namespace) || compareStr(a.name.toLowerCase(), b.name.toLowerCase()) || compareStr(a.name, b.name);
  return { types: list.sort(byKey), enums: [...enums.values()].sort(byKey) };
}

/** A JSON representation value as a type: `"String"`, `"Int32"`, `{"@odata.type": "microsoft.graph.x"}`, `[...]`, `true`, `1024`. */
export function typeFromJsonValue(value: unknown): TypeRef | undefined {
  const raw = JSON.stringify(value) ?? '';
  if (Array.isArray(value)) {
    const inner = value.length ? typeFromJsonValue(value[0]) : undefined;
    return inner ? { ...inner, raw, collection: true } : undefined;
  }
  if (typeof value === 'boolean') return { raw, name: 'Boolean', primitive: true, collection: false };
  if (typeof value === 'number') return { raw, name: Number.isInteger(value) ? 'Int32' : 'Double', primitive: true, collection: false };
  if (typeof value === 'string') {
    const m = /^(String|Int16|Int32|Int64|Double|Single|Decimal|Boolean|Byte|Guid|Binary|Date|TimeOfDay|Duration|DateTimeOffset)\b/i.exec(value.trim());
    if (!m) return /\(timestamp\)|datetime/i.test(value) ? { raw, name: 'DateTimeOffset', primitive: true, collection: false } : undefined;
    const canon = ['String', 'Int16', 'Int32', 'Int64', 'Double', 'Single', 'Decimal', 'Boolean', 'Byte', 'Guid', 'Binary', 'Date', 'TimeOfDay', 'Duration', 'DateTimeOffset'].find((x) => x.toLowerCase() === m[1]!.toLowerCase())!;
    const name = canon === 'String' && /\(timestamp\)/i.test(value) ? 'DateTimeOffset' : canon;
    return { raw, name, primitive: true, collection: false };
  }
  if (value && typeof value === 'object') {
    const t = (value as Record<string, unknown>)['@odata.type'];
    if (typeof t === 'string' && /^#?[A-Za-z][\w.]*$/.test(t)) {
      const full = t.replace(/^#/, '');
      // "@odata.type": "Edm.Stream": an OData primitive, which no page defines.
      const edm = /^Edm\.(\w+)$/i.exec(full);
      if (edm) return { raw, name: edm[1]!, primitive: true, collection: false };
      const dot = full.lastIndexOf('.');
      const ref: TypeRef = { raw, name: dot >= 0 ? full.slice(dot + 1) : full, primitive: false, collection: false };
      if (dot >= 0) ref.namespace = full.slice(0, dot);
      return ref;
    }
  }
  return undefined;
}

/** Properties of each type by name: a linear search per row made a 100k-row table quadratic. */
const propertyIndex = new WeakMap<TypeModel, Map<string, MergedProperty>>();

function addProperty(t: TypeModel, doc: Document, origin: PropertySource['origin'], navigation: boolean, p: { name: string; type: TypeRef; description: string; nullable: boolean | null; readOnly: boolean; required: boolean | null; src: PropertySource['src'] }): void {
  let idx = propertyIndex.get(t);
  if (!idx) { idx = new Map(t.properties.map((x) => [x.name, x])); propertyIndex.set(t, idx); }
  let m = idx.get(p.name);
  if (!m) { m = { name: p.name, navigation, sources: [] }; t.properties.push(m); idx.set(p.name, m); }
  m.sources.push({ doc, origin, type: p.type, description: p.description, nullable: p.nullable, readOnly: p.readOnly, required: p.required, src: p.src });
}

/**
 * The type a request body represents: as the body prose names it; else, for create/update
 * operations with a properties table, or update operations whose prose says the body holds the
 * fields to update, the response type; else the type the title names ("Update user" → user).
 * The body is checked against that type, never merged into it.
 */
export function requestBodyTypeName(d: Document): string | undefined {
  const body = d.requestBody;
  if (!body) return undefined;
  if (body.typeName) return body.typeName;
  const method = d.operations[0]?.method;
  const update = method === 'PATCH' || method === 'PUT';
  // A properties table on a create or update, or prose saying the body holds the fields to update (on an update): the resource's type.
  if (!(body.tableKind === 'properties' && (update || method === 'POST')) && !(body.updates && update)) return undefined;
  // (Not a primitive: "a String in the response body" of an action whose parameters the table lists.)
  if (d.response?.bodyType && !d.response.bodyType.collection && !isPrimitiveName(d.response.bodyType.name)) return d.response.bodyType.name;
  const title = d.title.h1?.value ?? d.title.frontMatter?.value ?? '';
  const m = /^(?:update|create|add|set|patch)\s+(?:an?\s+|the\s+)?([A-Za-z][\w.]*)\s*$/i.exec(title.replace(/[`*]/g, '').trim());
  return m ? m[1] : undefined;
}

/** The canonical key of an operation as a document writes it (undefined when the model has no such operation). */
const keyIndexes = new WeakMap<ApiModel, Map<string, string>>();
export function operationKeyOf(model: ApiModel, op: { method: string; path: string; fromExample: boolean }): string {
  let idx = keyIndexes.get(model);
  if (!idx) { idx = new Map(model.operations.map((o) => [o.identity, o.key] as const)); keyIndexes.set(model, idx); }
  const id = `${op.method.toUpperCase()} ${canonicalPath(op.path, op.fromExample).identity}`;
  return idx.get(id) ?? `${op.method.toUpperCase()} ${canonicalPath(op.path, op.fromExample).path}`;
}
