/**
 * npm run precision — precision of the rules, measured on the labelled set in
 * test/precision/labels/ (findings drawn from real corpus runs, each with a verdict written
 * after reading every side).
 *
 *   npm run precision [-- --check <check.json>] [-- --drift <drift.json>] [-- --check-2020 <check.json>] [-- --check-modern <check.json>]
 *                     [-- --check-contrib <check.json>] [-- --check-2016 <check.json>] [-- --metadata-v1 <metadata.json>] [-- --metadata-beta <metadata.json>]
 *
 * Without files it runs `docmodel check` on the 2021-07 corpus and `docmodel drift` 2020-05 →
 * 2021-07 (the trees are unpacked from ../shared/corpus; skipped with a message when absent), and
 * `docmodel check` on the 2020-05 tree and the modern sample when labels of those eras exist (scored
 * in their own tables: `reconcile-2020`, `reconcile-modern`; the fixture trees' checks, `reconcile-contrib` and
 * `reconcile-2016-19`, always run: their pages are in this repository), and `docmodel metadata` on the 2020-05 tree against the
 * 2020-05 metadata of v1.0 and beta when labels of those sets exist (`metadata-v1.0`, `metadata-beta`).
 * A label matches a current finding by fingerprint, else by rule + the file:line of every side,
 * else by rule + subject + field. Labelled findings that match nothing have disappeared (fixed or
 * reworded): they are counted, not scored. Precision = (real + real-but-misdescribed) / matched;
 * "strict" counts only real.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { CORPUS_SKIP, corpusTree, metadataDir, REPO } from './corpus.js';
import { ERA_SETS, FindingIndex, isEraSet, flattenItems, isMetadataSet, METADATA_SETS, metadataItems, readLabels, reportItems, TREE_LEVEL_RULES, uniformStratum, type EraSet, type MetadataSet, type ReportFinding } from './precision-lib.js';

const LABELS = join(REPO, 'test', 'precision', 'labels');
/** The uniform draw of the 2021 check's reported items (precision-sample --uniform): label ids per severity. */
const UNIFORM = join(REPO, 'test', 'precision');
/** Files of uniform draws: one per label set (uniform-2021.json for reconcile-2021, uniform-2020.json, …). */
const UNIFORM_FILES = ['uniform-2021.json', 'uniform-2020.json', 'uniform-modern.json', 'uniform-metadata.json', 'uniform-drift.json'];
const CLI = join(REPO, 'dist', 'src', 'cli', 'main.js');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function run(args: string[], out: string): string {
  const r = spawnSync(process.execPath, [CLI, ...args, '--format', 'json', '--output', out, '--quiet'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0 && r.status !== 1) throw new Error(`docmodel ${args[0]} failed (exit ${r.status})`);
  return out;
}

interface Row { n: number; real: number; mis: number; fals: number; gone: number }
const empty = (): Row => ({ n: 0, real: 0, mis: 0, fals: 0, gone: 0 });
/** One labelled finding into a row: gone when no current finding matches it, else by its verdict. */
function tally(r: Row, cur: unknown, verdict: string | null): void {
  r.n++;
  if (!cur) r.gone++;
  else if (verdict === 'real') r.real++;
  else if (verdict === 'misdescribed') r.mis++;
  else r.fals++;
}
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');

function table(title: string, rows: Map<string, Row>): string {
  const lines = [`### ${title}`, '', '| | labelled | matched | real | misdescribed | false | precision | strict | disappeared |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const [k, r] of [...rows.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const m = r.real + r.mis + r.fals;
    lines.push(`| ${k} | ${r.n} | ${m} | ${r.real} | ${r.mis} | ${r.fals} | ${pct(r.real + r.mis, m)} | ${pct(r.real, m)} | ${r.gone} |`);
  }
  return lines.join('\n');
}

function main(): void {
  const labels = readLabels(LABELS).filter((l) => l.verdict);
  let checkFile = arg('--check');
  let tmp: string | undefined;
  let driftFile = arg('--drift');
  if (!checkFile || !driftFile) {
    const t21 = corpusTree('2021-07');
    const t20 = corpusTree('2020-05');
    if (!t21 || !t20) { console.log(`precision: skipped — ${CORPUS_SKIP}`); return; }
    tmp = mkdtempSync(join(tmpdir(), 'docmodel-precision-'));
    checkFile ??= run(['check', t21], join(tmp, 'check.json'));
    driftFile ??= run(['drift', t20, t21], join(tmp, 'drift.json'));
  }
  // Each report is read once (the 2021 check's is ~40 MB): its items feed the matching, the uniform draws and the counts.
  const checkItems = reportItems(checkFile);
  const driftItems = reportItems(driftFile);
  const idx = { 'reconcile-2021': new FindingIndex(flattenItems(checkItems)), 'drift-2020-2021': new FindingIndex(flattenItems(driftItems)) };
  // The checks of other eras (their labels are scored apart): given, else run when their tree is at hand.
  const eraIdx = new Map<EraSet, FindingIndex>();
  const eraItems = new Map<EraSet, ReportFinding[]>();
  for (const set of Object.keys(ERA_SETS) as EraSet[]) {
    if (!labels.some((l) => l.set === set)) continue;
    const era: { tree: string; option: string; fixture?: string } = ERA_SETS[set];
    let file = arg(era.option);
    if (!file) {
      const tree = era.fixture ? join(REPO, era.fixture) : corpusTree(era.tree as '2020-05' | 'modern-sample');
      if (!tree) continue;
      tmp ??= mkdtempSync(join(tmpdir(), 'docmodel-precision-'));
      file = run(['check', tree], join(tmp, `${set}.json`));
    }
    const items = reportItems(file);
    eraItems.set(set, items);
    eraIdx.set(set, new FindingIndex(flattenItems(items)));
  }
  // The metadata comparisons (2020-05 docs against that version's 2020-05 CSDL and scope catalogue): given, else run when
  // the tree and the metadata are at hand.
  const metaIdx = new Map<MetadataSet, FindingIndex>();
  const metaItems = new Map<MetadataSet, ReportFinding[]>();
  for (const set of Object.keys(METADATA_SETS) as MetadataSet[]) {
    if (!labels.some((l) => l.set === set)) continue;
    const m = METADATA_SETS[set];
    let file = arg(`--metadata-${m.version === 'v1.0' ? 'v1' : 'beta'}`);
    if (!file) {
      const tree = corpusTree('2020-05');
      const dir = metadataDir();
      if (!tree || !dir) continue;
      tmp ??= mkdtempSync(join(tmpdir(), 'docmodel-precision-'));
      file = run(['metadata', join(dir, m.csdl), '--scopes', join(dir, m.scopes), tree], join(tmp, `${set}.json`));
    }
    const items = metadataItems(file);
    metaIdx.set(set, new FindingIndex(items));
    metaItems.set(set, items);
  }
  const perMeta = new Map<string, Row>();
  const perMetaRule = new Map<string, Row>();
  const perRule = new Map<string, Row>();
  const perSeverity = new Map<string, Row>();
  const perEra = new Map<string, Row>();
  const perEraRule = new Map<string, Row>();
  const count = (m: Map<string, Row>, k: string, cur: unknown, verdict: string | null) => {
    const r = m.get(k) ?? empty();
    tally(r, cur, verdict);
    m.set(k, r);
  };
  for (const l of labels) {
    if (isMetadataSet(l.set)) {
      const idxOf = metaIdx.get(l.set);
      if (!idxOf) continue;
      const cur = idxOf.match(l);
      const { version } = METADATA_SETS[l.set];
      count(perMeta, `${version} ${cur?.severity ?? l.severity}`, cur, l.verdict);
      count(perMetaRule, `${version}: ${l.rule}`, cur, l.verdict);
      continue;
    }
    if (isEraSet(l.set)) {
      const era = eraIdx.get(l.set);
      if (!era) continue;
      const cur = era.match(l);
      const name = ERA_SETS[l.set].tree;
      count(perEra, `${name} ${cur?.severity ?? l.severity}`, cur, l.verdict);
      count(perEraRule, `${name}: ${l.rule}`, cur, l.verdict);
      continue;
    }
    const cur = idx[l.set].match(l);
    // Drift by the current breaking flag (a label whose finding is no longer breaking counts as not breaking), else as labelled.
    const sevKey = l.set === 'drift-2020-2021' ? `drift ${(cur ? cur.breaking : l.breaking) ? 'breaking' : 'not breaking'}` : (cur?.severity ?? l.severity);
    count(perRule, `${l.set === 'drift-2020-2021' ? 'drift: ' : ''}${l.rule}`, cur, l.verdict);
    count(perSeverity, sevKey, cur, l.verdict);
  }
  console.log(`${labels.length} labelled findings (${LABELS.replace(REPO + '/', '')})\n`);
  console.log(table('Per severity (current severity of the matched finding; drift by breaking)', perSeverity));
  console.log('');
  console.log(table('Per rule', perRule));
  console.log('');
  if (perEra.size) {
    console.log(table('Other eras: check on the 2020-05 tree, the modern sample (its tree-level rules not sampled) and the fixture trees of current (contrib 2022–26) and 2016–19 pages (every finding labelled), per severity', perEra));
    console.log('');
    console.log(table('Other eras, per rule', perEraRule));
    console.log('');
  }
  if (perMeta.size) {
    console.log(table('Metadata comparison (`docmodel metadata`, 2020-05 docs against the 2020-05 CSDL and scope catalogue), per severity', perMeta));
    console.log('');
    console.log(table('Metadata comparison, per rule', perMetaRule));
    console.log('');
  }
  const reports = new Map<string, { idx: FindingIndex; items: ReportFinding[] }>([['reconcile-2021', { idx: idx['reconcile-2021'], items: checkItems }], ['drift-2020-2021', { idx: idx['drift-2020-2021'], items: driftItems }]]);
  for (const [set, i] of eraIdx) reports.set(set, { idx: i, items: eraItems.get(set)! });
  for (const [set, i] of metaIdx) reports.set(set, { idx: i, items: metaItems.get(set)! });
  const uniform = uniformTable(labels, reports);
  if (uniform) { console.log(uniform); console.log(''); }
  console.log(countsTable(checkItems, driftItems));
  // The reports run for this (~100 MB) are not kept — removed after the last table read them (removed
  // before it, `npm run precision` without files failed at its end on a report already gone).
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}

/** Wilson score interval (95%) of k successes in n, as "lo–hi%". */
function wilson(k: number, n: number): string {
  if (!n) return '—';
  const z = 1.96;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = p + (z * z) / (2 * n);
  const h = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return `${((100 * (c - h)) / d).toFixed(1)}–${((100 * (c + h)) / d).toFixed(1)}%`;
}

/**
 * Precision of everything the 2021 check reports at a severity, estimated from a simple random sample of its
 * reported items (test/precision/uniform-2021.json): the stratified draws above favour rules, this one does not.
 * Each drawn label is scored by the severity it was drawn at; labels whose finding is gone are counted apart.
 */
function uniformTable(labels: ReturnType<typeof readLabels>, reports: Map<string, { idx: FindingIndex; items: ReportFinding[] }>): string | undefined {
  type Draw = { name: string; set?: string; drawnAt?: string; severities: Record<string, { population: number; labels: string[] }> };
  const draws: Draw[] = UNIFORM_FILES.filter((f) => existsSync(join(UNIFORM, f)))
    .flatMap((f) => (JSON.parse(readFileSync(join(UNIFORM, f), 'utf8')) as { draws: Draw[] }).draws);
  if (!draws.length) return undefined;
  const byId = new Map(labels.map((l) => [l.id, l] as const));
  const lines = ['### Uniform samples of a check\'s reported items (precision of everything reported at a severity)', '',
    '| draw | check | severity | reported items (drawn from / now) | drawn | judged | matched | real | misdescribed | false | precision | 95% interval | strict | disappeared |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const draw of draws) {
    const set = draw.set ?? 'reconcile-2021';
    const report = reports.get(set);
    if (!report) continue;
    const now = new Map<string, number>();
    const modern = set === 'reconcile-modern';
    for (const f of report.items) if (!modern || !TREE_LEVEL_RULES.has(f.rule)) now.set(uniformStratum(f, set), (now.get(uniformStratum(f, set)) ?? 0) + 1);
    const tree = set === 'reconcile-2021' ? '2021-07' : set === 'drift-2020-2021' ? 'drift 2020-05 → 2021-07' : isMetadataSet(set) ? `metadata ${METADATA_SETS[set].version}` : ERA_SETS[set as EraSet].tree;
    for (const [sev, d] of Object.entries(draw.severities)) {
      const r = empty();
      for (const id of d.labels) {
        const l = byId.get(id);
        if (l?.verdict) tally(r, report.idx.match(l), l.verdict);
      }
      const m = r.real + r.mis + r.fals;
      lines.push(`| ${draw.name}${draw.drawnAt ? ` (${draw.drawnAt})` : ''} | ${tree} | ${sev} | ${d.population} / ${now.get(sev) ?? 0} | ${d.labels.length} | ${r.n} | ${m} | ${r.real} | ${r.mis} | ${r.fals} | ${pct(r.real + r.mis, m)} | ${wilson(r.real + r.mis, m)} | ${pct(r.real, m)} | ${r.gone} |`);
    }
  }
  return lines.join('\n');
}

/** What the run reports, per rule: items (a grouped finding is one) and the findings they stand for. */
function countsTable(checkItems: ReportFinding[], driftItems: ReportFinding[]): string {
  const rows = new Map<string, { items: number; instances: number }>();
  for (const [prefix, items] of [['', checkItems], ['drift: ', driftItems]] as const) {
    for (const f of items) {
      const r = rows.get(prefix + f.rule) ?? { items: 0, instances: 0 };
      r.items++;
      r.instances += f.instances?.length || 1;
      rows.set(prefix + f.rule, r);
    }
  }
  const lines = ['### Reported per rule (this run)', '', '| rule | reported items | findings (instances) |', '| --- | ---: | ---: |'];
  let items = 0;
  let instances = 0;
  for (const [k, r] of [...rows.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    lines.push(`| ${k} | ${r.items} | ${r.instances} |`);
    items += r.items;
    instances += r.instances;
  }
  lines.push(`| **total** | ${items} | ${instances} |`);
  return lines.join('\n');
}

main();
