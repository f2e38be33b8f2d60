/**
 * Every page of both real Graph docs snapshots and of the modern sample: no crash, every page an
 * IR, the coverage thresholds of issue 3, every unextracted section explained, every non-empty
 * cell of every table an extractor read either in the IR or named by a diagnostic, request lines
 * of HTTP blocks that are not operations ≤ 0.5% and each with a diagnostic, permission names in
 * table cells (counted independently by bench/audit.ts) in the IR, and (2021) TypeScript models
 * that compile under --strict. Skips with a message when ../shared/corpus is absent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PageIR } from '../src/sources/graph-markdown/ir/schema.js';
import { analyzeParallel, type AnalyzeResult } from '../src/pipeline/pipeline.js';
import { computeStats } from '../src/pipeline/stats.js';
import { YIELD } from '../src/sources/graph-markdown/extract/inventory.js';
import { emitModels } from '../src/emit/ts/models.js';
import { CORPUS_SKIP, corpusTree, typecheck, tempDir } from './helpers.js';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import { reportData } from '../src/emit/reports/report-data.js';
import { renderReport } from '../src/emit/reports/formats.js';
import { htmlReport } from '../src/emit/reports/html.js';
import { audit } from '../bench/audit.js';
import { collectInputs, displayPath } from '../src/sources/graph-markdown/ingest/walk.js';
import { isIncludeFragment } from '../src/pipeline/pipeline.js';
import { focusedFindings } from '../src/pipeline/focus.js';
import { WarmPageWorker } from '../src/pipeline/warm-worker.js';
import { applyPolicy, concernsPages } from '../src/checks/policy.js';
import type { Finding } from '../src/checks/types.js';
import { rng } from '../src/util/rng.js';
import { WHOLE_TREE_RULES } from '../src/checks/registry.js';

/** Fingerprints of the findings (a grouped finding: its instances) that concern the page. */
function fingerprintsOn(findings: Finding[], page: string): string[] {
  const on = new Set([page]);
  return findings.flatMap((f) => (f.instances?.length ? f.instances : [f])).filter((f) => concernsPages(f, on)).map((f) => f.fingerprint).sort();
}

/**
 * The first look of `--watch` at a page (a model of it and its related pages, see
 * src/pipeline/focus.ts) finds on it exactly what the check of the whole tree finds: `n` pages
 * drawn with a fixed seed, each looked at as if just saved (unchanged).
 */
