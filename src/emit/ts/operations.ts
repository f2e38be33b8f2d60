/**
 * The typed operation map, which the official typings do not have: for each operation of a
 * version, its method, path template, path and query parameters, request-body type (PATCH
 * bodies partial), response type, success status and permissions, with a JSDoc link to the
 * page(s). When pages of the version disagree, the primary page (HTTP block filled, then path
 * order) is emitted and the JSDoc names the others.
 */
import { StructureKind, type OptionalKind, type PropertySignatureStructure, type StatementStructures } from 'ts-morph';
import type { ApiVersion, PageIR } from '../../sources/graph-markdown/ir/schema.js';
import type { ApiModel, OperationVariant } from '../../model/types.js';
import { DEFAULT_NAMESPACE, requestBodyTypeName } from '../../model/merge.js';
import { docText, propertyName, stringLiteral } from './safe.js';
import type { VersionScope } from './models.js';
import { uniqueNames } from './sanitize.js';

const FILE = 'operations.ts';

function primary(vs: OperationVariant[]): OperationVariant {
  return vs.find((v) => !v.operation.fromExample) ?? vs[0]!;
}

function permissionsType(p: PageIR): string {
  const perms = p.permissions;
  if (!perms || perms.state === 'not-extracted') return 'unknown';
  const parts: string[] = [];
  for (const e of perms.entries) {
    const names = [...e.permissions.map((x) => x.name), ...e.workloads.flatMap((w) => w.permissions.map((x) => x.name))];
    const uniq = [...new Set(names)];
    const v = e.state === 'not-supported' ? stringLiteral('not supported') : e.state === 'empty' ? stringLiteral('not documented') : `readonly [${uniq.map(stringLiteral).join(', ')}]`;
    const key = e.resource ? `${e.type}:${e.resource}` : e.type;
    if (!parts.some((x) => x.startsWith(propertyName(key) + ':'))) parts.push(`${propertyName(key)}: ${v}`);
  }
  return parts.length ? `{ ${parts.join('; ')} }` : '{}';
}

export function operationStatements(model: ApiModel, version: ApiVersion, scope: VersionScope): StatementStructures[] {
  const members: OptionalKind<PropertySignatureStructure>[] = [];
  const keys = new Set<string>();
  for (const g of model.operations) {
    const vs = g.variants.filter((v) => v.version === version);
    if (!vs.length) continue;
    const main = primary(vs);
    const page = main.page;
    const op = main.operation;
    const ns = page.namespace?.value ?? DEFAULT_NAMESPACE;
    const fields: string[] = [];
    fields.push(`method: ${stringLiteral(op.method)}`);
    fields.push(`path: ${stringLiteral(op.path)}`);
    const paramNames = uniqueNames(op.pathParameters.map((p) => p.name));
    paramNames.forEach((n, i) => { if (n !== op.pathParameters[i]!.name) scope.diagnostics.push({ rule: 'member-name-renamed', severity: 'info', message: `Path parameter ${op.pathParameters[i]!.name} of ${op.method} ${op.path} (${version}) appears more than once; emitted as ${n}`, src: op.src }); });
    const params = paramNames.map((n) => `${propertyName(n)}: string`);
    fields.push(`pathParameters: { ${params.join('; ')}${params.length ? ' ' : ''}}`.replace('{  }', '{}'));
    const qNames = uniqueNames(page.queryParameters.map((x) => x.name));
    const q = page.queryParameters.map((x, i) => `${propertyName(qNames[i]!)}?: ${x.type ? scope.tsType(x.type, ns, FILE, x.src).text : 'string'}`);
    fields.push(q.length ? `queryParameters: { ${q.join('; ')} }` : 'queryParameters: {}');
    const body = page.requestBody;
    let bodyType = 'unknown';
    if (body?.noBody) bodyType = 'undefined';
    else if (body && requestBodyTypeName(page)) {
      const name = requestBodyTypeName(page)!;
      const t = scope.tsType({ raw: name, name, primitive: false, collection: false }, ns, FILE, body.src).text;
      bodyType = op.method === 'PATCH' ? `Partial<${t}>` : t;
    } else if (body && body.properties.length) {
      const names = uniqueNames(body.properties.map((p) => p.name));
      bodyType = `{ ${body.properties.map((p, i) => `${propertyName(names[i]!)}${p.required === true ? '' : '?'}: ${scope.tsType(p.type, ns, FILE, p.src).text}`).join('; ')} }`;
    } else if (body && !body.properties.length && op.method === 'GET') bodyType = 'undefined';
    fields.push(`requestBody: ${bodyType}`);
    const r = page.response;
    let resp = 'unknown';
    if (r?.noBody) resp = 'void';
    else if (r?.bodyType) {
      const t = scope.tsType({ raw: r.bodyType.name, name: r.bodyType.name, primitive: /^(string|boolean|int32|int64|double)$/i.test(r.bodyType.name), collection: false }, ns, FILE, r.bodyType.src).text;
      resp = r.bodyType.collection ? `{ value: ${t}[] }` : t;
    }
    fields.push(`response: ${resp}`);
    fields.push(`successStatus: ${r?.statuses.length ? r.statuses.map((s) => String(s.code)).join(' | ') : 'number'}`);
    fields.push(`permissions: ${permissionsType(page)}`);
    const title = page.title.h1?.value ?? page.title.frontMatter?.value ?? g.key;
    const others = vs.filter((v) => v !== main).map((v) => `${v.operation.src.file}:${v.operation.src.line}`);
    const doc = [
      docText(title),
      docText(`Documented by ${op.src.file}:${op.src.line}${op.fromExample ? ' (path taken from its example request)' : ''}.`),
      others.length ? docText(`Also documented by ${others.join(', ')}; where they disagree this entry follows the first page (see the reconciliation report).`) : '',
    ].filter(Boolean);
    let key = `${op.method} ${op.path}`;
    for (let i = 2; keys.has(key); i++) key = `${op.method} ${op.path} #${i}`;
    keys.add(key);
    members.push({
      name: stringLiteral(key),
      type: `{\n${fields.map((f) => `    ${f};`).join('\n')}\n  }`,
      docs: [{ description: doc.join('\n\n') }],
    });
  }
  return [{
    kind: StructureKind.Interface, name: 'Operations', isExported: true,
    docs: [{ description: `Operations of ${version}, keyed by method and path template as documented.` }],
    properties: members,
  }];
}
