/**
 * What every extractor gets: the parsed page, its sections, table access, position mapping
 * and a diagnostics sink. Extractors write their own part of the page IR.
 */
import type { Nodes, Paragraph, Root, RootContent, Table, TableCell, TableRow as MdTableRow, Link } from 'mdast';
import type { Diagnostic, PageIR, Severity, Src } from '../ir/schema.js';
import type { ParsedPage } from '../parse/page.js';
import { buildSections, outermost, sectionContent, type SectionKind, type SectionNode } from '../parse/sections.js';
import { inlineText, linksIn, cleanText } from '../parse/inline.js';

export interface Cell {
  /** Reader's text, whitespace folded, &nbsp; as space. */
  text: string;
  /** Text before folding (keeps leading &nbsp; indentation). */
  rawText: string;
  /** Markdown source of the cell. */
  raw: string;
  links: Link[];
  /** The cell's source text from its start position (untrimmed), for token columns. */
  source: string;
  src: Src;
}

export interface TableRow {
  cells: Cell[];
  src: Src;
}

export interface TableModel {
  header: Cell[];
  /** Lower-cased header texts. */
  columns: string[];
  rows: TableRow[];
  src: Src;
  section: SectionNode;
  /** Index of the table among the page's top-level nodes (positions are not monotonic once includes are spliced). */
  index: number;
  /** Raw lines of the table (for pipe-count checks). */
  sourceLines: string[];
}

export class PageContext {
  readonly root: Root;
  readonly sections: SectionNode[];
  readonly diagnostics: Diagnostic[] = [];
  /** What extractors took from each table, keyed by the table's source position. */
  readonly tableUse = new Map<string, { by: string; rows: number; groupRows: number; skipped: number }>();
  /** Cells whose content landed in the IR, and cells a diagnostic names (keyed by cellKey). */
  readonly landedCells = new Set<string>();
  readonly explainedCells = new Set<string>();
  private tableCache = new Map<SectionNode, TableModel[]>();

  constructor(readonly page: ParsedPage) {
    this.root = page.root;
    this.sections = buildSections(page.root);
  }

  get file(): string { return this.page.file; }

  private definitions: Map<string, string> | undefined;
  /** The URL a reference-style link (`[item][]`, `[text][id]`) points to: its `[id]: url` definition's, anywhere on the page. */
  definitionUrl(identifier: string): string | undefined {
    if (!this.definitions) {
      const defs = new Map<string, string>();
      const visit = (n: Nodes) => {
        if (n.type === 'definition' && !defs.has(n.identifier)) defs.set(n.identifier, n.url);
        else if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
      };
      visit(this.root);
      this.definitions = defs;
    }
    return this.definitions.get(identifier);
  }

  /** The links inside a node, reference-style ones (`[item][]`) resolved to their definition's URL. */
  links(node: Nodes): Link[] { return linksIn(node, (id) => this.definitionUrl(id)); }

  src(node: Nodes | undefined): Src {
    const p = node?.position?.start;
    if (!p) return { file: this.page.file, line: 1, column: 1 };
    return this.page.map.map(p.line, p.column);
  }

  /** Source of a line inside a node: `lineOffset` lines below the node's first line. */
  srcAtLine(node: Nodes, lineOffset: number, column = 1): Src {
    const p = node.position?.start;
    if (!p) return { file: this.page.file, line: 1, column: 1 };
    return this.page.map.map(p.line + lineOffset, column);
  }

  diag(rule: string, severity: Severity, message: string, at: Nodes | Src | undefined): void {
    const src = at && 'file' in at ? (at as Src) : this.src(at as Nodes | undefined);
    this.diagnostics.push({ rule, severity, message, src });
  }

  /** Record that `by` read `rows` rows of table `t` (and passed over the others with diagnostics). */
  useTable(t: TableModel, by: string, rows: number, groupRows = 0, skipped = 0): void {
    const k = srcKey(t.src);
    const u = this.tableUse.get(k);
    if (u) { u.rows += rows; u.groupRows += groupRows; u.skipped += skipped; }
    else this.tableUse.set(k, { by, rows, groupRows, skipped });
  }

  /** The cell's content is in the IR. */
  land(...cells: (Cell | undefined)[]): void {
    for (const c of cells) if (c) this.landedCells.add(cellKey(c));
  }

