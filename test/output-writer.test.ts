/**
 * The output writer (issue 14): names with dots are outputs like any other, nothing outside the
 * output directory is written or removed, symlinks inside it are refused, a lock per directory,
 * and a kill or a full disk at any write point leaves the old complete set or the new one —
 * a rebuild then gives exactly a clean build, and no temp file remains.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { injectFailure, writeOutputs, acquireLock, OutputError, namedError, LOCK, MANIFEST, unsafeRel } from '../src/pipeline/output.js';
import { ROOT, tempTree } from './helpers.js';
import { irPaths } from '../src/pipeline/pipeline.js';

const WRITER = join(ROOT, 'dist/src/pipeline/output.js');

/** Every file under dir (relative, sorted) with its content; links listed as such. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, pre: string) => {
    for (const n of readdirSync(d).sort()) {
      const abs = join(d, n);
      const st = lstatSync(abs);
      if (st.isSymbolicLink()) out[pre + n] = '<link>';
      else if (st.isDirectory()) walk(abs, `${pre}${n}/`);
      else out[pre + n] = readFileSync(abs, 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

const OLD = new Map([['a.json', 'old a'], ['ir/x.json', 'old x'], ['ir/gone/y.json', 'old y'], ['same.txt', 'same'], ['models/v1.0/microsoft.graph.ts', 'old ns']]);
const NEW = new Map([['a.json', 'new a'], ['ir/x.json', 'new x'], ['ir/new/z.json', 'new z'], ['same.txt', 'same'], ['models/v1.0/microsoft.graph..ts', 'trailing dot ns'], ['ir/what..json', 'what..md']]);

function cleanBuild(files: Map<string, string>): Record<string, string> {
  const d = tempTree({});
  writeOutputs(d, files);
  return snapshot(d);
}

test('issue 14: names with ".." inside a segment (namespace "microsoft.graph.", file what..md) are written; "..", "." and absolute segments refused by name', () => {
  const d = tempTree({});
  const s = writeOutputs(d, NEW);
  assert.equal(s.written, NEW.size);
  assert.equal(readFileSync(join(d, 'models/v1.0/microsoft.graph..ts'), 'utf8'), 'trailing dot ns');
  assert.equal(readFileSync(join(d, 'ir/what..json'), 'utf8'), 'what..md');
  for (const bad of ['../x', 'a/../../x', '/etc/x', 'a//b', './a', '.cache/index.v8', MANIFEST]) {
    assert.ok(unsafeRel(bad), bad);
    assert.throws(() => writeOutputs(tempTree({}), new Map([[bad, 'x']])), (e: unknown) => e instanceof OutputError && /refusing to write the output/.test(e.message), bad);
  }
});

test('issue 14: a symlink inside the output directory plus a manifest entry can neither write nor delete outside it', () => {
  const outside = tempTree({ 'victim.json': 'precious', 'x.json': 'precious x' });
  const d = tempTree({});
  symlinkSync(outside, join(d, 'ir'));
  // a committed manifest planted by a pull request, naming files through the link and outside
  writeFileSync(join(d, MANIFEST), JSON.stringify(['ir/victim.json', '../victim.json', `${outside}/victim.json`]));
  assert.throws(() => writeOutputs(d, new Map([['ir/x.json', 'overwrite?'], ['b.json', 'b']])), /refusing to follow the symbolic link ir inside the output directory/);
  assert.deepEqual(snapshot(outside), { 'victim.json': 'precious', 'x.json': 'precious x' });
  // delete-only through the link: refused too
  assert.throws(() => writeOutputs(d, new Map([['b.json', 'b']])), /symbolic link ir/);
  assert.deepEqual(snapshot(outside), { 'victim.json': 'precious', 'x.json': 'precious x' });
  // a link as the file itself is not replaced or followed
  const d2 = tempTree({});
  symlinkSync(join(outside, 'victim.json'), join(d2, 'a.json'));
  assert.throws(() => writeOutputs(d2, new Map([['a.json', 'x']])), /symbolic link a\.json/);
  assert.equal(readFileSync(join(outside, 'victim.json'), 'utf8'), 'precious');
  // and no lock or staging left behind by the refusals
  for (const x of [d, d2]) assert.deepEqual(readdirSync(x).filter((n) => n.startsWith('.docmodel-') && n !== MANIFEST), []);
});

test('issue 14: a second writer waits for the lock, then fails clearly; a lock whose process died is taken over', () => {
  const d = tempTree({});
  const release = acquireLock(d);
  const t = performance.now();
  assert.throws(() => acquireLock(d, 300), (e: unknown) => e instanceof OutputError && new RegExp(`another docmodel build \\(pid ${process.pid}\\) is writing to`).test(e.message));
  assert.ok(performance.now() - t >= 290, 'it waited');
  release();
  assert.ok(!existsSync(join(d, LOCK)));
  // a dead process's lock
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  writeFileSync(join(d, LOCK), JSON.stringify({ pid: Number(dead.stdout), host: (await_hostname()) }));
  const r2 = acquireLock(d, 0);
  r2();
});

function await_hostname(): string {
  return JSON.parse(spawnSync(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(require("os").hostname()))'], { encoding: 'utf8' }).stdout) as string;
}

test('issue 14: write errors are named (disk full, read-only, exists), not "internal error"', () => {
  assert.match(namedError('cannot write a.json in out', Object.assign(new Error('x'), { code: 'ENOSPC' })).message, /cannot write a\.json in out: disk full \(ENOSPC\)/);
  assert.match(namedError('w', Object.assign(new Error('x'), { code: 'EROFS' })).message, /read-only file system \(EROFS\)/);
  assert.match(namedError('w', Object.assign(new Error('x'), { code: 'EEXIST' })).message, /already exists \(EEXIST\)/);
  // through the CLI: an output path that is a file
  const file = join(tempTree({ f: 'x' }), 'f');
  const cli = spawnSync(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), 'build', join(ROOT, 'input'), '--out', file, '--quiet', '--workers', '1'], { encoding: 'utf8' });
  assert.equal(cli.status, 2);
  assert.doesNotMatch(cli.stderr, /internal error/);
});

test('issue 14: a full disk at every write point leaves the old set complete; a rebuild gives the clean build; nothing temporary remains', () => {
  const clean = cleanBuild(NEW);
  const old = cleanBuild(OLD);
  for (let n = 1; ; n++) {
    const d = tempTree({});
    writeOutputs(d, OLD);
    injectFailure(n, 'enospc');
    let failed = false;
    try { writeOutputs(d, NEW); } catch (e) { failed = true; assert.ok(e instanceof OutputError, String(e)); assert.match(e.message, /ENOSPC|next build completes it/); }
    injectFailure(0);
    if (!failed) { assert.deepEqual(snapshot(d), clean); break; }
    const after = snapshot(d);
    // before the commit point: exactly the old set; after it: the journal finishes on the next build
    if (!existsSync(join(d, '.docmodel-journal.json'))) assert.deepEqual(after, old, `failure at point ${n}`);
    writeOutputs(d, NEW);
    assert.deepEqual(snapshot(d), clean, `rebuild after a failure at point ${n}`);
    assert.ok(n < 100);
  }
});

test('issue 14: kill -9 at every write point of the writer, then a rebuild: identical to a clean build, no temp file', () => {
  const clean = cleanBuild(NEW);
  const old = cleanBuild(OLD);
  const json = (m: Map<string, string>) => JSON.stringify([...m]);
  let killedAt = 0;
  for (let n = 1; ; n++) {
    const d = tempTree({});
    writeOutputs(d, OLD);
    const code = `import { writeOutputs } from ${JSON.stringify(WRITER)}; writeOutputs(process.argv[1], new Map(JSON.parse(process.argv[2])));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code, d, json(NEW)], { env: { ...process.env, DOCMODEL_TEST_FAIL_AT: String(n), DOCMODEL_TEST_FAIL_MODE: 'kill' }, encoding: 'utf8' });
    if (r.signal !== 'SIGKILL') { assert.equal(r.status, 0, r.stderr); assert.deepEqual(snapshot(d), clean); break; }
    killedAt = n;
    const after = snapshot(d);
    const committed = existsSync(join(d, '.docmodel-journal.json'));
    if (!committed) {
      // the old set, complete (plus the dead build's lock and staging, which the next build clears)
      const visible = Object.fromEntries(Object.entries(after).filter(([k]) => !k.startsWith('.docmodel-staging/') && k !== LOCK));
      assert.deepEqual(visible, old, `kill at point ${n}`);
    }
    writeOutputs(d, NEW);
    assert.deepEqual(snapshot(d), clean, `rebuild after a kill at point ${n}`);
    assert.ok(n < 100);
  }
  assert.ok(killedAt >= 10, `killed at ${killedAt} points`);
});

test('issue 14: removing 10,000 stale files is linear (was 131 s)', () => {
  const d = tempTree({});
  const many = new Map<string, string>();
  for (let i = 0; i < 10_000; i++) many.set(`ir/api/p${i}.json`, String(i));
  writeOutputs(d, many);
  const t = performance.now();
  const s = writeOutputs(d, new Map([['a.json', 'a']]));
  const took = performance.now() - t;
  assert.equal(s.removed, 10_000);
  assert.ok(!existsSync(join(d, 'ir')), 'empty folders go');
  assert.ok(took < 15_000, `took ${took.toFixed(0)} ms`);
  assert.ok(statSync(d).isDirectory());
});




test('issue 14: kill -9 during a CLI build (outputs and cache), then a rebuild: identical to a clean build, never a false "up to date"', () => {
  const cli = join(ROOT, 'dist/src/cli/main.js');
  const seeds = readdirSync(join(ROOT, 'input')).sort();
  const inputs: Record<string, string> = {};
  for (const s of seeds.slice(0, 3)) inputs[s] = readFileSync(join(ROOT, 'input', s), 'utf8');
  const src = tempTree(inputs);
  const build = (out: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [cli, 'build', src, '--out', out, '--workers', '1'], { encoding: 'utf8', env: { ...process.env, ...env } });
  const outputs = (d: string) => Object.fromEntries(Object.entries(snapshot(d)).filter(([k]) => !k.startsWith('.cache/')));
  const cleanOut = join(tempTree({}), 'out');
  assert.equal(build(cleanOut).status, 0);
  const clean = outputs(cleanOut);
  const first = seeds[0]!;
  // the previous build: one page different and one more page, so files change and go
  const prev = join(tempTree({}), 'prev');
  writeFileSync(join(src, first), inputs[first]!.replace(/\n## /, '\n## Extra section\n\ntext\n\n## '));
  writeFileSync(join(src, 'extra.md'), '# Extra\n');
  assert.equal(build(prev).status, 0);
  writeFileSync(join(src, first), inputs[first]!);
  rmSync(join(src, 'extra.md'));
  let points = 0;
  for (let n = 1; n < 200; n += 7) {
    const out = join(tempTree({}), 'out');
    cpSync(prev, out, { recursive: true });
    const killed = build(out, { DOCMODEL_TEST_FAIL_AT: String(n), DOCMODEL_TEST_FAIL_MODE: 'kill' });
    if (killed.signal !== 'SIGKILL') { assert.equal(killed.status, 0, killed.stderr); assert.deepEqual(outputs(out), clean); break; }
    points++;
    const again = build(out);
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(outputs(out), clean, `rebuild after a kill at point ${n} (${again.stdout.trim()})`);
    const leftovers = Object.keys(snapshot(out)).filter((k) => /\.tmp-|\.docmodel-(staging|journal|lock)/.test(k));
    assert.deepEqual(leftovers, [], `after a kill at point ${n}`);
  }
  assert.ok(points >= 4, `killed at ${points} points`);
});

test('issue 14: a.md and a.txt get an IR file each (they mapped to the same ir/a.json)', () => {
  assert.deepEqual(irPaths(['/r/a.md', '/r/a.txt', '/r/b.md', '/r/a.md.md'], '/r'), ['a.md.json', 'a.txt.json', 'b.json', 'a.md~2.json']);
  assert.deepEqual(irPaths(['/r/api/x.md', '/r/what..md'], '/r'), ['api/x.json', 'what..json']);
});

test('a page name of 251 bytes (ext4 takes 255) gets an IR file cut to 240 bytes and marked with its digest, named by ir-file-renamed; the build finishes (it stopped on ENAMETOOLONG)', () => {
  const long = 'p'.repeat(251);
  const cut = irPaths([`/r/api/${long}.md`, `/r/api/${'é'.repeat(125)}.md`, '/r/api/short.md'], '/r');
  assert.equal(cut[0], `api/${'p'.repeat(240 - 23)}~~${createHash('sha1').update(`${long}.json`).digest('hex').slice(0, 16)}.json`);
  // Multi-byte names are cut at a character: 108 × 2 bytes + 23 ≤ 240.
  assert.match(cut[1]!, new RegExp(`^api/${'é'.repeat(108)}~~[0-9a-f]{16}\\.json$`));
  assert.equal(cut[2], 'api/short.json');
  const dir = tempTree({});
  cpSync(join(ROOT, 'input/001_b74111fdae0f9f28.txt'), join(dir, `${long}.md`));
  const out = join(dir, 'out');
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), 'build', join(dir, `${long}.md`), '--out', out, '--no-config', '--no-cache'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(readdirSync(join(out, 'ir')), [cut[0]!.slice('api/'.length)]);
  const report = JSON.parse(readFileSync(join(out, 'reconciliation.json'), 'utf8')) as { diagnostics: { rule: string; message: string }[] };
  assert.deepEqual(report.diagnostics.filter((d) => d.rule === 'ir-file-renamed').map((d) => d.message), [`The IR file of this page would have a name over 240 bytes; it is written to ir/${cut[0]!.slice('api/'.length)}`]);
});

test('issue 15: a text written in pieces is exactly the bytes of the joined text (multi-byte characters, a surrogate pair split between pieces, pieces larger than the block, empty pieces)', () => {
  const big = 'é'.repeat(400_000) + '😀';
  const pieces = ['{"a": "', 'caf', 'é — ', '\ud83d', '\ude00', '', '"', 'x'.repeat(1_048_570), '日本語', big, '\ud83d', '\ude00\n', 'end\ud83d'];
  const d = tempTree({});
  // Each piece alone, and the same pieces after a block-filling one, so both the buffered and the direct path are taken.
  const files = new Map([
    ['pieces.txt', { render: () => pieces }],
    ['shifted.txt', { render: () => ['y'.repeat(1_048_000), ...pieces] }],
  ]);
  writeOutputs(d, files);
  assert.deepEqual(readFileSync(join(d, 'pieces.txt')), Buffer.from(pieces.join(''), 'utf8'));
  assert.deepEqual(readFileSync(join(d, 'shifted.txt')), Buffer.from('y'.repeat(1_048_000) + pieces.join(''), 'utf8'));
});
