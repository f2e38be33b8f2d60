/**
 * Every page of both real Graph docs snapshots: no crash, every page an IR, the coverage
 * thresholds of issue 3, every unextracted section explained, and (2021) TypeScript models
 * that compile under --strict. Skips with a message when ../shared/corpus is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import type { PageIR } from '../src/ir/schema.js';
import { analyzeParallel, type AnalyzeResult } from '../src/build/pipeline.js';
import { computeStats } from '../src/build/stats.js';
import { YIELD } from '../src/extract/inventory.js';
import { emitModels } from '../src/emit/ts/models.js';
import { CORPUS_SKIP, corpusTree, typecheck } from './helpers.js';

const CRASH_RULES = new Set(['extractor-failed', 'page-parse-failed', 'page-worker-crashed', 'page-timeout', 'rule-failed']);

function countPages(tree: string): number {
  let n = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) { if (e !== 'includes' && e !== 'snippets' && !e.startsWith('.')) walk(p); } else if (/\.(md|markdown|txt)$/i.test(e)) n++;
    }
  };
  walk(tree);
  return n;
}

/** Sections present (non-empty) whose extractor got nothing, with no diagnostic inside the section. */
function unexplainedSections(p: PageIR): string[] {
  const out: string[] = [];
  const own = p.sections.filter((s) => s.src.file === p.file);
  own.forEach((s, i) => {
    const check = YIELD[s.kind as keyof typeof YIELD];
    if (!check || s.empty || s.none || check(p)) return;
    const from = s.src.line;
    const to = own[i + 1]?.src.line ?? Infinity;
    const explained = p.diagnostics.some((d) => (d.src.file !== p.file) || (d.src.line >= from && d.src.line < to) || d.rule === 'section-not-extracted');
    if (!explained) out.push(`${p.file}:${from} ${s.kind}`);
  });
  return out;
}

function checkCorpus(a: AnalyzeResult, tree: string, label: string): void {
  const crashes = a.pages.flatMap((p) => p.diagnostics.filter((d) => CRASH_RULES.has(d.rule)).map((d) => `${d.src.file}: ${d.rule}: ${d.message}`));
  assert.deepEqual(crashes.slice(0, 10), [], `${label}: ${crashes.length} crashes`);
  assert.equal(a.pages.length, countPages(tree), `${label}: every page yields an IR`);
  const s = computeStats(a.pages);
  const pct = (x: number, y: number) => (100 * x) / y;
  assert.ok(pct(s.methodPages.withOperation, s.methodPages.total) >= 99.5, `${label}: method pages with an operation ${s.methodPages.withOperation}/${s.methodPages.total}`);
  assert.ok(pct(s.permissionSections.withResult, s.permissionSections.total) >= 99, `${label}: permission sections ${s.permissionSections.withResult}/${s.permissionSections.total}`);
  const r = s.propertyRows;
  assert.ok(pct(r.landed, r.total - r.groupRows) >= 99, `${label}: property rows landed ${r.landed}/${r.total}`);
  assert.equal(r.landed + r.groupRows + r.skippedWithDiagnostic + r.unread, r.total, `${label}: every property row is accounted for`);
  // Rows of tables nobody read: each such table has its own diagnostic.
  const unreadTables = a.pages.flatMap((p) => p.tables.filter((t) => ['properties', 'parameters', 'relationships'].includes(t.classification) && !t.taken).map((t) => ({ p, t })));
  const missingDiag = unreadTables.filter(({ p, t }) => !p.diagnostics.some((d) => d.rule === 'table-not-read' && d.src.line === t.src.line && d.src.file === t.src.file));
  assert.deepEqual(missingDiag.map(({ t }) => `${t.src.file}:${t.src.line}`).slice(0, 10), [], `${label}: unread tables without a diagnostic`);
  const unexplained = a.pages.flatMap(unexplainedSections);
  assert.deepEqual(unexplained.slice(0, 10), [], `${label}: ${unexplained.length} sections present but not extracted, with no diagnostic`);
}

const tree2021 = corpusTree('2021-07');
const tree2020 = corpusTree('2020-05');

test('2021-07 corpus: no crash, every page an IR, coverage thresholds, models compile under --strict', { skip: tree2021 ? false : CORPUS_SKIP, timeout: 30 * 60_000 }, async () => {
  const a = await analyzeParallel([tree2021!]);
  checkCorpus(a, tree2021!, '2021-07');
  const out = emitModels(a.model);
  const dir = mkdtempSync(join(tmpdir(), 'docmodel-models-2021-'));
  for (const [rel, text] of out.files) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  assert.ok(out.files.has('v1.0/microsoft.graph.ts') && out.files.has('beta/microsoft.graph.ts'));
  const r = typecheck(dir);
  assert.equal(r.status, 0, r.output.split('\n').slice(0, 20).join('\n'));
});

test('2020-05 corpus: no crash, every page an IR, coverage thresholds', { skip: tree2020 ? false : CORPUS_SKIP, timeout: 30 * 60_000 }, async () => {
  const a = await analyzeParallel([tree2020!]);
  checkCorpus(a, tree2020!, '2020-05');
});
