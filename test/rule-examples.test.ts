/**
 * Each rule's documented example, executed (the way remark-lint runs its rule docs): the rule's
 * `fixture.before` tree makes it fire, `fixture.after` does not. Only that rule runs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from '../src/checks/registry.js';
import { reconcile } from '../src/checks/engine.js';
import { analyze } from '../src/pipeline/pipeline.js';
import { tempTree } from './helpers.js';

const NO_TREE = { exists: () => undefined, absOf: () => undefined };

function fires(ruleId: string, files: Record<string, string>): string[] {
  const rule = RULES.find((r) => r.id === ruleId)!;
  const a = analyze([tempTree(files)]);
  return reconcile({ model: a.model, pages: a.model.documents, tree: NO_TREE }, [rule]).map((f) => `${f.rule} ${f.field}`);
}

const withFixture = RULES.filter((r) => r.fixture);

test('rules with an executable example', () => {
  assert.ok(withFixture.length >= 10, `${withFixture.length} rules carry a fixture`);
});

for (const r of withFixture) {
  test(`${r.id}: the example's "before" fires, its "after" does not`, () => {
    const before = fires(r.id, r.fixture!.before);
    assert.ok(before.length > 0, `${r.id} did not fire on its before example`);
    assert.ok(before.every((x) => x.startsWith(r.id + ' ')), before.join('; '));
    assert.deepEqual(fires(r.id, r.fixture!.after), []);
  });
}
