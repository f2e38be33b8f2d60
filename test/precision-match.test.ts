/**
 * How `npm run precision` matches a label to a current finding (bench/precision-lib.ts): a
 * labelled group that is gone must not lend its verdict to another group of the same shape.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readdirSync, statSync } from 'node:fs';
import { FindingIndex, metadataItems, readLabels, type ReportFinding } from '../bench/precision-lib.js';
import { ROOT, tempTree } from './helpers.js';

const labels = readLabels(join(ROOT, 'test/precision/labels'));

/** A group finding as `docmodel check -f json` reports it. */
function group(fingerprint: string, subject: string, sides: [string, number][], instances: string[]): ReportFinding {
  return {
    rule: 'example-property-undocumented', severity: 'warning', subject, field: 'example.0.value', fingerprint,
    message: 'Example request sends value, which the request-body table does not document — the same difference on 2 pages (2 pages)',
    sides: sides.map(([file, line]) => ({ file, line, value: '' })),
    instances: instances.map((fp) => ({ rule: 'example-property-undocumented', severity: 'warning', subject: sides[0]![0], field: 'example.0.value', fingerprint: fp, message: '', sides: [] })),
  };
}

test('a label on a group matches a finding with its fingerprint only when they share a page', () => {
  // r386 was labelled on the callback example of beta/api/call-redirect.md (a notification the
  // service posts to a bot: false). That group is gone; the 2021 run still has a group of the
  // same shape, and so the same fingerprint, on beta/api/nameditem-update.md.
  const label = labels.find((l) => l.id === 'r386')!;
  assert.equal(label.fingerprint, '4f01735ba476a1a7');
  const other = group('4f01735ba476a1a7', '2 × pages (first: beta/api/nameditem-update.md)', [['beta/api/nameditem-update.md', 63], ['beta/api/nameditem-update.md', 38]], ['a1', 'a2']);
  assert.equal(new FindingIndex([other]).match(label), undefined);
  // The labelled group itself (its pages, wherever the report's paths are rooted) still matches.
  const same = group('4f01735ba476a1a7', '5 × pages (first: beta/api/call-redirect.md)', [['/tmp/x/api-reference/beta/api/call-redirect.md', 365], ['/tmp/x/api-reference/beta/api/call-redirect.md', 46]], ['b1']);
  assert.equal(new FindingIndex([other, same]).match(label), same);
});

test('metadata labels: a docmodel metadata report\'s findings get the docs side then the metadata side by its file\'s base name, and a label matches its finding whatever path the report was run with', () => {
  // v061 (session 28): operation-missing on v1.0/api/intune-apps-mobileappcontentfile-commit.md:33, mobileApp at v1.0.csdl.xml:5591.
  const label = labels.find((l) => l.id === 'v061')!;
  assert.deepEqual(label.sides.map((s) => `${s.file}:${s.line}`), ['v1.0/api/intune-apps-mobileappcontentfile-commit.md:33', 'v1.0.csdl.xml:5591']);
  const report = { findings: [{ rule: label.rule, severity: 'warning', subject: label.subject, field: 'path', message: label.message, fingerprint: 'ffffffffffffffff',
    docs: { file: 'v1.0/api/intune-apps-mobileappcontentfile-commit.md', line: 33, value: 'x' },
    metadata: { file: '/somewhere/else/graph-metadata-2020-05/v1.0.csdl.xml', line: 5591, element: 'EntityType microsoft.graph.mobileApp', value: '(absent)' } }] };
  const file = join(tempTree({ 'm.json': JSON.stringify(report) }), 'm.json');
  const items = metadataItems(file);
  assert.deepEqual(items[0]!.sides, [
    { file: 'v1.0/api/intune-apps-mobileappcontentfile-commit.md', line: 33, value: 'x' },
    { file: 'v1.0.csdl.xml', line: 5591, value: 'EntityType microsoft.graph.mobileApp = (absent)' },
  ]);
  // Another fingerprint, same rule and sides: matched by its sides.
  assert.equal(new FindingIndex(items).match(label), items[0]);
});

test('finding labels: each file holds one label set (its name starts with the set\'s), ids unique, each file under the repository\'s 2 MB a file (a set that outgrows it is split by id: reconcile-2021-r0000/r1000, drift-2020-2021-d0000/d1000, metadata-beta-b0000/b1000)', () => {
  const dir = join(ROOT, 'test/precision/labels');
  const seen = new Set<string>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl')).sort()) {
    assert.ok(statSync(join(dir, f)).size < 2_000_000, f);
    for (const l of readLabels(join(dir, f))) {
      assert.ok(f.startsWith(`${l.set}.`) || f.startsWith(`${l.set}-`), `${l.id} (${l.set}) in ${f}`);
      assert.ok(!seen.has(l.id), `${l.id} twice`);
      seen.add(l.id);
    }
  }
  assert.ok(seen.size > 8000, `${seen.size} labels`);
});
