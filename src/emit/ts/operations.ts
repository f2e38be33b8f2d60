/**
 * The typed operation map, which the official typings do not have: for each operation of a
 * version, its method, path template, path and query parameters, request-body type (PATCH
 * bodies partial), response type, success status and permissions, with a JSDoc link to the
 * page(s). Keys are the model's canonical keys (`PATCH /users/{user-id}`); when pages of the
 * version disagree, the model's primary variant is emitted (src/model/merge.ts, PRIMARY_POLICY)
 * and the JSDoc names the others (subtypes and workload pages marked).
 */
import type { OptionalKind, PropertySignatureStructure, StatementStructures } from 'ts-morph';
import { StructureKind } from './ts-morph.js';
import type { ApiVersion } from '../../model/schema.js';
import type { ApiModel, OperationVariant } from '../../model/types.js';
import { DEFAULT_NAMESPACE, requestBodyTypeName } from '../../model/merge.js';
import { docText, propertyName, stringLiteral } from './safe.js';
import type { VersionScope } from './models.js';
import { uniqueNames } from './sanitize.js';
import { callQueryParameters } from '../../model/call-parameters.js';
import { polymorphicBase, statedResponseType, statedType } from '../../model/polymorphic.js';
import { isPrimitiveName } from '../../model/primitives.js';
import { bodyOnOtherStatus, onlyNoContent, successStatuses } from '../../model/status.js';

const FILE = 'operations.ts';

function primary(vs: OperationVariant[]): OperationVariant {
  return vs.find((v) => v.primary) ?? vs[0]!;
}

function permissionsType(perms: OperationVariant['permissions']): string {
  if (!perms || perms.state === 'not-extracted') return 'unknown';
  const parts: string[] = [];
  for (const e of perms.entries) {
    const names = [...e.permissions.map((x) => x.name), ...e.workloads.flatMap((w) => w.permissions.map((x) => x.name))];
    const uniq = [...new Set(names)];
    const v = e.state === 'not-supported' ? stringLiteral('not supported') : e.state === 'not-required' ? stringLiteral('no permission required') : e.state === 'empty' ? stringLiteral('not documented') : `readonly [${uniq.map(stringLiteral).join(', ')}]`;
    const key = e.resource ? `${e.type}:${e.resource}` : e.type;
    if (!parts.some((x) => x.startsWith(propertyName(key) + ':'))) parts.push(`${propertyName(key)}: ${v}`);
  }
  return parts.length ? `{ ${parts.join('; ')} }` : '{}';
}

/**
 * What the operations map can say about a variant's request body: none (the page says not to send
 * one, or a GET/DELETE/HEAD documents none), a type (the body represents a resource), an inline
 * object (a parameters table), a reference to an existing object (`{ "@odata.id": string }`), text (HTML
 * the prose describes) or bytes (a zip package, binary data), or unknown.
 */
export function requestBodyKind(v: OperationVariant): 'none' | 'type' | 'inline' | 'reference' | 'text' | 'bytes' | 'unknown' {
  const body = v.requestBody;
  const m = v.operation.method.toUpperCase();
  if (body?.noBody) return 'none';
  if (body && requestBodyTypeName(v.doc)) return 'type';
  if (body && body.properties.length) return 'inline';
  if (body?.reference) return 'reference';
  if (body?.described) return body.described.format === 'html' ? 'text' : 'bytes';
  if (m === 'GET' || m === 'DELETE' || m === 'HEAD') return 'none';
  return 'unknown';
}

export type ResponseShape =
  | { kind: 'void' | 'raw' | 'unknown' }
  /** `orNoContent`: the type is one success status's body and another is 204 No Content (bodyOnOtherStatus). */
  | { kind: 'type'; orNoContent?: boolean }
  | { kind: 'example-type'; name: string; collection: boolean }
  | { kind: 'json'; collection: boolean };

const typeFromOdata = (t: unknown): string | undefined =>
  typeof t === 'string' && /^#?[A-Za-z][\w.]*$/.test(t) ? t.replace(/^#/, '').replace(/^microsoft\.graph\./i, '') : undefined;

/**
 * The response: what the Response section states (no body, only 204, a type); otherwise what the
 * page's own success examples show — no body in any of them (void), a body whose `@odata.type`
 * names the type (single, or the elements of `value`), a non-JSON body (raw text), a JSON object
 * of no stated type; otherwise unknown.
 */
