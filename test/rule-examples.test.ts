/**
 * Each rule's documented example, executed (the way remark-lint runs its rule docs): the rule's
 * `fixture.before` tree makes it fire, `fixture.after` does not. Only that rule runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from '../src/checks/registry.js';
import { drift, reconcile } from '../src/checks/engine.js';
import { analyze } from '../src/pipeline/in-thread.js';
import { tempTree } from './helpers.js';

const NO_TREE = { exists: () => undefined, absOf: () => undefined };

/** Drift rules: the tree's `old/…` and `new/…` files are the two snapshots. */
function snapshot(files: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
}

function fires(ruleId: string, files: Record<string, string>): string[] {
  const rule = RULES.find((r) => r.id === ruleId)!;
  if (rule.input === 'drift') {
    const old = analyze([tempTree(snapshot(files, 'old/'))]).model;
    const cur = analyze([tempTree(snapshot(files, 'new/'))]).model;
    return drift({ old, new: cur }, [rule]).map((f) => `${f.rule} ${f.field}`);
  }
  const a = analyze([tempTree(files)]);
  // Rules that look at the files of the tree (links, includes) need the build's own view of it.
  if ((rule.contexts as string[]).includes('tree') && /link|include/.test(rule.id)) return a.findings.filter((f) => f.rule === ruleId).map((f) => `${f.rule} ${f.field}`);
  return reconcile({ model: a.model, pages: a.model.documents, tree: NO_TREE }, [rule]).map((f) => `${f.rule} ${f.field}`);
}

const withFixture = RULES.filter((r) => r.fixture);

test('every rule carries an executable example', () => {
  assert.deepEqual(RULES.filter((r) => !r.fixture).map((r) => r.id), []);
});

for (const r of withFixture) {
  test(`${r.id}: the example's "before" fires, its "after" does not`, () => {
    const before = fires(r.id, r.fixture!.before);
    assert.ok(before.length > 0, `${r.id} did not fire on its before example`);
    assert.ok(before.every((x) => x.startsWith(r.id + ' ')), before.join('; '));
    assert.deepEqual(fires(r.id, r.fixture!.after), []);
  });
}
