/**
 * Operation-unit rules (ModelRule.unit = 'operation'): the engine gives them one operation group at a
 * time and takes a group's findings from the last run when its digest is the same (UnitFindingMemo
 * with operationDigests). What must hold: the findings are the whole-model run's, a rule that reads
 * beyond its group fails loudly, and only the groups whose facts changed are checked again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { reconcile } from '../src/checks/engine.js';
import { RULES } from '../src/checks/registry.js';
import type { Lookup, ModelRule } from '../src/checks/types.js';
import { ask } from '../src/checks/lookups/lookup.js';
import { digestOf } from '../src/checks/lookups/digest.js';
import { rule as headerDiffers } from '../src/checks/rules/request-header-differs.js';
import { headersSection, opPage, resourcePage, responseSection } from '../src/checks/fixture-pages.js';
import { rule as odataMismatch } from '../src/checks/rules/odata-type-mismatch.js';
import { UnitFindingMemo } from '../src/pipeline/finding-memo.js';
import { operationDigests } from '../src/model/unit-digests.js';
import { irDigest } from '../src/pipeline/digest.js';
import { analyze } from '../src/pipeline/in-thread.js';
import { INPUT, tempTree } from './helpers.js';

const NO_TREE = { exists: () => undefined, absOf: () => undefined };
const UNIT_RULES = RULES.filter((r): r is ModelRule => r.input === 'model' && r.unit === 'operation');

test('operation-unit rules: the ones declared, each with the findings of a whole-model run on its own examples and on the seeds', () => {
  assert.deepEqual(UNIT_RULES.map((r) => r.id).sort(), [
    'body-property-collection-differs', 'body-property-missing', 'body-property-required-differs', 'body-property-type-differs',
    'least-privileged-differs', 'path-alias-differs', 'path-parameter-names-differ', 'permission-order-differs',
    'permission-set-differs', 'permission-support-differs', 'permission-workloads-differ', 'query-options-differ',
    'request-header-differs', 'request-header-required-differs', 'response-status-differs', 'type-name-casing-differs',
  ]);
  // Four of them ask questions beyond their group, each lookup declared.
  assert.deepEqual(UNIT_RULES.filter((r) => r.lookups?.length).map((r) => `${r.id}: ${r.lookups!.map((l) => l.id).join(', ')}`).sort(), [
    'body-property-missing: documented-properties, intune-workload-pages', 'body-property-type-differs: type-property-names',
    'least-privileged-differs: v1-permission-listed', 'permission-set-differs: resource-type-versions',
  ]);
  // Every rule's example trees and the seeds: the same findings group by group as over the whole model.
  const trees = [INPUT, ...RULES.flatMap((r) => (r.fixture ? [tempTree(r.fixture.before), tempTree(r.fixture.after)] : []))];
  let found = 0;
  for (const dir of trees) {
    const a = analyze([dir]);
    const input = { model: a.model, pages: a.model.documents, tree: NO_TREE };
    for (const r of UNIT_RULES) {
      const byGroup = reconcile(input, [r]);
      const whole = reconcile(input, [{ ...r, unit: undefined, lookups: undefined }]);
      assert.deepEqual(byGroup, whole, `${r.id} on ${dir}`);
      assert.ok(!byGroup.some((f) => f.rule === 'rule-failed'), `${r.id} failed on ${dir}`);
      found += byGroup.length;
    }
  }
  // Not vacuous: the rules' own `before` examples make each of them fire.
  assert.ok(found >= UNIT_RULES.length, `${found} findings`);
});

const PAGE_UNIT_RULES = RULES.filter((r): r is ModelRule => r.input === 'model' && r.unit === 'page');

test('page-unit model rules: the ones declared, each with the findings of a whole-model run on every rule\'s examples, the seeds and the corpus fixtures; reading the model fails', () => {
  // Page units are rules whose only context is the page.
  assert.deepEqual(PAGE_UNIT_RULES.filter((r) => r.contexts.join() !== 'page').map((r) => r.id), []);
  assert.deepEqual(PAGE_UNIT_RULES.map((r) => `${r.id}: ${(r.lookups ?? []).map((l) => l.id).join(', ')}`).sort(), [
    'example-property-undocumented: documented-properties, tree-partial',
    'json-representation-mismatch: inherited-by-page, entity-type',
    'odata-type-mismatch: type-related, resource-name-by-file, type-name-known',
  ]);
  const trees = [INPUT, join(INPUT, '../test/fixtures/corpus/precision/2021-07'), join(INPUT, '../test/fixtures/corpus/precision/2020-05'), ...RULES.flatMap((r) => (r.fixture ? [tempTree(r.fixture.before), tempTree(r.fixture.after)] : []))];
  const found = new Map<string, number>();
  for (const dir of trees) {
    const a = analyze([dir]);
    const input = { model: a.model, pages: a.model.documents, tree: NO_TREE };
    for (const r of PAGE_UNIT_RULES) {
      const byPage = reconcile(input, [r]);
      assert.deepEqual(byPage, reconcile(input, [{ ...r, unit: undefined, lookups: undefined }]), `${r.id} on ${dir}`);
      assert.ok(!byPage.some((f) => f.rule === 'rule-failed'), `${r.id} failed on ${dir}`);
      found.set(r.id, (found.get(r.id) ?? 0) + byPage.length);
    }
  }
  // Not vacuous: each rule finds on these trees (its own example, and the corpus fixtures' pages).
  assert.deepEqual([...found].sort().map(([id, n]) => `${id} ${n > 1}`), ['example-property-undocumented true', 'json-representation-mismatch true', 'odata-type-mismatch true']);
  const one = analyze([tempTree({ 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}') })]);
  const reads = (what: (i: Parameters<ModelRule['check']>[0]) => unknown): ModelRule => ({ ...PAGE_UNIT_RULES[0]!, id: 'reads-too-much', check(i) { what(i); return []; } });
  const failed = (r: ModelRule) => reconcile({ model: one.model, pages: one.model.documents, tree: NO_TREE }, [r]).map((f) => `${f.rule}: ${f.message}`);
  assert.deepEqual(failed(reads((i) => i.model.types)), ['rule-failed: Rule reads-too-much failed: a page-unit rule (unit: \'page\') reads the model, which it is not given']);
  assert.deepEqual(failed(reads((i) => i.tree)), ['rule-failed: Rule reads-too-much failed: a page-unit rule (unit: \'page\') reads the tree, which it is not given']);
  assert.deepEqual(failed(reads((i) => i.pages[0]!.file)), []);
});

test('an operation-unit rule that reads beyond its group fails with a rule-failed finding naming what it read', () => {
  const dir = tempTree({ 'v1.0/api/a.md': opPage('Get widget', 'GET', '/widgets/{id}') });
  const a = analyze([dir]);
  const reads = (what: (i: Parameters<ModelRule['check']>[0]) => unknown): ModelRule => ({ ...headerDiffers, id: 'reads-too-much', check(i) { what(i); return []; } });
  const failed = (r: ModelRule) => reconcile({ model: a.model, pages: a.model.documents, tree: NO_TREE }, [r]).map((f) => `${f.rule}: ${f.message}`);
  assert.deepEqual(failed(reads((i) => i.model.types.length)), ['rule-failed: Rule reads-too-much failed: an operation-unit rule (unit: \'operation\') reads model.types, which it is not given']);
  assert.deepEqual(failed(reads((i) => i.pages)), ['rule-failed: Rule reads-too-much failed: an operation-unit rule (unit: \'operation\') reads the page list, which it is not given']);
  assert.deepEqual(failed(reads((i) => i.model.documents)), ['rule-failed: Rule reads-too-much failed: an operation-unit rule (unit: \'operation\') reads model.documents, which it is not given']);
  assert.deepEqual(failed(reads((i) => i.tree)), ['rule-failed: Rule reads-too-much failed: an operation-unit rule (unit: \'operation\') reads the tree, which it is not given']);
  // Its group is there to read.
  assert.deepEqual(failed(reads((i) => i.model.operations[0]!.variants[0]!.doc.file)), []);
});

test('operation-unit rules run only on the groups whose digest changed: the memo (kept on disk) answers for the others, with the findings of a run without it', () => {
  const page = (title: string, path: string, headers: [string, string][]) => opPage(title, 'PATCH', path, headersSection(headers));
  const auth: [string, string] = ['Authorization', 'Bearer {token}'];
  const type: [string, string] = ['Content-Type', 'application/json'];
  const files: Record<string, string> = {
    'v1.0/api/apple-update.md': page('Update apple', '/apples/{id}', [auth, type]), 'v1.0/api/apple-update2.md': page('Update apple', '/apples/{id}', [auth]),
    'v1.0/api/pear-update.md': page('Update pear', '/pears/{id}', [auth, type]), 'v1.0/api/pear-update2.md': page('Update pear', '/pears/{id}', [auth, type]),
    'v1.0/api/plum-update.md': page('Update plum', '/plums/{id}', [auth]), 'v1.0/api/plum-update2.md': page('Update plum', '/plums/{id}', [auth, type]),
  };
  const dir = tempTree(files);
  const calls: string[] = [];
  const counting: ModelRule = { ...headerDiffers, check(i) { calls.push(i.model.operations.map((g) => g.key).join()); return headerDiffers.check.call(this, i); } };
  const run = (memo?: UnitFindingMemo) => {
    const a = analyze([dir]);
    const digests = new Map(a.pages.map((p) => [p.file, irDigest(p)]));
    memo?.beginRun(operationDigests(a.model.operations, (f) => digests.get(f)));
    calls.length = 0;
    return reconcile({ model: a.model, pages: a.model.documents, tree: NO_TREE }, [counting], {}, { operations: memo });
  };
  const memoFile = join(dir, 'memo', 'operation-findings.v8');
  const first = new UnitFindingMemo(memoFile);
  const r1 = run(first);
  assert.deepEqual(calls, ['PATCH /apples/{apple-id}', 'PATCH /pears/{pear-id}', 'PATCH /plums/{plum-id}']);
  assert.deepEqual(r1.map((f) => `${f.rule} ${f.subject}`), ['request-header-differs PATCH /apples/{apple-id}', 'request-header-differs PATCH /plums/{plum-id}']);
  first.save();
  // Another process: nothing changed, the rule runs on no group.
  const r2 = run(new UnitFindingMemo(memoFile));
  assert.deepEqual(calls, []);
  assert.deepEqual(r2, r1);
  // One apple page mended, one pear page broken: the rule runs on those two groups only; the findings are a plain run's.
  writeFileSync(join(dir, 'v1.0/api/apple-update2.md'), page('Update apple', '/apples/{id}', [auth, type]));
  writeFileSync(join(dir, 'v1.0/api/pear-update2.md'), page('Update pear', '/pears/{id}', [auth]));
  const second = new UnitFindingMemo(memoFile);
  const r3 = run(second);
  assert.deepEqual(calls, ['PATCH /apples/{apple-id}', 'PATCH /pears/{pear-id}']);
  assert.deepEqual(r3.map((f) => `${f.rule} ${f.subject}`), ['request-header-differs PATCH /pears/{pear-id}', 'request-header-differs PATCH /plums/{plum-id}']);
  assert.deepEqual(r3, run());
  second.save();
  // A page gone from a group changes the group: checked again (its one page left: nothing to compare).
  rmSync(join(dir, 'v1.0/api/plum-update.md'));
  const r4 = run(new UnitFindingMemo(memoFile));
  assert.deepEqual(calls, ['PATCH /plums/{plum-id}']);
  assert.deepEqual(r4.map((f) => `${f.rule} ${f.subject}`), ['request-header-differs PATCH /pears/{pear-id}']);
  assert.deepEqual(r4, run());
});

test('operationDigests: a group\'s digest moves with its pages and with what the model set on it from beyond them, and not with another group', () => {
  const dir = tempTree({
    'v1.0/api/a.md': opPage('Get apple', 'GET', '/apples/{id}'), 'v1.0/api/a2.md': opPage('Get apple', 'GET', '/apples/{id}'),
    'v1.0/api/b.md': opPage('Get banana', 'GET', '/bananas/{id}'),
  });
  const a = analyze([dir]);
  const pageDigest = (f: string) => `d-${f}`;
  const base = operationDigests(a.model.operations, pageDigest);
  assert.deepEqual([...base.keys()], ['GET /apples/{}', 'GET /bananas/{}']);
  const apples = a.model.operations.find((g) => g.path.startsWith('/apples'))!;
  const moved = (change: () => void, undo: () => void) => {
    change();
    const d = operationDigests(a.model.operations, pageDigest);
    undo();
    assert.equal(d.get('GET /bananas/{}'), base.get('GET /bananas/{}'));
    return d.get('GET /apples/{}') !== base.get('GET /apples/{}');
  };
  const v = apples.variants[1]!;
  assert.ok(moved(() => { v.primary = !v.primary; }, () => { v.primary = !v.primary; }), 'primary');
  assert.ok(moved(() => { v.workload = !v.workload; }, () => { v.workload = !v.workload; }), 'workload');
  assert.ok(moved(() => { v.subtype = 'appleTree'; }, () => { delete v.subtype; }), 'subtype');
  assert.ok(moved(() => { apples.aliases = ['GET /fruit/{id}']; }, () => { apples.aliases = []; }), 'aliases');
  // A page's new digest: that group's digest moves; a page without one leaves its group out.
  assert.notEqual(operationDigests(a.model.operations, (f) => (f === 'v1.0/api/a2.md' ? 'other' : pageDigest(f))).get('GET /apples/{}'), base.get('GET /apples/{}'));
  assert.deepEqual([...operationDigests(a.model.operations, (f) => (f === 'v1.0/api/a2.md' ? undefined : pageDigest(f))).keys()], ['GET /bananas/{}']);
});

test('issue 14 + 15: an operation-unit rule that never returns on one group is stopped there, with a rule-timeout on that operation; the other groups keep their findings, and the memo never records the stopped one', () => {
  const dir = tempTree({
    'v1.0/api/a.md': opPage('Get apple', 'GET', '/apples/{id}'), 'v1.0/api/h.md': opPage('Get hang', 'GET', '/hangs/{id}'), 'v1.0/api/z.md': opPage('Get zebra', 'GET', '/zebras/{id}'),
  });
  const a = analyze([dir]);
  const seen: string[] = [];
  const hangs: ModelRule = {
    ...headerDiffers, id: 'test-hang-operation',
    check({ model }) {
      const g = model.operations[0]!;
      if (g.path.startsWith('/hangs')) for (;;) { /* forever */ }
      seen.push(g.path);
      return [{ rule: 'test-hang-operation', context: 'variant', subject: g.key, field: 'x', message: 'found', sides: [] }];
    },
  };
  const digests = new Map(a.pages.map((p) => [p.file, irDigest(p)]));
  const memo = new UnitFindingMemo(undefined);
  const run = () => {
    memo.beginRun(operationDigests(a.model.operations, (f) => digests.get(f)));
    seen.length = 0;
    const f = reconcile({ model: a.model, pages: a.model.documents, tree: NO_TREE }, [hangs], { pageMs: 50 }, { operations: memo });
    memo.save();
    return f.map((x) => `${x.rule} ${x.subject} ${x.field}${x.rule === 'rule-timeout' ? ` | ${x.message.replace(/\d+ ms on/, 'N ms on')}` : ''}`);
  };
  // By subject (both rules' findings are warnings).
  const expected = [
    'test-hang-operation GET /apples/{apple-id} x',
    'rule-timeout GET /hangs/{hang-id} test-hang-operation | Rule test-hang-operation was stopped after N ms on operation GET /hangs/{hang-id}, over its 50 ms budget; its findings on that operation are not reported',
    'test-hang-operation GET /zebras/{zebra-id} x',
  ];
  assert.deepEqual(run(), expected);
  assert.deepEqual(seen, ['/apples/{apple-id}', '/zebras/{zebra-id}']);
  // The next run takes apples and zebras from the memo and tries the stopped group again.
  assert.deepEqual(run(), expected);
  assert.deepEqual(seen, []);
});

