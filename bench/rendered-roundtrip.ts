/**
 * npm run rendered-roundtrip -- [tree] [--n N] [--seed S] [--show]
 *
 * How well the rendered-text reader (seed 001's format: a page copied from the website) holds up
 * on pages it was not written against. Each sampled markdown page of a tree is turned into the
 * form a copy from the rendered website has (`renderAsCopied`: front matter, comments and
 * annotations gone; headings, paragraphs, list items and alerts one bare line each; links and
 * emphasis as their text; code blocks unfenced; tables without outer pipes; includes spliced;
 * only the HTTP tab of a tab group), both forms are extracted, and the facts a reader checks are
 * compared: recall = facts of the markdown page the rendered copy also yields / facts of the
 * markdown page, per kind (the denominator is what the markdown page yields, not what was seen).
 * Default tree: the 2021-07 corpus (skips with a message when ../shared/corpus is absent).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Nodes, RootContent, Table } from 'mdast';
import { collectInputs } from '../src/sources/graph-markdown/ingest/walk.js';
import { isIncludeFragment } from '../src/pipeline/pipeline.js';
import { processText } from '../src/pipeline/page.js';
import { readSource } from '../src/sources/graph-markdown/ingest/read.js';
import { splitFrontMatter } from '../src/sources/graph-markdown/ingest/front-matter.js';
import { cleanText, inlineText } from '../src/sources/graph-markdown/parse/inline.js';
import type { PageIR } from '../src/sources/graph-markdown/ir/schema.js';
import { CORPUS_SKIP, corpusTree } from './corpus.js';
import { rng } from '../src/util/rng.js';

const processor = unified().use(remarkParse).use(remarkGfm);
const INCLUDE = /^\[!INCLUDE\s*\[[^\]]*\]\(([^)]+)\)\]$/i;
const ALERT = /^\[!(NOTE|TIP|IMPORTANT|CAUTION|WARNING)\]\s*/i;
const TAB = /^\[[^\]]+\]\(#tab\/([^)]+)\)$/i;

/** The text a reader sees of inline content (the readers' own `inlineText`: links and emphasis as their text, `<br>` and block tags a space), on one line. */
const inline = (n: Nodes): string => cleanText(inlineText(n));

/** The page (front matter off) as a copy from the rendered website reads. `abs`: where includes are resolved from. */
export function renderAsCopied(text: string, abs: string, depth = 0): string[] {
  const body = splitFrontMatter(text.replace(/\r\n?/g, '\n')).body;
  const out: string[] = [];
  const raw = (n: Nodes) => body.slice(n.position?.start.offset ?? 0, n.position?.end.offset ?? 0);
  let skippingTab = false;
  const block = (n: RootContent): void => {
    switch (n.type) {
      case 'heading': {
        const t = inline(n).trim();
        const tab = TAB.exec(raw(n).replace(/^#+\s*/, '').trim());
        if (tab) { skippingTab = tab[1]!.toLowerCase() !== 'http'; return; }
        skippingTab = false;
        if (t) out.push(t);
        return;
      }
      case 'thematicBreak': skippingTab = false; return;
      default: break;
    }
    if (skippingTab) return;
    switch (n.type) {
      case 'paragraph': {
        const t = inline(n).trim();
        const inc = INCLUDE.exec(raw(n).trim());
        if (inc) {
          if (depth < 3) {
            const target = resolve(dirname(abs), inc[1]!.trim());
            try { out.push(...renderAsCopied(readFileSync(target, 'utf8'), target, depth + 1)); } catch { /* a missing include renders as nothing */ }
          }
          return;
        }
        if (t) out.push(t);
        return;
      }
      case 'blockquote': {
        const lines = n.children.map((c) => inline(c).trim()).filter(Boolean);
        const first = lines[0] ?? '';
        const alert = ALERT.exec(first);
        const rest = alert ? [first.slice(alert[0].length), ...lines.slice(1)].filter(Boolean).join(' ') : lines.join(' ');
        if (rest) out.push(alert ? `${alert[1]![0]}${alert[1]!.slice(1).toLowerCase()}: ${rest}` : rest);
        return;
      }
      case 'list': for (const item of n.children) for (const c of item.children) block(c); return;
      case 'code': out.push(...n.value.split('\n')); return;
      case 'table': out.push(...tableLines(n)); return;
      case 'html': return;
      default: { const t = inline(n as Nodes).trim(); if (t) out.push(t); }
    }
  };
  for (const n of processor.parse(body).children) block(n);
  return out;
}

function tableLines(t: Table): string[] {
  const rows = t.children.map((r) => r.children.map((c) => inline(c).replace(/\|/g, '\\|')));
  const width = rows[0]?.length ?? 0;
  return [rows[0]!.map((c) => `${c} |`).join(' '), Array.from({ length: width }, () => '---|').join(''), ...rows.slice(1).map((r) => r.map((c) => `${c} |`).join(' '))];
}

/** The facts compared, by kind: each a string, so that two pages' facts compare as sets. */
export function factsOf(ir: PageIR): Map<string, Set<string>> {
  const kinds = new Map<string, Set<string>>();
  const add = (kind: string, fact: string) => { const s = kinds.get(kind) ?? new Set<string>(); s.add(fact); kinds.set(kind, s); };
  if (ir.title?.h1) add('title', ir.title.h1.value);
  for (const o of ir.operations) if (!o.fromExample) add('request line', `${o.method} ${o.key}`);
  for (const e of ir.permissions?.entries ?? []) {
    for (const p of e.permissions) add('permission', `${e.type} ${p.name}`);
    for (const w of e.workloads ?? []) for (const p of w.permissions) add('permission', `${e.type} ${w.workload}: ${p.name}`);
  }
  for (const h of ir.requestHeaders) add('request header', h.name.toLowerCase());
  for (const q of ir.queryParameters) add('query parameter', q.name);
  for (const p of ir.requestBody?.properties ?? []) add('request-body row', p.name);
  for (const s of ir.response?.statuses ?? []) add('response status', String(s.code));
  for (const r of ir.examples.requests) add('example request', `${r.method} ${r.path}`);
  for (const r of ir.examples.responses) if (r.statusLine) add('example response', String(r.statusLine.code));
  for (const p of ir.resource?.properties ?? []) add('property row', p.name);
  for (const p of ir.resource?.relationships ?? []) add('relationship row', p.name);
  for (const k of ir.resource?.jsonRepresentation?.propertyNames ?? []) add('JSON representation key', k);
  for (const e of ir.enums) for (const m of e.members) add('enum member', `${e.name}.${m.name}`);
  return kinds;
}

export interface Tally { facts: number; found: number; missed: string[] }

/** Compare one page's two forms: per kind, how many facts of the markdown form the rendered copy yields. */
export function compareForms(md: PageIR, copied: PageIR, into = new Map<string, Tally>()): Map<string, Tally> {
  const a = factsOf(md);
  const b = factsOf(copied);
  for (const [kind, facts] of a) {
    const t = into.get(kind) ?? { facts: 0, found: 0, missed: [] };
    for (const f of facts) {
      t.facts++;
      if (b.get(kind)?.has(f)) t.found++;
      else t.missed.push(`${md.file}: ${f}`);
    }
    into.set(kind, t);
  }
  return into;
}

export interface Roundtrip { pages: number; readAsRendered: number; tallies: Map<string, Tally> }

/** `n` pages of the tree drawn with `seed` (every page when n is at least their number), each compared in its two forms. */
export function roundtrip(tree: string, n: number, seed: number): Roundtrip {
  const pages = collectInputs([tree]).files.filter((f) => !isIncludeFragment(f)).map((f) => f.abs).sort();
  const rand = rng(seed);
  const pool = [...pages];
  const sample: string[] = [];
  while (sample.length < n && pool.length) sample.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
  const tallies = new Map<string, Tally>();
  let readAsRendered = 0;
  for (const abs of sample.sort()) {
    const text = readSource(abs).text;
    const display = abs.slice(resolve(tree).length + 1);
    const md = processText(display, abs, text);
    const copied = processText(display, abs, renderAsCopied(text, abs).join('\n') + '\n');
    if (copied.format === 'rendered-text') readAsRendered++;
    compareForms(md, copied, tallies);
  }
  return { pages: sample.length, readAsRendered, tallies };
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
  const n = Number(opt('--n') ?? 200);
  const seed = Number(opt('--seed') ?? 20261205);
  const show = args.includes('--show') ? (args.splice(args.indexOf('--show'), 1), true) : false;
  const given = args[0];
  const tree = given ?? corpusTree('2021-07');
  if (!tree) { console.log(`rendered-roundtrip: skipped — ${CORPUS_SKIP}`); return; }
  const r = roundtrip(tree, n, seed);
  console.log(`rendered-roundtrip: ${r.pages} pages of ${given ?? 'the 2021-07 corpus'} (seed ${seed}); read as rendered text: ${r.readAsRendered}`);
  console.log('| facts of the markdown page | facts | also from the rendered copy | recall |\n| --- | ---: | ---: | ---: |');
  let facts = 0, found = 0;
  for (const [kind, t] of [...r.tallies].sort((x, y) => x[0].localeCompare(y[0]))) {
    facts += t.facts; found += t.found;
    console.log(`| ${kind} | ${t.facts} | ${t.found} | ${(100 * t.found / t.facts).toFixed(1)}% |`);
  }
  console.log(`| all | ${facts} | ${found} | ${(100 * found / Math.max(1, facts)).toFixed(1)}% |`);
  if (show) for (const [kind, t] of r.tallies) for (const m of t.missed) console.log(`missed ${kind}: ${m}`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/.*\//, ''))) main();
