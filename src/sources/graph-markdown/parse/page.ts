/**
 * files → parsed pages: front matter, rendered-text rewrite, include splicing, then mdast.
 * The result carries the virtual text and its source map so that extraction can report true
 * file:line:column for every fact.
 */
import type { Root } from 'mdast';
import type { Diagnostic, Src } from '../ir/schema.js';
import { splitFrontMatter, type FrontMatterSplit } from '../ingest/front-matter.js';
import { VirtualDoc, SourceMap } from './source-map.js';
import { detectRenderedText, renderedTextToMarkdown } from './rendered-text.js';
import { INCLUDE_LINE, IncludeBudget, IncludeResolver, isSnippetInclude } from './includes.js';
import { parseMarkdown } from './markdown.js';
import { guardNesting } from './nesting.js';

export interface IncludeRecord {
  label: string;
  target: string;
  resolved?: string;
  kind: 'content' | 'snippet' | 'unresolved';
  src: Src;
}

export interface ParsedPage {
  file: string;
  abs: string;
  format: 'markdown' | 'rendered-text';
  frontMatter: FrontMatterSplit;
  text: string;
  map: SourceMap;
  root: Root;
  includes: IncludeRecord[];
  diagnostics: Diagnostic[];
}

export interface ParseOptions {
  /** Resolves includes; when absent, includes are recorded as unresolved. */
  includes?: IncludeResolver;
}

const MAX_INCLUDE_DEPTH = 8;

export function parsePage(file: string, abs: string, text: string, opts: ParseOptions = {}): ParsedPage {
  const diagnostics: Diagnostic[] = [];
  const fm = splitFrontMatter(text);
  if (fm.error) {
    diagnostics.push({ rule: 'front-matter-invalid', severity: 'warning', message: fm.error.message, src: { file, line: fm.error.line, column: 1 } });
  }
  if (fm.unclosed) {
    const u = fm.unclosed;
    const swallowed = u.fence === undefined ? '' : `; the \`---\` at line ${u.fence} (which would have closed it) is read as the page's`;
    diagnostics.push({ rule: 'front-matter-unclosed', severity: 'warning', message: `The front matter opened at line ${u.open} is not closed by a \`---\` line before the page's content at line ${u.body}: read up to line ${u.body - 1}${swallowed}`, src: { file, line: u.open, column: 1 } });
  }
  if (fm.second) {
    diagnostics.push({ rule: 'front-matter-two-blocks', severity: 'info', message: `The front matter is written as two \`---\` blocks, the second at lines ${fm.second.from}–${fm.second.to}; read as one (a key both give keeps the first block's value)`, src: { file, line: fm.second.from, column: 1 } });
  }
  const doc = new VirtualDoc();
  const fileIdx = doc.map.fileIndex(file);
  const bodyLines = fm.body.split('\n');
  const detection = detectRenderedText(fm.body);
  const includes: IncludeRecord[] = [];
  if (detection.rendered) {
    renderedTextToMarkdown(bodyLines, fileIdx, doc);
  } else {
    spliceLines(bodyLines, file, abs, fileIdx, doc, includes, diagnostics, opts.includes, [abs]);
  }
  blankConflictMarkers(doc, diagnostics);
  repairTableDelimiters(doc, diagnostics);
  rejoinCommentedTables(doc, diagnostics);
  const guarded = guardNesting(doc.lines);
  if (guarded.changed) {
    diagnostics.push({
      rule: 'page-nesting-too-deep',
      severity: 'warning',
      message: `Block nesting deeper than ${guarded.limit} levels (lists or block quotes) was flattened before parsing`,
      src: doc.map.map(guarded.firstLine, 1),
    });
  }
  const vtext = guarded.lines.join('\n');
  const root = parseMarkdown(vtext);
  return { file, abs, format: detection.rendered ? 'rendered-text' : 'markdown', frontMatter: fm, text: vtext, map: doc.map, root, includes, diagnostics };
}

/**
 * Git merge-conflict markers left in a page (`<<<<<<< HEAD`, `=======`, `>>>>>>> branch`): each is a
 * diagnostic, and the marker lines are blanked before parsing so that neither side is swallowed
 * (`=======` under a line of text would otherwise turn it into a heading).
 */
