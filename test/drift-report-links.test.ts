/**
 * Drift reports point each side into its own snapshot: the two trees are separate docs roots, so a
 * side of the old one (`side.snapshot` 'old') links into the old tree — Markdown and HTML links,
 * SARIF's OLD_SNAPSHOT uriBaseId, GitHub and JUnit paths — never into the new tree at the same
 * relative path (where a removed page does not exist). Real pages: the drift-breaking fixtures.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { drift } from '../src/index.js';
import { ROOT } from './helpers.js';

const D = join(ROOT, 'test/fixtures/corpus/drift-breaking');
const run = drift(join(D, '2020-05'), join(D, '2021-07'), { workers: 0 });
/** The report is written to D/out: the old tree is ../2020-05, the new one ../2021-07. */
const reportDir = join(D, 'out');

test('drift markdown and html: an old side links into the old tree, a new side into the new one', async () => {
  const r = await run;
  const removed = r.findings.find((f) => f.rule === 'drift-type-removed' && f.sides.length === 1 && f.sides[0]!.snapshot === 'old')!;
  const two = r.findings.find((f) => f.sides.length === 2 && f.sides[0]!.snapshot === 'old' && f.sides[1]!.snapshot === 'new')!;
  const md = r.report('markdown', { reportDir });
  const side = (s: { file: string; line: number }, tree: string) => `[${s.file}:${s.line}](../${tree}/${s.file}#L${s.line})`;
  assert.ok(md.includes(side(removed.sides[0]!, '2020-05')), removed.message);
  assert.ok(md.includes(side(two.sides[0]!, '2020-05')) && md.includes(side(two.sides[1]!, '2021-07')), two.message);
  assert.ok(!md.includes(`(../2021-07/${removed.sides[0]!.file}#L`), 'a removed page is not linked in the new tree');
  const html = r.report('html', { reportDir });
  assert.ok(html.includes('"base":"../2021-07/","oldBase":"../2020-05/"'));
  // A check's report has one tree: no oldBase.
  const { check } = await import('../src/index.js');
  const c = await check({ inputs: [join(D, '2021-07')], workers: 0 });
  assert.ok(!c.report('html', { reportDir }).includes('"oldBase"'));
});

test('drift sarif, github and junit: an old side is not placed under the new tree\'s path prefix', async () => {
  const r = await run;
  const removed = r.findings.find((f) => f.rule === 'drift-type-removed' && f.sides.length === 1 && f.sides[0]!.snapshot === 'old')!;
  const sarif = JSON.parse(r.report('sarif', { pathPrefix: 'docs/api-reference' })) as { runs: { originalUriBaseIds?: Record<string, unknown>; results: { partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[] }[] };
  const run0 = sarif.runs[0]!;
  assert.deepEqual(Object.keys(run0.originalUriBaseIds ?? {}), ['OLD_SNAPSHOT']);
  const res = run0.results.find((x) => Object.values(x.partialFingerprints).includes(removed.fingerprint))!;
  assert.deepEqual(res.locations[0]!.physicalLocation.artifactLocation, { uri: removed.sides[0]!.file, uriBaseId: 'OLD_SNAPSHOT' });
  const newOnes = run0.results.filter((x) => !x.locations[0]!.physicalLocation.artifactLocation.uriBaseId);
  assert.ok(newOnes.length > 0 && newOnes.every((x) => x.locations[0]!.physicalLocation.artifactLocation.uri.startsWith('docs/api-reference/')));
  const gh = r.report('github', { pathPrefix: 'new/api-reference', oldPathPrefix: 'old/api-reference' }).split('\n');
  const line = gh.find((l) => l.includes(removed.message))!;
  assert.ok(line.startsWith('::error title=drift-type-removed (docmodel)::') || line.startsWith('::warning title=drift-type-removed (docmodel)::') || line.startsWith('::notice title=drift-type-removed (docmodel)::'), line);
  assert.ok(line.includes(`::old/api-reference/${removed.sides[0]!.file}:${removed.sides[0]!.line} (`), line);
  const junit = r.report('junit', { oldPathPrefix: 'old' });
  assert.ok(junit.includes(`<testsuite name="old/${removed.sides[0]!.file} (old)"`));
});

test('drift CLI: --old-path-prefix names the old tree in github annotations; github defaults it to the old tree seen from the working directory', async () => {
  const { spawnSync } = await import('node:child_process');
  const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), 'drift', '2020-05', '2021-07', '-f', 'github', '--fail-on', 'never', '--quiet', '--workers', '1', ...args], { cwd: D, encoding: 'utf8' });
  const r = await run;
  const removed = r.findings.find((f) => f.rule === 'drift-type-removed' && f.sides.length === 1 && f.sides[0]!.snapshot === 'old')!;
  const line = (out: string) => out.split('\n').find((l) => l.includes(removed.message))!;
  const given = cli('--old-path-prefix', 'base/docs', '--path-prefix', 'docs');
  assert.equal(given.status, 0, given.stderr);
  assert.ok(line(given.stdout).includes(`::base/docs/${removed.sides[0]!.file}:${removed.sides[0]!.line} (`), line(given.stdout));
  assert.ok(given.stdout.includes('file=docs/'), 'new sides keep --path-prefix');
  const byDefault = cli();
  assert.ok(line(byDefault.stdout).includes(`::2020-05/${removed.sides[0]!.file}:${removed.sides[0]!.line} (`), line(byDefault.stdout));
});
