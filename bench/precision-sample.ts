/**
 * Draws the labelled precision set (the labels are then written by hand):
 *   node dist/bench/precision-sample.js <check-2021.json> <drift-2020-2021.json> <out.jsonl>
 *   node dist/bench/precision-sample.js <check-2021.json> <drift-2020-2021.json> <out.jsonl> --top-up <labels (a .jsonl file or test/precision/labels/)>
 * The first form drew the original set (seed 20261201, quotas QUOTA). `--top-up` draws, from the
 * reported items of the current code (a grouped finding is one item), only those no existing
 * label matches (see FindingIndex), with its own seed and quotas, ids continuing after the set's
 * last — so that precision is measured on what the tool reports now, not only on findings that
 * survived since the set was drawn. `--only-rule <id> [--n <k>]` (with --top-up) draws k (default 15)
 * unlabelled items of one rule — for a rule added after the set was drawn.
 * Stratified by rule × severity (drift: rule × breaking), seeded, so the same inputs give the
 * same sample. Every stratum gets at least two findings (all when it has fewer); the rest of a
 * severity's quota is shared in proportion to stratum size.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { ERA_SETS, FindingIndex, flattenItems, isMetadataSet, METADATA_SETS, metadataItems, readLabels, relPath, relText, reportItems, rng, TREE_LEVEL_RULES, treeOf, uniformStratum, unlabelledItems, type EraSet, type Label, type MetadataSet, type ReportFinding } from './precision-lib.js';

const SEED = 20261201;
const QUOTA: Record<string, number> = { error: 70, warning: 90, info: 20, 'drift-breaking': 40, 'drift-other': 15 };
const TOP_UP_SEED = 20261202;
const TOP_UP_QUOTA: Record<string, number> = { error: 40, warning: 60, info: 0, 'drift-breaking': 40, 'drift-other': 0 };
const ERA_SEED = 20261203;

function sample(findings: ReportFinding[], klass: (f: ReportFinding) => string, stratum: (f: ReportFinding) => string, rand: () => number, quotas = QUOTA, minPerStratum = 2): ReportFinding[] {
  const byClass = new Map<string, Map<string, ReportFinding[]>>();
  for (const f of findings) {
    const c = klass(f);
    const m = byClass.get(c) ?? new Map<string, ReportFinding[]>();
    const s = stratum(f);
    m.set(s, [...(m.get(s) ?? []), f]);
    byClass.set(c, m);
  }
  const out: ReportFinding[] = [];
  for (const [c, strata] of [...byClass.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const quota = quotas[c] ?? 0;
    if (!quota) continue;
    const total = [...strata.values()].reduce((n, l) => n + l.length, 0);
    for (const [, list] of [...strata.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
      const n = Math.min(list.length, Math.max(minPerStratum, Math.round((quota * list.length) / total)));
      const pool = [...list];
      for (let i = 0; i < n; i++) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
    }
  }
  return out;
}

/**
 * The snapshot of a drift side when the report's paths are docs-root relative (current reports):
 * a change lists the old side then the new one; an addition only the new, a removal only the old.
 */
/** The tree of a drift side in a report that does not say (before session 29): a guess by position and rule. */
function driftTree(f: ReportFinding, i: number): string {
  if (f.sides.length > 1) return i === 0 ? '2020-05' : '2021-07';
  return /-added$/.test(f.rule) ? '2021-07' : '2020-05';
}

function toLabel(f: ReportFinding, set: Label['set'], id: string): Label {
  return {
    id, set, rule: f.rule, severity: f.severity, ...(f.breaking !== undefined ? { breaking: f.breaking } : {}),
    subject: relText(f.subject), field: f.field, fingerprint: f.fingerprint, message: relText(f.message),
    sides: f.sides.map((s, i) => {
      // The report says which snapshot a drift side is in (Side.snapshot); reports from before session 29 are guessed.
      const tree = set === 'drift-2020-2021' ? (s.snapshot ? (s.snapshot === 'old' ? '2020-05' : '2021-07') : (treeOf(s.file) ?? driftTree(f, i))) : undefined;
      return { file: relPath(s.file), line: s.line, value: relText(s.value).slice(0, 400), ...(tree ? { tree } : {}) };
    }),
    verdict: null, reason: '',
  };
}

/**
 * `--era <reconcile-2020|reconcile-modern|reconcile-contrib|reconcile-2016-19> <check.json> <out.jsonl> <labels (a .jsonl file or test/precision/labels/)>`: a sample of another era's check,
 * labelled on its own (ids o… / m… / c… / e…: ERA_SETS), unlabelled items only, stratified by rule × severity with at least one item a
 * stratum; on the modern sample, which is not a whole tree, the tree-level rules are left out (TREE_LEVEL_RULES).
 * `--n <k>` items per severity (default 20); `--all`: every such item (a census); `--only-rule <id>`: items of that rule only.
 */
