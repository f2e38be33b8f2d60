/**
 * Partial checks (a pull request's changed pages): with --root, includes resolve against the
 * root and tree-level rules see the whole tree, so the findings for a changed page are exactly
 * those a full check gives for it. On a fixture copied from the 2021-07 corpus (always), and on
 * the whole 2021-07 corpus (skipped with a message when ../shared is absent).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, type Finding } from '../src/index.js';
import { concernsPages } from '../src/checks/policy.js';
import { ROOT, corpusTree, CORPUS_SKIP, tempDir } from './helpers.js';

const FIXTURE = join(ROOT, 'test/fixtures/partial/api-reference');
const CLI = join(ROOT, 'dist/src/cli/main.js');
// The fixture stands for a docs repository's whole tree (six pages copied from the corpus, most of whose links lead to
// pages left out: tree-partial would take it for a part of a tree).
const whole = { wholeTree: true };
const key = (f: Finding) => `${f.fingerprint} ${f.severity} ${f.rule} ${f.sides.map((s) => `${s.file}:${s.line}`).join(' ')}`;

test('partial check of one changed page with includes = the full check restricted to that page (fixture from the corpus)', async () => {
  const page = 'v1.0/api/user-list-manager.md';
  const full = await check({ inputs: [FIXTURE], workers: 1, ...whole });
  const expected = full.findings.filter((f) => concernsPages(f, new Set([page]))).map(key);
  assert.equal(expected.length, 2, expected.join('\n'));
  const partial = await check({ root: FIXTURE, changed: [join(FIXTURE, page)], workers: 1, ...whole });
  assert.deepEqual(partial.findings.map(key), expected);
  assert.deepEqual([...partial.partial!.pages], [page]);
  // The whole root was read (the page's beta counterpart and the other pages are there for cross-page rules)…
  assert.ok(partial.analysis.pages.some((p) => p.file === 'beta/api/user-list-manager.md'));
  // Six pages; the seventh file is the include fragment, read as part of the pages that include it.
  assert.deepEqual(partial.analysis.pages.map((p) => p.file), [
    'beta/api/user-list-manager.md', 'beta/api/user-list-memberof.md', 'v1.0/api/user-get.md',
    'v1.0/api/user-list-manager.md', 'v1.0/api/user-list-memberof.md', 'v1.0/resources/user.md',
  ]);
  // …and the include resolved against the root: no include-outside-root diagnostic on the page.
  assert.ok(!partial.data.diagnostics.some((d) => d.rule === 'include-outside-root'));
  assert.ok(partial.analysis.pages.find((p) => p.file === page)!.includes.some((i) => i.resolved === 'includes/limited-info.md'));

  // Without the root, the file is its own root: the include is lost, the variants are not seen.
  const alone = await check({ inputs: [join(FIXTURE, page)], workers: 1 });
  assert.ok(alone.data.diagnostics.some((d) => d.rule === 'include-outside-root'));
  assert.equal(alone.analysis.pages.length, 1);
});

test('a changed include fragment reports on every page that includes it; a deleted page on the pages linking to it', async () => {
  const r = await check({ root: FIXTURE, changed: [join(FIXTURE, 'includes/limited-info.md')], workers: 1, ...whole });
  assert.deepEqual([...r.partial!.pages].sort(), ['beta/api/user-list-manager.md', 'beta/api/user-list-memberof.md', 'v1.0/api/user-list-manager.md', 'v1.0/api/user-list-memberof.md']);
  const gone = await check({ root: FIXTURE, changed: [join(FIXTURE, 'v1.0/api/user-revokesigninsessions.md')], workers: 1, ...whole });
  assert.deepEqual([...gone.partial!.pages], ['v1.0/resources/user.md'], 'the resource page links to the deleted page');
  assert.ok(gone.findings.every((f) => concernsPages(f, new Set(['v1.0/resources/user.md']))));
  assert.ok(gone.findings.some((f) => f.rule === 'link-broken' && /user-revokesigninsessions\.md/.test(f.message)));
});

test('check --root --changed-from: the CLI form, with paths outside the root ignored and counted', () => {
  const dir = tempDir('partial');
  const tree = join(dir, 'repo', 'docs');
  cpSync(FIXTURE, tree, { recursive: true });
  writeFileSync(join(dir, 'repo', 'changed.txt'), 'docs/v1.0/api/user-list-manager.md\nREADME.md\n# a comment\n\n');
  const r = spawnSync(process.execPath, [CLI, 'check', '--root', 'docs', '--changed-from', 'changed.txt', '-f', 'json', '--workers', '1', '--whole-tree'], { cwd: join(dir, 'repo'), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const fs = JSON.parse(r.stdout).findings as Finding[];
  assert.equal(fs.length, 2);
  assert.match(r.stderr, /partial: 1 changed file\(s\) under the root → 1 page\(s\) reported on, 1 path\(s\) ignored \(outside the root or not pages\)/);
  const gh = spawnSync(process.execPath, [CLI, 'check', '--root', 'docs', 'docs/v1.0/api/user-list-manager.md', '-f', 'github', '-q', '--workers', '1', '--whole-tree'], { cwd: join(dir, 'repo'), encoding: 'utf8' });
  const lines = gh.stdout.trim().split('\n');
  assert.equal(lines.length, 2);
  // Annotations name files from the working directory (the repository root in a workflow).
  assert.ok(lines.every((l) => /^::(error|warning|notice) file=docs\/(v1\.0|beta)\/api\/user-list-manager\.md,line=\d+,col=\d+,title=/.test(l) || /file=docs\/v1\.0\/api\/user-get\.md/.test(l)), lines.join('\n'));
});

test('corpus: a partial check of one changed user page gives the same findings for it as a full check of the 2021-07 tree', { timeout: 20 * 60_000 }, async (t) => {
  const tree = corpusTree('2021-07');
  if (!tree) { t.skip(CORPUS_SKIP); return; }
  // a page with findings of its own and findings shared with other pages of its operation
  const page = 'v1.0/api/user-list-owneddevices.md';
  const cacheDir = tempDir('partial-cache');
  const full = await check({ root: tree, cacheDir });
  const expected = full.findings.filter((f) => concernsPages(f, new Set([page]))).map(key);
  assert.ok(expected.length > 0);
  const partial = await check({ root: tree, changed: [join(tree, page)], cacheDir });
  assert.deepEqual(partial.findings.map(key), expected);
  assert.equal(partial.analysis.changed!.length, 0, 'the second run read every page from the cache');
  assert.ok(!partial.data.diagnostics.some((d) => d.rule === 'include-outside-root'));
  assert.ok(!partial.findings.some((f) => f.rule === 'operation-resource-missing' && /\buser\b/.test(f.message)));
});

test('a --changed-from list as git writes it: a path with a non-ASCII or quote character is quoted and escaped (it named no file, and the page was skipped as outside the root)', async () => {
  const { readChangedList } = await import('../src/pipeline/partial.js');
  const { writeFileSync: write } = await import('node:fs');
  const { join: joinPath } = await import('node:path');
  const list = joinPath(tempDir('changed-'), 'changed.txt');
  write(list, '"docs/api reference/v1.0/api/us\\303\\251r-get.md"\r\ndocs/plain.md\n"docs/a\\"b.md"\n"docs/not\\qgit"\n');
  assert.deepEqual(readChangedList(list), ['docs/api reference/v1.0/api/usér-get.md', 'docs/plain.md', 'docs/a"b.md', '"docs/not\\qgit"']);
});
