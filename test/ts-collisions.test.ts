/**
 * Generated TypeScript always compiles (issue 14): the structural collisions found by hostile
 * pages, each reproduced with its diagnostic, and a property-based test (fast-check) that
 * generates random hostile models — reserved and colliding namespace names, inheritance cycles,
 * enums as bases, aliases shaped like values constants, repeated path parameters — and asserts
 * that `tsc --strict` accepts every output. All models go to one tsc run (one folder each).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { ApiModel, EnumModel, MergedProperty, OperationGroup, OperationVariant, TypeModel } from '../src/model/types.js';
import type { Document } from '../src/model/schema.js';
import type { ApiVersion, Src, TypeRef } from '../src/sources/graph-markdown/ir/schema.js';
import { emptyPageIR } from '../src/sources/graph-markdown/extract/index.js';
import { emitModels, printFile, MEMBERWISE_MIN, type EmitResult } from '../src/emit/ts/models.js';
import { docText, stringLiteral } from '../src/emit/ts/safe.js';
import { uniqueNames, namespaceFile } from '../src/emit/ts/sanitize.js';
import { typecheck, tempDir } from './helpers.js';
import { createRequire } from 'node:module';
import { StructureKind } from '../src/emit/ts/ts-morph.js';

const src = (line = 1): Src => ({ file: 'p.md', line, column: 1 });
const DOC = emptyPageIR('p.md', 'markdown') as unknown as Document;

function ref(name: string, collection = false, primitive = false): TypeRef {
  return { raw: name, name, primitive, collection };
}

function type(version: ApiVersion, namespace: string, name: string, base?: string, props: [string, TypeRef][] = []): TypeModel {
  return {
    version, namespace, name, kind: 'entity', kindFrom: 'annotation', ...(base ? { baseType: { name: base, from: 'inherits-text', src: src(2) } } : {}),
    properties: props.map(([n, t]): MergedProperty => ({ name: n, navigation: false, sources: [{ doc: DOC, origin: 'resource', type: t, description: '', nullable: null, readOnly: false, required: null, src: src(3) }] })),
    sources: [{ doc: DOC, origin: 'resource', spelledAs: name, src: src() }],
  };
}

function enumModel(version: ApiVersion, namespace: string, name: string, members: string[]): EnumModel {
  return { version, namespace, name, members: members.map((m) => ({ name: m, description: '', src: src(4) })), sources: [{ doc: DOC, src: src(4) }] } as EnumModel;
}

function operation(version: ApiVersion, method: string, path: string, params: string[]): OperationGroup {
  const doc = { ...(emptyPageIR(`op-${path.length}.md`, 'markdown') as unknown as Document), apiVersion: { value: version, evidence: [] } };
  const op = { method, path, key: `${method} ${path}`, pathParameters: params.map((name) => ({ name, alternatives: [] })), fromExample: false, src: src(5) };
  doc.operations = [op];
  const variant = {
    doc, operation: op, version, title: null, path, pathParameters: op.pathParameters, fromExample: false, primary: true, workload: false,
    nationalClouds: [], requestHeaders: [], queryParameters: [], src: src(5),
  } as unknown as OperationVariant;
  return { key: op.key, identity: op.key.toLowerCase(), method, path, parameters: params, variants: [variant], primary: [{ version, document: doc.file, reason: 'only' }], aliases: [] } as OperationGroup;
}

function model(types: TypeModel[], enums: EnumModel[] = [], operations: OperationGroup[] = []): ApiModel {
  return { documents: [DOC], types, enums, operations, diagnostics: [] };
}

/** Every model's files in its own folder; one tsc run for all. */
function typecheckAll(outs: EmitResult[]): { status: number | null; output: string } {
  const dir = tempDir('collide');
  outs.forEach((out, i) => {
    for (const [rel, text] of out.files) {
      mkdirSync(join(dir, `m${i}`, rel, '..'), { recursive: true });
      writeFileSync(join(dir, `m${i}`, rel), text);
    }
  });
  return typecheck(dir);
}

const rules = (out: EmitResult) => out.diagnostics.map((d) => d.rule).sort();

