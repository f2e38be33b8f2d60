/**
 * Neutral input (one API version) → an OpenAPI 3.1 document (plain object, insertion order
 * is output order).
 *
 *  - paths: the model's canonical templates (`/users/{user-id}`, the style of Microsoft's
 *    published OpenAPI); every path parameter is declared `in: path`, required, string;
 *  - query parameters: the rows of the page's query-parameter table, then the OData system
 *    query options its prose names ("supports the $select and $filter OData query parameters");
 *    what the prose states (OData / none) is `x-docmodel-query-options`;
 *  - request bodies: `$ref` to the type the body represents, or an inline object from the
 *    page's table (a parameter table; or the body table of a type no page of the version
 *    defines, marked `x-docmodel-body-type`); required = rows marked required;
 *  - responses: one per documented status, the body schema on 2xx statuses other than 204
 *    (a collection is `{ value: [...] }`);
 *  - components.schemas: entity and complex types (`allOf` with the base type), enums
 *    (`enum` of member names); a type referenced but defined by no page gets a placeholder
 *    schema marked `x-docmodel-undefined`;
 *  - nullability: a property is nullable (`null` added to its type) unless the docs say
 *    "Not nullable" — the same rule as the TypeScript models;
 *  - security: two OAuth2 schemes, `delegated` (authorization code) and `application`
 *    (client credentials); an operation lists one requirement per permission, least
 *    privileged first (any one of them is enough);
 *  - provenance: `x-docmodel-source(s)` ({ file, line, column }, relative to the docs root);
 *    where pages disagree, `x-docmodel-choice`, `x-docmodel-variants`, `x-docmodel-findings`
 *    (reconciliation findings: rule, fingerprint) and `x-docmodel-conflict` on properties.
 */
import { createHash } from 'node:crypto';
import type { NEnum, NOperation, NParameter, NProperty, NSrc, NType, NTypeRef, NVersion } from './neutral.js';
import { keyedEntries } from '../../util/order.js';

type Schema = Record<string, unknown>;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const AUTHORIZE_URL = 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize';
const TOKEN_URL = 'https://login.microsoftonline.com/common/oauth2/v2.0/token';

/** Edm primitive → JSON Schema type and OpenAPI format. */
export const EDM_TO_SCHEMA: Record<string, Schema> = {
  String: { type: 'string' },
  Boolean: { type: 'boolean' },
  Int16: { type: 'integer', format: 'int16' },
  Int32: { type: 'integer', format: 'int32' },
  Int64: { type: 'integer', format: 'int64' },
  Byte: { type: 'integer', format: 'uint8' },
  SByte: { type: 'integer', format: 'int8' },
  Double: { type: 'number', format: 'double' },
  Single: { type: 'number', format: 'float' },
  Decimal: { type: 'number', format: 'decimal' },
  DateTimeOffset: { type: 'string', format: 'date-time' },
  Date: { type: 'string', format: 'date' },
  TimeOfDay: { type: 'string', format: 'time' },
  Duration: { type: 'string', format: 'duration' },
  Guid: { type: 'string', format: 'uuid' },
  Binary: { type: 'string', format: 'base64url' },
  Stream: { type: 'string', format: 'binary' },
  Json: {},
  GeographyPoint: { type: 'object' },
};

const src = (s: NSrc) => ({ file: s.file, line: s.line, column: s.column });

/** Component names: `namespace.name`, characters outside [A-Za-z0-9._-] dropped. */
const componentSafe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_');

class Components {
  readonly schemas = new Map<string, Schema>();
  private byKey = new Map<string, string>();
  private byName = new Map<string, string[]>();
  /** The names given so far (byKey's values), for the suffix of a name already taken. */
  private ids = new Set<string>();
  placeholders = 0;

  private key(ns: string, name: string) { return `${ns.toLowerCase()}|${name.toLowerCase()}`; }

  /** Names declared so far: the table only grows, so a count names its state at any point of one run. */
  get declared(): number { return this.byKey.size; }

