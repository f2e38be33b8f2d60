/**
 * Corpus checks of issue 13: the 2021-07 OpenAPI export (v1.0 and beta) validates with 0
 * errors and its openapi-typescript output compiles under --strict; `docmodel metadata` on the
 * 2020-05 docs vs the metadata of the next day runs, every finding is located on both sides
 * where the rule has both, and the model is the same with and without the metadata.
 * Skips with a message when ../shared is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeParallel } from '../src/pipeline/pipeline.js';
import { emitOpenApi } from '../src/emit/openapi/index.js';
import { serializeModel } from '../src/model/serialize.js';
import { parseCsdl } from '../src/sources/csdl/csdl.js';
import { parseScopeCatalogue } from '../src/sources/csdl/scopes.js';
import { docsFromModel } from '../src/checks/metadata/from-model.js';
import { compareMetadata } from '../src/checks/metadata/run.js';
import { CORPUS_SKIP, corpusTree, tempTree, typecheck } from './helpers.js';
import { metadataDir } from '../bench/corpus.js';
import { openapiTypescript, validate } from './openapi-helpers.js';

const tree2021 = corpusTree('2021-07');
const tree2020 = corpusTree('2020-05');
const meta = tree2020 ? metadataDir() : undefined;

test('2021-07 corpus: the OpenAPI export of v1.0 and beta validates with 0 errors; openapi-typescript output compiles', { skip: tree2021 ? false : CORPUS_SKIP, timeout: 30 * 60_000 }, async () => {
  const a = await analyzeParallel([tree2021!]);
  const out = emitOpenApi(a.model, a.findings);
  const files: Record<string, string> = {};
  for (const v of ['v1.0', 'beta']) {
    const doc = out.documents.get(v) as Record<string, any>;
    assert.ok(Object.keys(doc.paths).length > 1000, `${v}: ${Object.keys(doc.paths).length} paths`);
    assert.deepEqual(await validate(JSON.parse(out.files.get(`openapi/${v}.json`)!)), { valid: true, errors: undefined }, v);
    // Provenance is relative to the docs root, never absolute.
    assert.ok(!out.files.get(`openapi/${v}.json`)!.includes(tree2021!), `${v}: absolute path in the export`);
    files[`${v.replace('.', '_')}.ts`] = await openapiTypescript(doc);
  }
  const r = typecheck(tempTree(files));
  assert.equal(r.status, 0, r.output.slice(0, 4000));
});

test('2020-05 corpus vs its metadata: findings located on both sides, counts per rule, model unchanged', { skip: tree2020 && meta ? false : `${CORPUS_SKIP}; or ../shared/metadata/graph-metadata-2020-05.tar.gz absent`, timeout: 30 * 60_000 }, async () => {
  const a = await analyzeParallel([tree2020!]);
  const before = JSON.stringify(serializeModel(a.model));
  const csdl = parseCsdl(readFileSync(join(meta!, 'v1.0.csdl.xml'), 'utf8'), 'v1.0.csdl.xml');
  const scopes = parseScopeCatalogue(readFileSync(join(meta!, 'permission-scopes-v1.0.xml'), 'utf8'), 'permission-scopes-v1.0.xml');
  const r = compareMetadata(docsFromModel(a.model, 'v1.0'), csdl, scopes);
  assert.equal(JSON.stringify(serializeModel(a.model)), before, 'the comparison changed the model');
  assert.ok(r.summary.docs.types > 500 && r.summary.metadata.types > 700, JSON.stringify(r.summary));
  for (const f of r.findings) {
    assert.ok(f.docs || f.metadata, f.message);
    if (f.docs) assert.ok(f.docs.line >= 1 && !f.docs.file.startsWith('/'), f.message);
    if (f.metadata) assert.ok(f.metadata.line >= 1 && f.metadata.element, f.message);
  }
  // Every property-level rule fires on this snapshot (each was hand-checked: test/precision/metadata-handcheck.md).
  for (const id of ['metadata-property-missing', 'metadata-property-type-differs', 'metadata-property-collection-differs', 'metadata-property-nullable-differs', 'metadata-navigation-kind-differs', 'metadata-base-type-differs', 'metadata-enum-member-missing', 'metadata-operation-missing', 'metadata-permission-unknown']) {
    assert.ok(r.summary.byRule[id]! > 0, `${id} found nothing`);
  }
});
