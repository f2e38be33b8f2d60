/**
 * Draws the labelled precision set (run once; the labels are then written by hand):
 *   node dist/bench/precision-sample.js <check-2021.json> <drift-2020-2021.json> <out.jsonl>
 * Stratified by rule × severity (drift: rule × breaking), seeded, so the same inputs give the
 * same sample. Every stratum gets at least two findings (all when it has fewer); the rest of a
 * severity's quota is shared in proportion to stratum size.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relPath, relText, rng, treeOf, type Label, type ReportFinding } from './precision-lib.js';

const SEED = 20261201;
const QUOTA: Record<string, number> = { error: 70, warning: 90, info: 20, 'drift-breaking': 40, 'drift-other': 15 };

function sample(findings: ReportFinding[], klass: (f: ReportFinding) => string, stratum: (f: ReportFinding) => string, rand: () => number): ReportFinding[] {
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
    const quota = QUOTA[c] ?? 0;
    const total = [...strata.values()].reduce((n, l) => n + l.length, 0);
    for (const [, list] of [...strata.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
      const n = Math.min(list.length, Math.max(2, Math.round((quota * list.length) / total)));
      const pool = [...list];
      for (let i = 0; i < n; i++) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
    }
  }
  return out;
}

function toLabel(f: ReportFinding, set: Label['set'], id: string): Label {
  return {
    id, set, rule: f.rule, severity: f.severity, ...(f.breaking !== undefined ? { breaking: f.breaking } : {}),
    subject: relText(f.subject), field: f.field, fingerprint: f.fingerprint, message: relText(f.message),
    sides: f.sides.map((s) => ({ file: relPath(s.file), line: s.line, value: relText(s.value).slice(0, 400), ...(set === 'drift-2020-2021' && treeOf(s.file) ? { tree: treeOf(s.file) } : {}) })),
    verdict: null, reason: '',
  };
}

const [checkFile, driftFile, out] = process.argv.slice(2);
if (!checkFile || !driftFile || !out) { console.error('usage: precision-sample <check.json> <drift.json> <out.jsonl>'); process.exit(2); }
const rand = rng(SEED);
const check = (JSON.parse(readFileSync(checkFile, 'utf8')) as { findings: ReportFinding[] }).findings;
const drift = (JSON.parse(readFileSync(driftFile, 'utf8')) as { findings: ReportFinding[] }).findings;
const a = sample(check, (f) => f.severity, (f) => f.rule, rand).map((f, i) => toLabel(f, 'reconcile-2021', `r${String(i).padStart(3, '0')}`));
const b = sample(drift, (f) => (f.breaking ? 'drift-breaking' : 'drift-other'), (f) => `${f.rule} ${f.severity}`, rand).map((f, i) => toLabel(f, 'drift-2020-2021', `d${String(i).padStart(3, '0')}`));
writeFileSync(out, [...a, ...b].map((l) => JSON.stringify(l)).join('\n') + '\n');
console.log(`${a.length} reconciliation + ${b.length} drift findings sampled into ${out}`);
