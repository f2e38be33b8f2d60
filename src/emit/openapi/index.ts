/**
 * OpenAPI 3.1 export, one document per API version: `openapi/<version>.yaml` and
 * `openapi/<version>.json` (same content). YAML is written by `jsonToYaml` (./yaml.ts: block
 * style, no anchors or aliases, no line folding; why not the `yaml` library's stringify is said
 * there), JSON with two-space indentation: deterministic bytes.
 */
import { createHash } from 'node:crypto';
import { jsonToYaml, jsonToYamlPieces } from './yaml.js';
import type { ApiModel } from '../../model/types.js';
import type { ApiVersion } from '../../model/schema.js';
import type { Finding } from '../../checks/types.js';
import { joinPieces, toJsonPieces, type Member } from '../../util/order.js';
import { versionsFromModel, type RelPath } from './from-model.js';
import type { NVersion } from './neutral.js';
import { openApiDocument, type MemberDigests } from './document.js';
import { operationDigests } from '../../model/unit-digests.js';

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
    for (const [name, render] of formats) files.set(`openapi/${v.version}.${name}`, joinPieces(render(document)));
  }
  return { files, documents };
}

/**
 * SHA-1 of a version's neutral input — every field, its lists counted, then the SHA-1 of each
 * list member's JSON — and those members' digests (which key the document's path items and
 * schemas, see MemberDigests). `operationKey(i)`, when it gives one, stands for the JSON of the
 * i-th operation: a digest of everything that operation is made from (see openApiOutputs).
 */
function inputDigests(v: NVersion, operationKey: (i: number) => string | undefined = () => undefined): { digest: string; members: MemberDigests } {
  const h = createHash('sha1').update(`${JSON.stringify({ ...v, operations: v.operations.length, types: v.types.length, enums: v.enums.length })}\n`);
  const of = new Map<unknown, string>();
  const add = (x: unknown, d = createHash('sha1').update(JSON.stringify(x)).digest('hex')) => { of.set(x, d); h.update(d).update('\n'); };
  v.operations.forEach((op, i) => add(op, operationKey(i)));
  for (const x of [...v.types, ...v.enums]) add(x);
  const get = (x: unknown) => of.get(x);
  return { digest: h.digest('hex'), members: { operation: get, type: get, enum: get } };
}

/** Each file of a version's document, as pieces (paths and schemas one at a time, each keyed when the document's are). */
const formats: [string, (doc: Record<string, unknown>) => Iterable<string | Member>][] = [['yaml', (d) => jsonToYamlPieces(d, 3)], ['json', (d) => toJsonPieces(d, 3)]];

/** A file of the export: its key (a digest of everything its text is made from) and how to render it. */
export interface OpenApiFile { key: string; render: () => Iterable<string | Member> }

/** Source paths as the model has them (relative to the docs root). */
const SAME_PATH: RelPath = (f) => f;

/**
 * The same files, each rendered when it is asked for: a version's document is built when the
 * first of its files is rendered and let go after the last (a build writing them one at a time
 * never holds every document and text at once). A version's document is a function of its
 * neutral input alone, so each file is keyed by the SHA-1 of that input's JSON: a writer that
 * finds the file as it left it with that key need not render it (a v1.0 edit leaves beta's 52 MB
 * alone). Within a file, each path item and component schema is a keyed piece (see
 * MemberDigests): a writer that has the file it wrote last copies the ones whose key it holds.
 * With `pageDigest` (a page's IR digest by display path), the operations are named by their
 * groups' digests instead of their JSON: a neutral operation is made from its group as the version
 * has it (its pages' facts and what the model set on them: operationDigests in
 * src/model/unit-digests.ts) and the findings on its key, so the digest of those names it
 * without stringifying it.
 */
export function openApiOutputs(model: ApiModel, findings: readonly Finding[], pageDigest?: (file: string) => string | undefined): Map<string, OpenApiFile> {
  const files = new Map<string, OpenApiFile>();
  for (const v of versionsFromModel(model, findings, SAME_PATH)) {
    // The version's groups, in the order of its operations (versionsFromModel's), and their digests as the version has them.
    const groups = pageDigest && model.operations.filter((g) => g.variants.some((x) => x.version === v.version));
    const digests = pageDigest && operationDigests(model.operations, pageDigest, v.version as ApiVersion);
    const operationKey = (i: number) => {
      const d = groups && digests!.get(groups[i]!.identity);
      return d === undefined ? undefined : createHash('sha1').update(JSON.stringify([d, v.operations[i]!.findings])).digest('hex');
    };
    const { digest, members } = inputDigests(v, operationKey);
    let doc: Record<string, unknown> | undefined;
    let left = formats.length;
    const take = (): Record<string, unknown> => {
      const d = doc ?? openApiDocument(v, undefined, members).document;
      doc = --left > 0 ? d : undefined;
      return d;
    };
    for (const [name, render] of formats) files.set(`openapi/${v.version}.${name}`, { key: `openapi-${name}:${digest}`, render: () => render(take()) });
  }
  return files;
}