  /** A digest of every declaration in order: two runs with the same one and the same count at some point had the same table there. */
  sequenceDigest(): string {
    const h = createHash('sha1');
    for (const [k, id] of this.byKey) h.update(`${k}=${id}\n`);
    return h.digest('hex');
  }

  declare(ns: string, name: string): string {
    const k = this.key(ns, name);
    const existing = this.byKey.get(k);
    if (existing) return existing;
    const base = componentSafe(`${ns}.${name}`);
    let id = base;
    for (let i = 2; this.ids.has(id); i++) id = `${base}_${i}`;
    this.byKey.set(k, id);
    this.ids.add(id);
    const l = this.byName.get(name.toLowerCase()) ?? [];
    l.push(k);
    this.byName.set(name.toLowerCase(), l);
    return id;
  }

  /** Component of a referenced type: explicit namespace, then the referrer's, then microsoft.graph, then any. */
  find(name: string, fromNs: string, explicitNs?: string): string | undefined {
    if (explicitNs) return this.byKey.get(this.key(explicitNs, name));
    const any = [...(this.byName.get(name.toLowerCase()) ?? [])].sort()[0];
    return this.byKey.get(this.key(fromNs, name)) ?? this.byKey.get(this.key('microsoft.graph', name)) ?? (any ? this.byKey.get(any) : undefined);
  }

  /** Placeholder components (see ref), which no page defines. */
  private readonly placeholderIds = new Set<string>();

  /** A component some page of the version defines (not a placeholder an earlier reference declared): what `find` returns, or undefined. */
  defined(name: string, fromNs: string, explicitNs?: string): string | undefined {
    const id = this.find(name, fromNs, explicitNs);
    return id === undefined || this.placeholderIds.has(id) ? undefined : id;
  }

  ref(t: { name: string; namespace?: string }, fromNs: string, at: NSrc): string {
    let id = this.find(t.name, fromNs, t.namespace);
    if (!id) {
      id = this.declare(t.namespace ?? fromNs, t.name);
      this.placeholders++;
      this.placeholderIds.add(id);
      this.schemas.set(id, {
        type: 'object',
        additionalProperties: true,
        description: `Placeholder: ${t.name} is referenced by the docs but defined by no page of this version.`,
        'x-docmodel-undefined': { name: t.name, referencedBy: src(at) },
      });
    }
    return `#/components/schemas/${id}`;
  }
}

function nullable(s: Schema): Schema {
  if ('$ref' in s) return { anyOf: [s, { type: 'null' }] };
  if (typeof s.type === 'string') return { ...s, type: [s.type, 'null'] };
  return s;
}

function typeSchema(t: NTypeRef, fromNs: string, c: Components, at: NSrc): Schema {
  let base: Schema;
  if (t.primitive) {
    const m = EDM_TO_SCHEMA[t.name];
    base = m ? { ...m } : { 'x-docmodel-edm': t.name };
  } else base = { $ref: c.ref(t, fromNs, at) };
  return t.collection ? { type: 'array', items: base } : base;
}

function propertySchema(p: NProperty, ns: string, c: Components, withNull: boolean): Schema {
  let s = typeSchema(p.type, ns, c, p.src);
  if (withNull && p.nullable !== false) s = nullable(s);
  const out: Schema = { ...s };
  if (p.description) out.description = p.description;
  if (p.readOnly) out.readOnly = true;
  if (p.navigation) out['x-docmodel-navigation'] = true;
  out['x-docmodel-source'] = src(p.src);
  if (p.conflict) out['x-docmodel-conflict'] = p.conflict;
  return out;
}

function objectSchema(props: NProperty[], ns: string, c: Components, requiredRows: boolean): Schema {
  // Without a prototype: a property named __proto__ is a key like any other (assigned to `{}`, it was dropped).
  const properties = Object.create(null) as Record<string, Schema>;
  const required: string[] = [];
  for (const p of props) {
    if (Object.prototype.hasOwnProperty.call(properties, p.name)) continue;
    properties[p.name] = propertySchema(p, ns, c, true);
    if (requiredRows && p.required === true) required.push(p.name);
  }
  const s: Schema = { type: 'object', properties };
  if (required.length) s.required = required;
  return s;
}

