/**
 * OpenAPI 3.1 export, one document per API version: `openapi/<version>.yaml` and
 * `openapi/<version>.json` (same content). YAML is written by `jsonToYaml` (./yaml.ts: block
 * style, no anchors or aliases, no line folding; why not the `yaml` library's stringify is said
 * there), JSON with two-space indentation: deterministic bytes.
 */
import { jsonToYaml } from './yaml.js';
import type { ApiModel } from '../../model/types.js';
import type { Finding } from '../../checks/types.js';
import { toJson } from '../../util/order.js';
import { versionsFromModel, type RelPath } from './from-model.js';
import { openApiDocument } from './document.js';

export { versionsFromModel } from './from-model.js';
export { openApiDocument } from './document.js';

export function toYaml(doc: unknown): string {
  return jsonToYaml(doc);
}

export interface OpenApiExport {
  /** Relative path under the output directory → text. */
  files: Map<string, string>;
  /** Per version: the document (for validation and tests). */
  documents: Map<string, Record<string, unknown>>;
}

export function emitOpenApi(model: ApiModel, findings: readonly Finding[], rel: RelPath = (f) => f): OpenApiExport {
  const files = new Map<string, string>();
  const documents = new Map<string, Record<string, unknown>>();
  for (const v of versionsFromModel(model, findings, rel)) {
    const { document } = openApiDocument(v);
    documents.set(v.version, document);
    files.set(`openapi/${v.version}.yaml`, toYaml(document));
    files.set(`openapi/${v.version}.json`, toJson(document));
  }
  return { files, documents };
}
