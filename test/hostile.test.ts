/**
 * Hostile and broken input: each gives a diagnostic on that page, every other page is
 * unaffected, the run finishes. Plus the per-page time limit and determinism across worker counts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, symlinkSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { analyze, analyzeParallel } from '../src/pipeline/pipeline.js';
import { processFile } from '../src/pipeline/page.js';
import { processInPool } from '../src/pipeline/pool.js';
import { ROOT, tempTree, INPUT, SEEDS } from './helpers.js';
import { pathFitsTemplate } from '../src/sources/graph-markdown/extract/http-path.js';

const GOOD = '# Get thing\n\n## HTTP request\n\n```http\nGET /things/{id}\n```\n';

/** 10,000 nested list levels on one line ("- - - … item") plus 300 indented levels. */
function deepList(n: number): string {
  let s = '- '.repeat(n) + 'item\n\n';
  for (let i = 0; i < 300; i++) s += '  '.repeat(i) + '- item\n';
  return s;
}

test('hostile pages: each is a diagnostic on its own page, the good page is unaffected', () => {
  const dir = tempTree({
    'good.md': GOOD,
    'invalid-utf8.md': Buffer.concat([Buffer.from('# Bad bytes\n\n'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\n')]),
    'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    'empty.md': '',
    'huge.md': '# Huge\n\n' + 'x'.repeat(20 * 1024 * 1024),
    'deep-list.md': '# Deep\n\n' + deepList(10_000),
    'deep-quote.md': '# Deep\n\n' + '>'.repeat(10_000) + ' text\n',
    'bad-yaml.md': '---\ntitle: [unclosed\n---\n# Bad yaml\n',
    'cycle-a.md': '# A\n\n[!INCLUDE [b](cycle-b.md)]\n',
    'cycle-b.md': '# B\n\n[!INCLUDE [a](cycle-a.md)]\n',
    'passwd.md': '# P\n\n[!INCLUDE [p](../../../../etc/passwd)]\n',
  });
  symlinkSync('/etc/hostname', join(dir, 'escape.md'));
  const a = analyze([dir]);
  const by = new Map(a.pages.map((p) => [p.file.split('/').pop()!, p]));
  const rules = (f: string) => by.get(f)!.diagnostics.map((d) => d.rule);
  assert.ok(rules('invalid-utf8.md').includes('file-invalid-utf8'));
  assert.equal(by.get('invalid-utf8.md')!.title.h1?.value, 'Bad bytes');
  assert.deepEqual(rules('binary.md'), ['file-binary']);
  assert.deepEqual(rules('empty.md'), ['file-empty']);
  assert.deepEqual(rules('huge.md'), ['file-too-large']);
  assert.ok(rules('deep-list.md').includes('page-nesting-too-deep'), rules('deep-list.md').join());
  assert.ok(rules('deep-quote.md').includes('page-nesting-too-deep'));
  assert.deepEqual(rules('bad-yaml.md'), ['front-matter-invalid']);
  assert.ok(rules('cycle-a.md').includes('include-cycle') || rules('cycle-b.md').includes('include-cycle'));
  assert.deepEqual(rules('passwd.md'), ['include-outside-root']);
  assert.ok(!by.has('escape.md'), 'a symlink out of the root is not read');
  assert.deepEqual(a.runDiagnostics.map((d) => d.rule), ['symlink-outside-root']);
  const good = by.get('good.md')!;
  assert.deepEqual(good.diagnostics, []);
  assert.deepEqual(good.operations.map((o) => o.key), ['GET /things/{}']);
});

test('a file that disappears between listing and reading is a diagnostic, not a crash', () => {
  const ir = processFile('/nonexistent/docmodel/page.md', 'page.md');
  assert.equal(ir.format, 'unreadable');
  assert.equal(ir.diagnostics[0]!.rule, 'file-unreadable');
  assert.match(ir.diagnostics[0]!.message, /ENOENT/);
});

test('the per-page time limit stops a page and the pool goes on', async () => {
  const dir = tempTree({ 'a.md': GOOD, 'b.md': GOOD.replace(/thing/g, 'other') });
  const tasks = ['a.md', 'b.md'].map((f) => ({ abs: join(dir, f), display: f, root: dir }));
  const timedOut = await processInPool(tasks, { workers: 1, timeoutMs: 1 });
  assert.equal(timedOut.length, 2);
  assert.ok(timedOut.every((p) => p.diagnostics.some((d) => d.rule === 'page-timeout')), 'a 1 ms limit stops every page');
  const ok = await processInPool(tasks, { workers: 2, timeoutMs: 30_000 });
  assert.deepEqual(ok.map((p) => p.operations[0]?.key), ['GET /things/{}', 'GET /others/{}']);
});

test('output is identical whatever the worker count', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 12; i++) files[`p${String(i).padStart(2, '0')}.txt`] = readFileSync(join(INPUT, SEEDS[i % 5]!), 'utf8');
  for (const f of readdirSync(join(ROOT, 'test/fixtures/corpus/v1.0/api'))) files[f] = readFileSync(join(ROOT, 'test/fixtures/corpus/v1.0/api', f), 'utf8');
  const dir = tempTree(files);
  const cli = join(ROOT, 'dist/src/cli/main.js');
  const outRoot = tempTree({});
  const outs = [1, 2, 3].map((w) => {
    const out = join(outRoot, `out-${w}`);
    const r = spawnSync(process.execPath, [cli, 'build', dir, '--out', out, '--workers', String(w), '--quiet'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return out;
  });
  // Outputs only: .cache/ is the tool's private cache (v8-serialized, not an output).
  const list = (d: string): string[] => readdirSync(d).filter((n) => n !== '.cache').flatMap((n) => (statSync(join(d, n)).isDirectory() ? list(join(d, n)).map((x) => `${n}/${x}`) : [n])).sort();
  const names = list(outs[0]!);
  assert.ok(names.length > 20);
  for (const o of outs.slice(1)) {
    assert.deepEqual(list(o), names);
    for (const n of names) assert.ok(readFileSync(join(o, n)).equals(readFileSync(join(outs[0]!, n))), `${n} differs between worker counts`);
  }
  // and the parallel analysis equals the in-thread one
  const par = await analyzeParallel([dir], { workers: 2 });
  const seq = analyze([dir]);
  assert.equal(JSON.stringify(par.pages), JSON.stringify(seq.pages));
});

/** Runs f and fails when it takes longer than ms (the code is synchronous: measured, not interrupted). */
function within<T>(ms: number, what: string, f: () => T): T {
  const t = performance.now();
  const v = f();
  const took = performance.now() - t;
  assert.ok(took < ms, `${what} took ${took.toFixed(0)} ms (budget ${ms} ms)`);
  return v;
}

test('issue 14: an example path against a template of many placeholders is matched in linear time (was a hang)', () => {
  // 226 bytes in the report: a template of many placeholders made `^/x.+?.+?….+?/z$`.
  const tpl = '/x' + '{a}'.repeat(40) + '/z';
  const text = `# Hang\n\n## HTTP request\n\n\`\`\`http\nGET ${tpl}\n\`\`\`\n\n## Example\n\n### Request\n\n\`\`\`http\nGET https://graph.microsoft.com/v1.0/x${'a'.repeat(3000)}/y\n\`\`\`\n`;
  const dir = tempTree({ 'hang.md': text });
  const a = within(5000, 'analyze', () => analyze([dir]));
  assert.deepEqual(a.findings.filter((f) => f.rule === 'example-path-fits-no-template').map((f) => f.field), ['example.request.0.path']);
  // and the matching itself is right
  assert.equal(pathFitsTemplate('/x/a/b/z', '/x/{a}/{b}/z'), true);
  assert.equal(pathFitsTemplate('/x/a//z', '/x/{a}/{b}/z'), false);
  assert.equal(pathFitsTemplate("/f(id='1')", '/f(id={id})'), true);
  assert.equal(pathFitsTemplate('/groups/1', '/users/{id}'), false);
  assert.equal(pathFitsTemplate('/users/1/x', '/users/{id}'), true); // a placeholder matches any text, as before
  assert.equal(pathFitsTemplate('/ab', '/a{}{}'), false);
  assert.equal(pathFitsTemplate('/abc', '/a{}{}'), true);
});
