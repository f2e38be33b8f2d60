/**
 * Issue 15, a lean rebuild: outputs rendered one at a time and streamed in pieces (same bytes as
 * whole texts), files known unchanged by their stamp never rendered, and a rebuild after one
 * page changed writes exactly what a cold build of the changed tree writes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { joinPieces, keyedEntries, keyedItems, type KeyedEntries, toJson, toJsonChunks, toJsonPieces, type Member } from '../src/util/order.js';
import { jsonToYaml, jsonToYamlChunks, jsonToYamlPieces } from '../src/emit/openapi/yaml.js';
import { writeOutputs, type OutputContent, type OutputStamp } from '../src/pipeline/output.js';
import { ROOT, filesOf, tempTree } from './helpers.js';
import { HeapBound } from '../src/util/heap.js';
import { emitModels, memoStructures, MEMBERWISE_MIN, planModels, printFile, printPlan, type PrintMemo } from '../src/emit/ts/models.js';
import { TsPrefetch } from '../src/pipeline/ts-prefetch.js';
import { TextMemo } from '../src/pipeline/text-memo.js';
import { StructureKind as MorphKind, type EnumDeclarationStructure, type SourceFileStructure } from 'ts-morph';
import { WorkerPrinter, type Printer } from '../src/emit/ts/printer.js';
import { StructureKind, tsMorph } from '../src/emit/ts/ts-morph.js';
import { emitOpenApi, openApiOutputs } from '../src/emit/openapi/index.js';
import { openApiDocument, type MemberDigests } from '../src/emit/openapi/document.js';
import type { NOperation, NType } from '../src/emit/openapi/neutral.js';
import { analyze } from '../src/pipeline/in-thread.js';
import { build } from '../src/index.js';
import { getHeapStatistics } from 'node:v8';
import { reconcile } from '../src/checks/engine.js';
import type { Finding, PageRule } from '../src/checks/types.js';
import { rule as descriptionEmpty } from '../src/checks/rules/description-empty.js';
import { opPage } from '../src/checks/fixture-pages.js';
import { UnitFindingMemo } from '../src/pipeline/finding-memo.js';
import { operationDigests } from '../src/model/unit-digests.js';
import { irDigest } from '../src/pipeline/digest.js';
import { reportData, reportDigest } from '../src/emit/reports/report-data.js';

const CLI = join(ROOT, 'dist/src/cli/main.js');

// First in the file: little garbage of other tests in the heap yet, which a collection could free and so hide the growth.
test('HeapBound: a full collection once the heap has grown by more than the slack, none below it; the collection frees the garbage', () => {
  const h = new HeapBound(32);
  const mb2 = (i: number) => new Array<number>(1 << 18).fill(i + 0.5); // 2 MB on the V8 heap (unboxed doubles)
  const junk = Array.from({ length: 32 }, (_, i) => mb2(i)); // 64 MB kept alive
  h.check();
  assert.equal(h.collections, 1);
  h.check();
  assert.equal(h.collections, 1); // no growth since
  for (let i = 0; i < 24; i++) junk.push(mb2(i)); // 48 MB more, all alive until here
  junk.length = 0; // 112 MB of garbage; nothing allocates until check()
  const before = getHeapStatistics().used_heap_size;
  h.check();
  assert.equal(h.collections, 2);
  assert.ok(getHeapStatistics().used_heap_size < before - 100 * 1048576, 'the garbage is gone');
});

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = ['', 'a', 'line\nbreak', 'quote " and \\', 'ü€😀', '  lead', 'x: y', '- item', '#', 'null', '0.5', '\u2028'];

/** Random JSON-ish values; `extras` adds what JSON.stringify drops or converts (undefined, functions, toJSON). */
function randomValue(r: () => number, depth: number, extras: boolean): unknown {
  const k = Math.floor(r() * (depth > 0 ? 10 : 6));
  switch (k) {
    case 0: return null;
    case 1: return r() < 0.5;
    case 2: return Math.floor(r() * 2000) - 1000 + (r() < 0.3 ? 0.25 : 0);
    case 3: return STRINGS[Math.floor(r() * STRINGS.length)]!;
    case 4: return extras ? [undefined, () => 1, new Date(0)][Math.floor(r() * 3)] : 'plain';
    case 5: return r() < 0.5 ? [] : {};
    case 6: case 7: return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth - 1, extras));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(r() * 5); i > 0; i--) o[STRINGS[Math.floor(r() * STRINGS.length)]! + i] = randomValue(r, depth - 1, extras);
      return o;
    }
  }
}

test('toJsonChunks gives toJson\'s bytes at every split depth: 3,000 random values (with undefined, functions, toJSON) and the committed model and report', () => {
  const r = rng(15);
  for (let i = 0; i < 3000; i++) {
    const v = randomValue(r, 5, true);
    if (v === undefined || typeof v === 'function') continue; // no output is ever those (toJson would say "undefined")
    for (const depth of [0, 1, 2, 3, 6]) assert.equal([...toJsonChunks(v, depth)].join(''), toJson(v), `value ${i} depth ${depth}`);
  }
  for (const f of ['generated/model.json', 'generated/reconciliation.json', 'generated/openapi/v1.0.json']) {
    const text = readFileSync(join(ROOT, f), 'utf8');
    const chunks = [...toJsonChunks(JSON.parse(text), 3)];
    assert.ok(chunks.length > 50, f); // really in pieces
    assert.equal(chunks.join(''), text, f);
  }
});

test('jsonToYamlChunks gives jsonToYaml\'s bytes: 3,000 random JSON values and the committed OpenAPI documents', () => {
  const r = rng(16);
  for (let i = 0; i < 3000; i++) {
    const v = randomValue(r, 5, false);
    for (const depth of [0, 1, 3]) assert.equal([...jsonToYamlChunks(v, depth)].join(''), jsonToYaml(v), `value ${i} depth ${depth}`);
  }
  for (const v of ['v1.0', 'beta']) {
    const doc = JSON.parse(readFileSync(join(ROOT, `generated/openapi/${v}.json`), 'utf8'));
    assert.equal([...jsonToYamlChunks(doc, 3)].join(''), readFileSync(join(ROOT, `generated/openapi/${v}.yaml`), 'utf8'));
  }
});