async function firstLookAgrees(a: AnalyzeResult, n: number): Promise<void> {
  const files = a.pages.map((p) => p.file).sort();
  const draw = rng(20261203);
  const sample = new Set<string>();
  while (sample.size < Math.min(n, files.length)) sample.add(files[Math.floor(draw() * files.length)]!);
  const full = applyPolicy(a.findings, a.model.documents, {}).findings;
  const worker = new WarmPageWorker();
  worker.warmUp();
  const differ: string[] = [];
  try {
    for (const file of sample) {
      const look = await focusedFindings(a, [join(a.docsRoot, file)], {}, worker);
      const x = fingerprintsOn(look.findings, file);
      const y = fingerprintsOn(full, file);
      if (x.join() !== y.join()) differ.push(`${file}: first look ${x.length} finding(s), the whole check ${y.length}`);
    }
  } finally {
    await worker.close();
  }
  assert.deepEqual(differ, [], 'the first look and the whole check disagree on these pages');
}

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
    if (s.kind === 'permissions' && p.permissions?.state === 'empty') return; // stated empty (blank table, or an introduction with no list)
    const from = s.src.line;
    // A section runs to the next heading at its depth or above (subsections included).
    const to = own.slice(i + 1).find((x) => x.depth <= s.depth)?.src.line ?? Infinity;
    // Explained: a diagnostic inside the section, or inside an include spliced into it.
    const spliced = new Set(p.includes.filter((inc) => inc.resolved && inc.src.line >= from && inc.src.line < to).map((inc) => inc.resolved!));
    const explained = p.diagnostics.some((d) => (d.src.file === p.file && d.src.line >= from && d.src.line < to) || spliced.has(d.src.file));
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
  // Request bodies stated in prose only count when they say something (a reference, "no body", HTML or binary, the fields to update).
  const rb = s.sections.find((x) => x.kind === 'request-body')!;
  assert.ok(pct(rb.extracted, rb.present) >= 99, `${label}: request-body sections with a fact ${rb.extracted}/${rb.present}`);
  // Tables nobody read, of any kind (a use-case table, values under their own heading, a report's functions): each has
  // its own diagnostic at its position (national-cloud tables land in nationalClouds without being counted as read) —
  // one diagnostic, the extractor's own when it passed the table over for a reason of its own (a nested structure).
  const unreadTables = a.pages.flatMap((p) => p.tables.filter((t) => t.classification !== 'national-clouds' && !t.taken).map((t) => ({ p, t })));
  assert.ok(unreadTables.length > 0, `${label}: the tree has tables no extractor reads`);
  const NAMES_TABLE = new Set(['table-not-read', 'table-unclassified', 'property-table-nested-structure']);
  const missingDiag = unreadTables.filter(({ p, t }) => p.diagnostics.filter((d) => NAMES_TABLE.has(d.rule) && d.src.line === t.src.line && d.src.file === t.src.file).length !== 1);
  assert.deepEqual(missingDiag.map(({ t }) => `${t.src.file}:${t.src.line}`).slice(0, 10), [], `${label}: unread tables without exactly one diagnostic`);
  const unexplained = a.pages.flatMap(unexplainedSections);
  assert.deepEqual(unexplained.slice(0, 10), [], `${label}: ${unexplained.length} sections present but not extracted, with no diagnostic`);
  // No silent loss in tables: every non-empty cell of a table an extractor read landed in the IR or is named by a diagnostic.
  const lost = a.pages.flatMap((p) => p.tables.filter((t) => t.taken && t.taken.cells !== (t.taken.cellsLanded ?? 0) + (t.taken.cellsExplained ?? 0))
    .map((t) => `${t.src.file}:${t.src.line} ${t.classification} (${t.columns.join(' | ')}): ${t.taken!.cells! - t.taken!.cellsLanded! - t.taken!.cellsExplained!} cell(s) unaccounted`));
  assert.deepEqual(lost.slice(0, 10), [], `${label}: ${lost.length} tables with cells neither in the IR nor named by a diagnostic`);
  const cells = s.tableCells.reduce((n, x) => n + x.cells, 0);
  assert.ok(cells > 0 && s.tableCells.every((x) => x.unaccounted === 0), `${label}: cell accounting`);
  // Independent counts from the raw markdown (bench/audit.ts).
  const files = collectInputs([tree]).files.map((f) => ({ abs: f.abs, display: displayPath(f.abs, a.docsRoot), page: !isIncludeFragment(f) }));
  const au = audit(files, a.pages);
  const q = au.requestLines;
  assert.deepEqual(q.silent.slice(0, 10), [], `${label}: request lines that are not operations and have no diagnostic`);
  assert.ok(q.total > 0 && (q.total - q.operations) / q.total <= 0.005, `${label}: request lines not operations ${q.total - q.operations}/${q.total}`);
  const pn = au.permissionNames;
  assert.deepEqual(pn.missing.slice(0, 10), [], `${label}: ${pn.missing.length}/${pn.total} permission names in table cells are not in the IR`);
  assert.deepEqual(pn.misplaced.slice(0, 10), [], `${label}: permission names with the wrong least/higher placement`);
}

const tree2021 = corpusTree('2021-07');
const tree2020 = corpusTree('2020-05');
const treeModern = corpusTree('modern-sample');