function eraSample(): void {
  const at = process.argv.indexOf('--era');
  const [set, file, outFile, labelsFile] = process.argv.slice(at + 1, at + 5) as [EraSet, string, string, string];
  if (!(set in ERA_SETS) || !file || !outFile || !labelsFile) { console.error('usage: precision-sample --era <reconcile-2020|reconcile-modern|reconcile-contrib|reconcile-2016-19> <check.json> <out.jsonl> <labels (a .jsonl file or test/precision/labels/)> [--n k | --all]'); process.exit(2); }
  const labels = readLabels(labelsFile);
  let list = unlabelledItems(reportItems(file), labels, set);
  if (set === 'reconcile-modern') list = list.filter((f) => !TREE_LEVEL_RULES.has(f.rule));
  const onlyAt = process.argv.indexOf('--only-rule');
  if (onlyAt > 0) list = list.filter((f) => f.rule === process.argv[onlyAt + 1]);
  const nAt = process.argv.indexOf('--n');
  const k = process.argv.includes('--all') ? Number.MAX_SAFE_INTEGER : nAt > 0 ? Number(process.argv[nAt + 1]) : 20;
  const { prefix } = ERA_SETS[set];
  const n0 = 1 + Math.max(0, ...labels.filter((l) => l.id.startsWith(prefix)).map((l) => Number(l.id.slice(1))));
  const drawn = sample(list, (f) => f.severity, (f) => f.rule, rng(ERA_SEED), { error: k, warning: k, info: k }, 1);
  const out = drawn.map((f, i) => ({ ...toLabel(f, 'reconcile-2021', `${prefix}${String(n0 + i).padStart(3, '0')}`), set }));
  writeFileSync(outFile, out.map((l) => JSON.stringify(l)).join('\n') + '\n');
  console.log(`${out.length} ${set} findings sampled into ${outFile} (unlabelled items only, ids from ${out[0]?.id ?? '—'})`);
}

if (process.argv.includes('--era')) { eraSample(); process.exit(0); }

/**
 * `--metadata <metadata.json> <out.jsonl> <labels (a .jsonl file or test/precision/labels/)> --set <metadata-v1.0|metadata-beta> [--seed n]`:
 * a sample of a `docmodel metadata -f json` report (the 2020-05 docs against that version's 2020-05 CSDL and scope
 * catalogue), unlabelled findings only, stratified by rule within each severity (METADATA_QUOTA, at least three
 * findings of every rule and severity, all when fewer), so that every rule gets a precision of its own; ids continue
 * the set's series (v… for v1.0, b… for beta). `--only-rule <id> [--n k]`: k (default 6) unlabelled findings of that rule
 * per severity — a top-up after a rule changed what it reports.
 */
const METADATA_SEED = 20261280;
const METADATA_QUOTA: Record<string, number> = { error: 20, warning: 45, info: 35 };
function metadataSample(): void {
  const at = process.argv.indexOf('--metadata');
  const [file, outFile, labelsFile] = process.argv.slice(at + 1, at + 4) as [string, string, string];
  const setAt = process.argv.indexOf('--set');
  const set = process.argv[setAt + 1] as MetadataSet;
  if (!file || !outFile || !labelsFile || setAt < 0 || !isMetadataSet(set)) {
    console.error('usage: precision-sample --metadata <metadata.json> <out.jsonl> <labels (a .jsonl file or test/precision/labels/)> --set metadata-v1.0|metadata-beta [--seed n] [--only-rule <id> [--n k]]');
    process.exit(2);
  }
  const labels = readLabels(labelsFile).filter((l) => l.set === set);
  let list = unlabelledItems(metadataItems(file), labels, set);
  const onlyAt = process.argv.indexOf('--only-rule');
  const nAt = process.argv.indexOf('--n');
  const quota = onlyAt > 0 ? Object.fromEntries(Object.keys(METADATA_QUOTA).map((k) => [k, nAt > 0 ? Number(process.argv[nAt + 1]) : 6])) : METADATA_QUOTA;
  if (onlyAt > 0) list = list.filter((f) => f.rule === process.argv[onlyAt + 1]);
  const seedAt = process.argv.indexOf('--seed');
  const { prefix } = METADATA_SETS[set];
  const n0 = 1 + Math.max(0, ...labels.map((l) => Number(l.id.slice(1))));
  const drawn = sample(list, (f) => f.severity, (f) => f.rule, rng(seedAt > 0 ? Number(process.argv[seedAt + 1]) : METADATA_SEED), quota, onlyAt > 0 ? 1 : 3);
  const out = drawn.map((f, i) => toLabel(f, set, `${prefix}${String(n0 + i).padStart(3, '0')}`));
  writeFileSync(outFile, out.map((l) => JSON.stringify(l)).join('\n') + '\n');
  console.log(`${out.length} ${set} findings sampled into ${outFile} (unlabelled only, ids from ${out[0]?.id ?? '—'})`);
}

