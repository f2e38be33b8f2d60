/**
 * The published package: `npm pack`, the tarball unpacked into a temporary project's
 * node_modules (its dependencies linked from this repo's node_modules: no network), then a
 * TypeScript file that imports `docmodel` by name is type-checked against the shipped
 * declarations and run. A file misusing the API fails to compile (the check can fail).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, INPUT, tempDir } from './helpers.js';

const npmCli = process.env.npm_execpath && existsSync(process.env.npm_execpath) ? [process.execPath, process.env.npm_execpath] : ['npm'];

function npm(args: string[], cwd: string) {
  const [cmd, ...pre] = npmCli;
  return spawnSync(cmd!, [...pre, ...args], { cwd, encoding: 'utf8' });
}

test('npm pack → install in a temp project → import { check } from "docmodel", typed', { timeout: 180_000 }, () => {
  const work = tempDir('pack');
  const packed = npm(['pack', '--pack-destination', work, '--json', '--ignore-scripts'], ROOT);
  assert.equal(packed.status, 0, packed.stderr);
  const info = JSON.parse(packed.stdout)[0] as { filename: string; files: { path: string }[] };
  const files = info.files.map((f) => f.path);
  for (const f of ['package.json', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli/main.js', 'schema/config.schema.json', 'generated/ir.schema.json']) assert.ok(files.includes(f), `${f} is in the package`);
  assert.ok(!files.some((f) => f.startsWith('dist/test/') || f.startsWith('src/')), 'tests and sources stay out');

  // Install: unpack into node_modules/docmodel; its dependencies come from this repo's node_modules.
  const proj = join(work, 'proj');
  mkdirSync(join(proj, 'node_modules'), { recursive: true });
  const untar = spawnSync('tar', ['-xzf', join(work, info.filename), '-C', work], { encoding: 'utf8' });
  assert.equal(untar.status, 0, untar.stderr);
  renameSync(join(work, 'package'), join(proj, 'node_modules', 'docmodel'));
  const manifest = JSON.parse(readFileSync(join(proj, 'node_modules/docmodel/package.json'), 'utf8'));
  for (const dep of [...Object.keys(manifest.dependencies), '@types/node']) {
    const link = join(proj, 'node_modules', dep);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', dep), link, 'dir');
  }
  writeFileSync(join(proj, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true, dependencies: { docmodel: manifest.version } }));
  writeFileSync(join(proj, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', types: ['node'], outDir: 'out' }, include: ['main.ts'] }));
  writeFileSync(join(proj, 'main.ts'), `import { check, readModel, FORMATS, RULES, type CheckResult, type Finding, type Severity } from 'docmodel';
const r: CheckResult = await check({ inputs: [process.argv[2]!], workers: 1, rules: { 'status-line-malformed': 'off' } });
const first: Finding | undefined = r.findings[0];
const level: Severity | undefined = first?.severity;
const sarif = JSON.parse(r.report('sarif')) as { version: string };
const model = readModel(process.argv[3]!);
const keys: string[] = model.operations.map((o) => o.key);
console.log(JSON.stringify({ findings: r.findings.length, off: r.rulesOff, level, formats: FORMATS.length, rules: RULES.length > 30, sarif: sarif.version, root: r.analysis.docsRoot === process.argv[2], operations: keys.length }));
`);
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  const compiled = spawnSync(process.execPath, [tsc, '-p', join(proj, 'tsconfig.json')], { encoding: 'utf8' });
  assert.equal(compiled.status, 0, compiled.stdout + compiled.stderr);
  const ran = spawnSync(process.execPath, [join(proj, 'out/main.js'), INPUT, join(ROOT, 'generated/model.json')], { cwd: proj, encoding: 'utf8' });
  assert.equal(ran.status, 0, ran.stderr);
  assert.deepEqual(JSON.parse(ran.stdout), { findings: 30, off: 1, level: 'warning', formats: 7, rules: true, sarif: '2.1.0', root: true, operations: 2 });
  // The bin works from the installed package.
  const bin = spawnSync(process.execPath, [join(proj, 'node_modules/docmodel', manifest.bin.docmodel), '--version'], { encoding: 'utf8' });
  assert.equal(bin.stdout.trim(), manifest.version);

  // The declarations are really used: a misuse does not compile.
  writeFileSync(join(proj, 'main.ts'), `import { check } from 'docmodel';\nconst n: number = (await check({ inputs: ['x'] })).findings;\nvoid n;\n`);
  const bad = spawnSync(process.execPath, [tsc, '-p', join(proj, 'tsconfig.json')], { encoding: 'utf8' });
  assert.notEqual(bad.status, 0);
  assert.match(bad.stdout + bad.stderr, /Finding\[\]' is not assignable to type 'number'/);
});
