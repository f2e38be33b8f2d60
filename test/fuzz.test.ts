/**
 * Fuzzing: mutated seed and corpus pages (byte edits, truncation, shuffled and duplicated
 * table rows, broken fences). 2,000 cases in CI; DOCMODEL_FUZZ_CASES=N for more. No case may
 * crash (throw, or end with an extractor/parse failure) or hang (the test's timeout).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { processText } from '../src/pipeline/page.js';
import { ROOT, INPUT, SEEDS } from './helpers.js';

/** Deterministic PRNG (mulberry32) so a failing case can be replayed by its number. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function corpusPages(): string[] {
  const out = SEEDS.map((s) => readFileSync(join(INPUT, s), 'utf8'));
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.md') && n !== 'README.md') out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(join(ROOT, 'test/fixtures/corpus'));
  return out;
}

const MUTATIONS: ((s: string, r: () => number) => string)[] = [
  // byte edits
  (s, r) => { const a = [...s]; for (let k = 0; k < 1 + Math.floor(r() * 20); k++) a[Math.floor(r() * a.length)] = String.fromCharCode(Math.floor(r() * 0x3000)); return a.join(''); },
  // truncation
  (s, r) => s.slice(0, Math.floor(r() * s.length)),
  // shuffled table rows
  (s, r) => { const l = s.split('\n'); const rows = l.map((x, i) => (x.trim().startsWith('|') ? i : -1)).filter((i) => i >= 0); for (let k = rows.length - 1; k > 0; k--) { const j = Math.floor(r() * (k + 1)); [l[rows[k]!], l[rows[j]!]] = [l[rows[j]!]!, l[rows[k]!]!]; } return l.join('\n'); },
  // duplicated table rows
  (s, r) => s.split('\n').flatMap((x) => (x.trim().startsWith('|') && r() < 0.3 ? [x, x] : [x])).join('\n'),
  // broken fences
  (s, r) => s.split('\n').map((x) => (x.trim().startsWith('```') && r() < 0.5 ? (r() < 0.5 ? '' : '``') : x)).join('\n'),
  // structural characters sprinkled
  (s, r) => { const a = s.split(''); for (let k = 0; k < 30; k++) a.splice(Math.floor(r() * a.length), 0, '|{}[]<>`#*-\n'[Math.floor(r() * 12)]!); return a.join(''); },
  // lines deleted
  (s, r) => s.split('\n').filter(() => r() > 0.1).join('\n'),
];

const CASES = Number(process.env.DOCMODEL_FUZZ_CASES ?? 2000);

test(`fuzz: ${CASES} mutated pages, no crash, no hang`, { timeout: 10 * 60_000 }, () => {
  const pages = corpusPages();
  const crashes: string[] = [];
  for (let i = 0; i < CASES; i++) {
    const r = rng(i + 1);
    const base = pages[i % pages.length]!;
    let text = base;
    const n = 1 + Math.floor(r() * 3);
    for (let k = 0; k < n; k++) text = MUTATIONS[Math.floor(r() * MUTATIONS.length)]!(text, r);
    try {
      const ir = processText(`fuzz-${i}.md`, `/fuzz/fuzz-${i}.md`, text);
      const bad = ir.diagnostics.filter((d) => d.rule === 'extractor-failed' || d.rule === 'page-parse-failed');
      if (bad.length) crashes.push(`case ${i}: ${bad.map((d) => d.message).join('; ')}`);
      JSON.stringify(ir);
    } catch (e) {
      crashes.push(`case ${i}: threw ${(e as Error).message}`);
    }
  }
  assert.deepEqual(crashes.slice(0, 10), [], `${crashes.length} crashes`);
});