test('the writer: pieces are written whole; same bytes again are left alone; a file whose stamp matches is not even rendered, one touched since is', () => {
  const d = tempTree({});
  let renders = 0;
  const lazy = (text: string, key?: string): OutputContent => ({ key, render: () => { renders++; return text; } });
  const pieces = (parts: string[]): OutputContent => ({ render: () => { renders++; return parts.values(); } });
  const big = Array.from({ length: 3000 }, (_, i) => `piece ${i} ${'é'.repeat(i % 700)}\n`); // > 1 MB of UTF-8: several blocks
  const files = () => new Map<string, OutputContent>([['a.json', lazy('A', 'k1')], ['b.json', pieces(big)], ['c.txt', 'plain']]);

  const first = writeOutputs(d, files());
  // Every file gets a stamp; only a keyed one can ever match one (an unkeyed file's key is '').
  assert.deepEqual({ ...first, stamps: Object.entries(first.stamps).map(([f, st]) => `${f}:${st.key}`) }, { written: 3, unchanged: 0, removed: 0, stamps: ['a.json:k1', 'b.json:', 'c.txt:'] });
  assert.equal(readFileSync(join(d, 'b.json'), 'utf8'), big.join(''));
  assert.equal(renders, 2);
  const inode = statSync(join(d, 'b.json')).ino;

  // No stamps given: everything rendered and compared; nothing rewritten.
  renders = 0;
  const second = writeOutputs(d, files());
  assert.deepEqual([second.written, second.unchanged, renders], [0, 3, 2]);
  assert.equal(statSync(join(d, 'b.json')).ino, inode);

  // With the stamps: a.json (same key, size, mtime) is not rendered; a new key is.
  renders = 0;
  const stamps: Record<string, OutputStamp> = second.stamps;
  const third = writeOutputs(d, new Map<string, OutputContent>([['a.json', { key: 'k1', render: () => { throw new Error('rendered though unchanged'); } }], ['b.json', pieces(big)], ['c.txt', 'plain']]), { stamps });
  assert.deepEqual([third.written, third.unchanged, renders], [0, 3, 1]);
  const fourth = writeOutputs(d, new Map<string, OutputContent>([['a.json', lazy('A2', 'k2')], ['b.json', pieces(big)], ['c.txt', 'plain']]), { stamps: third.stamps });
  assert.equal(fourth.written, 1);
  assert.equal(readFileSync(join(d, 'a.json'), 'utf8'), 'A2');

  // Someone edits a.json (other bytes, other mtime): the stamp no longer matches, so it is rendered and restored.
  writeFileSync(join(d, 'a.json'), 'B2');
  utimesSync(join(d, 'a.json'), new Date(), new Date(Date.now() + 10_000));
  renders = 0;
  const fifth = writeOutputs(d, new Map<string, OutputContent>([['a.json', lazy('A2', 'k2')], ['b.json', 'different now'], ['c.txt', 'plain']]), { stamps: fourth.stamps });
  assert.deepEqual([fifth.written, fifth.unchanged, renders], [2, 1, 1]);
  assert.equal(readFileSync(join(d, 'a.json'), 'utf8'), 'A2');
  assert.equal(readFileSync(join(d, 'b.json'), 'utf8'), 'different now');
});

test('the writer: a streamed output is compared with its stamp\'s SHA-1 while the stamp holds, read back once it does not', () => {
  const d = tempTree({});
  const big = Array.from({ length: 3000 }, (_, i) => `piece ${i} ${'é'.repeat(i % 700)}\n`);
  const files = () => new Map<string, OutputContent>([['b.json', { render: () => big.values() }]]);
  const first = writeOutputs(d, files());
  assert.equal(first.stamps['b.json']!.sum, createHash('sha1').update(big.join('')).digest('hex'));
  // Its mtime moved (set to a whole second, which utimes can put back exactly): read back, the same bytes, left alone.
  const abs = join(d, 'b.json');
  const T = 1_700_000_000;
  utimesSync(abs, T, T);
  const second = writeOutputs(d, files(), { stamps: first.stamps });
  assert.deepEqual([second.written, second.unchanged, second.stamps['b.json']!.mtimeMs], [0, 1, T * 1000]);
  // Other bytes of the same size, that mtime put back: the stamp holds, so the file is not read and stays as it is.
  const tampered = readFileSync(abs);
  tampered[0] = 'Q'.charCodeAt(0);
  writeFileSync(abs, tampered);
  utimesSync(abs, T, T);
  const third = writeOutputs(d, files(), { stamps: second.stamps });
  assert.deepEqual([third.written, third.unchanged], [0, 1]);
  assert.equal(readFileSync(abs, 'utf8')[0], 'Q');
  // Its mtime moves again: the stamp no longer holds, the file is read back, found different and written again.
  utimesSync(abs, T, T + 10);
  const fourth = writeOutputs(d, files(), { stamps: third.stamps });
  assert.deepEqual([fourth.written, fourth.unchanged], [1, 0]);
  assert.equal(readFileSync(abs, 'utf8'), big.join(''));
  assert.equal(fourth.stamps['b.json']!.sum, first.stamps['b.json']!.sum);
});

