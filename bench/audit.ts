/**
 * npm run audit -- [--permissions] [--requests] [tree..]
 *
 * Counts facts in the raw markdown with simple tokenization, independently of the extractors,
 * and checks them against the page IRs of a build of the same tree:
 *
 *  - permission names: every token that looks like a permission name (`A.B[.C…]`, or
 *    openid/profile/email/offline_access) in a cell of a pipe table whose header names a
 *    permission column ("Permissions (from least to most privileged)", "Least privileged
 *    permissions", "Higher privileged permissions", a permission type per column …), in pages and
 *    includes. A name is found when some page IR holds it at that file and line; its placement
 *    (least / higher) must match the column it stands in when the table has both columns.
 *  - request lines: every line of a fenced block inside an "HTTP request" section of a page that
 *    starts with an HTTP method. It became an operation when an operation of that page has that
 *    file and line; otherwise it must be named by a diagnostic at that line.
 *
 * Default trees: 2020-05, 2021-07 and the modern sample (skips with a message without ../shared).
 */
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { PageIR } from '../src/sources/graph-markdown/ir/schema.js';
import { analyzeParallel } from '../src/pipeline/pipeline.js';
import { collectInputs, displayPath } from '../src/sources/graph-markdown/ingest/walk.js';
import { CORPUS_SKIP, corpusTree } from './corpus.js';