function enumSchema(e: NEnum): Schema {
  const s: Schema = { type: 'string', enum: e.members.map((m) => m.name) };
  s['x-docmodel-sources'] = e.sources.map(src);
  return s;
}

function componentSchema(t: NType, c: Components, id: string): Schema {
  const own = objectSchema(t.properties, t.namespace, c, false);
  let s: Schema;
  if (t.baseType && t.baseType.name.toLowerCase() !== t.name.toLowerCase()) {
    const baseRef = c.ref({ name: t.baseType.name }, t.namespace, t.baseType.src);
    s = baseRef === `#/components/schemas/${id}` ? own : { allOf: [{ $ref: baseRef }, own] };
  } else s = own;
  s['x-docmodel-kind'] = t.kind;
  s['x-docmodel-sources'] = t.sources.map(src);
  return s;
}

/** Schema of an untyped query parameter: OData's integer and boolean options typed, the rest strings. */
function odataOptionSchema(name: string): Schema {
  return /^\$(top|skip|levels)$/i.test(name) ? { type: 'integer', minimum: 0 } : /^\$count$/i.test(name) ? { type: 'boolean' } : { type: 'string' };
}

function parameter(q: NParameter, ns: string, c: Components): Schema {
  const p: Schema = { name: q.name, in: 'query' };
  if (q.description) p.description = q.description;
  if (q.required === true) p.required = true;
  p.schema = q.type ? typeSchema(q.type, ns, c, q.src) : odataOptionSchema(q.name);
  if (q.functionParameter) p['x-docmodel-function-parameter'] = q.functionParameter;
  p['x-docmodel-source'] = src(q.src);
  return p;
}

/** A path parameter: a string unless the page's "Path parameters" row types it with a primitive; its description from that row. */
function pathParameter(name: string, op: NOperation, ns: string, c: Components): Schema {
  const p: Schema = { name, in: 'path', required: true, schema: { type: 'string' } };
  const row = op.pathParameterDocs?.find((d) => d.name === name);
  if (!row) return p;
  if (row.description) p.description = row.description;
  if (row.type?.primitive && !row.type.collection) p.schema = typeSchema(row.type, ns, c, row.src);
  p['x-docmodel-source'] = src(row.src);
  return p;
}