test('the writer: keyed pieces (Member) the file in place holds are copied from it, not rendered; new ones are rendered; the bytes are always the joined text\'s', () => {
  const d = tempTree({});
  const abs = join(d, 'm.json');
  const rendered: string[] = [];
  // Texts of several sizes: multi-byte characters, one piece larger than the writer's 1 MB block and window.
  const textOf = (k: string) => k === 'big' ? `"${'ü'.repeat(700_000)}"` : `{ "k": ${JSON.stringify(k)}, "v": "${'é'.repeat(k.length * 3000)}" }`;
  const m = (k: string): Member => ({ key: k, text: () => { rendered.push(k); return textOf(k); } });
  const file = (keys: string[]): Map<string, OutputContent> => new Map([['m.json', { render: () => ['[\n', ...keys.flatMap((k, i) => [m(k), i < keys.length - 1 ? ',\n' : '\n']), ']\n'] }]]);
  const joined = (keys: string[]) => `[\n${keys.map(textOf).join(',\n')}\n]\n`;

  const first = writeOutputs(d, file(['a', 'big', 'ccc', 'dd']));
  assert.equal(readFileSync(abs, 'utf8'), joined(['a', 'big', 'ccc', 'dd']));
  assert.deepEqual(rendered, ['a', 'big', 'ccc', 'dd']);
  assert.deepEqual(first.stamps['m.json']!.members!.keys.split('\n'), ['a', 'big', 'ccc', 'dd']);

  // Reordered, one gone, one new: only the new one is rendered, the rest copied from the file in place.
  rendered.length = 0;
  const keys2 = ['dd', 'e', 'a', 'big'];
  const second = writeOutputs(d, file(keys2), { stamps: first.stamps });
  assert.deepEqual([rendered, second.written], [['e'], 1]);
  assert.equal(readFileSync(abs, 'utf8'), joined(keys2));
  const idx = second.stamps['m.json']!.members!;
  const bytes = readFileSync(abs);
  idx.keys.split('\n').forEach((k, i) => assert.equal(bytes.subarray(idx.at[2 * i]!, idx.at[2 * i]! + idx.at[2 * i + 1]!).toString('utf8'), textOf(k), k));
  assert.equal(second.stamps['m.json']!.sum, createHash('sha1').update(joined(keys2)).digest('hex'));

  // The same pieces again: nothing rendered, nothing written.
  rendered.length = 0;
  const third = writeOutputs(d, file(keys2), { stamps: second.stamps });
  assert.deepEqual([rendered, third.written, third.unchanged], [[], 0, 1]);

  // The file touched since (its stamp no longer holds): nothing is copied from it, every piece is rendered.
  const T = 1_700_000_000;
  utimesSync(abs, T, T);
  rendered.length = 0;
  const fourth = writeOutputs(d, file(['a', 'dd']), { stamps: third.stamps });
  assert.deepEqual(rendered, ['a', 'dd']);
  assert.equal(readFileSync(abs, 'utf8'), joined(['a', 'dd']));
  // Without stamps (no cache): every piece rendered.
  rendered.length = 0;
  writeOutputs(d, file(['dd', 'a']));
  assert.deepEqual(rendered, ['dd', 'a']);
  assert.ok(fourth.stamps['m.json']!.members);

  // Half a surrogate pair before a piece joins its first unit: written as the joined text, and that piece is not indexed.
  const pair = new Map<string, OutputContent>([['p.txt', { render: () => ['x\uD83D', { key: 'low', text: () => '\uDE00y' }, '-', { key: 'ok', text: () => 'z' }] }]]);
  const p = writeOutputs(d, pair);
  assert.equal(readFileSync(join(d, 'p.txt'), 'utf8'), 'x\u{1F600}y-z');
  assert.deepEqual(p.stamps['p.txt']!.members, { keys: 'ok', at: [7, 1] });
});

test('keyed items (model.json\'s documents and operation groups) are written as members whose texts are the lines toJson gives; anywhere else they are the plain array', () => {
  const items = [{ id: 'a', v: [1, { x: 'é' }] }, { id: 'b', v: [] }, { id: 'c', v: null }];
  for (const depth of [1, 2, 3]) {
    const v = { head: 1, list: keyedItems(items, (t) => (t.id === 'b' ? undefined : `k:${t.id}`), (t) => ({ ...t, n: t.id.length })), tail: [keyedItems([], () => 'never', (t) => t)] };
    const plain = JSON.parse(JSON.stringify(v)) as unknown;
    assert.deepEqual(plain, { head: 1, list: items.map((t) => ({ ...t, n: 1 })), tail: [[]] });
    const pieces = [...toJsonPieces(v, depth)];
    assert.equal(pieces.map((x) => (typeof x === 'string' ? x : x.text())).join(''), toJson(plain), `depth ${depth}`);
    assert.equal([...toJsonChunks(v, depth)].join(''), toJson(plain));
    // Split at its level (depth 2 and more), the keyed list's items with a key are members (b has none: written); at depth 1 it is one leaf.
    assert.deepEqual(pieces.filter((x): x is Member => typeof x !== 'string').map((x) => x.key), depth > 1 ? ['k:a', 'k:c'] : []);
  }
});

test('keyed entries (an OpenAPI document\'s path items and schemas) are written as members in JSON and YAML: the same bytes as the plain object, each keyed value\'s lines a member', () => {
  const entries = () => keyedEntries([['/a', { get: { x: 1, y: ['é', null] } }, 'k1'], ['/b', { post: {} }, undefined], ['/c', 'scalar', 'k3'], ['/d', undefined, 'k4'], ['/e', {}, 'k5'], ['/f', [1, { z: true }], 'k6']]);
  for (const depth of [1, 2, 3, 4]) {
    const v = { openapi: '3.1.0', paths: entries(), list: [{ inner: entries() }], none: keyedEntries([]) };
    const plain = JSON.parse(JSON.stringify(v)) as unknown;
    assert.equal(joinPieces(toJsonPieces(v, depth)), toJson(plain), `json depth ${depth}`);
    assert.equal(joinPieces(jsonToYamlPieces(v, depth)), jsonToYaml(plain), `yaml depth ${depth}`);
    // Split at the entries' level, the values with a key are members: in JSON every such value, in YAML the mappings and sequences (a scalar or empty value sits on its key's line).
    const keys = (pieces: Iterable<string | Member>) => [...pieces].filter((x): x is Member => typeof x !== 'string').map((x) => x.key);
    // `paths` is split from depth 2, the entries inside `list` (three levels down) from depth 4.
    const times = (k: string[]) => [...(depth >= 2 ? k : []), ...(depth >= 4 ? k : [])];
    assert.deepEqual(keys(toJsonPieces(v, depth)), times(['k1', 'k3', 'k5', 'k6']), `json depth ${depth}`);
    assert.deepEqual(keys(jsonToYamlPieces(v, depth)), times(['k1', 'k6']), `yaml depth ${depth}`);
  }
});