const NAME = /^[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+$/;
const BARE = new Set(['openid', 'profile', 'email', 'offline_access']);
const METHOD_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s/i;

/** Cells of a pipe-table row: split on pipes that are not escaped and not inside a code span. */
export function splitRow(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  const out: string[] = [];
  let cur = '';
  let code = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === '\\' && t[i + 1] === '|') { cur += '|'; i++; continue; }
    if (c === '`') code = !code;
    if (c === '|' && !code) { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out.map((c) => c.trim());
}

export interface CellName { file: string; line: number; name: string; placement: 'least' | 'higher' | null; tableLine: number }

/** Permission names in permission-table cells of one file's text. */
export function permissionNamesInText(file: string, text: string): CellName[] {
  const lines = text.split(/\r?\n/);
  const out: CellName[] = [];
  let fence = false;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (/^\s*(```|~~~)/.test(lines[i]!)) fence = !fence;
    if (fence) continue;
    const head = lines[i]!;
    if (!head.includes('|') || !/^\s*\|?\s*:?-{2,}/.test(lines[i + 1]!)) continue;
    const cols = splitRow(head).map((c) => c.toLowerCase().replace(/[*_`]/g, ''));
    const typed = cols.map((c) => /delegated|^application|^app only/.test(c));
    const permCols = cols.map((c, k) => (k > 0 && /permission|scope/.test(c) && !/permission type/.test(c)) || (k > 0 && typed[k]!));
    const isPermTable = cols.some((c) => /permission type/.test(c)) || typed.filter(Boolean).length >= 2 || (cols.length >= 2 && /permissions?\b|scopes?/.test(cols[1]!) && !/global service/.test(cols[0]!));
    if (!isPermTable) continue;
    const both = cols.some((c) => /^least privileged/.test(c)) && cols.some((c) => /^higher privileged/.test(c));
    let j = i + 2;
    for (; j < lines.length && lines[j]!.includes('|') && lines[j]!.trim() !== ''; j++) {
      const cells = splitRow(lines[j]!);
      cells.forEach((cell, k) => {
        if (!permCols[k]) return;
        const placement = both ? (/^least privileged/.test(cols[k]!) ? 'least' : /^higher privileged/.test(cols[k]!) ? 'higher' : null) : null;
        for (const tok of cell.replace(/<br\s*\/?>/gi, ' ').replace(/[*`]/g, '').split(/[\s,;/]+/)) {
          const x = tok.replace(/^[([{"'_]+|[)\]}"'.:!?_]+$/g, '');
          if (NAME.test(x) || BARE.has(x)) out.push({ file, line: j + 1, name: x, placement, tableLine: i + 1 });
        }
      });
    }
    i = j - 1;
  }
  return out;
}

export interface RequestLine { file: string; line: number; text: string }

/** Lines starting with an HTTP method inside fenced blocks of "HTTP request" sections. */
export function requestLinesInText(file: string, text: string): RequestLine[] {
  const lines = text.split(/\r?\n/);
  const out: RequestLine[] = [];
  let inHttp = 0; // heading depth of the HTTP request section, 0 outside
  let inExamples = 0; // heading depth of an Examples section: "### HTTP request" under it is an example request
  let fence: string | null = null;
  let comment = false; // inside a multi-line HTML comment: commented-out text is not part of the page
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (comment) { if (l.includes('-->')) comment = false; continue; }
    if (fence === null && /^\s*<!--/.test(l) && !l.includes('-->')) { comment = true; continue; }
    const f = /^\s*(?:[-*+]\s+|\d+\.\s+|>\s*)?(`{3,}|~{3,})/.exec(l);
    if (f) {
      if (fence === null) { fence = f[1]!; continue; }
      if (l.trim().startsWith(fence)) { fence = null; continue; }
    }
    if (fence === null) {
      const h = /^(#{1,6})\s+(.*)$/.exec(l);
      if (h && !/\]\(#tab\//.test(h[2]!)) {
        const depth = h[1]!.length;
        if (inExamples && depth <= inExamples) inExamples = 0;
        if (/^\W*(examples?|samples?)\b/i.test(h[2]!)) inExamples = depth;
        if (/^\W*http requests?\b/i.test(h[2]!) && !inExamples) inHttp = depth;
        else if (inHttp && depth <= inHttp) inHttp = 0;
      }
      continue;
    }
    if (inHttp && METHOD_LINE.test(l.trim())) out.push({ file, line: i + 1, text: l.trim() });
  }
  return out;
}

export interface AuditResult {
  /** found: in the IR at its cell; tableNotRead: its table is named by a `table-not-read` diagnostic (outside a permissions section). */
  permissionNames: { total: number; found: number; tableNotRead: number; placementWrong: number; missing: CellName[]; misplaced: CellName[] };
  requestLines: { total: number; operations: number; diagnosed: number; silent: RequestLine[] };
}

export function audit(files: { abs: string; display: string; page: boolean }[], pages: PageIR[]): AuditResult {
  const irNames = new Map<string, Set<string>>();
  const namesAt = new Map<string, string[]>();
  const add = (file: string, line: number, name: string, privilege: string | undefined) => {
    const at = `${file}:${line}`;
    const here = namesAt.get(at);
    if (here) here.push(name);
    else namesAt.set(at, [name]);
    const k = `${at}:${name}`;
    let s = irNames.get(k);
    if (!s) irNames.set(k, (s = new Set()));
    s.add(privilege ?? '');
  };
  const ops = new Set<string>();
  const diags = new Set<string>();
  const notRead = new Set<string>();
  // Cells where a name a stray space split ("DeviceManagementManaged Devices.ReadWrite.All") was read joined, by its diagnostic.
  const rejoinedAt = new Set<string>();
  for (const p of pages) for (const d of p.diagnostics) if (d.rule === 'permission-name-rejoined') rejoinedAt.add(`${d.src.file}:${d.src.line}`);
  for (const p of pages) {
    for (const e of p.permissions?.entries ?? []) {
      for (const n of e.permissions) add(n.src.file, n.src.line, n.name, n.privilege);
      for (const w of e.workloads) for (const n of w.permissions) add(n.src.file, n.src.line, n.name, n.privilege);
    }
    for (const o of p.operations) if (!o.fromExample) ops.add(`${o.src.file}:${o.src.line}`);
    for (const d of p.diagnostics) {
      diags.add(`${d.src.file}:${d.src.line}`);
      if (d.rule === 'table-not-read') notRead.add(`${d.src.file}:${d.src.line}`);
    }
  }
  const pn: AuditResult['permissionNames'] = { total: 0, found: 0, tableNotRead: 0, placementWrong: 0, missing: [], misplaced: [] };
  const rl: AuditResult['requestLines'] = { total: 0, operations: 0, diagnosed: 0, silent: [] };
  for (const f of files) {
    const text = readFileSync(f.abs, 'utf8');
    for (const c of permissionNamesInText(f.display, text)) {
      pn.total++;
      const got = irNames.get(`${c.file}:${c.line}:${c.name}`);
      // The raw text's tail of a rejoined name: found when the IR has the joined name at that cell.
      if (!got && rejoinedAt.has(`${c.file}:${c.line}`) && (namesAt.get(`${c.file}:${c.line}`) ?? []).some((n) => n !== c.name && n.endsWith(c.name))) { pn.found++; continue; }
      if (!got) {
        if (notRead.has(`${c.file}:${c.tableLine}`)) pn.tableNotRead++;
        else pn.missing.push(c);
        continue;
      }
      pn.found++;
      if (c.placement && !got.has(c.placement)) { pn.placementWrong++; pn.misplaced.push(c); }
    }
    if (!f.page) continue;
    for (const r of requestLinesInText(f.display, text)) {
      rl.total++;
      const k = `${r.file}:${r.line}`;
      if (ops.has(k)) rl.operations++;
      else if (diags.has(k)) rl.diagnosed++;
      else rl.silent.push(r);
    }
  }
  return { permissionNames: pn, requestLines: rl };
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(2)}%`);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = new Set(args.filter((a) => a.startsWith('--')));
  let trees = args.filter((a) => !a.startsWith('--'));
  if (!trees.length) {
    const named = (['2020-05', '2021-07', 'modern-sample'] as const).map((n) => corpusTree(n));
    if (named.some((t) => !t)) { process.stdout.write(`skipped: ${CORPUS_SKIP}\n`); return; }
    trees = named as string[];
  }
  for (const tree of trees) {
    const walk = collectInputs([tree]);
    const a = await analyzeParallel([tree]);
    // Page paths in the IR are relative to the docs root.
    const files = walk.files.map((f) => ({ abs: f.abs, display: displayPath(f.abs, a.docsRoot), page: !relative(f.root, f.abs).split(sep).slice(0, -1).some((d) => d === 'includes' || d === 'snippets') }));
    const r = audit(files, a.pages);
    process.stdout.write(`\n${tree} (${a.pages.length} pages)\n`);
    if (!only.size || only.has('--permissions')) {
      const p = r.permissionNames;
      process.stdout.write(`permission names in permission-table cells: ${p.total}; in the IR at their cell ${p.found} (${pct(p.found, p.total)}); in a table named by a table-not-read diagnostic ${p.tableNotRead}; neither ${p.missing.length}; least/higher placement wrong ${p.placementWrong}\n`);
      for (const m of p.missing.slice(0, 10)) process.stdout.write(`  missing ${m.file}:${m.line} ${m.name}\n`);
      for (const m of p.misplaced.slice(0, 10)) process.stdout.write(`  misplaced ${m.file}:${m.line} ${m.name} (${m.placement})\n`);
    }
    if (!only.size || only.has('--requests')) {
      const q = r.requestLines;
      const not = q.total - q.operations;
      process.stdout.write(`request lines in HTTP-request blocks: ${q.total}; became operations ${q.operations}; not ${not} (${pct(not, q.total)}), of which with a diagnostic at the line ${q.diagnosed}, silent ${q.silent.length}\n`);
      for (const s of q.silent.slice(0, 10)) process.stdout.write(`  silent ${s.file}:${s.line} ${s.text.slice(0, 100)}\n`);
    }
  }
}

if (process.argv[1] && /audit\.js$/.test(process.argv[1])) {
  main().catch((e) => { process.stderr.write(String(e?.stack ?? e) + '\n'); process.exit(2); });
}