test('issue 14: structural collisions are resolved with a diagnostic, and the models compile', () => {
  const v: ApiVersion = 'v1.0';
  const cases: [string, ApiModel, (o: EmitResult) => void][] = [
    ['namespaces named operations and index do not overwrite those files', model([
      type(v, 'operations', 'thing', undefined, [['a', ref('String', false, true)]]), type(v, 'index', 'other'), type(v, 'microsoft.graph', 'user', undefined, [['t', ref('thing')]]),
    ], [], [operation(v, 'GET', '/users/{id}', ['id'])]), (o) => {
      assert.ok(o.files.has('v1.0/operations~ns.ts') && o.files.has('v1.0/index~ns.ts'));
      assert.match(o.files.get('v1.0/operations.ts')!, /export interface Operations/);
      assert.match(o.files.get('v1.0/index.ts')!, /operations~ns\.js/);
      assert.deepEqual(rules(o), ['ts-namespace-file-renamed', 'ts-namespace-file-renamed']);
    }],
    ['mutual inheritance', model([type(v, 'microsoft.graph', 'a', 'b', [['x', ref('String', false, true)]]), type(v, 'microsoft.graph', 'b', 'a', [['x', ref('Int32', false, true)]])]), (o) => {
      assert.deepEqual(rules(o), ['type-inheritance-cycle', 'type-inheritance-cycle']);
      assert.doesNotMatch(o.files.get('v1.0/microsoft.graph.ts')!, /extends/);
    }],
    ['a resource inheriting from an enum', model([type(v, 'microsoft.graph', 'thing', 'color', [['x', ref('String', false, true)]])], [enumModel(v, 'microsoft.graph', 'color', ['red'])]), (o) => {
      assert.deepEqual(rules(o), ['type-base-not-interface']);
    }],
    ['an import alias colliding with an enum values constant', model([
      type(v, 'microsoft.graph', 'user', undefined, [['c', ref('thing')]]), type(v, 'x.colorValues', 'thing'),
    ], [enumModel(v, 'microsoft.graph', 'color', ['red'])]), (o) => {
      const text = o.files.get('v1.0/microsoft.graph.ts')!;
      assert.match(text, /export const colorValues/);
      assert.match(text, /import type \* as colorValues2 from "\.\/x\.colorValues\.js"/);
    }],
    ['duplicate path parameter names (id_2 twice)', model([], [], [operation(v, 'GET', '/a/{id}/b/{id}/c/{id_2}', ['id', 'id', 'id_2'])]), (o) => {
      assert.match(o.files.get('v1.0/operations.ts')!, /pathParameters: \{ id: string; id_3: string; id_2: string \}/);
      assert.deepEqual(rules(o), ['member-name-renamed']);
    }],
    ['two namespaces with the same last segment exported from index', model([type(v, 'a.graph', 'x'), type(v, 'b.graph', 'y')]), (o) => {
      assert.match(o.files.get('v1.0/index.ts')!, /export \* as graph from "\.\/a\.graph\.js";\nexport \* as graph2 from "\.\/b\.graph\.js";/);
    }],
  ];
  const outs = cases.map(([name, m, check]) => {
    const o = emitModels(m);
    try { check(o); } catch (e) { (e as Error).message = `${name}: ${(e as Error).message}`; throw e; }
    return o;
  });
  const r = typecheckAll(outs);
  assert.equal(r.status, 0, r.output);
});

test('issue 14: unique member names and namespace files', () => {
  assert.deepEqual(uniqueNames(['id', 'id', 'id_2', 'id']), ['id', 'id_3', 'id_2', 'id_4']);
  assert.deepEqual(['operations', 'Index', 'a b', 'a_b', 'microsoft.graph.', '', '..', 'ü'].map(namespaceFile), ['operations~ns.ts', 'Index~ns.ts', 'a~20b.ts', 'a_b.ts', 'microsoft.graph..ts', '~ns.ts', '..~ns.ts', '~fc.ts']);
  // Over 240 bytes (ENAMETOOLONG stopped the build): cut, marked with the digest; two long ones stay two files.
  const [a, b] = [`${'n'.repeat(300)}.a`, `${'n'.repeat(300)}.b`].map(namespaceFile);
  assert.equal(a!.length, 240);
  assert.match(a!, /^n{219}~~[0-9a-f]{16}\.ts$/);
  assert.notEqual(a, b);
  assert.equal(namespaceFile('ā'.repeat(40)).length, 240); // 40 × `~u0101` is 240 bytes before `.ts`
});

const NAMES = ['operations', 'index', 'Operations', 'Index', 'a b', 'a_b', 'colorValues', 'color', 'Color', 'graph', 'String', 'Array', 'constructor', '__proto__', 'x', 'X', '1abc', 'ü', 'values', 'thing', 'Thing', 'id', 'id_2'];
const NAMESPACES = ['microsoft.graph', 'operations', 'index', 'Operations', 'a.graph', 'b.graph', 'microsoft.graph.', 'a b', 'a_b', 'x.colorValues', 'colorValues', 'microsoft.graph.thing'];

