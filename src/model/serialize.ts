/** The JSON form of the model (`model.json`, schema `generated/model.schema.json`): in-memory document references become paths. */
import { MODEL_VERSION, type ApiModel, type ApiModelJson } from './schema.js';

export function serializeModel(m: ApiModel): ApiModelJson {
  return {
    modelVersion: MODEL_VERSION,
    documents: m.documents.map((d) => ({ file: d.file, version: d.apiVersion.value, kind: d.kind, title: d.title.h1?.value ?? d.title.frontMatter?.value ?? null })),
    operations: m.operations.map((g) => ({
      key: g.key, identity: g.identity, method: g.method, path: g.path, parameters: g.parameters,
      variants: g.variants.map(({ doc, operation: _o, ...v }) => ({ document: doc.file, ...v })),
      primary: g.primary, aliases: g.aliases,
    })),
    types: m.types.map((t) => ({
      ...t,
      sources: t.sources.map(({ doc, ...s }) => ({ document: doc.file, ...s })),
      properties: t.properties.map((p) => ({ name: p.name, navigation: p.navigation, sources: p.sources.map(({ doc, ...s }) => ({ document: doc.file, ...s })) })),
    })),
    enums: m.enums.map((e) => ({ ...e, sources: e.sources.map((s) => ({ document: s.doc.file, src: s.src })) })),
    diagnostics: m.diagnostics,
  };
}