function blankConflictMarkers(doc: VirtualDoc, diagnostics: Diagnostic[]): void {
  const lines = doc.lines;
  let open = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const c = l.charCodeAt(0);
    if (c !== 60 && c !== 61 && c !== 62) continue; // '<', '=', '>'
    let kind: string | undefined;
    if (/^<{7}(?:\s|$)/.test(l)) { kind = 'start'; open = true; }
    else if (open && /^={7}\s*$/.test(l)) kind = 'separator';
    else if (/^>{7}(?:\s|$)/.test(l)) { kind = 'end'; open = false; }
    if (!kind) continue;
    diagnostics.push({ rule: 'merge-conflict-marker', severity: 'warning', message: `Git merge-conflict marker (${kind}) ${JSON.stringify(l.trim().slice(0, 60))}: the page was committed mid-merge; both sides are read`, src: doc.map.map(i + 1, 1) });
    lines[i] = '';
  }
}

const DELIMITER_ROW = /^\s*(?:\|\s*)?:?-+:?(?:\s*\|\s*:?-+:?)*\s*(?:\|\s*)?$/;

/** Cells of a pipe-table row (escaped pipes and pipes in code spans do not split). */
export function countCells(line: string): number {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  let n = 1;
  let code = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '\\') { i++; continue; }
    if (c === '`') code = !code;
    else if (c === '|' && !code) n++;
  }
  return n;
}

/**
 * A delimiter row whose cell count differs from its header row is not a table to GFM, and the
 * whole table would be read as a paragraph. Such rows are rewritten to the header's count
 * before parsing (the corpus has them), with a diagnostic.
 */
function repairTableDelimiters(doc: VirtualDoc, diagnostics: Diagnostic[]): void {
  const lines = doc.lines;
  for (let i = 1; i < lines.length; i++) {
    const d = lines[i]!;
    if (!d.includes('-') || !d.includes('|') || !DELIMITER_ROW.test(d)) continue;
    const h = lines[i - 1]!;
    if (!h.includes('|') || DELIMITER_ROW.test(h)) continue;
    const want = countCells(h);
    const have = countCells(d);
    if (want === have || want < 1) continue;
    const indent = /^\s*/.exec(d)![0];
    lines[i] = indent + '|' + Array.from({ length: want }, () => '---').join('|') + '|';
    diagnostics.push({ rule: 'table-delimiter-repaired', severity: 'info', message: `Table delimiter row has ${have} cells for a ${want}-column header; read as ${want} columns`, src: doc.map.map(i + 1, 1) });
  }
}

const COMMENT_LINE = /^\s*<!--.*-->\s*$/;
const ROW_LINE = /^\s*\|/;

/**
 * An HTML comment on a line of its own between two rows of a table (`<!-- Please verify the revised description here. -->`,
 * beta educationclass-update.md, 2020-05) ends the table for markdown renderers: the rows after it show as text on the
 * rendered page and are no table to the parser. The comment lines are left out of the parsed text (every other line
 * keeps its source), so the rows after them are read as rows of the table, and a warning names the comment: the page's
 * own table is what to mend, not the properties the rows list.
 */