export function responseKind(v: OperationVariant): ResponseShape {
  const r = v.response;
  if (r?.noBody && !bodyOnOtherStatus(r)) return { kind: 'void' };
  if (r?.bodyType) return r.noBody ? { kind: 'type', orNoContent: true } : { kind: 'type' };
  if (onlyNoContent(r?.statuses)) return { kind: 'void' };
  const ok = v.doc.examples.responses.filter((x) => x.statusLine.code !== null && x.statusLine.code >= 200 && x.statusLine.code < 400);
  if (!ok.length) return { kind: 'unknown' };
  if (ok.every((x) => !x.body || x.body.format === 'none' || x.body.raw.trim() === '')) return { kind: 'void' };
  for (const x of ok) {
    const j = x.body?.json;
    if (!j || typeof j !== 'object' || Array.isArray(j)) continue;
    const o = j as Record<string, unknown>;
    const single = typeFromOdata(o['@odata.type']);
    if (single) return { kind: 'example-type', name: single, collection: false };
    const first = Array.isArray(o.value) ? o.value.find((e) => e && typeof e === 'object') as Record<string, unknown> | undefined : undefined;
    const each = first ? typeFromOdata(first['@odata.type']) : undefined;
    if (each) return { kind: 'example-type', name: each, collection: true };
  }
  const json = ok.find((x) => x.body?.json && typeof x.body.json === 'object');
  if (json) return { kind: 'json', collection: Array.isArray((json.body!.json as Record<string, unknown>).value) };
  if (ok.some((x) => x.body?.format === 'raw' && x.body.raw.trim() !== '')) return { kind: 'raw' };
  return { kind: 'unknown' };
}

/** Per version: operations in the map and how many have an unknown request body / response. */
export function operationMapCounts(model: ApiModel): { version: ApiVersion; operations: number; unknownRequest: number; unknownResponse: number }[] {
  const out: { version: ApiVersion; operations: number; unknownRequest: number; unknownResponse: number }[] = [];
  for (const version of ['v1.0', 'beta'] as const) {
    const c = { version, operations: 0, unknownRequest: 0, unknownResponse: 0 };
    for (const g of model.operations) {
      const vs = g.variants.filter((v) => v.version === version);
      if (!vs.length) continue;
      const main = primary(vs);
      c.operations++;
      if (requestBodyKind(main) === 'unknown') c.unknownRequest++;
      if (responseKind(main).kind === 'unknown') c.unknownResponse++;
    }
    if (c.operations) out.push(c);
  }
  return out;
}