if (process.argv.includes('--metadata')) { metadataSample(); process.exit(0); }
/**
 * `--uniform <check.json> <out.jsonl> <labels (a .jsonl file or test/precision/labels/)> <membership.json> [--set <set>]`: a simple random sample of the
 * reported items of a check, per severity (UNIFORM_QUOTA; every item when fewer), drawn from all of them — labelled or
 * not — so that its precision estimates that of everything the check reports at that severity, not of the rules the
 * stratified draws favoured. `--set` names the check's label set: `reconcile-2021` (default; ids r…) or another era's
 * (`reconcile-2020`, ids o…; `reconcile-modern`, ids m…, its tree-level rules left out as in `--era`), the drift of
 * 2020-05 → 2021-07 (`drift-2020-2021`, ids d…: <check.json> is then a `docmodel drift` report, drawn by breaking or not,
 * DRIFT_QUOTA, as it is scored), or a metadata
 * comparison's (`metadata-v1.0`, ids v…, `metadata-beta`, ids b…: <check.json> is then a `docmodel metadata -f json` report). Drawn items
 * some label of the set already matches keep that label (its id is listed); the others get new labels (ids continuing
 * the set's series) in out.jsonl, to be judged. membership.json lists, per severity, the label ids of the draw, the
 * population it was drawn from and its set; `npm run precision` scores it in its own table.
 * membership.json holds every draw (`draws`); a new one is appended, `--seed <n>` (default UNIFORM_SEED) and `--name <s>`
 * telling it apart: a later draw from later code measures what fixes made from the earlier draw's labels left.
 */
const UNIFORM_SEED = 20261217;
const UNIFORM_QUOTA: Record<string, number> = { error: Number.MAX_SAFE_INTEGER, warning: 60, info: 40 };
/** A drift report is drawn by its breaking flag instead of severity (as `npm run precision` scores drift). */
const DRIFT_QUOTA: Record<string, number> = { breaking: 60, 'not breaking': 40 };

function uniformSample(): void {
  const at = process.argv.indexOf('--uniform');
  const [file, outFile, labelsFile, memberFile] = process.argv.slice(at + 1, at + 5) as [string, string, string, string];
  const setAt = process.argv.indexOf('--set');
  const set = (setAt > 0 ? process.argv[setAt + 1] : 'reconcile-2021') as Label['set'];
  if (!file || !outFile || !labelsFile || !memberFile || !(set === 'reconcile-2021' || set === 'drift-2020-2021' || set in ERA_SETS || isMetadataSet(set))) {
    console.error('usage: precision-sample --uniform <check.json> <out.jsonl> <labels (a .jsonl file or test/precision/labels/)> <membership.json> [--set reconcile-2021|reconcile-2020|reconcile-modern|drift-2020-2021|metadata-v1.0|metadata-beta] [--seed n] [--name s]');
    process.exit(2);
  }
  const prefix = set === 'reconcile-2021' ? 'r' : set === 'drift-2020-2021' ? 'd' : isMetadataSet(set) ? METADATA_SETS[set].prefix : ERA_SETS[set as EraSet].prefix;
  const labels = readLabels(labelsFile).filter((l) => l.set === set);
  let items = isMetadataSet(set) ? metadataItems(file) : reportItems(file);
  if (set === 'reconcile-modern') items = items.filter((f) => !TREE_LEVEL_RULES.has(f.rule));
  // Which label (lowest id) each item already carries: the item or one of the findings it groups matches it.
  const byFp = new Map<string, string>();
  const idx = new FindingIndex(flattenItems(items));
  for (const l of [...labels].sort((a, b) => a.id.localeCompare(b.id))) { const m = idx.match(l); if (m && !byFp.has(m.fingerprint)) byFp.set(m.fingerprint, l.id); }
  const labelOf = (f: ReportFinding) => [f, ...(f.instances ?? [])].map((g) => byFp.get(g.fingerprint)).find((x) => x !== undefined);
  const seedAt = process.argv.indexOf('--seed');
  const seed = seedAt > 0 ? Number(process.argv[seedAt + 1]) : UNIFORM_SEED;
  const nameAt = process.argv.indexOf('--name');
  const name = nameAt > 0 ? process.argv[nameAt + 1]! : `seed ${seed}`;
  const rand = rng(seed);
  let next = 1 + Math.max(-1, ...labels.map((l) => Number(l.id.slice(1))));
  const fresh: Label[] = [];
  const members: Record<string, { population: number; labels: string[] }> = {};
  const quota = set === 'drift-2020-2021' ? DRIFT_QUOTA : UNIFORM_QUOTA;
  for (const sev of Object.keys(quota)) {
    const pool = items.filter((f) => uniformStratum(f, set) === sev).sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));
    const population = pool.length;
    const ids: string[] = [];
    for (let i = 0; i < quota[sev]! && pool.length; i++) {
      const f = pool.splice(Math.floor(rand() * pool.length), 1)[0]!;
      let id = labelOf(f);
      if (!id) { id = `${prefix}${String(next++).padStart(3, '0')}`; fresh.push(toLabel(f, set, id)); }
      ids.push(id);
    }
    members[sev] = { population, labels: ids };
  }
  writeFileSync(outFile, fresh.map((l) => JSON.stringify(l)).join('\n') + '\n');
  let draws: unknown[] = [];
  try { draws = (JSON.parse(readFileSync(memberFile, 'utf8')) as { draws: unknown[] }).draws; } catch { /* a first draw */ }
  const drawnFrom = isMetadataSet(set) ? `docmodel metadata <${METADATA_SETS[set].csdl}> --scopes <${METADATA_SETS[set].scopes}> <2020-05 api-reference> -f json`
    : set === 'drift-2020-2021' ? 'docmodel drift <2020-05 api-reference> <2021-07 api-reference> --no-config -f json'
      : `docmodel check <${set === 'reconcile-2021' ? '2021-07' : ERA_SETS[set as EraSet].tree} api-reference> --no-config -f json`;
  draws.push({ name, seed, ...(set === 'reconcile-2021' ? {} : { set }), drawnFrom, severities: members });
  writeFileSync(memberFile, JSON.stringify({ draws }, null, 2) + '\n');
  const drawn = Object.values(members).reduce((n, m) => n + m.labels.length, 0);
  console.log(`${drawn} items drawn uniformly (${Object.entries(members).map(([k, m]) => `${k} ${m.labels.length} of ${m.population}`).join(', ')}); ${fresh.length} unlabelled, written to ${outFile}`);
}

