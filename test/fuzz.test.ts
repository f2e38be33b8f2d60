/**
 * Fuzzing: mutated seed and corpus pages (byte edits, truncation, shuffled and duplicated
 * table rows, broken fences; and, since issue 14, include lines into a tree of hostile
 * fragments, hostile front matter, hostile table rows and example bodies). 2,000 cases in CI;
 * DOCMODEL_FUZZ_CASES=N for more. No case may crash (throw, or end with an extractor/parse
 * failure), hang (the test's timeout) or take longer than SLOW_MS.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { processText } from '../src/pipeline/page.js';
import { IncludeResolver } from '../src/sources/graph-markdown/parse/includes.js';
import { toJson } from '../src/util/order.js';
import { ROOT, INPUT, SEEDS, tempTree } from './helpers.js';
import { rng } from '../src/util/rng.js';


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
  // include lines (into the fragment tree below: nested, fanning out, cyclic, missing, outside, malformed)
  (s, r) => { const l = s.split('\n'); for (let k = 0; k < 1 + Math.floor(r() * 4); k++) l.splice(Math.floor(r() * l.length), 0, `[!INCLUDE [x](${pick(INCLUDE_TARGETS, r)})]`); return l.join('\n'); },
  // hostile front matter
  (s, r) => `---\n${pick(FRONT_MATTER, r)}\n---\n` + s.replace(/^---\n[\s\S]*?\n---\n/, ''),
  // hostile table rows
  (s, r) => { const l = s.split('\n'); const at = l.findIndex((x) => x.trim().startsWith('|')); l.splice(at < 0 ? Math.floor(r() * l.length) : at + 1, 0, pick(TABLE_ROWS, r)); return l.join('\n'); },
  // hostile example bodies
  (s, r) => s.replace(/(\n\s*\n)(\{|\[)/, (_m, a) => `${a}${pick(BODIES, r)}\n`),
];

function pick<T>(xs: readonly T[], r: () => number): T {
  return xs[Math.floor(r() * xs.length)]!;
}

const INCLUDE_TARGETS = ['../includes/leaf.md', '../includes/fan.md', '../includes/cycle-a.md', '../includes/missing.md', '../../../../etc/passwd', '../includes/bad%zz.md', '../includes/deep0.md', '../includes/table.md', '../includes/fm.md'];
const FRONT_MATTER = [
  'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  '__proto__: {polluted: 1}\ntitle: x', 'constructor: {prototype: {x: 1}}', 'title: [unclosed', 'x: ' + '['.repeat(200), 'title: "' + 'a'.repeat(70_000) + '"',
  'ms.date: 2020-13-45\ntitle: !!js/function "function(){}"', '\t- tab', 'title: *undefined_alias', 'x: !!binary aGVsbG8=',
];
const TABLE_ROWS = [
  '|' + ' \t'.repeat(500) + '-' + ' \t'.repeat(500) + '-x', '| ' + 'a | '.repeat(300), '|' + '---|'.repeat(300), '| a \\| b | c\\|', '| `|` | <td>|</td> |',
  '| ' + 'x'.repeat(5000) + ' | String' + ' '.repeat(2000) + '(optional)x |', '|:-:|:-:|' + ' '.repeat(3000),
];
const BODIES = [
  '['.repeat(2000), '{"a":'.repeat(500) + '1' + '}'.repeat(500), '{"a": "unterminated', '{' + '"k": 1,'.repeat(500) + '}', '{ a: 1, b: [1,2,], // c\n }',
  '{"a":' + ' '.repeat(5000) + 'x', '\u201c' + 'x'.repeat(100), '{"a": ' + '"\\u00'.repeat(200) + '}',
];

/** A tree of include fragments: a leaf, one fanning out, a cycle, a deep chain, fragments with tables and front matter. */
function includeTree(): string {
  const files: Record<string, string> = {
    'includes/leaf.md': '## Leaf\n\ntext\n',
    'includes/fan.md': '[!INCLUDE [x](leaf.md)]\n'.repeat(100),
    'includes/cycle-a.md': '[!INCLUDE [x](cycle-b.md)]\n', 'includes/cycle-b.md': '[!INCLUDE [x](cycle-a.md)]\n',
    'includes/table.md': '| Property | Type | Description |\n|:--|:--|:--|\n| a | String | x |\n',
    'includes/fm.md': '---\ntitle: [bad\n---\n# In include\n',
  };
  for (let k = 0; k < 12; k++) files[`includes/deep${k}.md`] = `line ${k}\n` + `[!INCLUDE [x](deep${k + 1}.md)]\n`.repeat(6);
  return tempTree(files);
}

/** Slower than this for one case counts as a hang. */
const SLOW_MS = 5000;

const CASES = Number(process.env.DOCMODEL_FUZZ_CASES ?? 2000);

test(`fuzz: ${CASES} mutated pages, no crash, no hang`, { timeout: 10 * 60_000 }, () => {
  const pages = corpusPages();
  const tree = includeTree();
  const resolver = new IncludeResolver(tree);
  const crashes: string[] = [];
  for (let i = 0; i < CASES; i++) {
    const r = rng(i + 1);
    const base = pages[i % pages.length]!;
    let text = base;
    const n = 1 + Math.floor(r() * 3);
    for (let k = 0; k < n; k++) text = MUTATIONS[Math.floor(r() * MUTATIONS.length)]!(text, r);
    try {
      const t = performance.now();
      const ir = processText(`fuzz-${i}.md`, join(tree, 'api', `fuzz-${i}.md`), text, [], resolver);
      const bad = ir.diagnostics.filter((d) => d.rule === 'extractor-failed' || d.rule === 'page-parse-failed');
      if (bad.length) crashes.push(`case ${i}: ${bad.map((d) => d.message).join('; ')}`);
      toJson(ir);
      const took = performance.now() - t;
      if (took > SLOW_MS) crashes.push(`case ${i}: took ${took.toFixed(0)} ms`);
    } catch (e) {
      crashes.push(`case ${i}: threw ${(e as Error).message}`);
    }
  }
  assert.deepEqual(crashes.slice(0, 10), [], `${crashes.length} crashes`);
});