test('lookups: an operation-unit rule asks only the lookups it declares, and a group is checked again when an answer to a question it asked there changed, not when other answers did', () => {
  const page = (title: string, path: string, headers: [string, string][]) => opPage(title, 'PATCH', path, headersSection(headers));
  const auth: [string, string] = ['Authorization', 'Bearer {token}'];
  const dir = tempTree({
    'v1.0/api/apple-update.md': page('Update apple', '/apples/{id}', [auth]), 'v1.0/api/apple-update2.md': page('Update apple', '/apples/{id}', [auth]),
    'v1.0/api/pear-get.md': opPage('Get pear', 'GET', '/pears/{id}'),
  });
  // The lookup: how many pages of the tree have a title starting with a word (a fact of other groups' pages).
  const TITLED: Lookup<number> = { id: 'test-titled', build: ({ pages }) => (word) => pages.filter((p) => p.title.h1?.value.startsWith(word)).length };
  const calls: string[] = [];
  const counting: ModelRule = {
    ...headerDiffers, id: 'test-counts-titles', lookups: [TITLED],
    check(i) {
      const g = i.model.operations[0]!;
      calls.push(g.key);
      const word = (g.variants[0]!.title ?? "").split(' ')[0]!;
      return [{ rule: 'test-counts-titles', context: 'variant', subject: g.key, field: 'x', message: `${ask(i, TITLED, word)} pages titled ${word}`, sides: [] }];
    },
  };
  const memo = new UnitFindingMemo(undefined);
  const run = (r: ModelRule = counting) => {
    const a = analyze([dir]);
    const digests = new Map(a.pages.map((p) => [p.file, irDigest(p)]));
    memo.beginRun(operationDigests(a.model.operations, (f) => digests.get(f)));
    calls.length = 0;
    const f = reconcile({ model: a.model, pages: a.model.documents, tree: NO_TREE }, [r], {}, { operations: memo });
    memo.save();
    return f.map((x) => `${x.subject}: ${x.message}`);
  };
  assert.deepEqual(run(), ['GET /pears/{pear-id}: 1 pages titled Get', 'PATCH /apples/{apple-id}: 2 pages titled Update']);
  assert.deepEqual(calls, ['GET /pears/{pear-id}', 'PATCH /apples/{apple-id}']);
  assert.deepEqual(run(), ['GET /pears/{pear-id}: 1 pages titled Get', 'PATCH /apples/{apple-id}: 2 pages titled Update']);
  assert.deepEqual(calls, []);
  // A new "Get" page (a group of its own) changes the answer the pears asked for, not the apples': the pears are checked
  // again though their page is as it was, the apples are not.
  writeFileSync(join(dir, 'v1.0/api/plum-get.md'), opPage('Get plum', 'GET', '/plums/{id}'));
  assert.deepEqual(run(), ['GET /pears/{pear-id}: 2 pages titled Get', 'GET /plums/{plum-id}: 2 pages titled Get', 'PATCH /apples/{apple-id}: 2 pages titled Update']);
  assert.deepEqual(calls, ['GET /pears/{pear-id}', 'GET /plums/{plum-id}']);
  // An edit that changes no answer (a header of an apple page): only the apples are checked again.
  writeFileSync(join(dir, 'v1.0/api/apple-update2.md'), page('Update apple', '/apples/{id}', [auth, ['Content-Type', 'application/json']]));
  assert.deepEqual(run(), ['GET /pears/{pear-id}: 2 pages titled Get', 'GET /plums/{plum-id}: 2 pages titled Get', 'PATCH /apples/{apple-id}: 2 pages titled Update']);
  assert.deepEqual(calls, ['PATCH /apples/{apple-id}']);
  // The same findings as a run without the memo.
  assert.deepEqual(run(), (() => { const a = analyze([dir]); return reconcile({ model: a.model, pages: a.model.documents, tree: NO_TREE }, [counting]).map((x) => `${x.subject}: ${x.message}`); })());
  // Asking a lookup it does not declare fails the rule.
  const undeclared: ModelRule = { ...counting, id: 'test-undeclared', lookups: [] };
  assert.deepEqual(run(undeclared), ['test-undeclared: Rule test-undeclared failed: a unit rule asks the lookup test-titled, which it does not declare (ModelRule.lookups)']);
});

