/**
 * The metadata comparison as part of `docmodel check` (config `metadata`, or `--metadata`): a
 * real page (2020-05 user.md) and an excerpt of the real v1.0 CSDL of the next day, laid out as
 * a repository (config at the top, docs under docs/api-reference, metadata under meta/). Its
 * findings are ordinary findings: rule settings, suppressions, baseline, --fail-on and every
 * report format apply; paths are relative to the docs root; the model is not changed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { check } from '../src/index.js';
import { serializeModel } from '../src/model/serialize.js';
import type { Finding } from '../src/checks/types.js';
import { ROOT, tempTree } from './helpers.js';

const FIX = join(ROOT, 'test/fixtures/metadata');
const CLI = join(ROOT, 'dist/src/cli/main.js');

/** A repository: docmodel.config.json (with `extra`), the page under docs/api-reference, the CSDL and scope catalogue under meta/. */
function repo(extra: Record<string, unknown> = {}): string {
  const dir = tempTree({
    'docs/api-reference/v1.0/resources/user.md': readFileSync(join(FIX, 'docs/v1.0/resources/user.md')),
    'meta/v1.0-user.csdl.xml': readFileSync(join(FIX, 'v1.0-user.csdl.xml')),
    'meta/permission-scopes-v1.0.xml': readFileSync(join(FIX, 'permission-scopes-excerpt.xml')),
  });
  writeConfig(dir, extra);
  return dir;
}

function writeConfig(dir: string, extra: Record<string, unknown>): void {
  writeFileSync(join(dir, 'docmodel.config.json'), JSON.stringify({
    root: 'docs/api-reference',
    metadata: [{ csdl: 'meta/v1.0-user.csdl.xml', scopes: ['meta/permission-scopes-v1.0.xml'] }],
    ...extra,
  }));
}

function run(cwd: string, args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
}

interface JsonReport { findings: Finding[]; summary: { byRule: Record<string, { error: number; warning: number; info: number }> } }

const line = (f: Finding) => `${f.severity} ${f.rule} ${f.subject} ${f.field} | ${f.sides.map((s) => `${s.file}:${s.line}:${s.column}${s.element ? ` [${s.element}]` : ''}`).join(' ; ')}`;

const WARNINGS = [
  'warning metadata-property-collection-differs user properties.otherMails.collection | v1.0/resources/user.md:159:2 ; ../../meta/v1.0-user.csdl.xml:122:1 [EntityType microsoft.graph.user/Property otherMails]',
  'warning metadata-property-missing user properties.createdDateTime | v1.0/resources/user.md:125:2 ; ../../meta/v1.0-user.csdl.xml:16:1 [EntityType microsoft.graph.user]',
  'warning metadata-property-missing user properties.preferredDataLocation | v1.0/resources/user.md:164:2 ; ../../meta/v1.0-user.csdl.xml:16:1 [EntityType microsoft.graph.user]',
  'warning metadata-property-missing user properties.refreshTokensValidFromDateTime | v1.0/resources/user.md:169:2 ; ../../meta/v1.0-user.csdl.xml:16:1 [EntityType microsoft.graph.user]',
  'warning metadata-property-nullable-differs user properties.usageLocation.nullable | v1.0/resources/user.md:178:2 ; ../../meta/v1.0-user.csdl.xml:161:1 [EntityType microsoft.graph.user/Property usageLocation]',
];