const arbModel: fc.Arbitrary<ApiModel> = fc.record({
  types: fc.array(fc.record({
    ns: fc.constantFrom(...NAMESPACES), name: fc.constantFrom(...NAMES), base: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
    props: fc.array(fc.tuple(fc.constantFrom(...NAMES, '@odata.type', 'a-b'), fc.constantFrom(...NAMES, 'String', 'Int32'), fc.boolean()), { maxLength: 4 }),
    version: fc.constantFrom<ApiVersion>('v1.0', 'beta'),
  }), { maxLength: 7 }),
  enums: fc.array(fc.record({ ns: fc.constantFrom(...NAMESPACES), name: fc.constantFrom(...NAMES), members: fc.array(fc.constantFrom(...NAMES), { maxLength: 3 }) }), { maxLength: 3 }),
  ops: fc.array(fc.record({ method: fc.constantFrom('GET', 'POST', 'PATCH'), params: fc.array(fc.constantFrom('id', 'id_2', 'id_3', 'a b', '__proto__'), { maxLength: 4 }) }), { maxLength: 3 }),
}).map(({ types, enums, ops }) => {
  // The merge keys types and enums by version, namespace and lower-cased name: so does the generator.
  const seen = new Set<string>();
  const ts = types.filter((t) => { const k = `${t.version}|${t.ns.toLowerCase()}|${t.name.toLowerCase()}`; return seen.has(k) ? false : (seen.add(k), true); })
    .map((t) => type(t.version, t.ns, t.name, t.base, [...new Map(t.props.map(([n, ty, c]) => [n, ref(ty, c, ty === 'String' || ty === 'Int32')] as const))]));
  const seenE = new Set<string>();
  const es = enums.filter((e) => { const k = `${e.ns.toLowerCase()}|${e.name.toLowerCase()}`; return seenE.has(k) ? false : (seenE.add(k), true); })
    .map((e) => enumModel('v1.0', e.ns, e.name, [...new Set(e.members)]));
  const os = ops.map((o, i) => operation('v1.0', o.method, `/r${i}/` + o.params.map((p) => `{${p}}`).join('/x/'), o.params));
  return model(ts, es, os);
});

test('issue 14: property-based: tsc --strict accepts the models of random hostile models', () => {
  const outs: EmitResult[] = [];
  fc.assert(fc.property(arbModel, (m) => { outs.push(emitModels(m)); return true; }), { seed: 14, numRuns: Number(process.env.DOCMODEL_FC_RUNS ?? 120) });
  assert.ok(outs.length >= 100);
  const r = typecheckAll(outs);
  assert.equal(r.status, 0, r.output.slice(0, 4000));
});

test('the structure kinds the emitter names without loading ts-morph are ts-morph\'s own', () => {
  const real = (createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph')).StructureKind;
  assert.equal(Object.keys(StructureKind).length, 6);
  for (const [name, value] of Object.entries(StructureKind)) assert.equal(value, real[name as keyof typeof real], name);
});

test('issue 15: a file printed a statement at a time (a large interface a member at a time) through the memo is exactly the file printed whole — hostile texts included, and again from the memo', () => {
  const tm = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');
  const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', '"', "'", '`', '/', '*', '{', '}', '$', '\\', ';', 'é', '😀', '\u00a0') });
  const docs = fc.array(text.map((s) => ({ description: docText(s) })), { maxLength: 1 });
  const type = fc.constantFrom('string', 'number | null', '{\n    a: string;\n    b?: "x\'y";\n  }', '`t${string}`', '{ a: 1 }', '"}"');
  const member = fc.record({ name: text.map((s) => stringLiteral(s)), type, hasQuestionToken: fc.boolean(), docs });
  const ident = fc.constantFrom('A', 'B', 'Operations');
  const statement = fc.oneof(
    fc.record({ kind: fc.constant(StructureKind.ImportDeclaration), isTypeOnly: fc.constant(true), moduleSpecifier: fc.constantFrom('./a.js', './b.js'), namespaceImport: ident }),
    fc.record({ kind: fc.constant(StructureKind.ExportDeclaration), moduleSpecifier: fc.constantFrom('./a.js', './b.js') }),
    fc.record({ kind: fc.constant(StructureKind.TypeAlias), name: ident, isExported: fc.boolean(), type, docs }),
    fc.record({ kind: fc.constant(StructureKind.VariableStatement), isExported: fc.constant(true), declarationKind: fc.constant('const' as never), declarations: fc.constant([{ name: 'AValues', type: 'readonly A[]', initializer: '["a", "}"]' }]), docs }),
    fc.record({ kind: fc.constant(StructureKind.Interface), name: ident, isExported: fc.boolean(), docs, extends: fc.constantFrom(undefined, ['X']), properties: fc.oneof(fc.array(member, { maxLength: 3 }), fc.array(member, { minLength: MEMBERWISE_MIN, maxLength: MEMBERWISE_MIN + 10 })) }),
  );
  fc.assert(fc.property(fc.array(statement, { minLength: 1, maxLength: 8 }), (statements) => {
    const file = { kind: StructureKind.SourceFile, statements } as import('ts-morph').SourceFileStructure;
    const whole = tm.printStructure(file);
    const texts = new Map<string, string>();
    const memo = { get: (k: string) => texts.get(k), set: (k: string, v: string) => void texts.set(k, v) };
    assert.equal(printFile(file, memo), whole);
    assert.ok(texts.size >= new Set(statements.map((st) => JSON.stringify(st))).size, 'printed a statement at a time');
    assert.equal(printFile(file, memo), whole, 'from the memo');
  }), { numRuns: 60 });
});