  /** The cells are not in the IR, and a diagnostic says so (a skipped row, an ignored column, a dropped note). */
  explain(...cells: (Cell | undefined)[]): void {
    for (const c of cells) if (c) this.explainedCells.add(cellKey(c));
  }

  /**
   * Columns of a read table that no fact came from: one `table-column-ignored` diagnostic per
   * column that has text in a row the reader took (those cells are then named by it).
   */
  ignoreColumns(t: TableModel, used: number[], what: string): void {
    t.header.forEach((h, i) => {
      if (used.includes(i)) return;
      const cells = t.rows.map((r) => r.cells[i]).filter((c): c is Cell => !!c && c.text !== '' && !this.explainedCells.has(cellKey(c)) && !this.landedCells.has(cellKey(c)));
      if (!cells.length) return;
      this.diag('table-column-ignored', 'info', `${what} table column ${JSON.stringify(h.text || `#${i + 1}`)} is not read; ${cells.length} cell(s) not taken`, h.src);
      this.explain(...cells);
    });
    // Cells beyond the header (an unescaped "|" in a cell): GFM keeps them, no column reads them.
    t.rows.forEach((r, k) => {
      const extra = r.cells.slice(t.header.length).filter((c) => c.text !== '' && !this.landedCells.has(cellKey(c)) && !this.explainedCells.has(cellKey(c)));
      if (!extra.length) return;
      this.diag('table-row-extra-cells', 'warning', `${what} table row ${k + 1} has ${r.cells.length} cells for ${t.header.length} columns (an unescaped "|"?); the extra cell(s) are not read: ${JSON.stringify(extra.map((c) => c.text).join(' | ').slice(0, 80))}`, r.src);
      this.explain(...extra);
    });
  }

  raw(node: Nodes): string {
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    return s === undefined || e === undefined ? '' : this.page.text.slice(s, e);
  }

  text(node: Nodes): string { return cleanText(inlineText(node)); }

  /** Sections of a kind, outermost only (a section nested in one of the same kind is part of it). */
  sectionsOf(kind: SectionKind): SectionNode[] { return outermost(this.sections, kind); }

  private all: TableModel[] | undefined;

  /** Every table of the page, each in its innermost section (built once per page). */
  allTables(): TableModel[] {
    if (!this.all) {
      this.all = [];
      this.root.children.forEach((n, i) => {
        if (n.type === 'table') this.all!.push(this.tableModel(n, this.sectionAt(i), i));
      });
    }
    return this.all;
  }

  content(s: SectionNode): RootContent[] { return sectionContent(this.root, s); }

  /** The paragraphs among these blocks, those of a block quote (a `> **Note:**`) included. */
  paragraphs(nodes: readonly RootContent[]): Paragraph[] {
    return nodes.flatMap((n) => (n.type === 'paragraph' ? [n] : n.type === 'blockquote' ? n.children.filter((c): c is Paragraph => c.type === 'paragraph') : []));
  }

  /** The preamble: the content between the H1 and the page's first section (the intro, its notes, the namespace line). */
  preamble(): RootContent[] {
    return this.sections.filter((s) => s.kind === 'title').flatMap((s) => this.ownContent(s));
  }

  /** Content up to the first subsection heading. */
  ownContent(s: SectionNode): RootContent[] {
    const all = this.content(s);
    const h = all.findIndex((n) => n.type === 'heading' && this.sections.some((x) => x.node === n));
    return h < 0 ? all : all.slice(0, h);
  }

  /** The innermost section containing root child index `i`. */
  sectionAt(i: number): SectionNode {
    let best = this.sections[0]!;
    for (const s of this.sections) if (s.index <= i && i < s.end && s.index >= best.index) best = s;
    return best;
  }

  /**
   * Tables of a section, its subsections included — except tables under a nested section of
   * another kind that has its own extractor (an enum-values table under Properties, say).
   */
  tables(s: SectionNode): TableModel[] {
    let t = this.tableCache.get(s);
    if (!t) {
      t = [];
      for (let i = s.index + 1; i < s.end; i++) {
        const n = this.root.children[i]!;
        if (n.type !== 'table') continue;
        const inner = this.sectionAt(i);
        if (inner !== s && inner.kind !== s.kind && inner.kind !== 'other') continue;
        t.push(this.tableModel(n, s, i));
      }
      this.tableCache.set(s, t);
    }
    return t;
  }

  /** Rows whose last cells were read as one (see tableModel), by the joined cell's position: one diagnostic each, however many sections list the table. */
  private readonly rejoined = new Set<string>();

  /** Adjacent cells as one: their texts joined by the "|" that split them (`seps[k]` between cell k and k + 1, spaced as written). */
  private joinCells(cells: Cell[], seps: string[]): Cell {
    const [first] = cells;
    const text = (f: (c: Cell) => string) => cells.map((c, k) => (k ? seps[k - 1]! : '') + f(c)).join('');
    // Each cell's source without the "|" that closes it (and the blanks after it).
    const open = (src: string) => { const t = src.trimEnd(); return t.endsWith('|') ? t.slice(0, -1) : t; };
    const source = `${cells.map((c) => open(c.source)).join('|')}|`;
    return { text: text((c) => c.text).trim(), rawText: text((c) => c.rawText), raw: text((c) => c.raw), links: cells.flatMap((c) => c.links), source, src: first!.src };
  }

  cell(c: TableCell): Cell {
    const rawText = inlineText(c);
    const full = this.raw(c);
    const lead = /^\|?[ \t]*/.exec(full)![0].length;
    const source = full.slice(lead);
    const at = this.src(c);
    return { text: cleanText(rawText), rawText, raw: source.replace(/\|$/, '').trim(), links: this.links(c), source, src: { ...at, column: at.column + lead } };
  }

  /** Rows read as the continuation of the row above (see foldContinuations), by position: one diagnostic each, however many sections list the table. */
  private readonly continued = new Set<string>();

  /**
   * A cell's text broken onto the next line: the row's line has no closing "|" and the next line no opening one
   * (`|threats|String collection|List of threats (accountBreach,` / `elevationOfPrivilege,…).|`). GFM renders that
   * line as a row of its own with fewer cells than the header, which read as a group row lost the text and named
   * every later row's group after it (or, in a headers table, made a header of its first word). Such a line is read
   * as the rest of the last cell of the row above, with a warning: the page renders it broken.
   */
  private foldContinuations(nodes: readonly MdTableRow[], rows: TableModel['rows'], columns: number): TableModel['rows'] {
    const out: TableModel['rows'] = [];
    rows.forEach((row, k) => {
      const prev = out[out.length - 1];
      const node = nodes[k]!;
      const start = node.position?.start.offset;
      const line = start === undefined ? '' : this.page.text.slice(this.page.text.lastIndexOf('\n', start - 1) + 1, start) + this.raw(node);
      const prevNode = k > 0 ? nodes[k - 1]! : undefined;
      if (!prev || !prevNode || columns < 2 || row.cells.length >= columns || /^[ \t]*\|/.test(line) || this.raw(prevNode).trimEnd().endsWith('|')
        || row.cells.every((c) => c.text === '') || !prev.cells.length) { out.push(row); return; }
      const last = prev.cells[prev.cells.length - 1]!;
      const rest = this.joinCells(row.cells, row.cells.slice(1).map(() => '|'));
      const source = last.source.trimEnd() + '\n' + rest.source;
      const both: Cell = { text: `${last.text} ${rest.text}`.trim(), rawText: `${last.rawText}\n${rest.rawText}`, raw: `${last.raw} ${rest.raw}`.trim(), links: [...last.links, ...rest.links], source, src: last.src };
      out[out.length - 1] = { ...prev, cells: [...prev.cells.slice(0, -1), both] };
      const key = srcKey(row.src);
      if (!this.continued.has(key)) {
        this.continued.add(key);
        this.diag('table-row-continued', 'warning', `Table line ${row.src.line} has no opening "|" and the row above no closing one: the text of that row's last cell goes on there, which the page renders as a row of its own; read as the rest of that cell: ${JSON.stringify(rest.text.slice(0, 80))}`, row.src);
      }
    });
    return out;
  }

  private tableModel(t: Table, section: SectionNode, index: number): TableModel {
    const [head, ...body] = t.children;
    const header = head ? head.children.map((c) => this.cell(c)) : [];
    const s = t.position?.start.offset ?? 0;
    const e = t.position?.end.offset ?? 0;
    const columns = header.map((h) => h.text.toLowerCase());
    // A free-text last column (Description) whose text holds an unescaped "|" ("Payload file name (*.mobileconfig | *.xml).",
    // "`worksheets/{id|name}/tables/add`"): GFM splits the row there, and the cells past the header are that text's rest.
    const prose = columns.length > 1 && FREE_TEXT_COLUMN.test(columns[columns.length - 1]!);
    const rows = body.map((r, k) => {
      const cells = r.children.map((c) => this.cell(c));
      if (!prose || cells.length <= header.length) return { cells, src: this.src(r) };
      // Empty cells past the header ("…cannot be updated.||") hold nothing to read back.
      let n = cells.length;
      while (n > header.length && cells[n - 1]!.text === '') n--;
      const last = header.length - 1;
      // An empty cell among them ("Bearer {token}. Required. | | Workbook-Session-Id | …": two rows on one line) is a row's
      // border, not a "|" in the text: those stay extra cells (table-row-extra-cells).
      if (n <= header.length || cells.slice(last, n).some((c) => c.text === '')) return { cells, src: this.src(r) };
      // Each "|" as written: `i:0#.f|membership|jane@contoso.com` stays tight, "(*.mobileconfig | *.xml)" spaced.
      const seps = r.children.slice(last, n - 1).map((c, j) => (/[ \t]\|?$/.test(this.raw(c)) || /^\|?[ \t]/.test(this.raw(r.children[last + j + 1]!)) ? ' | ' : '|'));
      const joined = this.joinCells(cells.slice(last, n), seps);
      const key = srcKey(joined.src);
      if (!this.rejoined.has(key)) {
        this.rejoined.add(key);
        this.diag('table-row-pipe-rejoined', 'warning', `Table row ${k + 1} has ${n} cells for ${header.length} columns (an unescaped "|" in its last column, ${JSON.stringify(header[last]!.text)}?): the row is split wherever it is rendered; its ${n - last} cells from that column on are read as one: ${JSON.stringify(joined.text.slice(0, 80))}`, this.src(r));
      }
      return { cells: [...cells.slice(0, last), joined], src: this.src(r) };
    });
    return {
      header,
      columns,
      rows: this.foldContinuations(body, rows, header.length),
      src: this.src(t),
      section,
      index,
      sourceLines: this.page.text.slice(s, e).split('\n'),
    };
  }
}

/** Header of a free-text column: an unescaped "|" in its cell is prose, not a column border. */
const FREE_TEXT_COLUMN = /^(?:description|notes?|remarks?|comments?|details?)$/;

/** A position as a key (a table's in tableUse, a cell's in landedCells / explainedCells, a diagnostic's). */
export function srcKey(s: Src): string { return `${s.file}:${s.line}:${s.column}`; }

/** A note's text without its docfx alert marker and bold label ("[!NOTE] **Note:** The …" → "The …"). */
export function noteBody(text: string): string {
  return text.replace(/^(?:\[!\w+\]\s*)?(?:(?:\*\*)?(?:note|caution|important|warning|tip):?(?:\*\*)?:?\s*)?/i, '');
}
export function cellKey(c: Cell): string { return srcKey(c.src); }

export interface Extractor {
  /** Which part of the IR it fills, e.g. "permissions". */
  name: string;
  extract(ctx: PageContext, ir: PageIR): void;
}

/** Column index whose header matches, or -1. */
export function col(t: TableModel, re: RegExp): number {
  return t.columns.findIndex((c) => re.test(c));
}

/**
 * Checks every row of a table for cell-count problems (rows with too few cells, or extra cells
 * from raw pipes) and reports them once per row.
 */
export function checkRowShape(ctx: PageContext, t: TableModel, what: string): void {
  const n = t.header.length;
  t.rows.forEach((r, i) => {
    const filled = r.cells.filter((c) => c.text !== '').length;
    if (r.cells.length < n && filled > 1) {
      ctx.diag('table-row-short', 'info', `${what} table row ${i + 1} has ${r.cells.length} of ${n} cells`, r.src);
    }
  });
}
