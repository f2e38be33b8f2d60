/**
 * Hostile and broken input: each gives a diagnostic on that page, every other page is
 * unaffected, the run finishes. Plus the per-page time limit and determinism across worker counts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, symlinkSync, readdirSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { analyze } from '../src/pipeline/in-thread.js';
import { analyzeParallel, listPages } from '../src/pipeline/pipeline.js';
import { errorText } from '../src/sources/graph-markdown/ingest/read.js';
import { processFile, processText } from '../src/pipeline/page.js';
import { buildModel } from '../src/model/merge.js';
import { drift, reconcile } from '../src/checks/engine.js';
import type { FindingDraft, PageRule, Rule } from '../src/checks/types.js';
import type { Document } from '../src/model/schema.js';
import { UnitFindingMemo } from '../src/pipeline/finding-memo.js';
import { irDigest } from '../src/pipeline/digest.js';
import { processInPool } from '../src/pipeline/pool.js';
import { ROOT, tempTree, INPUT, SEEDS } from './helpers.js';
import { pathFitsTemplate } from '../src/model/identity.js';
import { PageCache, CACHE_FILE, SHARD_DIR, TRANSIENT_RULES, shardOf } from '../src/pipeline/cache.js';
import { toJson } from '../src/util/order.js';
import { isInside } from '../src/sources/graph-markdown/ingest/walk.js';
import { reportData } from '../src/emit/reports/report-data.js';
import { renderReport } from '../src/emit/reports/formats.js';
import { openApiDocument, versionsFromModel } from '../src/emit/openapi/index.js';

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
  // Read problems carry their registered severity (an empty page was a warning, registered info).
  assert.deepEqual(['empty.md', 'binary.md', 'huge.md', 'invalid-utf8.md'].map((f) => by.get(f)!.diagnostics.find((d) => d.rule.startsWith('file-'))!.severity), ['info', 'error', 'error', 'warning']);
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
  // Node's text ends with the absolute path; the message keeps the code, what it says and the call, and no machine path.
  assert.equal(ir.diagnostics[0]!.message, 'Cannot read file: ENOENT: no such file or directory (stat)');
  assert.deepEqual(ir.diagnostics[0]!.src, { file: 'page.md', line: 1, column: 1 });
});

test('a system error in a diagnostic keeps its code, what it says and the call, never the path Node\'s text ends with (EACCES on a directory printed /home/…)', () => {
  const root = tempTree({});
  const said = (f: () => unknown) => { try { f(); } catch (e) { return errorText(e); } return 'no error'; };
  assert.equal(said(() => readdirSync(join(root, 'gone'))), 'ENOENT: no such file or directory (scandir)');
  assert.equal(said(() => renameSync(join(root, 'a'), join(root, 'b'))), 'ENOENT: no such file or directory (rename)');
  assert.equal(said(() => { throw new Error('plain'); }), 'plain');
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

const BOMB = '---\ntitle: bomb\n' + ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill('*' + 'abcdefghi'[i]).join(',')}]`)].join('\n') + '\n---\n# Bomb\n';

test('issue 14: an 11-line YAML alias bomb is a diagnostic, not out-of-memory', () => {
  assert.equal(BOMB.split('\n').length - 3, 11);
  const dir = tempTree({ 'bomb.md': BOMB, 'good.md': GOOD });
  const a = within(5000, 'analyze', () => analyze([dir]));
  const bomb = a.pages.find((p) => p.file.endsWith('bomb.md'))!;
  assert.deepEqual(bomb.diagnostics.map((d) => [d.rule, d.message]), [['front-matter-invalid', 'Front matter is too large: more than 10000 values (aliases expanded); not read']]);
  assert.equal(bomb.frontMatter, null);
  assert.equal(bomb.title.h1?.value, 'Bomb');
});

test('issue 14: nested includes that multiply (each file including the next 10 times) stop at the per-page caps', () => {
  const files: Record<string, string> = { 'page.md': '# Page\n\n' + '[!INCLUDE [x](includes/i0.md)]\n'.repeat(10) };
  for (let k = 0; k < 8; k++) files[`includes/i${k}.md`] = `line ${k}\n` + `[!INCLUDE [x](i${k + 1}.md)]\n`.repeat(10);
  files['includes/i8.md'] = 'leaf\n';
  assert.ok(Object.values(files).join('').length < 3000);
  const dir = tempTree(files);
  const a = within(10_000, 'analyze', () => analyze([dir]));
  const p = a.pages[0]!;
  assert.equal(p.includes.filter((i) => i.kind === 'content').length, 256);
  const limit = p.diagnostics.filter((d) => d.rule === 'include-limit');
  assert.ok(limit.length > 0);
  assert.equal(limit[0]!.message, 'Include i1.md not spliced: more than 256 includes spliced into one page');
  // fan-out: one file with 100 includes splices 64
  const dir2 = tempTree({ 'page.md': '# P\n\n' + '[!INCLUDE [x](includes/leaf.md)]\n'.repeat(100), 'includes/leaf.md': 'leaf\n' });
  const p2 = analyze([dir2]).pages[0]!;
  assert.equal(p2.includes.filter((i) => i.kind === 'content').length, 64);
  assert.equal(p2.diagnostics.filter((d) => d.rule === 'include-limit').length, 36);
  assert.equal(p2.diagnostics.find((d) => d.rule === 'include-limit')!.message, 'Include includes/leaf.md not spliced: more than 64 includes in one file');
});

test('issue 14: a 20,000-deep JSON example body is kept raw with a diagnostic; the IR is written', () => {
  const body = '['.repeat(20_000) + ']'.repeat(20_000);
  const text = `# Deep\n\n## HTTP request\n\n\`\`\`http\nPOST /things\n\`\`\`\n\n## Example\n\n### Request\n\n\`\`\`http\nPOST https://graph.microsoft.com/v1.0/things\nContent-type: application/json\n\n${body}\n\`\`\`\n`;
  const dir = tempTree({ 'deep.md': text });
  const a = within(10_000, 'analyze', () => analyze([dir]));
  const d = a.pages[0]!.diagnostics.filter((x) => x.rule === 'example-body-not-json');
  assert.equal(d.length, 1);
  assert.match(d[0]!.message, /nesting deeper than 500 at offset 500/);
  assert.equal(a.pages[0]!.examples.requests[0]!.body?.format, 'raw');
  assert.ok(toJson(a.pages[0]).length > 40_000);
});

test('issue 14: only regular files are read: an include of a FIFO is refused (was a hang)', () => {
  const dir = tempTree({ 'page.md': '# P\n\n[!INCLUDE [f](includes/fifo.md)]\n', 'includes/x.md': '' });
  const fifo = join(dir, 'includes/fifo.md');
  const mk = spawnSync('mkfifo', [fifo]);
  if (mk.status !== 0) return; // no mkfifo here
  const a = within(5000, 'analyze', () => analyze([dir]));
  const d = a.pages[0]!.diagnostics.find((x) => x.rule === 'include-unreadable')!;
  assert.equal(d.message, 'Include target includes/fifo.md: Not a regular file (a FIFO); not read');
  const page = processFile(fifo, 'fifo.md');
  assert.deepEqual(page.diagnostics.map((x) => x.rule), ['file-not-regular']);
});

test('a walked tree names what it does not read: a FIFO named like a page (file-not-regular), a link to a directory outside the root (symlink-outside-root); it was skipped unsaid', () => {
  const outside = tempTree({ 'secret.md': GOOD });
  const dir = tempTree({ 'a.md': GOOD });
  symlinkSync(outside, join(dir, 'elsewhere'));
  symlinkSync('.', join(dir, 'loop')); // a loop inside the root: walked where it is, nothing lost, nothing said
  const mk = spawnSync('mkfifo', [join(dir, 'pipe.md')]);
  const l = listPages([dir]);
  assert.deepEqual(l.tasks.map((t) => t.display), ['a.md']);
  assert.deepEqual(l.runDiagnostics.map((d) => [d.rule, d.severity, d.src.file, d.message]), [
    ['symlink-outside-root', 'warning', 'elsewhere', 'Symbolic link to a directory outside the input root; not walked'],
    // A page not read is an error, as registered (it was a warning).
    ...(mk.status === 0 ? [['file-not-regular', 'error', 'pipe.md', 'Not a regular file (a FIFO, socket or device); not read']] : []),
  ]);
});

test('a tree given through a link is that tree: the same findings and docs root as given by its own name, its output folder left out; two folders given without --root share their common folder (their includes resolved there)', () => {
  const tree = tempTree({
    'v1.0/api/a.md': '# Get a\n\n[!INCLUDE [note](../../includes/note.md)]\n\n## HTTP request\n\n```http\nGET /a\n```\n\n[missing](nowhere.md)\n',
    'beta/api/a.md': '# Get a\n\n[!INCLUDE [note](../../includes/note.md)]\n\n## HTTP request\n\n```http\nGET /a/{id}\n```\n',
    'includes/note.md': 'A note.\n',
  });
  const link = join(tempTree({}), 'docs');
  symlinkSync(tree, link);
  const real = analyze([tree]);
  const viaLink = analyze([link]);
  assert.equal(viaLink.docsRoot, real.docsRoot);
  assert.deepEqual(viaLink.findings.map((f) => [f.rule, f.fingerprint]), real.findings.map((f) => [f.rule, f.fingerprint]));
  assert.deepEqual(listPages([link], [join(link, 'out')]).tasks.map((t) => t.abs), listPages([tree]).tasks.map((t) => t.abs));
  const two = analyze([join(tree, 'v1.0'), join(tree, 'beta')]);
  assert.equal(two.docsRoot, real.docsRoot);
  assert.deepEqual(two.pages.flatMap((p) => p.diagnostics.filter((d) => d.rule.startsWith('include-')).map((d) => d.rule)), []);
  assert.deepEqual(two.pages.map((p) => p.includes.map((i) => i.resolved)), [['includes/note.md'], ['includes/note.md']]);
});

test('a docmodel output folder inside the tree (another run\'s --out) is not read as docs, and says so: its reconciliation.md was a page of every other run', () => {
  const dir = tempTree({ 'a.md': GOOD, 'gen/reconciliation.md': '# docmodel reconciliation report\n', 'gen/.docmodel-manifest.json': '[]', 'sub/b.md': GOOD });
  const l = listPages([dir]);
  assert.deepEqual(l.tasks.map((t) => t.display), ['a.md', 'sub/b.md']);
  assert.deepEqual(l.runDiagnostics.map((d) => [d.rule, d.severity, d.src.file, d.message]), [['output-folder-skipped', 'info', 'gen', 'A docmodel output folder (it holds .docmodel-manifest.json); not read as docs']]);
  // The folder given itself is read (a user asking for it).
  assert.deepEqual(listPages([join(dir, 'gen')]).tasks.map((t) => t.display), ['reconciliation.md']);
});

test('issue 14: pages run under the time limit also with --workers 1 and few pages; a timeout is never cached', async () => {
  const dir = tempTree({ 'a.md': GOOD });
  const out = tempTree({});
  const cache = new PageCache(join(out, CACHE_FILE));
  const slow = await analyzeParallel([dir], { workers: 1, timeoutMs: 1, cache });
  assert.deepEqual(slow.pages[0]!.diagnostics.map((d) => d.rule), ['page-timeout']);
  cache.save();
  const cache2 = new PageCache(join(out, CACHE_FILE));
  assert.equal(cache2.get(join(dir, 'a.md')), undefined, 'the timeout was not cached');
  const ok = await analyzeParallel([dir], { workers: 1, cache: cache2 });
  assert.deepEqual(ok.pages[0]!.operations.map((o) => o.key), ['GET /things/{}']);
});

/** Analyze with a cache in `out` (in this thread), save, and return the page IRs as JSON. */
async function cachedRun(dir: string, out: string): Promise<{ json: string; changed: string[] }> {
  const cache = new PageCache(join(out, CACHE_FILE));
  const a = await analyzeParallel([dir], { workers: 0, cache });
  cache.save();
  return { json: toJson(a.pages), changed: a.changed ?? [] };
}