test('check with config "metadata": the metadata findings are findings of the check, both sides relative to the docs root', () => {
  const dir = repo();
  const r = run(dir, ['check', '-f', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout) as JsonReport;
  const meta = j.findings.filter((f) => f.context === 'metadata');
  assert.deepEqual(meta.filter((f) => f.severity === 'warning').map(line).sort(), WARNINGS);
  // The 16 info findings of `docmodel metadata` on the same files: 11 + 1 on the page, and the 4 undocumented types as 2 items (entity types, complex types).
  assert.deepEqual(Object.fromEntries(Object.entries(j.summary.byRule).filter(([k]) => k.startsWith('metadata-'))), {
    'metadata-navigation-undocumented': { error: 0, warning: 0, info: 11 },
    'metadata-property-collection-differs': { error: 0, warning: 1, info: 0 },
    'metadata-property-missing': { error: 0, warning: 3, info: 0 },
    'metadata-property-nullable-differs': { error: 0, warning: 1, info: 0 },
    'metadata-property-undocumented': { error: 0, warning: 0, info: 1 },
    'metadata-type-undocumented': { error: 0, warning: 0, info: 2 },
  });
  const types = meta.filter((f) => f.rule === 'metadata-type-undocumented');
  assert.deepEqual(types.map((f) => [f.subject, f.area, f.pages, f.instances!.map((i) => `${i.subject} ${i.sides.map((s) => `${s.file}:${s.line}`).join(' ')}`)]), [
    ['2 × subjects (first: assignedLicense)', '(tree)', [], ['assignedLicense ../../meta/v1.0-user.csdl.xml:308', 'passwordProfile ../../meta/v1.0-user.csdl.xml:316']],
    ['2 × subjects (first: directoryObject)', '(tree)', [], ['directoryObject ../../meta/v1.0-user.csdl.xml:13', 'entity ../../meta/v1.0-user.csdl.xml:5']],
  ]);
  // No absolute path anywhere; the same report from another working directory (config given with -c).
  assert.ok(!r.stdout.includes(dir), 'no absolute path in the report');
  mkdirSync(join(dir, 'elsewhere'));
  const again = run(join(dir, 'elsewhere'), ['check', '-f', 'json', '-c', '../docmodel.config.json']);
  assert.equal(again.stdout, r.stdout);
  // The metadata command on the same files: same findings, same sides (its paths as given).
  const m = run(dir, ['metadata', 'meta/v1.0-user.csdl.xml', '--scopes', 'meta/permission-scopes-v1.0.xml', '-f', 'json']);
  assert.equal(m.status, 0, m.stderr);
  const mj = JSON.parse(m.stdout) as { findings: { rule: string; severity: string; docs?: { line: number } }[] };
  assert.deepEqual(mj.findings.filter((f) => f.severity === 'warning').map((f) => `${f.rule}:${f.docs!.line}`).sort(), WARNINGS.map((w) => `${w.split(' ')[1]}:${/user\.md:(\d+)/.exec(w)![1]}`).sort());
});

test('check with metadata: rule settings, suppressions, baseline and --fail-on apply to metadata findings', () => {
  const dir = repo({
    rules: { 'metadata-property-missing': 'off', 'metadata-property-nullable-differs': 'error' },
    suppressions: [{ rule: 'metadata-property-collection-differs', selector: { subject: 'user', field: 'properties.otherMails.collection' }, reason: 'tracked in the service repo' }],
  });
  const r = run(dir, ['check', '-f', 'json', '--fail-on', 'error']);
  assert.equal(r.status, 1, 'the nullable finding set to error reaches --fail-on error');
  const meta = (JSON.parse(r.stdout) as JsonReport).findings.filter((f) => f.context === 'metadata' && f.severity !== 'info');
  assert.deepEqual(meta.map(line), [WARNINGS[4]!.replace(/^warning/, 'error')]);
  // 15 info: one is tree-partial (one resource page, most of whose links lead to pages this repository lacks)
  assert.match(r.stderr, /findings: 1 error, \d+ warning, 15 info \(not shown: 1 suppressed, 3 of rules turned off\)/);
  // Without the metadata entry the check has no error.
  writeConfig(dir, { metadata: undefined, rules: { 'metadata-property-nullable-differs': 'error' } });
  assert.equal(run(dir, ['check', '-f', 'json', '--fail-on', 'error']).status, 0);
  // --fail-on counts metadata findings like any other; a baseline hides them.
  writeConfig(dir, { rules: { 'link-broken': 'off', 'methods-link-missing-page': 'off', 'type-undefined': 'off', 'json-representation-mismatch': 'off', 'tree-partial': 'off' } });
  const all = run(dir, ['check', '-f', 'json', '-o', 'before.json', '--fail-on', 'warning']);
  assert.equal(all.status, 1, all.stderr);
  assert.match(all.stderr, /findings: 0 error, 5 warning, 14 info/);
  const base = run(dir, ['check', '-f', 'json', '--baseline', 'before.json', '--fail-on', 'info']);
  assert.equal(base.status, 0, base.stderr);
  // The baseline holds findings one by one: 5 warnings and 16 infos (the 4 undocumented types are 2 reported items).
  assert.match(base.stderr, /findings: 0 error, 0 warning, 0 info \(not shown: 21 in the baseline, /);
});

test('check with metadata: SARIF lists the metadata rules and puts the metadata side at its path in the repository', () => {
  const dir = repo();
  const r = run(dir, ['check', '-f', 'sarif', '--path-prefix', 'docs/api-reference']);
  assert.equal(r.status, 0, r.stderr);
  const run0 = JSON.parse(r.stdout).runs[0];
  const rule = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'metadata-property-collection-differs');
  assert.deepEqual([rule.shortDescription.text, rule.defaultConfiguration.level, rule.properties.contexts], ['The docs and the service disagree on whether a property is a collection', 'warning', ['metadata']]);
  const res = run0.results.find((x: { ruleId: string }) => x.ruleId === 'metadata-property-collection-differs');
  assert.deepEqual([res.locations[0].physicalLocation, res.relatedLocations[0].physicalLocation, res.relatedLocations[0].message.text], [
    { artifactLocation: { uri: 'docs/api-reference/v1.0/resources/user.md' }, region: { startLine: 159, startColumn: 2 } },
    { artifactLocation: { uri: 'meta/v1.0-user.csdl.xml' }, region: { startLine: 122, startColumn: 1 } },
    'v1.0 EntityType microsoft.graph.user/Property otherMails = Collection(Edm.String)',
  ]);
  // Every other format renders them too.
  const formats = ['text', 'markdown', 'html', 'github', 'junit'];
  const o = run(dir, ['check', ...formats.flatMap((f) => ['-f', f, '-o', `report.${f}`]), '--path-prefix', 'docs/api-reference']);
  assert.equal(o.status, 0, o.stderr);
  for (const f of formats) assert.ok(readFileSync(join(dir, `report.${f}`), 'utf8').includes('metadata-property-nullable-differs'), f);
  assert.match(readFileSync(join(dir, 'report.github'), 'utf8'),
    /^::warning file=docs\/api-reference\/v1\.0\/resources\/user\.md,line=178,col=2,title=metadata-property-nullable-differs \(docmodel\)::.*↔ meta\/v1\.0-user\.csdl\.xml:161 \(v1\.0\): EntityType microsoft\.graph\.user\/Property usageLocation = Nullable=true/m);
});

test('check with metadata: the model is the same bytes with and without it; the other findings are unchanged', async () => {
  const dir = repo();
  const root = join(dir, 'docs/api-reference');
  const without = await check({ root, workers: 1 });
  const withMeta = await check({ root, workers: 1, metadata: [{ csdl: join(dir, 'meta/v1.0-user.csdl.xml'), scopes: [join(dir, 'meta/permission-scopes-v1.0.xml')] }] });
  assert.equal(JSON.stringify(serializeModel(withMeta.analysis.model)), JSON.stringify(serializeModel(without.analysis.model)));
  assert.deepEqual(withMeta.findings.filter((f) => f.context !== 'metadata'), without.findings);
  assert.equal(withMeta.findings.filter((f) => f.context === 'metadata').length, 21); // one by one, as `docmodel metadata` counts them
});

test('check with metadata: a missing CSDL file is a one-line config error naming it (exit 2); --scopes needs --metadata', () => {
  const dir = repo({ metadata: [{ csdl: 'meta/v1.0.csdl.xml' }] });
  const r = run(dir, ['check']);
  assert.equal(r.status, 2);
  assert.equal(r.stderr, `docmodel: ${join(dir, 'docmodel.config.json')}: metadata: cannot read the CSDL file meta/v1.0.csdl.xml (ENOENT)\n`);
  assert.equal(r.stdout, '');
  const flag = run(dir, ['check', '--metadata', 'docs/api-reference/v1.0/resources/user.md']);
  assert.equal(flag.status, 2);
  assert.equal(flag.stderr, 'docmodel: docs/api-reference/v1.0/resources/user.md: no <Schema> under <edmx:Edmx><edmx:DataServices> (not an OData CSDL document)\n');
  const scopes = run(dir, ['check', '--scopes', 'meta/permission-scopes-v1.0.xml']);
  assert.equal(scopes.status, 2);
  assert.equal(scopes.stderr, 'docmodel: --scopes needs --metadata (the CSDL file the catalogue belongs with)\n');
});

test('check with metadata: what the comparison counts and does not report is one metadata-not-reported diagnostic a class, at the catalogue', () => {
  const dir = repo();
  // A permission the catalogue excerpt lacks (as the 2020-05 catalogue lacks Schedule.ReadWrite.All, v1.0/api/timeoffrequest-get.md:24).
  mkdirSync(join(dir, 'docs/api-reference/v1.0/api'));
  writeFileSync(join(dir, 'docs/api-reference/v1.0/api/schedule-get.md'), [
    '---', 'title: "Get schedule"', 'doc_type: apiPageType', '---', '', '# Get schedule', '', '## Permissions', '',
    '|Permission type|Permissions (from least to most privileged)|', '|:---|:---|', '|Delegated (work or school account)|Schedule.ReadWrite.All|',
    '|Delegated (personal Microsoft account)|Not supported.|', '|Application|Schedule.ReadWrite.All|', '', '## HTTP request', '', '```http', 'GET /teams/{teamId}/schedule', '```', '',
  ].join('\n'));
  const r = run(dir, ['check', '-f', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout) as JsonReport & { diagnostics?: { rule: string; message: string; file?: string; src?: { file: string; line: number } }[] };
  assert.ok(!j.findings.some((f) => f.rule === 'metadata-permission-unknown'), 'not-in-catalogue is not reported');
  assert.match(r.stdout, /v1\.0: 2 metadata finding\(s\) of policy not-in-catalogue counted, not reported — well-formed permission names/);
});
