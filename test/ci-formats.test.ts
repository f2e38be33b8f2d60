/**
 * CI report formats: `github` (workflow-command annotations) and `junit` (XML test report), on
 * the seed pages, with the escaping page text needs; both listed in the formats registry.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { analyze } from '../src/pipeline/in-thread.js';
import { reportData } from '../src/emit/reports/report-data.js';
import { FORMATS, renderReport } from '../src/emit/reports/formats.js';
import { githubReport } from '../src/emit/reports/github.js';
import { junitReport } from '../src/emit/reports/junit.js';
import type { Finding } from '../src/checks/types.js';
import { INPUT } from './helpers.js';

function seedData() {
  const a = analyze([INPUT]);
  return reportData(a.model, a.findings, '0.0.0-test');
}

const hostile: Finding = {
  rule: 'title-mismatch', severity: 'info', context: 'page', subject: 's', field: 'f', fingerprint: '0123456789abcdef',
  message: 'Title "a::b" 100% wrong\n::error::injected\r\n<x> & \'y\' \u0007',
  sides: [{ file: 'dir,with:odd/pa%ge.md', line: 3, column: 7, version: 'beta', value: 'v' }, { file: 'other.md', line: 9, column: 1, version: 'v1.0', value: 'w<z>' }],
};

test('both CI formats are in the registry', () => {
  assert.ok(FORMATS.includes('github'));
  assert.ok(FORMATS.includes('junit'));
});

test('github: one annotation per finding with file, line, col and title; page text cannot start a command', () => {
  const data = seedData();
  const text = renderReport('github', data, '.', { pathPrefix: 'docs/api' });
  const lines = text.trimEnd().split('\n');
  assert.equal(lines.length, 28);
  assert.equal(lines.filter((l) => l.startsWith('::error ')).length, 0);
  assert.equal(lines.filter((l) => l.startsWith('::warning ')).length, 19);
  assert.equal(lines.filter((l) => l.startsWith('::notice ')).length, 9);
  assert.ok(lines.includes('::warning file=docs/api/003_0fc59fc350b59631.txt,line=311,col=1,title=status-line-malformed (docmodel)::Malformed status line "HTTP 1.1 200 OK"'), lines.filter((l) => /status-line/.test(l)).join('\n'));
  const h = githubReport([hostile]);
  assert.equal(h, '::notice file=dir%2Cwith%3Aodd/pa%25ge.md,line=3,col=7,title=title-mismatch (docmodel)::Title "a::b" 100%25 wrong%0A::error::injected%0D%0A<x> & \'y\' ?%0A↔ other.md:9 (v1.0): w<z>\n');
  assert.equal(h.split('\n').length, 2, 'one line per finding');
  assert.equal(githubReport([]), '');
});

test('junit: well-formed XML, a testsuite per file and a failing testcase per finding; no findings → one passing case', () => {
  const data = seedData();
  const xml = renderReport('junit', data, '.');
  assert.equal(XMLValidator.validate(xml), true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
  assert.equal(doc.testsuites.tests, '28');
  assert.equal(doc.testsuites.failures, '28');
  const suites = doc.testsuites.testsuite as { name: string; tests: string; testcase: unknown }[];
  assert.deepEqual(suites.map((s) => s.name), ['000_5be97bd32e2c4279.txt', '001_b74111fdae0f9f28.txt', '003_0fc59fc350b59631.txt', '004_fd11c5a4c97dea3e.txt'], 'one suite per file that has a finding first');
  assert.equal(suites.reduce((n, s) => n + Number(s.tests), 0), 28);
  const h = junitReport([hostile], 'docs');
  assert.equal(XMLValidator.validate(h), true, 'control characters and markup in page text are escaped');
  const hd = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(h);
  assert.equal(hd.testsuites.testsuite.name, 'docs/dir,with:odd/pa%ge.md');
  assert.equal(hd.testsuites.testsuite.testcase.failure.type, 'info');
  const none = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(junitReport([]));
  assert.equal(none.testsuites.failures, '0');
  assert.equal(none.testsuites.testsuite.testcase.name, 'reconciliation');
});