function rejoinCommentedTables(doc: VirtualDoc, diagnostics: Diagnostic[]): void {
  const lines = doc.lines;
  let fence: string | null = null;
  for (let i = 1; i < lines.length - 1; i++) {
    const l = lines[i]!;
    // Most lines are neither a fence nor a comment: passed over without a regular expression.
    if (!l.includes('<!--') && !l.includes('`') && !l.includes('~')) continue;
    const fm = /^\s*(`{3,}|~{3,})/.exec(l);
    if (fm) { if (fence === null) fence = fm[1]!; else if (lines[i]!.trim().startsWith(fence)) fence = null; continue; }
    if (fence !== null || !COMMENT_LINE.test(lines[i]!) || !ROW_LINE.test(lines[i - 1]!)) continue;
    let end = i;
    while (end < lines.length && COMMENT_LINE.test(lines[end]!)) end++;
    // Rows after the comment, not a new table's header (a delimiter row under it) or a stray delimiter.
    if (end >= lines.length || !ROW_LINE.test(lines[end]!) || DELIMITER_ROW.test(lines[end]!) || DELIMITER_ROW.test(lines[end + 1] ?? '')) continue;
    // The rows above must be a table's: a delimiter row under a header, with only rows between it and the comment.
    let d = i - 1;
    while (d > 0 && ROW_LINE.test(lines[d]!) && !DELIMITER_ROW.test(lines[d]!)) d--;
    if (d < 1 || !DELIMITER_ROW.test(lines[d]!) || !lines[d - 1]!.includes('|')) continue;
    let rows = 0;
    while (end + rows < lines.length && ROW_LINE.test(lines[end + rows]!)) rows++;
    diagnostics.push({
      rule: 'table-cut-by-comment', severity: 'warning',
      message: `An HTML comment between two rows of a table, ${JSON.stringify(lines[i]!.trim().slice(0, 80))}, ends the table for markdown renderers: the ${rows} row(s) after it show as text on the rendered page; read as rows of the table (move the comment out of the table)`,
      src: doc.map.map(i + 1, 1),
    });
    doc.remove(i, end - i);
    i--;
  }
}

function spliceLines(
  lines: string[], file: string, abs: string, fileIdx: number, doc: VirtualDoc,
  includes: IncludeRecord[], diagnostics: Diagnostic[], resolver: IncludeResolver | undefined, stack: string[], budget = new IncludeBudget(),
): void {
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fm = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fm) {
      if (fence === null) fence = fm[1]!;
      else if (line.trim().startsWith(fence)) fence = null;
    }
    const m = fence === null ? INCLUDE_LINE.exec(line) : null;
    if (!m) { doc.add(line, fileIdx, i + 1); continue; }
    const [, label = '', target = ''] = m;
    const src: Src = { file, line: i + 1, column: line.indexOf('[') + 1 };
    if (isSnippetInclude(label, target)) {
      includes.push({ label, target, kind: 'snippet', src });
      doc.add('', fileIdx, i + 1);
      continue;
    }
    if (!resolver) {
      includes.push({ label, target, kind: 'unresolved', src });
      doc.add('', fileIdx, i + 1);
      continue;
    }
    const loaded = resolver.load(abs, target);
    if (!loaded.ok) {
      includes.push({ label, target, kind: 'unresolved', src });
      diagnostics.push({ rule: loaded.rule, severity: 'warning', message: loaded.message, src });
      doc.add('', fileIdx, i + 1);
      continue;
    }
    if (stack.includes(loaded.abs)) {
      includes.push({ label, target, kind: 'unresolved', src });
      diagnostics.push({ rule: 'include-cycle', severity: 'warning', message: `Include cycle: ${[...stack, loaded.abs].map((p) => p.split('/').pop()).join(' → ')}; not spliced again`, src });
      doc.add('', fileIdx, i + 1);
      continue;
    }
    if (stack.length > MAX_INCLUDE_DEPTH) {
      includes.push({ label, target, kind: 'unresolved', src });
      diagnostics.push({ rule: 'include-too-deep', severity: 'warning', message: `Includes nested deeper than ${MAX_INCLUDE_DEPTH}; ${target} not spliced`, src });
      doc.add('', fileIdx, i + 1);
      continue;
    }
    const over = budget.charge(abs, loaded.text.length);
    if (over) {
      includes.push({ label, target, kind: 'unresolved', src });
      diagnostics.push({ rule: 'include-limit', severity: 'warning', message: `Include ${target} not spliced: ${over}`, src });
      doc.add('', fileIdx, i + 1);
      continue;
    }
    includes.push({ label, target, resolved: loaded.display, kind: 'content', src });
    const inner = splitFrontMatter(loaded.text, { unclosed: false });
    const innerIdx = doc.map.fileIndex(loaded.display);
    doc.add('', fileIdx, i + 1);
    spliceLines(inner.body.split('\n'), loaded.display, loaded.abs, innerIdx, doc, includes, diagnostics, resolver, [...stack, loaded.abs], budget);
    doc.add('', fileIdx, i + 1);
  }
}