test('an OpenAPI path item\'s key names the component table it was made with: a type added elsewhere that its $ref now resolves to changes the key, though its operation did not change', () => {
  const at = { file: 'v1.0/api/x.md', line: 1, column: 1 };
  const perms = { delegated: [], application: [], unclassified: [], notSupported: [], notRequired: [], state: 'absent' as const };
  const op: NOperation = { key: 'GET /widgets', method: 'GET', path: '/widgets', pathParameters: [], pathAsWritten: '/widgets', query: [], responses: [{ code: 200, text: 'OK', src: at }], responseBody: { type: { name: 'widget', primitive: false, collection: false }, src: at }, noResponseBody: false, permissions: perms, src: at, choice: 'only-variant', otherVariants: [], findings: [] };
  const other: NType = { namespace: 'microsoft.graph.other', name: 'widget', kind: 'entity', properties: [], sources: [at] };
  const digests: MemberDigests = { operation: () => 'same input', type: (t) => t.name, enum: (e) => e.name };
  const pathKey = (types: NType[]) => {
    const doc = openApiDocument({ version: 'v1.0', operations: [op], types, enums: [] }, undefined, digests).document as { paths: KeyedEntries };
    const [[, item, key]] = doc.paths.entries as [string, { get: { responses: Record<string, { content: { 'application/json': { schema: { $ref: string } } } }> } }, string][];
    return { key, ref: item.get.responses['200']!.content['application/json'].schema.$ref };
  };
  // As many names declared before the operation either way (one type each): only the table tells them apart.
  const alone = pathKey([{ ...other, name: 'gadget' }]);
  const withType = pathKey([other]);
  // The operation is the same input; what its $ref names is not (a placeholder, then the other namespace's type).
  assert.deepEqual([alone.ref, withType.ref], ['#/components/schemas/microsoft.graph.widget', '#/components/schemas/microsoft.graph.other.widget']);
  assert.notEqual(alone.key, withType.key);
  assert.equal(pathKey([other]).key, withType.key);
});

/** A copy of the partial fixture tree, and a CLI build of it into an output folder. */
function fixtureTree(): { tree: string; dir: string; build: (out: string, ...extra: string[]) => string } {
  const dir = tempTree({});
  const tree = join(dir, 'api-reference');
  cpSync(join(ROOT, 'test/fixtures/partial/api-reference'), tree, { recursive: true });
  return {
    tree, dir,
    build: (o, ...extra) => {
      // The fixture, six pages copied from the corpus, stands for a whole tree (see tree-partial).
      const r = spawnSync(process.execPath, [CLI, 'build', tree, '--out', o, '--workers', '1', '--whole-tree', ...extra], { encoding: 'utf8' });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      return r.stdout;
    },
  };
}

const mtimes = (out: string) => new Map([...filesOf(out).keys()].map((f) => [f, statSync(join(out, f)).mtimeMs]));

