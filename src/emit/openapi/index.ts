/**
 * OpenAPI 3.1 export, one document per API version: `openapi/<version>.yaml` and
 * `openapi/<version>.json` (same content). YAML is written by `jsonToYaml` (./yaml.ts: block
 * style, no anchors or aliases, no line folding; why not the `yaml` library's stringify is said
 * there), JSON with two-space indentation: deterministic bytes.
 */
import { createHash } from 'node:crypto';
import { jsonToYaml, jsonToYamlChunks } from './yaml.js';
import type { ApiModel } from '../../model/types.js';
import type { Finding } from '../../checks/types.js';
import { toJsonChunks } from '../../util/order.js';
import { versionsFromModel, type RelPath } from './from-model.js';
import type { NVersion } from './neutral.js';
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
    for (const [name, render] of formats) files.set(`openapi/${v.version}.${name}`, [...render(document)].join(''));
  }
  return { files, documents };
}

/**
 * SHA-1 of a version's neutral input: every field, its lists counted, then the lists' members'
 * JSON one by one (0.3 s for both versions of the 2021 tree, half of hashing its JSON in pieces).
 */
function inputDigest(v: NVersion): string {
  const h = createHash('sha1').update(`${JSON.stringify({ ...v, operations: v.operations.length, types: v.types.length, enums: v.enums.length })}\n`);
  for (const list of [v.operations, v.types, v.enums]) for (const x of list) h.update(JSON.stringify(x)).update('\n');
  return h.digest('hex');
}

/** Each file of a version's document, as pieces (paths and schemas one at a time). */
const formats: [string, (doc: Record<string, unknown>) => Iterable<string>][] = [['yaml', (d) => jsonToYamlChunks(d, 3)], ['json', (d) => toJsonChunks(d, 3)]];

/** A file of the export: its key (a digest of everything its text is made from) and how to render it. */
export interface OpenApiFile { key: string; render: () => Iterable<string> }

/**
 * The same files, each rendered when it is asked for: a version's document is built when the
 * first of its files is rendered and let go after the last (a build writing them one at a time
 * never holds every document and text at once). A version's document is a function of its
 * neutral input alone, so each file is keyed by the SHA-1 of that input's JSON: a writer that
 * finds the file as it left it with that key need not render it (a v1.0 edit leaves beta's 52 MB
 * alone).
 */
export function openApiOutputs(model: ApiModel, findings: readonly Finding[], rel: RelPath = (f) => f): Map<string, OpenApiFile> {
  const files = new Map<string, OpenApiFile>();
  for (const v of versionsFromModel(model, findings, rel)) {
    const digest = inputDigest(v);
    let doc: Record<string, unknown> | undefined;
    let left = formats.length;
    const take = (): Record<string, unknown> => {
      const d = doc ?? openApiDocument(v).document;
      doc = --left > 0 ? d : undefined;
      return d;
    };
    for (const [name, render] of formats) files.set(`openapi/${v.version}.${name}`, { key: `openapi-${name}:${digest}`, render: () => render(take()) });
  }
  return files;
}
