/** The JSON form of the model (`model.json`, schema `generated/model.schema.json`): in-memory document references become paths. */
import { MODEL_VERSION, type ApiModel, type ApiModelJson, type Document, type OperationFacts, type OperationGroup } from './schema.js';
import { keyedItems } from '../util/order.js';

/** Key order as in the schema; absent facts omitted. */
function factsOf(d: Document): OperationFacts {
  const f: OperationFacts = { ...(d.permissions ? { permissions: d.permissions } : {}), nationalClouds: d.nationalClouds, requestHeaders: d.requestHeaders, queryParameters: d.queryParameters };
  if (d.queryParameterSupport) f.queryParameterSupport = d.queryParameterSupport;
  if (d.requestBody) f.requestBody = d.requestBody;
  if (d.response) f.response = d.response;
  if (d.pathParameterDescriptions) f.pathParameterDescriptions = d.pathParameterDescriptions;
  return f;
}

/** A document's member of `model.json`: made from its page alone. */
export function serializeDocument(d: Document): ApiModelJson['documents'][number] {
  const out: ApiModelJson['documents'][number] = { file: d.file, version: d.apiVersion.value, kind: d.kind, title: d.title.h1?.value ?? d.title.frontMatter?.value ?? null };
  if (d.operations.length) out.facts = factsOf(d);
  return out;
}

/** An operation group's member of `model.json`. */
export function serializeOperation(g: OperationGroup): ApiModelJson['operations'][number] {
  return {
    key: g.key, identity: g.identity, method: g.method, path: g.path, parameters: g.parameters,
    variants: g.variants.map(({ doc, operation: _o, permissions, nationalClouds: _n, requestHeaders: _h, queryParameters: _q, queryParameterSupport: _s, requestBody: _b, response: _r, pathParameterDescriptions: _p, ...v }) =>
      ({ document: doc.file, ...v, ...(permissions && permissions !== doc.permissions ? { permissions } : {}) })),
    primary: g.primary, aliases: g.aliases,
  };
}

export function serializeModel(m: ApiModel): ApiModelJson {
  return modelJson(m) as ApiModelJson;
}

/**
 * `serializeModel(m)` for a streamed writer (toJsonPieces): the documents and operation groups as
 * keyed items, `documentKey` and `operationKey` naming everything each one's member is made from
 * (undefined: none known, the member is written).
 */
export function serializeModelKeyed(m: ApiModel, documentKey: (d: Document) => string | undefined, operationKey: (g: OperationGroup) => string | undefined): unknown {
  return modelJson(m, { documentKey, operationKey });
}

function modelJson(m: ApiModel, keys?: { documentKey: (d: Document) => string | undefined; operationKey: (g: OperationGroup) => string | undefined }): unknown {
  return {
    modelVersion: MODEL_VERSION,
    documents: keys ? keyedItems(m.documents, keys.documentKey, serializeDocument) : m.documents.map(serializeDocument),
    operations: keys ? keyedItems(m.operations, keys.operationKey, serializeOperation) : m.operations.map(serializeOperation),
    types: m.types.map((t) => ({
      ...t,
      sources: t.sources.map(({ doc, ...s }) => ({ document: doc.file, ...s })),
      properties: t.properties.map((p) => ({ name: p.name, navigation: p.navigation, sources: p.sources.map(({ doc, ...s }) => ({ document: doc.file, ...s })) })),
    })),
    enums: m.enums.map((e) => ({ ...e, sources: e.sources.map((s) => ({ document: s.doc.file, src: s.src })) })),
    diagnostics: m.diagnostics,
  };
}