test('a rebuild after one page changed writes the bytes of a cold build of the changed tree; every other output is left as it was; a TypeScript fact changed: still a cold build\'s bytes', () => {
  const { tree, dir, build } = fixtureTree();
  const out = join(dir, 'out');
  build(out);
  const before = mtimes(out);
  assert.equal([...before.keys()].filter((f) => f.startsWith('ir/')).length, 6); // one per page
  appendFileSync(join(tree, 'v1.0/api/user-get.md'), '\nSee [the missing page](../resources/nothere.md).\n');
  const said = build(out);
  const cold = join(dir, 'cold');
  build(cold, '--no-cache');
  assert.deepEqual(filesOf(out), filesOf(cold));
  // Written: that page's IR file and the four reports (a new link-broken finding; the model is the same); nothing else.
  const rewritten = [...before].filter(([f, mtime]) => statSync(join(out, f)).mtimeMs !== mtime).map(([f]) => f);
  assert.deepEqual(rewritten, ['ir/v1.0/api/user-get.json', 'reconciliation.html', 'reconciliation.json', 'reconciliation.md', 'reconciliation.sarif']);
  assert.match(said, /; 5 files written, \d+ unchanged, 0 removed/);
  // A fact the TypeScript prints (an operation's title and path): the rebuild prints those texts in its printer worker (ts-morph is not loaded in a fresh process); the bytes are still a cold build's.
  const page = join(tree, 'beta/api/user-list-manager.md');
  writeFileSync(page, readFileSync(page, 'utf8').replace(/^# (.+)$/m, '# $1 (renamed)').replace(/GET \/users\/\{id \| userPrincipalName\}\/manager/g, 'GET /users/{id}/managers'));
  assert.match(build(out), /files written/);
  rmSync(cold, { recursive: true });
  build(cold, '--no-cache');
  assert.deepEqual(filesOf(out), filesOf(cold));
  assert.match(filesOf(out).get('models/beta/operations.ts')!, /List manager \(renamed\)/);
});

test('a rebuild copies the keyed pieces of model.json and the OpenAPI documents from the files in place (their index read from the cache, as a fresh process does): only those the edit changed are rendered, and the bytes are a cold build\'s', async () => {
  const { tree, dir, build: cli } = fixtureTree();
  const out = join(dir, 'out');
  const once = () => build({ inputs: [tree], root: tree, out, workers: 1, wholeTree: true });
  const first = await once();
  // Nothing to copy from yet: every piece rendered (model.json's documents and groups, each OpenAPI file's path items and schemas).
  assert.equal(first.stats.pieces!.copied, 0);
  const page = 'beta/api/user-list-manager.md';
  writeFileSync(join(tree, page), readFileSync(join(tree, page), 'utf8').replace(/^# (.+)$/m, '# $1 (renamed)'));
  const second = await once();
  const m = second.analysis.model;
  const groups = m.operations.filter((g) => g.variants.some((v) => v.doc.file === page)).length;
  const beta = JSON.parse(readFileSync(join(out, 'openapi/beta.json'), 'utf8')) as { paths: Record<string, Record<string, { 'x-docmodel-source': { file: string } }>>; components: { schemas: Record<string, { 'x-docmodel-undefined'?: unknown }> } };
  const items = Object.values(beta.paths).filter((item) => Object.values(item).some((op) => op['x-docmodel-source'].file === page)).length;
  const schemas = Object.values(beta.components.schemas).filter((x) => !x['x-docmodel-undefined']).length;
  assert.deepEqual([groups, items], [3, 3]);
  // Rendered: the page's document and its three groups in model.json, its three path items in beta.yaml and beta.json (v1.0's files are not rendered at all).
  const total = m.documents.length + m.operations.length + 2 * (Object.keys(beta.paths).length + schemas);
  assert.deepEqual(second.stats.pieces, { copied: total - (1 + groups + 2 * items), rendered: 1 + groups + 2 * items });
  const cold = join(dir, 'cold');
  cli(cold, '--no-cache');
  assert.deepEqual(filesOf(out), filesOf(cold));
});

test('DOCMODEL_TIMING names the phases for what they time: the pages processed before the cache is read (all of them in a cold build) are their own phase, not the cache\'s', () => {
  const { tree, dir } = fixtureTree();
  const out = join(dir, 'out');
  const phases = (...extra: string[]) => {
    const r = spawnSync(process.execPath, [CLI, 'build', tree, '--out', out, '--workers', '1', ...extra], { encoding: 'utf8', env: { ...process.env, DOCMODEL_TIMING: '1' } });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const line = /^timing: (.*)$/m.exec(r.stderr)?.[1];
    assert.ok(line, r.stderr);
    return line.split(', ').map((p) => p.replace(/ [\d.]+s \(\d+ MB\)$/, ''));
  };
  const after = ['model', 'reconcile', 'policy+findings', 'ir+model json', 'typescript models', 'openapi', 'reports', 'write', 'cache save'];
  // A cold build (no TypeScript texts kept) plans the TypeScript files once the model is built, and waits for the worker's texts after the rules (see TsPrefetch).
  const cold = ['model', 'typescript plan', 'reconcile', 'policy+findings', 'typescript texts', 'ir+model json', 'typescript models', 'openapi', 'reports', 'write', 'cache save'];
  assert.deepEqual(phases(), ['list', 'stamps', 'changed pages', 'cached IRs', 'pages', ...cold]);
  assert.deepEqual(phases(), ['list', 'stamps', 'changed pages', 'same IRs']);
  appendFileSync(join(tree, 'v1.0/api/user-get.md'), '\nSee [the missing page](../resources/nothere.md).\n');
  assert.deepEqual(phases(), ['list', 'stamps', 'changed pages', 'cached IRs', 'pages', ...after]);
  // Without a cache every build is cold: its texts printed by the worker too (kept in memory only), the same files.
  const models = () => filesOf(join(out, 'models'));
  const cached = models();
  assert.deepEqual(phases('--no-cache').slice(-11), cold);
  assert.deepEqual(models(), cached);
});

test('a page whose file changed but whose facts did not: read again, nothing rendered or written, the build is up to date; a fact edit after it rebuilds as usual', () => {
  const { tree, dir, build } = fixtureTree();
  const out = join(dir, 'out');
  build(out);
  const before = mtimes(out);
  // A comment and blank lines at the end: the page's IR is the same.
  appendFileSync(join(tree, 'v1.0/api/user-get.md'), '\n\n<!-- reviewed by the docs team -->\n\n');
  assert.match(build(out), /^docmodel: 1 page\(s\) changed \(v1\.0\/api\/user-get\.md\) but none of their facts did; .* is up to date/);
  assert.deepEqual(mtimes(out), before);
  // Its new stamps were recorded: not read again.
  assert.match(build(out), /^docmodel: no page changed since the last build; /);
  const cold = join(dir, 'cold');
  build(cold, '--no-cache');
  assert.deepEqual(filesOf(out), filesOf(cold));
  // A fact changes: a full rebuild, the bytes of a cold build.
  const page = join(tree, 'v1.0/api/user-get.md');
  writeFileSync(page, readFileSync(page, 'utf8').replace('## Permissions', '## Permissions\n\nOne of the following permissions is required to call this API.'));
  assert.match(build(out), /files written/);
  const cold2 = join(dir, 'cold2');
  build(cold2, '--no-cache');
  assert.deepEqual(filesOf(out), filesOf(cold2));
});

test('the last build is reused only while the file system answers the rules as it did: a linked fragment (not a page) deleted is a rebuild with its link-broken finding', () => {
  const { tree, dir, build } = fixtureTree();
  // Fragments under includes/ are not pages: no page changes when one comes or goes.
  writeFileSync(join(tree, 'includes/note.md'), 'A note.\n');
  appendFileSync(join(tree, 'v1.0/api/user-get.md'), '\nSee [the note](../../includes/note.md) and [the old note](../../includes/old-note.md).\n');
  const out = join(dir, 'out');
  build(out);
  const broken = () => (JSON.parse(readFileSync(join(out, 'reconciliation.json'), 'utf8')) as { findings: { rule: string; message: string }[] }).findings
    .filter((f) => f.rule === 'link-broken' && /includes/.test(f.message)).map((f) => f.message).sort();
  assert.deepEqual(broken(), ['Link target ../../includes/old-note.md does not exist']);
  assert.match(build(out), /no page changed since the last build/);
  // The missing target appears, the present one goes: no page changed, yet both answers did.
  writeFileSync(join(tree, 'includes/old-note.md'), 'An old note.\n');
  rmSync(join(tree, 'includes/note.md'));
  assert.match(build(out), /files written/);
  assert.deepEqual(broken(), ['Link target ../../includes/note.md does not exist']);
  const cold = join(dir, 'cold');
  build(cold, '--no-cache');
  assert.deepEqual(filesOf(out), filesOf(cold));
});

test('the last build is reused only while its outputs are as it wrote them, where it wrote them: an output edited or removed by hand, or the folder moved, is a rebuild', () => {
  const { dir, build } = fixtureTree();
  const out = join(dir, 'out');
  build(out);
  assert.match(build(out), /no page changed since the last build/);
  const cold = join(dir, 'cold');
  build(cold, '--no-cache');
  // Edited by hand (same size): written again.
  const model = join(out, 'model.json');
  writeFileSync(model, readFileSync(model, 'utf8').replace('"modelVersion"', '"modelVersioN"'));
  assert.match(build(out), /; 1 files written, \d+ unchanged, 0 removed/);
  assert.deepEqual(filesOf(out), filesOf(cold));
  // Removed: written again.
  rmSync(join(out, 'reconciliation.md'));
  assert.match(build(out), /; 1 files written, /);
  assert.deepEqual(filesOf(out), filesOf(cold));
  // The folder moved (its reports link to the pages from there): a rebuild, not "up to date".
  const moved = join(dir, 'moved');
  renameSync(out, moved);
  assert.match(build(moved), /files written/);
  assert.match(build(moved), /no page changed since the last build/);
});

test('TypeScript printed once per statement: with a memo, statements (and members of the operation maps) whose structure did not change are taken from it, and every file is what printing it whole gives', () => {
  const { tree } = fixtureTree();
  const texts = new Map<string, string>();
  let printedNow: string[] = [];
  const memo: PrintMemo = { get: (k) => texts.get(k), set: (k, t) => { texts.set(k, t); printedNow.push(t); } };
  const model0 = analyze([tree]).model;
  const first = emitModels(model0, memo);
  assert.deepEqual(first.files, emitModels(model0).files);
  // Each distinct statement printed once: as many texts as prints.
  assert.equal(texts.size, printedNow.length);
  assert.ok(texts.size > first.files.size, 'a statement at a time, not a file');
  printedNow = [];
  assert.deepEqual(emitModels(analyze([tree]).model, memo).files, first.files);
  assert.equal(printedNow.length, 0, 'nothing printed again');
  // A beta operation page changes (its title and path): only what that operation's statements print is printed again, and every file equals a print without the memo.
  const page = join(tree, 'beta/api/user-list-manager.md');
  writeFileSync(page, readFileSync(page, 'utf8').replace(/^# (.+)$/m, '# $1 (renamed)').replace(/GET \/users\/\{id \| userPrincipalName\}\/manager/g, 'GET /users/{id}/managers'));
  const model = analyze([tree]).model;
  const changed = emitModels(model, memo);
  assert.deepEqual(changed.files, emitModels(model).files);
  assert.notEqual(changed.files.get('beta/operations.ts'), first.files.get('beta/operations.ts'));
  assert.ok(printedNow.length >= 1 && printedNow.length <= 2, `printed again: ${printedNow.length}`);
  assert.ok(printedNow.every((t) => t.includes('/users/{users-id}/managers') || t.includes('(renamed)')), printedNow.join('\n---\n'));
  for (const [rel, text] of changed.files) if (rel.startsWith('v1.0/')) assert.equal(text, first.files.get(rel), rel);
});

test('memoStructures lists what printFile asks the memo for, in its order: each statement, a member-wise interface\'s shell and members, a file not composed a statement at a time whole', () => {
  const { tree } = fixtureTree();
  const plan = planModels(analyze([tree]).model);
  const prop = (i: number) => ({ name: `p${i}`, type: 'string', hasQuestionToken: true });
  const wide = { kind: StructureKind.Interface, name: 'Wide', isExported: true, properties: Array.from({ length: MEMBERWISE_MIN + 6 }, (_, i) => prop(i)) } as const;
  const alias = { kind: StructureKind.TypeAlias, name: 'A', type: 'string', isExported: true } as const;
  const fn: EnumDeclarationStructure = { kind: MorphKind.Enum, name: 'E', members: [{ name: 'a' }] };
  const files: SourceFileStructure[] = [...plan.files.map(([, f]) => f), { kind: StructureKind.SourceFile, statements: [wide, alias] }, { kind: StructureKind.SourceFile, statements: [alias, fn] }];
  for (const file of files) {
    const asked: string[] = [];
    printFile(file, { get: (k) => { asked.push(k); return undefined; }, set: () => {} });
    assert.deepEqual(asked, [...memoStructures(file)].map(([k]) => k));
  }
  // The wide interface: its shell and each of its members; the file with an enum declaration (a kind printFile does not compose): the file alone.
  assert.equal([...memoStructures(files.at(-2)!)].length, 1 + MEMBERWISE_MIN + 6 + 1);
  assert.equal([...memoStructures(files.at(-1)!)].length, 1);
});

test('a cold build\'s TypeScript texts printed by a worker while the rules run (TsPrefetch): through the memo it filled, the plan prints nothing more in this thread, and the files are emitModels\'; without the worker\'s texts, the thread prints them', async () => {
  const { tree, dir } = fixtureTree();
  const model = analyze([tree]).model;
  const whole = emitModels(model).files;
  const strictly = (memo: TextMemo): PrintMemo => ({ get: (k) => memo.get(k), set: () => { throw new Error('printed in this thread'); } });
  const memo = new TextMemo(join(dir, 'a.v8'));
  const prefetch = new TsPrefetch(memo);
  prefetch.start();
  prefetch.plan(model);
  const plan = await prefetch.finish(model);
  assert.ok(plan);
  assert.deepEqual(printPlan(plan, strictly(memo)).files, whole);
  // Its plan is for the model it was made from only.
  const other = new TsPrefetch(new TextMemo(join(dir, 'b.v8')));
  other.start();
  other.plan(model);
  assert.equal(await other.finish(analyze([tree]).model), undefined);
  // The worker closed before its texts came: none in the memo, the thread prints them, the same files.
  const closed = new TextMemo(join(dir, 'c.v8'));
  const gone = new TsPrefetch(closed);
  gone.start();
  gone.plan(model);
  gone.close();
  const again = await gone.finish(model);
  assert.ok(again);
  assert.throws(() => printPlan(again, strictly(closed)), /printed in this thread/);
  assert.deepEqual(printPlan(again, closed).files, whole);
});

test('TypeScript texts the memo lacks printed by a worker (a rebuild\'s printer): the files are those printed in this thread; past its limit of texts, for a structure it cannot print, or once closed, it declines and the thread prints', () => {
  const { tree } = fixtureTree();
  const model = analyze([tree]).model;
  const whole = emitModels(model).files;
  const printer = new WorkerPrinter(5);
  printer.start();
  let remote = 0;
  let declined = 0;
  const counting: Printer = { print: (json) => { const t = printer.print(json); if (t === undefined) declined++; else remote++; return t; } };
  const texts = new Map<string, string>();
  const memo: PrintMemo = { get: (k) => texts.get(k), set: (k, t) => { texts.set(k, t); } };
  try {
    assert.deepEqual(emitModels(model, memo, counting).files, whole);
    // Every text the memo lacked was asked of the worker: the first five (its limit) printed there, the rest here.
    assert.equal(remote + declined, texts.size);
    assert.equal(remote, 5);
    assert.ok(declined > 0);
  } finally {
    printer.close();
  }
  // A structure ts-morph rejects is declined (the thread prints it and throws ts-morph's own error); so is anything once closed.
  const fresh = new WorkerPrinter();
  fresh.start();
  try {
    assert.equal(fresh.print(JSON.stringify({ kind: 9999, name: 'X' })), undefined);
    const alias = { kind: StructureKind.TypeAlias, name: 'A', type: 'string', isExported: true } as const;
    assert.equal(fresh.print(JSON.stringify(alias)), 'export type A = string;');
    assert.equal(fresh.print(JSON.stringify(alias)), tsMorph().printStructure(alias));
  } finally {
    fresh.close();
  }
  assert.equal(fresh.print(JSON.stringify({ kind: StructureKind.TypeAlias, name: 'A', type: 'string' })), undefined);
});

test('OpenAPI files are keyed by their version\'s input: a beta edit changes the beta keys only, and files with one key have one text; within a file, the edit changes the key of its path item alone — with operations named by their JSON or by their group digests', () => {
  for (const byDigest of [false, true]) {
    const { tree } = fixtureTree();
    const outputs = (extra: Finding[] = []) => {
      const a = analyze([tree]);
      const findings = [...a.findings, ...extra];
      const plain = emitOpenApi(a.model, findings).files;
      const pages = new Map(a.pages.map((p) => [p.file, irDigest(p)]));
      if (byDigest) assert.equal(operationDigests(a.model.operations, (f) => pages.get(f)).size, a.model.operations.length);
      return new Map([...openApiOutputs(a.model, findings, byDigest ? (f) => pages.get(f) : undefined)].map(([rel, f]) => {
        const pieces = [...f.render()];
        // The keyed pieces joined are the text of the document made without keys.
        assert.equal(joinPieces(pieces), plain.get(rel), rel);
        const members = pieces.filter((x): x is Member => typeof x !== 'string');
        return [rel, { key: f.key, text: joinPieces(pieces), members: members.map((m) => m.key) }];
      }));
    };
    const first = outputs();
    assert.deepEqual([...first.keys()], ['openapi/beta.yaml', 'openapi/beta.json', 'openapi/v1.0.yaml', 'openapi/v1.0.json']);
    // Every path item and every schema of a type or enum is a keyed piece (the fixture's one placeholder schema is not).
    const beta = JSON.parse(first.get('openapi/beta.json')!.text) as { paths: object; components: { schemas: Record<string, { 'x-docmodel-undefined'?: unknown }> } };
    const placeholders = Object.values(beta.components.schemas).filter((x) => x['x-docmodel-undefined']).length;
    assert.equal(first.get('openapi/beta.json')!.members.length, Object.keys(beta.paths).length + Object.keys(beta.components.schemas).length - placeholders);
    assert.deepEqual(outputs(), first);
    /** The members of each file that are not among `was`'s (new keys). */
    const changed = (now: typeof first, was: typeof first) => new Map([...now].map(([rel, f]) => [rel, f.members.filter((k) => !new Set(was.get(rel)!.members).has(k)).length]));
    // A finding on one operation, nothing else changed: the key of its path item changes (its x-docmodel-findings), and no other.
    const v1 = JSON.parse(first.get('openapi/v1.0.json')!.text) as { paths: Record<string, Record<string, { 'x-docmodel-findings'?: unknown[] }>> };
    const [path, item] = Object.entries(v1.paths).find(([, it]) => Object.values(it).every((op) => !op['x-docmodel-findings']))!;
    const method = Object.keys(item)[0]!.toUpperCase();
    const group = analyze([tree]).model.operations.find((g) => g.method === method && g.path === path)!;
    const inBeta = group.variants.some((v) => v.version === 'beta') ? 1 : 0;
    const noted = outputs([{ rule: 'test-rule', severity: 'info', context: 'variant', subject: group.key, field: 'x', message: 'a finding', sides: [], fingerprint: '0123456789abcdef' }]);
    // Findings are the operation's, whatever the version: its beta item (the fixture's has one) changes too.
    assert.equal(inBeta, 1);
    assert.deepEqual(Object.fromEntries(changed(noted, first)), { 'openapi/beta.yaml': inBeta, 'openapi/beta.json': inBeta, 'openapi/v1.0.yaml': 1, 'openapi/v1.0.json': 1 });
    assert.notEqual(noted.get('openapi/v1.0.json')!.key, first.get('openapi/v1.0.json')!.key);
    // A beta page's title (its operation's summary) changes: only beta's files change, and their keys with them.
    const page = join(tree, 'beta/api/user-list-manager.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/^# (.+)$/m, '# $1 (renamed)'));
    const second = outputs();
    // The page's request lines: the path items whose operations it documents (three in this fixture).
    const ofPage = Object.values(beta.paths as Record<string, Record<string, { 'x-docmodel-source': { file: string } }>>)
      .filter((it) => Object.values(it).some((op) => op['x-docmodel-source'].file === 'beta/api/user-list-manager.md')).length;
    assert.equal(ofPage, 3);
    const news = changed(second, first);
    for (const [rel, f] of second) {
      const isBeta = rel.startsWith('openapi/beta.');
      assert.equal(f.key === first.get(rel)!.key, !isBeta, rel);
      assert.equal(f.text === first.get(rel)!.text, !isBeta, rel);
      // In a beta file the keys of those path items changed, and no other; none elsewhere.
      assert.equal(news.get(rel), isBeta ? ofPage : 0, rel);
      assert.equal(f.members.length, first.get(rel)!.members.length, rel);
    }
  }
});

test('page rules run only on the pages whose facts changed: the memo (kept on disk) answers for the others, with the findings of a run without it', () => {
  const page = (title: string, description: string) => `---\ntitle: "${title}"\ndescription: "${description}"\n---\n` + opPage(title, 'GET', `/${title.toLowerCase().replace(/ /g, '')}/{id}`);
  const files = { 'v1.0/api/a.md': page('Get apple', ''), 'v1.0/api/b.md': page('Get banana', 'Read a banana.'), 'v1.0/api/c.md': page('Get cherry', 'Read a cherry.') };
  const dir = tempTree(files);
  const calls: string[] = [];
  const counting: PageRule = { ...descriptionEmpty, check(i) { calls.push(i.pages[0]!.file); return descriptionEmpty.check.call(this, i); } };
  const run = (memo?: UnitFindingMemo) => {
    const a = analyze([dir]);
    memo?.beginRun(new Map(a.pages.map((p) => [p.file, irDigest(p)])));
    calls.length = 0;
    return reconcile({ model: a.model, pages: a.model.documents, tree: { exists: () => undefined, absOf: () => undefined } }, [counting], {}, { pages: memo });
  };
  const memoFile = join(dir, 'memo', 'page-findings.v8');
  const first = new UnitFindingMemo(memoFile);
  const r1 = run(first);
  assert.deepEqual(calls, ['v1.0/api/a.md', 'v1.0/api/b.md', 'v1.0/api/c.md']);
  assert.deepEqual(r1.map((f) => `${f.rule} ${f.subject}`), ['description-empty v1.0/api/a.md']);
  first.save();
  // Another process: the memo is read from its file; no page changed, the rule runs on none.
  const r2 = run(new UnitFindingMemo(memoFile));
  assert.deepEqual(calls, []);
  assert.deepEqual(r2, r1);
  // b's description emptied, a's filled: the rule runs on those two pages only; the findings are a plain run's.
  writeFileSync(join(dir, 'v1.0/api/b.md'), page('Get banana', ''));
  writeFileSync(join(dir, 'v1.0/api/a.md'), page('Get apple', 'Read an apple.'));
  const second = new UnitFindingMemo(memoFile);
  const r3 = run(second);
  assert.deepEqual(calls, ['v1.0/api/a.md', 'v1.0/api/b.md']);
  assert.deepEqual(r3.map((f) => `${f.rule} ${f.subject}`), ['description-empty v1.0/api/b.md']);
  assert.deepEqual(r3, run());
  second.save();
  // In memory (a watch): what a run does to its findings cannot reach the memo.
  r3[0]!.sides[0]!.value = 'changed by a caller';
  const r4 = run(second);
  assert.deepEqual(calls, []);
  assert.deepEqual(r4, run());
  // A memo file whose bytes do not match its checksum is an empty memo: every page is checked again.
  const bytes = readFileSync(memoFile);
  bytes[bytes.length >> 1] ^= 0xff; // inside the sealed bytes (the bulk of the file)
  writeFileSync(memoFile, bytes);
  run(new UnitFindingMemo(memoFile));
  assert.equal(calls.length, 3);
});

test('a side-by-side table\'s rows are made when first read: the key needs none; they read as plain data in their place (JSON, spread, assignment), the same as made at once', () => {
  const { tree } = fixtureTree();
  const a = analyze([tree]);
  const data = reportData(a.model, a.findings, '0.0.0-test');
  assert.ok(data.groups.length > 0);
  const unread = (g: object, k: string) => Object.getOwnPropertyDescriptor(g, k)!.get !== undefined;
  const byFile = new Map(a.pages.map((p) => [p.file, irDigest(p)]));
  assert.ok(reportDigest(a.model, data, (f) => byFile.get(f), null));
  assert.ok(data.groups.every((g) => unread(g, 'fields') && unread(g, 'bodyProperties')), 'the key read no rows');
  const g = data.groups[0]!;
  assert.deepEqual(Object.keys(g), ['key', 'pages', 'fields', 'bodyProperties', 'findings']);
  const fields = g.fields;
  assert.ok(fields.length > 0);
  assert.ok(!unread(g, 'fields') && unread(g, 'bodyProperties'), 'read once, a data property');
  assert.equal(g.fields, fields);
  assert.deepEqual(Object.keys({ ...g }), ['key', 'pages', 'fields', 'bodyProperties', 'findings']);
  // The same rows in the data of a second call (one model): made once per group.
  assert.equal(reportData(a.model, a.findings, '0.0.0-test').groups[0]!.fields, fields);
  // JSON as if every row were plain data from the start.
  const fresh = reportData(a.model, a.findings, '0.0.0-test').groups;
  assert.ok(fresh.every((x) => unread(x, 'fields')), 'not read before');
  const text = JSON.stringify(fresh);
  assert.ok(fresh.every((x) => !unread(x, 'fields') && !unread(x, 'bodyProperties')), 'serializing read them');
  assert.equal(text, JSON.stringify(fresh.map((x) => ({ key: x.key, pages: x.pages, fields: x.fields, bodyProperties: x.bodyProperties, findings: x.findings }))));
  g.bodyProperties = [];
  assert.deepEqual(g.bodyProperties, []);
});

test('the reports are keyed by what they are rendered from: a fact edit outside every multi-page group with no finding changed keeps the key (and the report data is the same); an edit to a page of a side-by-side table changes it; each rebuild gives the bytes of a cold build', () => {
  const { tree, dir, build } = fixtureTree();
  const digestOf = (a: ReturnType<typeof analyze>) => {
    const byFile = new Map(a.pages.map((p) => [p.file, irDigest(p)]));
    return (file: string) => byFile.get(file);
  };
  const state = () => {
    const a = analyze([tree]);
    const data = reportData(a.model, a.findings, '0.0.0-test');
    return { data: JSON.stringify(data), key: reportDigest(a.model, data, digestOf(a), { reportDir: '..' }), ir: new Map(a.pages.map((p) => [p.file, irDigest(p)])) };
  };
  const out = join(dir, 'out');
  build(out);
  const s0 = state();
  assert.ok(s0.key);
  // The user resource page is in no side-by-side table: a property's new description (a fact of the type) changes no finding.
  const single = join(tree, 'v1.0/resources/user.md');
  writeFileSync(single, readFileSync(single, 'utf8').replace('|aboutMe|String|A freeform text entry field', '|aboutMe|String|A free-form text field'));
  const s1 = state();
  assert.notEqual(s1.ir.get('v1.0/resources/user.md'), s0.ir.get('v1.0/resources/user.md'), 'the page\'s facts changed');
  assert.ok(s1.data === s0.data, 'the report data is the same');
  assert.equal(s1.key, s0.key);
  const before = mtimes(out);
  build(out);
  build(join(dir, 'cold1'), '--no-cache');
  assert.deepEqual(filesOf(out), filesOf(join(dir, 'cold1')));
  assert.deepEqual([...before].filter(([f, m]) => statSync(join(out, f)).mtimeMs !== m).map(([f]) => f), ['ir/v1.0/resources/user.json', 'model.json', 'models/v1.0/microsoft.graph.ts', 'openapi/v1.0.json', 'openapi/v1.0.yaml']);
  // The beta manager page is a column of a side-by-side table: its title is in the reports.
  const paired = join(tree, 'beta/api/user-list-manager.md');
  writeFileSync(paired, readFileSync(paired, 'utf8').replace(/^# (.+)$/m, '# $1 (renamed)'));
  const s2 = state();
  assert.ok(s2.data !== s1.data, 'the report data changed');
  assert.notEqual(s2.key, s1.key);
  build(out);
  build(join(dir, 'cold2'), '--no-cache');
  assert.deepEqual(filesOf(out), filesOf(join(dir, 'cold2')));
});