test('issue 14: the cache cannot lie: flipped bytes are a miss, a missing include created later is seen, __proto__ front matter is the same fresh and cached', async () => {
  const dir = tempTree({
    'a.md': '---\n__proto__: {polluted: yes}\ntitle: A\n---\n# Alpha page\n\n[!INCLUDE [later](includes/later.md)]\n',
    'b.md': GOOD,
  });
  const out = tempTree({});
  const fresh = await cachedRun(dir, out);
  assert.match(fresh.json, /"__proto__": \{\n\s*"polluted": "yes"/);
  const warm = await cachedRun(dir, out);
  assert.deepEqual(warm.changed, []);
  assert.equal(warm.json, fresh.json, 'fresh and cached IRs are identical');
  // flip one byte inside a cached IR (in its title text)
  const pagesFile = join(out, SHARD_DIR, `${shardOf(join(dir, 'a.md'))}.v8`);
  const bytes = readFileSync(pagesFile);
  const at = bytes.indexOf(Buffer.from('Alpha page'));
  assert.ok(at > 0);
  bytes[at] = 'B'.charCodeAt(0);
  writeFileSync(pagesFile, bytes);
  const afterFlip = await cachedRun(dir, out);
  assert.equal(afterFlip.json, fresh.json, 'a corrupt entry is re-read, never used');
  assert.deepEqual(afterFlip.changed.map((f) => f.split('/').pop()), ['a.md']);
  assert.deepEqual((await cachedRun(dir, out)).changed, [], 'the shard with the corrupt entry was rewritten');
  // the include that did not exist is created: the page is re-read
  const unresolved = JSON.parse(fresh.json)[0].includes[0];
  assert.equal(unresolved.kind, 'unresolved');
  mkdirSync(join(dir, 'includes'));
  writeFileSync(join(dir, 'includes/later.md'), '## Later section\n');
  const later = await cachedRun(dir, out);
  assert.deepEqual(later.changed.map((f) => f.split('/').pop()), ['a.md']);
  assert.equal(JSON.parse(later.json)[0].includes[0].kind, 'content');
  // a corrupt index is an empty cache, not an error
  const idx = readFileSync(join(out, CACHE_FILE));
  idx[idx.length - 3] ^= 0xff;
  writeFileSync(join(out, CACHE_FILE), idx);
  const afterIndex = await cachedRun(dir, out);
  assert.equal(afterIndex.changed.length, 2);
  assert.equal(afterIndex.json, later.json);
});

test('issue 14: one link with a bad percent-escape is its own finding; the real broken links of the tree are still reported', () => {
  const dir = tempTree({ 'a.md': '# A\n\n[bad](bad%zz.md) and [gone](missing.md)\n\n[!INCLUDE [i](inc%zz.md)]\n', 'b.md': '# B\n\n[gone too](other-missing.md)\n' });
  const a = analyze([dir]);
  assert.deepEqual(a.findings.filter((f) => f.rule === 'rule-failed'), []);
  assert.deepEqual(a.findings.filter((f) => f.rule === 'link-broken').map((f) => f.message).sort(), ['Link target missing.md does not exist', 'Link target other-missing.md does not exist']);
  assert.deepEqual(a.findings.filter((f) => f.rule === 'link-malformed').map((f) => `${f.sides[0]!.file}:${f.sides[0]!.line} ${f.message}`), ['a.md:3 Link target bad%zz.md has a malformed percent-escape']);
  assert.deepEqual(a.pages[0]!.diagnostics.filter((d) => d.rule.startsWith('include')).map((d) => d.message), ['Include target inc%zz.md has a malformed percent-escape']);
});

test('a part of a docs tree: the whole-tree rules are not run and tree-partial names them; a link that cannot be a page (link-malformed) is still reported', () => {
  // 20 links to pages the tree lacks (the partial threshold), one to a name a template left unfilled, one to a page it has.
  const links = Array.from({ length: 20 }, (_, i) => `[p${i}](../resources/p${i}.md)`).join('\n\n');
  const dir = tempTree({ 'v1.0/api/a.md': `# A\n\n${links}\n\n[user](../resources/-user.md)\n\n[b](b.md)\n`, 'v1.0/api/b.md': '# B\n\nText.\n' });
  const a = analyze([dir]);
  const partial = a.findings.filter((f) => f.rule === 'tree-partial');
  assert.equal(partial.length, 1);
  assert.match(partial[0]!.message, /^20 of the 21 links between pages \(95%\) .* What the tree lacks \(link-broken, methods-link-missing-page, operation-missing-in-beta, operation-resource-missing, permissions-include-missing, type-undefined\) is not reported;/);
  assert.deepEqual(a.findings.filter((f) => f.rule === 'link-broken'), []);
  assert.deepEqual(a.findings.filter((f) => f.rule === 'link-malformed').map((f) => `${f.sides[0]!.file}:${f.sides[0]!.line} ${f.message}`), ['v1.0/api/a.md:43 Link target ../resources/-user.md is malformed (template left unfilled?)']);
  // The same pages told whole: the 20 missing targets are link-broken's, and tree-partial says nothing.
  const w = analyze([dir], [], undefined, { wholeTree: true });
  assert.deepEqual(w.findings.filter((f) => f.rule === 'tree-partial'), []);
  assert.equal(w.findings.filter((f) => f.rule === 'link-broken').length, 20);
});

test('a folder of a tree checked on its own (no --root) is a part: its links to the sibling folders count as links to pages it lacks (they were skipped, and the whole-tree rules flooded it)', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 20; i++) {
    files[`v1.0/api/w${i}-get.md`] = `# Get w${i}\n\n## HTTP request\n\n\`\`\`http\nGET /w${i}\n\`\`\`\n\nReturns a [w${i}](../resources/w${i}.md) object.\n`;
    files[`v1.0/resources/w${i}.md`] = `# w${i} resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | Id. |\n`;
  }
  const dir = tempTree(files);
  const whole = analyze([dir]);
  assert.deepEqual(whole.findings.filter((f) => f.rule === 'tree-partial'), []);
  const api = analyze([join(dir, 'v1.0/api')]);
  const partial = api.findings.filter((f) => f.rule === 'tree-partial');
  assert.equal(partial.length, 1);
  assert.match(partial[0]!.message, /^20 of the 20 links between pages \(100%\) lead to pages this tree does not have \(20 of them out of the folder checked\) \(\.\.\/resources\/w0\.md \(w0-get\.md:/);
  assert.deepEqual(api.findings.filter((f) => f.rule === 'operation-missing-in-beta' || f.rule === 'operation-resource-missing'), []);
});

test('issue 14: "inside the output" is a path test, not a prefix test (--watch with output gen ignored input gen-docs)', () => {
  assert.equal(isInside('/w/gen', '/w/gen-docs/a.md'), false);
  assert.equal(isInside('/w/gen', '/w/gen/ir/a.json'), true);
  assert.equal(isInside('/w', '/w/..hidden/a.md'), true);
  assert.equal(isInside('/w/x', '/w/y'), false);
});

test('issue 14: merging a 100,000-row property table is linear (was quadratic, over 200 s)', () => {
  const text = '# thing resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | Id. |\n| p0 | String | P. |\n';
  const ir = processText('resources/thing.md', '/r/resources/thing.md', text);
  const one = ir.resource!.properties[1]!;
  for (let i = 1; i < 100_000; i++) ir.resource!.properties.push({ ...one, name: `p${i}` });
  const model = within(10_000, 'buildModel', () => buildModel([ir]));
  assert.equal(model.types[0]!.properties.length, 100_001);
});

test('issue 14: a rule over its budget on one page gives rule-timeout for that page; the other pages keep their findings', () => {
  const dir = tempTree({ 'fast.md': GOOD, 'slow.md': GOOD.replace(/thing/g, 'other') });
  const a = analyze([dir]);
  const slowRule: Rule = {
    id: 'test-slow', input: 'model', severity: 'warning', contexts: ['page'], summary: 's', description: 'd', example: { before: '', after: '' },
    check({ pages }) {
      return pages.map((p) => {
        if (p.file.endsWith('slow.md')) { const t = performance.now(); while (performance.now() - t < 600) { /* busy: far past the 30 ms budget and its 60 ms watchdog, even on a loaded machine */ } }
        return { rule: 'test-slow', context: 'page' as const, subject: p.file, field: 'x', message: 'seen', sides: [] };
      });
    },
  };
  const findings = reconcile({ model: a.model, pages: a.model.documents, tree: { exists: () => undefined, absOf: () => undefined } }, [slowRule], { pageMs: 30 });
  assert.deepEqual(findings.map((f) => [f.rule, f.subject.split('/').pop(), f.field]), [['test-slow', 'fast.md', 'x'], ['rule-timeout', 'slow.md', 'test-slow']]);
  assert.match(findings[1]!.message, /^Rule test-slow was stopped after \d+ ms on .*slow\.md, over its 30 ms budget; its findings on that page are not reported$/);
});

/** Three pages, the middle one hang.md (see hangsOnHangMd), analysed; `seen` for the rule to fill. */
function hangTree(): { a: ReturnType<typeof analyze>; seen: string[] } {
  const dir = tempTree(Object.fromEntries(['a.md', 'hang.md', 'z.md'].map((f) => [f, GOOD.replace(/thing/g, f.slice(0, -3))])));
  return { a: analyze([dir]), seen: [] };
}

/** A rule's check that never returns on a page named hang.md and notes every other page it sees. */
function hangsOnHangMd(rule: string, seen: string[]): (input: { pages: Document[] }) => FindingDraft[] {
  return ({ pages: ps }) => ps.map((p) => {
    if (p.file.endsWith('hang.md')) for (;;) { /* forever */ }
    seen.push(p.file.split('/').pop()!);
    return { rule, context: 'page' as const, subject: p.file, field: 'x', message: 'seen', sides: [] };
  });
}

test('issue 14: a rule that never returns is stopped — on one page (the next pages still run) and on the whole tree (the other rules still run)', () => {
  const { a, seen } = hangTree();
  const hangOnPage: Rule = {
    id: 'test-hang-page', input: 'model', severity: 'warning', contexts: ['page'], summary: 's', description: 'd', example: { before: '', after: '' },
    check: hangsOnHangMd('test-hang-page', seen),
  };
  const hangOnTree: Rule = {
    id: 'test-hang-tree', input: 'model', severity: 'warning', contexts: ['variant'], summary: 's', description: 'd', example: { before: '', after: '' },
    check() { for (;;) { /* forever */ } },
  };
  const t = performance.now();
  const findings = reconcile({ model: a.model, pages: a.model.documents, tree: { exists: () => undefined, absOf: () => undefined } }, [hangOnPage, hangOnTree], { pageMs: 50, treeMs: 100 });
  assert.ok(performance.now() - t < 60_000, 'bounded');
  assert.deepEqual(seen, ['a.md', 'z.md']);
  assert.deepEqual(findings.map((f) => [f.rule, f.subject.split('/').pop(), f.field]), [
    ['test-hang-page', 'a.md', 'x'], ['rule-timeout', 'hang.md', 'test-hang-page'], ['rule-timeout', 'test-hang-tree', 'rule'], ['test-hang-page', 'z.md', 'x'],
  ]);
});

test('issue 14 + 15: a page rule that never returns on one page is stopped there; the memo records the other pages, never the stopped one', () => {
  const { a, seen } = hangTree();
  const hangOnPage: PageRule = {
    id: 'test-hang-page-rule', input: 'page', severity: 'warning', contexts: ['page'], summary: 's', description: 'd', example: { before: '', after: '' },
    check: hangsOnHangMd('test-hang-page-rule', seen),
  };
  const memo = new UnitFindingMemo(undefined);
  const run = () => {
    memo.beginRun(new Map(a.pages.map((p) => [p.file, irDigest(p)])));
    seen.length = 0;
    const f = reconcile({ model: a.model, pages: a.model.documents, tree: { exists: () => undefined, absOf: () => undefined } }, [hangOnPage], { pageMs: 50 }, { pages: memo });
    memo.save();
    return f.map((x) => [x.rule, x.subject.split('/').pop(), x.field]);
  };
  const expected = [['test-hang-page-rule', 'a.md', 'x'], ['rule-timeout', 'hang.md', 'test-hang-page-rule'], ['test-hang-page-rule', 'z.md', 'x']];
  assert.deepEqual(run(), expected);
  assert.deepEqual(seen, ['a.md', 'z.md']);
  // The next run takes a and z from the memo and tries the stopped page again (under less load it may finish).
  assert.deepEqual(run(), expected);
  assert.deepEqual(seen, []);
});

test('issue 14: a drift rule that never returns is stopped; the other drift rules keep their findings', () => {
  const hang: Rule = { id: 'test-hang-drift', input: 'drift', severity: 'warning', contexts: ['drift'], summary: 's', description: 'd', example: { before: '', after: '' }, check() { for (;;) { /* forever */ } } };
  const ok: Rule = {
    id: 'test-ok-drift', input: 'drift', severity: 'info', contexts: ['drift'], summary: 's', description: 'd', example: { before: '', after: '' },
    check: () => [{ rule: 'test-ok-drift', context: 'drift' as const, subject: 's', field: 'f', message: 'm', sides: [] }],
  };
  const findings = drift({} as never, [hang, ok], { treeMs: 50 });
  assert.deepEqual(findings.map((f) => [f.rule, f.subject]), [['rule-timeout', 'test-hang-drift'], ['test-ok-drift', 's']]);
});

test('names that are Object.prototype keys (__proto__, constructor) are keys like any other: an OpenAPI schema keeps a __proto__ property, front matter keeps the line of a constructor key, a folder named __proto__ is an area of the report (each was dropped)', () => {
  const page = '---\ntitle: "thing resource type"\nconstructor: x\n---\n\n# thing resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| \\_\\_proto\\_\\_ | String | A property named like a prototype key. |\n| constructor | String | Another. |\n| id | String | The id. |\n\n[x](missing.md)\n';
  const a = analyze([tempTree({ '__proto__/thing.md': page })]);
  const doc = a.pages[0]!;
  assert.equal(doc.frontMatterLines['constructor'], 3);
  const { document } = openApiDocument(versionsFromModel(a.model, a.findings, (f) => f).find((v) => v.version === 'v1.0')!);
  const schema = (document.components as { schemas: Record<string, { properties: Record<string, unknown> }> }).schemas['microsoft.graph.thing']!;
  assert.deepEqual(Object.keys(schema.properties), ['__proto__', 'constructor', 'id']);
  assert.ok(JSON.parse(JSON.stringify(document)).components.schemas['microsoft.graph.thing'].properties.__proto__);
  const data = reportData(a.model, a.findings, '0', a.runDiagnostics);
  assert.deepEqual(Object.keys(data.summary.byArea), ['__proto__']);
  assert.equal(data.summary.byArea['__proto__'], a.findings.length);
});

test('issue 14: file names cannot inject HTML, table rows, lines or bidi overrides into the Markdown, text, HTML or SARIF reports', () => {
  const evil = 'evil|<img src=x onerror=alert(1)>\n| injected | row |\u202e)(#?%.md';
  const dir = tempTree({ [evil]: '# Evil <b>title</b>\n\n[x](missing.md)\n\n```http\nGET /x\n```\n' });
  const a = analyze([dir]);
  assert.ok(a.findings.some((f) => f.sides[0]?.file.includes('evil|')), 'a finding on the evil page');
  const data = reportData(a.model, a.findings, '0', a.runDiagnostics);
  const reports = Object.fromEntries((['markdown', 'text', 'html', 'sarif'] as const).map((f) => [f, renderReport(f, data, '.')]));
  for (const [f, r] of Object.entries(reports)) {
    if (f !== 'text') assert.ok(!r.includes('<img'), `${f}: raw <img`); // text is for a terminal: one line per item, no controls; markup there is inert
    assert.ok(!r.includes('\u202e'), `${f}: bidi override`);
    assert.ok(!r.split('\n').some((l) => /^\s*\| injected/.test(l) || /^\s*\|?\s*injected/.test(l.trimStart())), `${f}: injected line`);
  }
  // Markdown links: the target is one percent-encoded token
  const links = [...reports.markdown!.matchAll(/\]\(([^)]*evil[^)]*)\)/g)].map((m) => m[1]!);
  assert.ok(links.length > 0);
  for (const l of links) assert.match(l, /^[A-Za-z0-9%._~/-]+#L\d+$/);
  // SARIF: the URI is percent-encoded per segment and decodes back to the file name
  const sarif = JSON.parse(reports.sarif!) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
  const uris = sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri).filter((u) => u.includes('evil'));
  assert.ok(uris.length > 0);
  for (const u of uris) {
    assert.match(u, /^[A-Za-z0-9%._~/-]+$/);
    assert.equal(decodeURIComponent(u.split('/').pop()!), evil);
  }
});

test('issue 14: a page over the worker memory budget becomes page-memory-exceeded (never cached), the pool goes on', async () => {
  const dir = tempTree({ 'a.md': GOOD, 'b.md': GOOD });
  const tasks = ['a.md', 'b.md'].map((f) => ({ abs: join(dir, f), display: f, root: dir }));
  const r = await processInPool(tasks, { workers: 1, memoryMb: 4 });
  assert.deepEqual(r.map((p) => p.diagnostics.map((d) => d.rule)), [['page-memory-exceeded'], ['page-memory-exceeded']]);
  assert.ok(TRANSIENT_RULES.has('page-memory-exceeded'));
});
