/**
 * Report formats: SARIF validated against the official SARIF 2.1.0 schema, the terminal text,
 * suppressions and baselines, and the HTML report in a real headless Chromium (skipped with a
 * message when /usr/bin/chromium is absent; .ci/run installs it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import { analyze } from '../src/pipeline/in-thread.js';
import { reportData } from '../src/emit/reports/report-data.js';
import { renderReport, withFindings } from '../src/emit/reports/formats.js';
import { applyBaseline, applySuppressions, asBaseline, baselineFile, loadBaseline, loadSuppressions, SuppressionError } from '../src/checks/suppress.js';
import { htmlReport } from '../src/emit/reports/html.js';
import { INPUT, tempTree, page, tempDir } from './helpers.js';
import type { Finding } from '../src/checks/types.js';
import { HOSTILE } from './hostile-page.js';

const require = createRequire(import.meta.url);
const SARIF_SCHEMA = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function seedData() {
  const a = analyze([INPUT]);
  return { a, data: reportData(a.model, a.findings, '0.0.0-test') };
}

test('SARIF output validates against the official SARIF 2.1.0 schema and carries both sides', () => {
  const { a, data } = seedData();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const sarif: any = JSON.parse(renderReport('sarif', data, '.'));
  // The official schema has a pattern that is not valid with the u flag (`{2}]?`): compile without it.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
  assert.ok(validate(sarif as object), ajv.errorsText(validate.errors));
  const run = sarif.runs[0];
  // One result per reported item (root cause) with a side, and one per diagnostic (registered, src/checks/diagnostics.ts):
  // 31 findings on the seeds are 28 items (the 4 body-table-create-wording ones are one template)
  assert.equal(a.findings.length, 31);
  assert.equal(run.results.length, data.findings.filter((f) => f.sides.length).length + data.diagnostics.length);
  assert.equal(data.findings.length, 28);
  // PATCH /users: the Intune workload pages (001, 002) are not compared with user-update; beta user-update (003) vs v1.0 (004) differ
  const status = run.results.find((r: { ruleId: string }) => r.ruleId === 'response-status-differs');
  assert.equal(status.level, 'note');
  assert.equal(status.locations[0].physicalLocation.artifactLocation.uri, '003_0fc59fc350b59631.txt');
  assert.equal(status.relatedLocations.length, 1);
  assert.equal(status.properties.area, 'microsoft-identity-platform');
  const wording = run.results.find((r: { ruleId: string }) => r.ruleId === 'body-table-create-wording');
  assert.equal(wording.properties.instances.length, 4);
  assert.deepEqual(wording.properties.pages, ['000_5be97bd32e2c4279.txt', '001_b74111fdae0f9f28.txt', '002_3cb1465fe3e08b31.txt', '003_0fc59fc350b59631.txt']);
  assert.match(status.partialFingerprints['docmodel/v1'], /^[0-9a-f]{16}$/);
  assert.ok(run.tool.driver.rules.some((r: { id: string }) => r.id === 'response-status-differs'));
  // and a broken log does not validate (the check can fail)
  delete sarif.runs[0].tool;
  assert.equal(validate(sarif as object), false);
});

test('SARIF holds every finding: one with no place in a page (tree-partial) is a run notification, not left out; a SARIF baseline covers a merged result\'s instances and those; a suppression may name the merged fingerprint the reports show', () => {
  const dir = tempTree({ 'a.md': readFileSync(join(INPUT, '000_5be97bd32e2c4279.txt'), 'utf8') });
  const a = analyze([INPUT, dir]);
  const data = reportData(a.model, a.findings, '0.0.0-test');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const sarif: any = JSON.parse(renderReport('sarif', data, '.'));
  const sideless = data.findings.filter((f) => f.sides.length === 0);
  assert.ok(sideless.some((f) => f.rule === 'tree-partial'));
  assert.deepEqual(sarif.runs[0].invocations[0].toolExecutionNotifications.map((n: { associatedRule: { id: string }; properties: { fingerprint: string } }) => [n.associatedRule.id, n.properties.fingerprint]), sideless.map((f) => [f.rule, f.fingerprint]));
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  const validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
  assert.ok(validate(sarif as object), ajv.errorsText(validate.errors));
  // Every finding of the run is in a baseline read back from that SARIF (merged ones were not: the log held only the merged fingerprint).
  const file = join(tempDir('sarif'), 'base.sarif');
  writeFileSync(file, JSON.stringify(sarif));
  assert.deepEqual(applyBaseline(a.findings, loadBaseline(file)).map((f) => f.rule), []);
  // A suppression naming a merged fingerprint (body-table-create-wording on the 4 seed pages and the copy: one item) silences its 5 findings.
  const merged = data.findings.find((f) => f.rule === 'body-table-create-wording')!;
  assert.equal(merged.instances?.length, 5);
  const r = applySuppressions(a.findings, [{ rule: merged.rule, fingerprint: merged.fingerprint, reason: 'known' }], a.model.documents);
  assert.equal(r.suppressed, 5);
  assert.deepEqual(r.findings.filter((f) => f.rule === merged.rule), []);
});

test('terminal text groups findings by file; control characters never reach the terminal', () => {
  const { data } = seedData();
  const text = renderReport('text', data, '.', { color: false });
  assert.match(text, /^003_0fc59fc350b59631\.txt\n/m);
  assert.match(text, /^ {2}311:1 +warning Malformed status line "HTTP 1\.1 200 OK" {2}status-line-malformed$/m);
  // cross-version info findings are left out of the human formats unless --all
  assert.match(text, /\n22 findings: 0 error, 19 warning, 3 info \(6 cross-version info findings not shown: --all shows them\)\n$/);
  assert.match(renderReport('text', data, '.', { color: false, all: true }), /\n28 findings: 0 error, 19 warning, 9 info\n$/);
  assert.match(renderReport('text', data, '.', { color: false, groupBy: 'area' }), /^area microsoft-identity-platform\n/m);
  assert.match(renderReport('text', data, '.', { color: false, areas: ['.'] }), /\n8 findings: 0 error, 6 warning, 2 info \(1 cross-version info findings not shown: --all shows them\)\n$/);
  assert.ok(!/\x1b\[/.test(text), 'no color codes when color is off');
  assert.ok(/\x1b\[31m/.test(renderReport('text', data, '.', { color: true })));
});

test('suppressions: by fingerprint or selector, with a required reason; expired ones are reported', () => {
  const { a } = seedData();
  const target = a.findings.find((f) => f.rule === 'status-line-malformed')!;
  const dir = tempTree({
    'ok.json': JSON.stringify({ suppressions: [
      { rule: 'status-line-malformed', fingerprint: target.fingerprint, reason: 'template page, fixed upstream' },
      { rule: 'body-property-missing', selector: { subject: 'PATCH /users/{user-id}' }, reason: 'body tables are subsets by design', expires: '2099-01-01' },
      { rule: 'content-length-mismatch', selector: { file: '004_fd11c5a4c97dea3e.txt' }, reason: 'old page', expires: '2020-01-01' },
    ] }),
    'no-reason.json': JSON.stringify([{ rule: 'status-line-malformed', fingerprint: 'x' }]),
    'unknown.json': JSON.stringify([{ rule: 'no-such-rule', fingerprint: 'x', reason: 'r' }]),
  });
  const r = applySuppressions(a.findings, loadSuppressions(join(dir, 'ok.json')), a.pages, '2026-11-22');
  // 1 + the 49 body-property instances of PATCH /users (003 vs 004; the Intune workload pages are not compared)
  assert.equal(r.suppressed, 1 + 49);
  assert.ok(!r.findings.some((f) => f.rule === 'status-line-malformed' || f.rule === 'body-property-missing'));
  assert.ok(r.findings.some((f) => f.rule === 'content-length-mismatch'), 'an expired suppression no longer applies');
  assert.deepEqual(r.findings.filter((f) => f.rule === 'suppression-expired').map((f) => f.subject), ['content-length-mismatch']);
  assert.throws(() => loadSuppressions(join(dir, 'no-reason.json')), (e: Error) => e instanceof SuppressionError && /"reason" is required/.test(e.message));
  assert.throws(() => loadSuppressions(join(dir, 'unknown.json')), /unknown rule "no-such-rule"/);
});

test('a page annotation can suppress rules for its own findings', () => {
  const text = readFileSync(join(INPUT, '004_fd11c5a4c97dea3e.txt'), 'utf8').replace('"tocPath": ""', '"tocPath": "",\n  "suppressions": ["docmodel: content-length-mismatch"]');
  const p = page(text, '004_fd11c5a4c97dea3e.txt');
  assert.deepEqual(p.pageAnnotation?.fields.suppressions, ['docmodel: content-length-mismatch']);
  const { a } = seedData();
  const pages = a.pages.map((x) => (x.file === p.file ? p : x));
  const r = applySuppressions(a.findings, [], pages);
  assert.ok(!r.findings.some((f) => f.rule === 'content-length-mismatch'));
  assert.equal(r.suppressed, 1);
});

test('a baseline holds a finding at its severity or a more severe one: one it knew as info that is now a warning is reported (a same-version conflict hid behind the version difference it had been)', () => {
  const { a } = seedData();
  const f = a.findings.find((x) => !x.instances?.length)!;
  const at = (severity: Finding['severity']) => [{ ...f, severity }];
  const base = new Map([[f.fingerprint, 'info' as const]]);
  assert.deepEqual([applyBaseline(at('info'), base).length, applyBaseline(at('warning'), base).length, applyBaseline(at('error'), base).length], [0, 1, 1]);
  // A set of fingerprints (the library's older form) holds them at any severity.
  assert.equal(applyBaseline(at('error'), asBaseline(new Set([f.fingerprint]))).length, 0);
  // A baseline file keeps each finding's severity, and a JSON report read back holds its findings at theirs.
  const dir = tempDir('baseline-severity');
  const file = join(dir, 'base.json');
  writeFileSync(file, JSON.stringify(baselineFile(at('info'), '0.0.0-test')));
  assert.deepEqual([...loadBaseline(file)], [[f.fingerprint, 'info']]);
  assert.equal(applyBaseline(at('warning'), loadBaseline(file)).length, 1);
  const report = join(dir, 'report.json');
  writeFileSync(report, JSON.stringify({ findings: [{ ...f, severity: 'warning' }] }));
  assert.deepEqual([applyBaseline(at('warning'), loadBaseline(report)).length, applyBaseline(at('error'), loadBaseline(report)).length], [0, 1]);
});

test('--baseline keeps only findings new since a saved report', () => {
  const { a, data } = seedData();
  const saved = new Set(a.findings.filter((f) => f.rule !== 'response-status-differs').map((f) => f.fingerprint));
  assert.deepEqual(applyBaseline(a.findings, saved).map((f) => f.rule), ['response-status-differs']);
  assert.equal(withFindings(data, applyBaseline(a.findings, saved)).summary.findings.info, 1);
});

const CHROMIUM = '/usr/bin/chromium';

test('the HTML report loads in headless Chromium without console errors, filters work, nothing from a page runs', { skip: existsSync(CHROMIUM) ? false : `no ${CHROMIUM} (apt-get install chromium; .ci/run does)`, timeout: 120_000 }, async () => {
  const { chromium } = await import('playwright-core');
  const { data } = seedData();
  // A folder named like a URL scheme: its pages' links must stay relative (they once ran as javascript: URLs).
  const evil = analyze([tempTree({ 'evil.md': HOSTILE, 'javascript:alert(1)<!--/evil.md': '# Scheme-named folder\n\nSee [the other page](no-such-page.md).\n' })]);
  const evilData = reportData(evil.model, evil.findings, '0');
  const dir = tempDir('html');
  const file = join(dir, 'report.html');
  writeFileSync(file, htmlReport(withFindings(data, [...data.findings, ...evilData.findings]), undefined, { all: true }));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const pageB = await browser.newPage();
    const errors: string[] = [];
    pageB.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    pageB.on('pageerror', (e) => errors.push(e.message));
    let dialogs = 0;
    pageB.on('dialog', (d) => { dialogs++; void d.dismiss(); });
    await pageB.goto(`file://${file}`);
    await pageB.waitForSelector('body[data-ready="1"]');
    const all = [...data.findings, ...evilData.findings];
    // the first page of findings (100 a page), then the next
    assert.equal(await pageB.locator('#findings tr').count(), Math.min(100, all.length));
    assert.match(await pageB.locator('#count').textContent() ?? '', new RegExp(`^${all.length} of ${all.length} findings; page 1 of ${Math.ceil(all.length / 100)}$`));
    await pageB.selectOption('#severity', 'error');
    assert.equal(await pageB.locator('#findings tr').count(), all.filter((f) => f.severity === 'error').length);
    await pageB.selectOption('#severity', '');
    await pageB.selectOption('#rule', 'content-length-mismatch');
    assert.equal(await pageB.locator('#findings tr').count(), all.filter((f) => f.rule === 'content-length-mismatch').length);
    await pageB.selectOption('#rule', '');
    // search
    await pageB.fill('#q', 'Malformed status line');
    assert.equal(await pageB.locator('#findings tr').count(), all.filter((f) => f.message.includes('Malformed status line')).length);
    await pageB.fill('#q', '');
    // counts per rule and area up front; sides link to page and line
    assert.ok((await pageB.locator('#counts table').count()) === 3);
    assert.equal(await pageB.locator('#findings tr a[href$="#L311"]').first().getAttribute('href'), '003_0fc59fc350b59631.txt#L311');
    // operation tables are not in the page until opened; a finding's deep link opens its table
    assert.equal(await pageB.locator('#groups table').count(), 0);
    await pageB.locator('#findings tr a', { hasText: 'operation table' }).first().click();
    await pageB.waitForSelector('#groups table');
    assert.equal(await pageB.locator('#groups table').count(), 1);
    await pageB.screenshot({ path: join(dir, 'report.png'), fullPage: false });
    assert.ok(existsSync(join(dir, 'report.png')));
    // Every page link is a file: URL, the scheme-named folder's too (one percent-encoded segment).
    const schemed = evilData.findings.filter((f) => f.sides.some((x) => x.file.startsWith('javascript:')));
    assert.ok(schemed.length > 0);
    await pageB.selectOption('#rule', schemed[0]!.rule);
    const protocols = await pageB.locator('#findings tr a[href*="#L"]').evaluateAll((as) => as.map((a) => [(a as unknown as { protocol: string }).protocol, a.getAttribute("href")]));
    assert.ok(protocols.some(([, href]) => href!.startsWith('javascript%3Aalert(1)%3C!--/evil.md#L'.replace(/[()!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))), JSON.stringify(protocols));
    assert.deepEqual(protocols.filter(([protocol]) => protocol !== 'file:'), []);
    await pageB.selectOption('#rule', '');
    assert.equal(await pageB.locator('img').count(), 0, 'no element from page text');
    assert.equal(dialogs, 0, 'no script from page text ran');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('SARIF fingerprints of diagnostics name rule, page and message, not the line: five query options of one line of event-delta.md are five (they shared one), and a line added above keeps them', () => {
  const rel = 'beta/api/event-delta.md';
  const text = readFileSync(join(INPUT, '../test/fixtures/corpus/precision/2021-07', rel), 'utf8');
  const fps = (t: string) => {
    const a = analyze([tempTree({ [rel]: t })]);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const results: any[] = JSON.parse(renderReport('sarif', reportData(a.model, a.findings, '0.0.0-test'), '.')).runs[0].results;
    return results.filter((r) => r.ruleId === 'query-option-not-supported').map((r) => [r.message.text, r.locations[0].physicalLocation.region.startLine, r.partialFingerprints['docmodel/v1']]);
  };
  const before = fps(text);
  assert.equal(before.length, 5);
  assert.equal(new Set(before.map((x) => x[2])).size, 5);
  assert.ok(before.every((x) => /^query-option-not-supported:beta\/api\/event-delta\.md:[0-9a-f]{16}$/.test(x[2])));
  const after = fps(text.replace(/^## HTTP request/m, 'A line added.\n\n## HTTP request'));
  assert.deepEqual(after.map((x) => [x[0], x[2]]), before.map((x) => [x[0], x[2]]));
  assert.deepEqual(after.map((x) => x[1]), before.map((x) => x[1] + 2));
});

test('GitHub and JUnit reports carry no control, line-separator or bidi character (ESC, NUL, U+202E, U+2028 reached them raw); CR and LF stay encoded', async () => {
  const { githubReport } = await import('../src/emit/reports/github.js');
  const { junitReport } = await import('../src/emit/reports/junit.js');
  const value = 'List x\nline2 \u001b[31mRED\u202eevil\u0000nul\u2028ls';
  const f = { rule: 'title-mismatch', severity: 'warning', context: 'page', subject: 'a.md', field: 'title', message: `Title ${value}`, fingerprint: '0123456789abcdef', sides: [{ file: 'a.md', line: 1, column: 1, version: null, value }] } as unknown as Finding;
  const g = githubReport([f]);
  assert.doesNotMatch(g, /[\u0000\u001b\u202e\u2028]/);
  assert.match(g, /Title List x%0Aline2 \?\[31mRED\?evil\?nul\?ls/);
  const j = junitReport([f]);
  assert.doesNotMatch(j, /[\u0000\u001b\u202e\u2028]/);
});