test('modern sample: no crash, every page an IR, every permission name with its least/higher placement, no silent loss, the first look agrees on every page', { skip: treeModern ? false : CORPUS_SKIP, timeout: 10 * 60_000 }, async () => {
  const a = await analyzeParallel([treeModern!]);
  checkCorpus(a, treeModern!, 'modern');
  await firstLookAgrees(a, a.pages.length);
  // The current format: 47 method pages take their table from an include with Least / Higher privileged columns.
  const placed = a.pages.flatMap((p) => p.permissions?.entries ?? []).flatMap((e) => e.permissions).filter((n) => n.privilege);
  assert.ok(placed.some((n) => n.privilege === 'higher') && placed.some((n) => n.privilege === 'least'));
  // A sample, not a tree: 646 of its 782 page links lead to pages it lacks. What it lacks is said once, not 715 times.
  const partial = a.findings.filter((f) => f.rule === 'tree-partial');
  assert.equal(partial.length, 1);
  assert.match(partial[0]!.message, /^646 of the 782 links between pages \(83%\) lead to pages this tree does not have \(/);
  assert.deepEqual(a.findings.filter((f) => WHOLE_TREE_RULES.includes(f.rule)).map((f) => f.rule), []);
});

test('2021-07 corpus: no crash, every page an IR, coverage thresholds, the first look agrees on 150 pages, models compile under --strict', { skip: tree2021 ? false : CORPUS_SKIP, timeout: 30 * 60_000 }, async () => {
  const a = await analyzeParallel([tree2021!]);
  checkCorpus(a, tree2021!, '2021-07');
  // A whole tree: no page link leads outside it, the rules about what it lacks run.
  assert.deepEqual(a.findings.filter((f) => f.rule === 'tree-partial'), []);
  assert.ok(a.findings.some((f) => f.rule === 'operation-missing-in-beta'));
  await firstLookAgrees(a, 150);
  const out = emitModels(a.model);
  const dir = tempDir('models-2021');
  for (const [rel, text] of out.files) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  assert.ok(out.files.has('v1.0/microsoft.graph.ts') && out.files.has('beta/microsoft.graph.ts'));
  // Printed through a memo (a statement at a time, the operation maps a member at a time), then again from it: the same files.
  const texts = new Map<string, string>();
  const memo = { get: (k: string) => texts.get(k), set: (k: string, v: string) => void texts.set(k, v) };
  for (const run of ['printed member-wise', 'from the memo']) {
    const again = emitModels(a.model, memo);
    assert.deepEqual([...again.files.keys()], [...out.files.keys()]);
    for (const [rel, text] of out.files) assert.ok(again.files.get(rel) === text, `${rel} ${run}`);
  }
  assert.ok(texts.size > 8000, `${texts.size} texts: printed a statement (and the operation maps a member) at a time`);
  const r = typecheck(dir);
  assert.equal(r.status, 0, r.output.split('\n').slice(0, 20).join('\n'));
  // The v1.0-vs-beta reconciliation of the whole tree: its SARIF validates, its HTML opens.
  const data = reportData(a.model, a.findings, '0.0.0-test');
  const sarif = JSON.parse(renderReport('sarif', data, '.')) as object;
  const ajv = new AjvDraft04.default({ allErrors: false, strict: false, unicodeRegExp: false });
  const validate = ajv.compile(JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')));
  assert.ok(validate(sarif), ajv.errorsText(validate.errors));
  assert.ok(a.findings.some((f) => f.context === 'cross-version'), 'v1.0-vs-beta findings exist');
  if (existsSync('/usr/bin/chromium')) {
    const html = join(dir, 'reconciliation.html');
    writeFileSync(html, htmlReport(data));
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await page.goto(`file://${html}`, { timeout: 120_000 });
      await page.waitForSelector('body[data-ready="1"]', { timeout: 120_000 });
      // findings are shown a page (100) at a time; the count names them all
      assert.equal(await page.locator('#findings tr').count(), 100);
      assert.match(await page.locator('#count').textContent() ?? '', /^\d+ of \d+ findings; page 1 of \d+$/);
      await page.screenshot({ path: join(dir, 'reconciliation.png') });
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  }
});

test('2020-05 corpus: no crash, every page an IR, coverage thresholds, the first look agrees on 100 pages', { skip: tree2020 ? false : CORPUS_SKIP, timeout: 30 * 60_000 }, async () => {
  const a = await analyzeParallel([tree2020!]);
  checkCorpus(a, tree2020!, '2020-05');
  await firstLookAgrees(a, 100);
});
