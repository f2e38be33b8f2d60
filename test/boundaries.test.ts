/**
 * The model is the only contract after extraction: nothing in src/checks, src/emit or src/model
 * imports a source adapter (src/sources), and the model imports nothing downstream of it.
 * Every import form counts (static, `export … from`, `import type`, dynamic and `import('…')` types).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ts } from 'ts-morph';
import { ROOT } from './helpers.js';
import * as ir from '../src/sources/graph-markdown/ir/schema.js';
import * as model from '../src/model/schema.js';

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (n.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Repo-relative targets of every relative import of a file. */
export function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = new Set(ts.preProcessFile(text, true, true).importedFiles.map((f: { fileName: string }) => f.fileName));
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.add(m[1]!);
  return [...specs].filter((s) => s.startsWith('.')).map((s) => relative(ROOT, resolve(dirname(file), s)).split('\\').join('/'));
}

function violations(dirs: string[], forbidden: RegExp): string[] {
  const out: string[] = [];
  for (const d of dirs) for (const f of tsFiles(join(ROOT, d))) for (const target of importsOf(f)) {
    if (forbidden.test(target)) out.push(`${relative(ROOT, f)} → ${target}`);
  }
  return out;
}

test('rules, emitters and reports never import a source adapter', () => {
  const files = ['src/checks', 'src/emit'].flatMap((d) => tsFiles(join(ROOT, d)));
  assert.ok(files.length > 60, `${files.length} files checked`);
  assert.deepEqual(violations(['src/checks', 'src/emit'], /^src\/sources\//), []);
});

test('checks never import an output: data flows from the checks to the emitters (the metadata comparison imported the TypeScript emitter\'s pickSource)', () => {
  assert.deepEqual(violations(['src/checks'], /^src\/emit\//), []);
});

test('the model depends on nothing but itself and utilities', () => {
  assert.deepEqual(violations(['src/model'], /^src\/(sources|checks|emit|pipeline|cli)\//), []);
});

test('utilities import no layer of the project (the model imports them)', () => {
  assert.deepEqual(violations(['src/util'], /^src\/(?!util\/)/), []);
});

test('the boundary check sees every import form', () => {
  const probe = join(ROOT, 'test/fixtures/boundary-probe.ts.txt');
  const text = readFileSync(probe, 'utf8');
  const specs = new Set(ts.preProcessFile(text, true, true).importedFiles.map((f: { fileName: string }) => f.fileName));
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.add(m[1]!);
  assert.deepEqual([...specs].sort(), ['../a.js', '../b.js', '../c.js', '../d.js', '../e.js']);
});

test('the page IR declares no fact shape of its own: it is the model\'s Document plus irVersion and format', () => {
  const { irVersion, format, ...facts } = ir.PageIR.properties;
  assert.deepEqual(Object.keys(ir.PageIR.properties).filter((k) => k !== 'irVersion' && k !== 'format'), Object.keys(model.Document.properties));
  for (const [k, v] of Object.entries(facts)) assert.equal(v, (model.Document.properties as Record<string, unknown>)[k], `PageIR.${k} is the model's schema object`);
  assert.deepEqual([irVersion.const, format.anyOf.map((s) => s.const)], [ir.IR_VERSION, ['markdown', 'rendered-text', 'unreadable']]);
  // Every schema the IR module exports besides its own three is the model's object, re-exported.
  const own = new Set(['PageIR', 'IR_VERSION', 'pageIrJsonSchema']);
  const shared = Object.entries(ir).filter(([k]) => !own.has(k));
  assert.ok(shared.length >= 35, `${shared.length} re-exported shapes`);
  for (const [k, v] of shared) {
    const name = k === 'PageKind' ? 'DocumentKind' : k;
    assert.equal(v, (model as Record<string, unknown>)[name], `${k} is the model's ${name}`);
  }
});