export function operationStatements(model: ApiModel, version: ApiVersion, scope: VersionScope): StatementStructures[] {
  const members: OptionalKind<PropertySignatureStructure>[] = [];
  const keys = new Set<string>();
  /** The type names some page of the version defines (any namespace, any letter case). */
  const defined = new Set(model.types.filter((t) => t.version === version).map((t) => t.name.toLowerCase()));
  for (const g of model.operations) {
    const vs = g.variants.filter((v) => v.version === version);
    if (!vs.length) continue;
    const main = primary(vs);
    const page = main.doc;
    const op = main.operation;
    const ns = page.namespace?.value ?? DEFAULT_NAMESPACE;
    const fields: string[] = [];
    fields.push(`method: ${stringLiteral(op.method)}`);
    fields.push(`path: ${stringLiteral(g.path)}`);
    // The model names parameters uniquely by their segment; a hostile path can still repeat one (sanitize.ts).
    const paramNames = uniqueNames(g.parameters);
    paramNames.forEach((n, i) => { if (n !== g.parameters[i]) scope.diagnostics.push({ rule: 'member-name-renamed', severity: 'info', message: `Path parameter ${g.parameters[i]} of ${op.method} ${g.path} (${version}) appears more than once; emitted as ${n}`, src: op.src }); });
    const params = paramNames.map((n) => `${propertyName(n)}: string`);
    fields.push(`pathParameters: { ${params.join('; ')}${params.length ? ' ' : ''}}`.replace('{  }', '{}'));
    const query = callQueryParameters(page);
    const qNames = uniqueNames(query.map((x) => x.name));
    const q = query.map((x, i) => `${propertyName(qNames[i]!)}?: ${x.type ? scope.tsType(x.type, ns, FILE, x.src).text : 'string'}`);
    fields.push(q.length ? `queryParameters: { ${q.join('; ')} }` : 'queryParameters: {}');
    const body = page.requestBody;
    // One page per derived type (the Intune pages): the request and response are their common base type (polymorphic.ts).
    const poly = polymorphicBase(vs, main, model.types);
    let bodyType = 'unknown';
    const bk = requestBodyKind(main);
    const stated = bk === 'type' ? statedType(requestBodyTypeName(page)!, poly, main) : undefined;
    if (bk === 'none') bodyType = 'undefined';
    // A body that represents a type no page of the version defines: the page's own table, as OpenAPI gives it, not a placeholder.
    else if (stated && (defined.has(stated.name.toLowerCase()) || !body!.properties.length)) {
      const t = scope.tsType({ raw: stated.name, name: stated.name, primitive: false, collection: false }, stated.namespace ?? ns, FILE, body!.src).text;
      bodyType = op.method === 'PATCH' ? `Partial<${t}>` : t;
    } else if (bk === 'inline' || stated) {
      const props = body!.properties;
      const names = uniqueNames(props.map((p) => p.name));
      bodyType = `{ ${props.map((p, i) => `${propertyName(names[i]!)}${p.required === true ? '' : '?'}: ${scope.tsType(p.type, ns, FILE, p.src).text}`).join('; ')} }`;
    } else if (bk === 'reference') bodyType = '{ "@odata.id": string }';
    else if (bk === 'text') bodyType = 'string';
    else if (bk === 'bytes') bodyType = 'Uint8Array';
    fields.push(`requestBody: ${bodyType}`);
    const r = page.response;
    let resp = 'unknown';
    const rk = responseKind(main);
    if (rk.kind === 'void') resp = 'void';
    else if (rk.kind === 'type') {
      // As OpenAPI states it (polymorphic.ts): a linked resource page's type, the common base of subtype pages.
      const stated = statedResponseType(model.types, main, poly)!;
      const t = scope.tsType({ raw: stated.name, name: stated.name, primitive: isPrimitiveName(stated.name), collection: false }, stated.namespace ?? ns, FILE, r!.bodyType!.src).text;
      resp = r!.bodyType!.collection ? `{ value: ${t}[] }` : t;
      if (rk.orNoContent) resp += ' | void';
    } else if (rk.kind === 'example-type') {
      const t = scope.tsType({ raw: rk.name, name: rk.name, primitive: false, collection: false }, ns, FILE, main.src).text;
      resp = rk.collection ? `{ value: ${t}[] }` : t;
    } else if (rk.kind === 'json') resp = rk.collection ? '{ value: Record<string, unknown>[] }' : 'Record<string, unknown>';
    else if (rk.kind === 'raw') resp = 'string';
    fields.push(`response: ${resp}`);
    // Success codes only: the Response section's error codes ("a `403 Forbidden` response code if …") are no success status.
    const ok = successStatuses(r?.statuses);
    fields.push(`successStatus: ${ok.length ? ok.map((s) => String(s.code)).join(' | ') : 'number'}`);
    fields.push(`permissions: ${permissionsType(main.permissions)}`);
    const title = page.title.h1?.value ?? page.title.frontMatter?.value ?? g.key;
    const others = vs.filter((v) => v !== main).map((v) => `${v.operation.src.file}:${v.operation.src.line}${v.subtype ? ` (subtype ${v.subtype})` : v.workload ? ' (workload page)' : ''}`);
    const reason = g.primary.find((x) => x.version === version)?.reason;
    const doc = [
      docText(title),
      docText(`Documented by ${op.src.file}:${op.src.line}${op.fromExample ? ' (path taken from its example request)' : ''}.`),
      others.length ? docText(`Also documented by ${others.join(', ')}; where they disagree this entry follows the primary page (policy step: ${reason}; see the reconciliation report).`) : '',
      op.path !== g.path ? docText(`Written on the page as ${op.method} ${op.path}.`) : '',
      ['example-type', 'json', 'raw'].includes(rk.kind) || (rk.kind === 'void' && !r?.noBody && !onlyNoContent(r?.statuses)) ? docText('The response type is read from the page\'s example response (the Response section does not state it).') : '',
    ].filter(Boolean);
    const key = g.key;
    if (keys.has(key)) continue;
    keys.add(key);
    members.push({
      name: stringLiteral(key),
      type: `{\n${fields.map((f) => `    ${f};`).join('\n')}\n  }`,
      docs: [{ description: doc.join('\n\n') }],
    });
  }
  return [{
    kind: StructureKind.Interface, name: 'Operations', isExported: true,
    docs: [{ description: `Operations of ${version}, keyed by method and canonical path template (parameters named {<resource>-id}).` }],
    properties: members,
  }];
}
