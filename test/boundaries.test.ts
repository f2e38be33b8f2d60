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

test('the model depends on nothing but itself and utilities', () => {
  assert.deepEqual(violations(['src/model'], /^src\/(sources|checks|emit|pipeline|cli)\//), []);
});

test('the boundary check sees every import form', () => {
  const probe = join(ROOT, 'test/fixtures/boundary-probe.ts.txt');
  const text = readFileSync(probe, 'utf8');
  const specs = new Set(ts.preProcessFile(text, true, true).importedFiles.map((f: { fileName: string }) => f.fileName));
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.add(m[1]!);
  assert.deepEqual([...specs].sort(), ['../a.js', '../b.js', '../c.js', '../d.js', '../e.js']);
});