function operationObject(op: NOperation, params: string[], operationId: string, c: Components, ns: string, scopes: { delegated: Set<string>; application: Set<string> }): Schema {
  const o: Schema = {};
  const seg0 = op.path.split('/').filter(Boolean)[0];
  const first = seg0?.includes('(') ? seg0.slice(0, seg0.indexOf('(')) : seg0;
  if (first) o.tags = [first];
  if (op.summary) o.summary = op.summary;
  if (op.description) o.description = op.description;
  o.operationId = operationId;
  const parameters: Schema[] = params.map((name) => pathParameter(name, op, ns, c));
  const seen = new Set<string>();
  for (const q of op.query) {
    if (seen.has(q.name) || !q.name) continue;
    seen.add(q.name);
    parameters.push(parameter(q, ns, c));
  }
  for (const h of op.headers ?? []) {
    if (seen.has(`header:${h.name.toLowerCase()}`)) continue;
    seen.add(`header:${h.name.toLowerCase()}`);
    parameters.push({ name: h.name, in: 'header', ...(h.description ? { description: h.description } : {}), ...(h.required === true ? { required: true } : {}), schema: { type: 'string' }, 'x-docmodel-source': src(h.src) });
  }
  const qo = op.queryOptions;
  if (qo?.support === 'odata') {
    for (const name of qo.names) {
      if (seen.has(name)) continue;
      seen.add(name);
      parameters.push({ name, in: 'query', description: `OData system query option the page names: "${qo.text}"`, schema: odataOptionSchema(name), 'x-docmodel-source': src(qo.src) });
    }
  }
  if (qo) o['x-docmodel-query-options'] = { support: qo.support, named: qo.names, source: src(qo.src) };
  if (parameters.length) o.parameters = parameters;
  const rb = op.requestBody;
  if (rb?.kind === 'type' || rb?.kind === 'parameters') {
    // A body that represents a type no page of the version defines: the page's own table, not an empty placeholder.
    // (Defined, not found: a placeholder an earlier operation declared for the name is no definition; the body was an empty one.)
    const inline = rb.kind === 'parameters' || (rb.properties.length > 0 && !c.defined(rb.type.name, ns, rb.type.namespace));
    const schema = inline ? objectSchema(rb.properties, ns, c, true) : typeSchema((rb as { type: NTypeRef }).type, ns, c, rb.src);
    if (inline && rb.kind === 'type') schema['x-docmodel-body-type'] = rb.type.name;
    const body: Schema = { content: { 'application/json': { schema } } };
    if (rb.kind === 'type' && rb.partial) body.description = 'The properties to change (a partial representation).';
    body['x-docmodel-source'] = src(rb.src);
    o.requestBody = body;
  } else if (rb?.kind === 'reference') {
    // OData's reference body: the URL of the object referred to.
    const schema: Schema = { type: 'object', required: ['@odata.id'], properties: { '@odata.id': { type: 'string', description: `The URL of the ${rb.to ?? 'object'} to refer to` } } };
    if (rb.to) schema['x-docmodel-reference-to'] = rb.to;
    o.requestBody = { content: { 'application/json': { schema } }, 'x-docmodel-source': src(rb.src) };
  } else if (rb?.kind === 'described') {
    // A body described in prose: its media type, and the page's words.
    const media = { html: 'text/html', zip: 'application/zip', binary: 'application/octet-stream' }[rb.format];
    o.requestBody = { description: rb.text, content: { [media]: { schema: rb.format === 'html' ? { type: 'string' } : { type: 'string', contentMediaType: media } } }, 'x-docmodel-source': src(rb.src) };
  } else if (rb) o['x-docmodel-request-body'] = { state: rb.kind === 'none' ? 'no body' : 'not extracted', source: src(rb.src) };
  // A call that may take a body on a page with no Request body section: not "no body" (the example may send one), not said.
  else if (/^(?:POST|PUT|PATCH)$/i.test(op.method)) o['x-docmodel-request-body'] = { state: 'not documented', source: src(op.src) };
  const responses = Object.create(null) as Record<string, Schema>;
  /** The body the page names ("returns a [driveItem]", a collection in `value`). */
  const content = (): Schema => {
    const t = op.responseBody!.type;
    const item = typeSchema({ ...t, collection: false }, ns, c, op.responseBody!.src);
    const schema = t.collection ? { type: 'object', properties: { value: { type: 'array', items: item } } } : item;
    return { 'application/json': { schema } };
  };
  const hasBody = !!op.responseBody && !op.noResponseBody;
  for (const r of op.responses) {
    const code = String(r.code);
    if (responses[code] || !/^[1-5]\d\d$/.test(code)) continue;
    const resp: Schema = { description: r.text || `Status ${code}` };
    if (hasBody && r.code >= 200 && r.code < 300 && r.code !== 204) resp.content = content();
    resp['x-docmodel-source'] = src(r.src);
    responses[code] = resp;
  }
  if (!Object.keys(responses).length) {
    // No status, but a body the page names: the default response carries it (it was dropped).
    responses.default = { description: 'The page documents no response status.', ...(hasBody ? { content: content() } : {}) };
    o['x-docmodel-undocumented'] = ['responses'];
  }
  o.responses = responses;
  const perms = op.permissions;
  const security: Schema[] = [];
  for (const p of perms.delegated) { security.push({ delegated: [p.name] }); scopes.delegated.add(p.name); }
  for (const p of perms.application) { security.push({ application: [p.name] }); scopes.application.add(p.name); }
  if (security.length) o.security = security;
  const px: Schema = { state: perms.state };
  if (perms.notSupported.length) px.notSupported = perms.notSupported;
  if (perms.notRequired.length) px.notRequired = perms.notRequired;
  if (perms.unclassified.length) px.unclassified = perms.unclassified.map((x) => x.name);
  if (perms.src) px.source = src(perms.src);
  o['x-docmodel-permissions'] = px;
  o['x-docmodel-source'] = src(op.src);
  o['x-docmodel-path-as-written'] = op.pathAsWritten;
  o['x-docmodel-choice'] = op.choice;
  if (op.polymorphic) o['x-docmodel-polymorphic'] = { base: op.polymorphic.base, documentedTypes: op.polymorphic.types };
  if (op.otherVariants.length) o['x-docmodel-variants'] = op.otherVariants.map((v) => ({ ...src(v), ...(v.subtype ? { subtype: v.subtype } : {}), ...(v.workload ? { workload: true } : {}) }));
  if (op.findings.length) o['x-docmodel-findings'] = op.findings.map((f) => ({ rule: f.rule, severity: f.severity, field: f.field, fingerprint: f.fingerprint }));
  return o;
}