test('digestOf: the same facts in another order give the same digest, other facts another, and what is not plain data throws', () => {
  const a = digestOf(new Map([['b', new Set(['y', 'x'])], ['a', new Set<string>()]]));
  assert.equal(digestOf(new Map([['a', new Set<string>()], ['b', new Set(['x', 'y'])]])), a);
  assert.notEqual(digestOf(new Map([['a', new Set(['z'])], ['b', new Set(['x', 'y'])]])), a);
  assert.notEqual(digestOf(new Map([['b', new Set(['x', 'y'])]])), a);
  assert.equal(digestOf({ b: 1, a: [true, null] }), digestOf({ a: [true, null], b: 1 }));
  assert.notEqual(digestOf(['1']), digestOf([1]));
  assert.notEqual(digestOf({ a: undefined }), digestOf({}));
  assert.throws(() => digestOf({ f: () => 1 }), /a lookup's value holds function, which is not plain data/);
  assert.throws(() => digestOf([new Date(0)]), /holds Date/);
});

test('a page-unit model rule runs again on a page whose facts did not change when an answer to a question it asked there did: odata-type-mismatch learns that gadget is a type', () => {
  const example = '\n## Example\n\n### Request\n\n```http\nGET https://graph.microsoft.com/v1.0/widgets/1\n```\n\n### Response\n\n<!-- { "blockType": "response", "@odata.type": "microsoft.graph.gadget" } -->\n```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{ "id": "1" }\n```\n';
  const dir = tempTree({
    'v1.0/api/widget-get.md': opPage('Get widget', 'GET', '/widgets/{id}', responseSection('If successful, this method returns a `200 OK` response code and a [widget](../resources/widget.md) object in the response body.') + example),
    'v1.0/resources/widget.md': resourcePage('widget', ['|id|String||']),
  });
  const calls: string[] = [];
  const counting: ModelRule = { ...odataMismatch, check(i) { calls.push(i.pages[0]!.file); return odataMismatch.check.call(this, i); } };
  const memo = new UnitFindingMemo(undefined);
  const run = () => {
    const a = analyze([dir]);
    memo.beginRun(new Map(a.pages.map((p) => [p.file, irDigest(p)])));
    calls.length = 0;
    const f = reconcile({ model: a.model, pages: a.model.documents, tree: NO_TREE }, [counting], {}, { pages: memo });
    memo.save();
    return f.map((x) => `${x.sides[0]!.file}:${x.sides[0]!.line} ${x.message}`);
  };
  // No page defines gadget: its relation to widget cannot be told, nothing is claimed.
  assert.deepEqual(run(), []);
  assert.deepEqual(calls, ['v1.0/api/widget-get.md', 'v1.0/resources/widget.md']);
  assert.deepEqual(run(), []);
  assert.deepEqual(calls, []);
  // A page now defines gadget (not related to widget): the get page, unchanged, is checked again and the finding comes.
  writeFileSync(join(dir, 'v1.0/resources/gadget.md'), resourcePage('gadget', ['|id|String||']));
  assert.deepEqual(run(), ['v1.0/api/widget-get.md:23 Response annotation @odata.type microsoft.graph.gadget: type gadget is not the Response section\'s widget']);
  assert.deepEqual(calls, ['v1.0/api/widget-get.md', 'v1.0/resources/gadget.md']);
});
