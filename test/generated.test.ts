/**
 * The committed generated/ is exactly what a fresh default run produces, every IR written
 * validates against the published schema, and the emitted models compile under --strict.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import Ajv from 'ajv';
import { ROOT, typecheck, tempDir } from './helpers.js';
import { pageIrJsonSchema } from '../src/sources/graph-markdown/ir/schema.js';

const CLI = join(ROOT, 'dist/src/cli/main.js');

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) { if (n !== '.cache') walk(p); }
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out;
}

/** Run the default build in a copy of the repo layout (input/ → generated/). */
function freshRun(): string {
  const work = tempDir('fresh');
  cpSync(join(ROOT, 'input'), join(work, 'input'), { recursive: true });
  execFileSync(process.execPath, [CLI, 'build', 'input', '--out', 'generated', '--quiet'], { cwd: work, stdio: 'pipe' });
  return join(work, 'generated');
}

test('a fresh run of the default build reproduces the committed generated/ byte for byte', () => {
  const fresh = freshRun();
  const committed = join(ROOT, 'generated');
  const a = listFiles(fresh);
  const b = listFiles(committed);
  assert.deepEqual(a, b, 'same files');
  for (const f of a) {
    assert.ok(readFileSync(join(fresh, f)).equals(readFileSync(join(committed, f))), `${f} differs from the committed copy (run npm start and commit)`);
  }
});

test('generated/ir.schema.json is the schema of the IR, and every IR file validates against it', () => {
  const committed = JSON.parse(readFileSync(join(ROOT, 'generated/ir.schema.json'), 'utf8'));
  assert.deepEqual(committed, JSON.parse(JSON.stringify(pageIrJsonSchema())));
  const ajv = new Ajv.default({ allErrors: true, strict: false });
  const validate = ajv.compile(committed);
  const irDir = join(ROOT, 'generated/ir');
  const files = listFiles(irDir);
  assert.equal(files.length, 5);
  for (const f of files) {
    const ok = validate(JSON.parse(readFileSync(join(irDir, f), 'utf8')));
    assert.ok(ok, `${f}: ${ajv.errorsText(validate.errors)}`);
  }
  // The schema rejects a broken IR (the test can fail).
  const broken = JSON.parse(readFileSync(join(irDir, files[0]!), 'utf8'));
  delete broken.operations;
  assert.equal(validate(broken), false);
});

test('the seed models compile under tsc --strict --noEmit', () => {
  const dir = tempDir('tsc');
  cpSync(join(ROOT, 'generated/models'), dir, { recursive: true });
  const r = typecheck(dir);
  assert.equal(r.status, 0, r.output);
  // and a broken model does not (the check can fail)
  writeFileSync(join(dir, 'v1.0', 'broken.ts'), 'export const x: number = "no";\n');
  assert.notEqual(typecheck(dir).status, 0);
});
