/** Diagnostics are registered like rules: every id the code emits has an entry, explain prints it, SARIF carries it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { DIAGNOSTICS, findDiagnostic, registeredSeverity } from '../src/checks/diagnostics.js';
import { RULES } from '../src/checks/registry.js';
import { analyze } from '../src/pipeline/in-thread.js';
import { renderOutputs } from '../src/pipeline/pipeline.js';
import { outputText } from '../src/pipeline/output.js';
import { INPUT, ROOT } from './helpers.js';

function srcFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? srcFiles(p) : n.endsWith('.ts') ? [p] : [];
  });
}

/** Ids the code emits: diag('id', …), failedPage(…, 'id', …) and { rule: 'id', … } literals. */
function emittedIds(): Set<string> {
  const ids = new Set<string>();
  for (const f of srcFiles(join(ROOT, 'src'))) {
    const t = readFileSync(f, 'utf8');
    for (const m of t.matchAll(/\bdiag\(\s*'([a-z0-9-]+)'/g)) ids.add(m[1]!);
    for (const m of t.matchAll(/\bfailedPage\([^,]+,\s*'([a-z0-9-]+)'/g)) ids.add(m[1]!);
    for (const m of t.matchAll(/\brule:\s*'([a-z0-9-]+)'/g)) ids.add(m[1]!);
  }
  return ids;
}

test('every emitted diagnostic id is registered (as a diagnostic, or as the rule it reports for)', () => {
  const ids = emittedIds();
  assert.ok(ids.size >= 50, `${ids.size} ids found`);
  const rules = new Set(RULES.map((r) => r.id));
  assert.deepEqual([...ids].filter((id) => !findDiagnostic(id) && !rules.has(id)).sort(), []);
  for (const d of DIAGNOSTICS) {
    assert.match(d.id, /^[a-z]+(-[a-z0-9]+)*$/);
    assert.ok(d.summary.length > 10 && d.description.length > 10, d.id);
    assert.ok(!rules.has(d.id), `${d.id} is both a rule and a diagnostic`);
  }
  assert.equal(new Set(DIAGNOSTICS.map((d) => d.id)).size, DIAGNOSTICS.length);
});

test('a diagnostic is emitted with its registered severity: every literal site in src/ (diag(id, severity, …) and { rule: id, severity: … }) and the read problems', () => {
  const wrong: string[] = [];
  let sites = 0;
  for (const f of srcFiles(join(ROOT, 'src'))) {
    const t = readFileSync(f, 'utf8');
    for (const m of t.matchAll(/\b(?:diag\(\s*'([a-z0-9-]+)',\s*|rule:\s*'([a-z0-9-]+)',\s*severity:\s*)'(\w+)'/g)) {
      const dk = findDiagnostic(m[1] ?? m[2]!);
      if (!dk) continue; // a rule id (reported for a rule), checked above
      sites++;
      if (dk.severity !== m[3]) wrong.push(`${f.slice(ROOT.length + 1)}: ${dk.id} emitted ${m[3]}, registered ${dk.severity}`);
    }
  }
  assert.ok(sites >= 90, `${sites} sites`);
  assert.deepEqual(wrong, []);
  assert.equal(registeredSeverity('file-empty'), 'info');
  assert.throws(() => registeredSeverity('no-such-diagnostic'), /not registered/);
});

test('explain prints a diagnostic; SARIF carries the seeds\' diagnostics with their registered metadata', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/src/cli/main.js'), 'explain', 'permission-cell-todo'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^permission-cell-todo \(diagnostic; warning; stage: extract; suppressible\)\n\nA permission cell is a TODO placeholder\n/);
  const a = analyze([INPUT]);
  const files = renderOutputs(a, join(ROOT, 'generated')).files;
  const sarif = JSON.parse(outputText(files.get('reconciliation.sarif')!));
  const all = JSON.parse(outputText(files.get('reconciliation.json')!)).diagnostics as unknown[];
  const diagResults = sarif.runs[0].results.filter((x: { properties: { field: string } }) => x.properties.field === 'diagnostic');
  const pageDiags = a.pages.flatMap((p) => p.diagnostics);
  assert.ok(pageDiags.length > 0);
  assert.equal(diagResults.length, all.length);
  assert.ok(all.length >= pageDiags.length);
  for (const x of diagResults) {
    const meta = sarif.runs[0].tool.driver.rules[x.ruleIndex];
    assert.equal(meta.id, x.ruleId);
    assert.equal(meta.properties.kind, findDiagnostic(x.ruleId) ? 'diagnostic' : undefined, x.ruleId);
  }
});