if (process.argv.includes('--uniform')) { uniformSample(); process.exit(0); }

const [checkFile, driftFile, out] = process.argv.slice(2);
if (!checkFile || !driftFile || !out) { console.error('usage: precision-sample <check.json> <drift.json> <out.jsonl> [--top-up <labels (a .jsonl file or test/precision/labels/)>]'); process.exit(2); }
const topUpAt = process.argv.indexOf('--top-up');
const existing = topUpAt > 0 ? readLabels(process.argv[topUpAt + 1]!) : undefined;
let check = reportItems(checkFile);
let drift = reportItems(driftFile);
const next = (prefix: string) => (existing ? 1 + Math.max(-1, ...existing.filter((l) => l.id.startsWith(prefix)).map((l) => Number(l.id.slice(1)))) : 0);
if (existing) {
  check = unlabelledItems(check, existing, 'reconcile-2021');
  drift = unlabelledItems(drift, existing, 'drift-2020-2021');
}
// The original set drew both sets from one generator; a top-up gives each set its own, so either can be redrawn alone.
const onlyAt = process.argv.indexOf('--only-rule');
const onlyRule = onlyAt > 0 ? process.argv[onlyAt + 1] : undefined;
let quotaOverride: Record<string, number> | undefined;
if (onlyRule) {
  if (!existing) { console.error('--only-rule needs --top-up'); process.exit(2); }
  const nAt = process.argv.indexOf('--n');
  const k = nAt > 0 ? Number(process.argv[nAt + 1]) : 15;
  check = check.filter((f) => f.rule === onlyRule);
  drift = drift.filter((f) => f.rule === onlyRule);
  quotaOverride = { error: k, warning: k, info: k, 'drift-breaking': k, 'drift-other': k };
}
const rand = rng(existing ? TOP_UP_SEED : SEED);
const randDrift = existing ? rng(TOP_UP_SEED + 1) : rand;
const quotas = quotaOverride ?? (existing ? TOP_UP_QUOTA : QUOTA);
const r0 = next('r');
const d0 = next('d');
const id = (p: string, n: number) => `${p}${String(n).padStart(3, '0')}`;
const a = sample(check, (f) => f.severity, (f) => f.rule, rand, quotas).map((f, i) => toLabel(f, 'reconcile-2021', id('r', r0 + i)));
const b = sample(drift, (f) => (f.breaking ? 'drift-breaking' : 'drift-other'), (f) => `${f.rule} ${f.severity}`, randDrift, quotas).map((f, i) => toLabel(f, 'drift-2020-2021', id('d', d0 + i)));
writeFileSync(out, [...a, ...b].map((l) => JSON.stringify(l)).join('\n') + '\n');
console.log(`${a.length} reconciliation + ${b.length} drift findings sampled into ${out}${existing ? ` (top-up: unlabelled items only, ids from ${id('r', r0)} / ${id('d', d0)})` : ''}`);