function operationIdOf(path: string, method: string): string {
  const parts = path.split('/').filter(Boolean).map((seg) => seg.startsWith('{') ? '' : (seg.includes('(') ? seg.slice(0, seg.indexOf('(')) : seg).replace(/[^A-Za-z0-9_.]/g, '')).filter(Boolean);
  return [...parts, method.toLowerCase()].join('.') || method.toLowerCase();
}

export interface OpenApiDocument {
  document: Schema;
  /** Operations left out (method not an HTTP method OpenAPI has, or path not starting with /). */
  skipped: { key: string; reason: string; source: NSrc }[];
}

/**
 * Digests naming each neutral input member (its JSON's SHA-1, or what it is made from: see openApiOutputs): with them the document's path
 * items and component schemas are keyed entries (see keyedEntries), each keyed by what it is made
 * from — its operations' (or type's) input, operation ids, and the component names declared then.
 */
export interface MemberDigests { operation: (op: NOperation) => string | undefined; type: (t: NType) => string | undefined; enum: (e: NEnum) => string | undefined }

export function openApiDocument(v: NVersion, defaultNamespace = 'microsoft.graph', digests?: MemberDigests): OpenApiDocument {
  const c = new Components();
  const typeIds = v.types.map((t) => c.declare(t.namespace, t.name));
  const typeIdSet = new Set(typeIds);
  const enumIds = v.enums.map((e) => {
    const found = c.find(e.name, e.namespace, e.namespace);
    return found && typeIdSet.has(found) ? c.declare(e.namespace, `${e.name}-enum`) : c.declare(e.namespace, e.name);
  });
  // What each keyed member is made from, but for the table of component names (added once it is complete).
  const made = new Map<string, string | undefined>();
  v.enums.forEach((e, i) => {
    c.schemas.set(enumIds[i]!, enumSchema(e));
    const d = digests?.enum(e);
    made.set(enumIds[i]!, d === undefined ? undefined : `enum ${d}`);
  });
  v.types.forEach((t, i) => {
    const at = c.declared;
    c.schemas.set(typeIds[i]!, componentSchema(t, c, typeIds[i]!));
    const d = digests?.type(t);
    made.set(typeIds[i]!, d === undefined ? undefined : `type ${d} ${typeIds[i]} ${at}`);
  });
  const scopes = { delegated: new Set<string>(), application: new Set<string>() };
  const paths = new Map<string, Record<string, Schema>>();
  const pathMade = new Map<string, (string | undefined)[]>();
  const skipped: OpenApiDocument['skipped'] = [];
  const opIds = new Set<string>();
  for (const op of v.operations) {
    const m = op.method.toLowerCase();
    if (!HTTP_METHODS.includes(m)) { skipped.push({ key: op.key, reason: `method ${op.method} is not an OpenAPI operation`, source: op.src }); continue; }
    if (!op.path.startsWith('/')) { skipped.push({ key: op.key, reason: 'path does not start with /', source: op.src }); continue; }
    const path = op.path;
    const params = [...new Set(op.pathParameters)];
    const item = paths.get(path) ?? {};
    if (item[m]) { skipped.push({ key: op.key, reason: `same path template and method as another operation (${path})`, source: op.src }); continue; }
    let id = operationIdOf(path, m);
    const base = id;
    for (let i = 2; opIds.has(id); i++) id = `${base}-${i}`;
    opIds.add(id);
    const at = c.declared;
    item[m] = operationObject(op, params, id, c, defaultNamespace, scopes);
    paths.set(path, item);
    if (digests) {
      const d = digests.operation(op);
      const l = pathMade.get(path) ?? [];
      l.push(d === undefined ? undefined : `${m} ${d} ${JSON.stringify(id)} ${at}`);
      pathMade.set(path, l);
    }
  }
  const sortedPaths = Object.create(null) as Record<string, Record<string, Schema>>;
  for (const p of [...paths.keys()].sort()) {
    const item = paths.get(p)!;
    const ordered: Record<string, Schema> = {};
    for (const m of HTTP_METHODS) if (item[m]) ordered[m] = item[m]!;
    sortedPaths[p] = ordered;
  }
  const schemas = Object.create(null) as Record<string, Schema>;
  for (const id of [...c.schemas.keys()].sort()) schemas[id] = c.schemas.get(id)!;
  // A member's key: what it is made from, the name table it was made with, and the namespace references default to.
  const table = digests ? `${c.sequenceDigest()} ${defaultNamespace}` : '';
  const keyOf = (parts: (string | undefined)[] | undefined) => (!parts?.length || parts.includes(undefined) ? undefined : createHash('sha1').update(`${table}\n${parts.join('\n')}`).digest('hex'));
  const pathsOut = digests ? keyedEntries(Object.entries(sortedPaths).map(([p, item]) => [p, item, keyOf(pathMade.get(p))] as const)) : sortedPaths;
  const schemasOut = digests ? keyedEntries(Object.entries(schemas).map(([id, sch]) => [id, sch, keyOf(made.has(id) ? [made.get(id)] : undefined)] as const)) : schemas;
  const scopeMap = (s: Set<string>) => Object.fromEntries([...s].sort().map((n) => [n, `Permission ${n}`]));
  const document: Schema = {
    openapi: '3.1.0',
    info: {
      title: `API reference ${v.version}, as documented`,
      version: v.version,
      description: `Generated by docmodel from the API reference pages. Every element carries x-docmodel-source (file:line:column relative to the docs root). ${v.operations.length} operations, ${v.types.length} types, ${v.enums.length} enums read; ${skipped.length} operations left out (see x-docmodel-skipped); ${c.placeholders} referenced types defined by no page (placeholder schemas).`,
    },
    servers: [{ url: `https://graph.microsoft.com/${v.version}` }],
    paths: pathsOut,
    components: {
      schemas: schemasOut,
      securitySchemes: {
        delegated: { type: 'oauth2', description: 'Delegated permissions (work or school and personal accounts).', flows: { authorizationCode: { authorizationUrl: AUTHORIZE_URL, tokenUrl: TOKEN_URL, scopes: scopeMap(scopes.delegated) } } },
        application: { type: 'oauth2', description: 'Application permissions.', flows: { clientCredentials: { tokenUrl: TOKEN_URL, scopes: scopeMap(scopes.application) } } },
      },
    },
  };
  if (skipped.length) document['x-docmodel-skipped'] = skipped.map((x) => ({ key: x.key, reason: x.reason, source: src(x.source) }));
  return { document, skipped };
}
