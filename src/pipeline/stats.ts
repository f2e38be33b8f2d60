/**
 * Coverage of a build, so a regression is visible at a glance: per section kind, pages where
 * the section is present and pages where extraction succeeded; method pages with an operation;
 * permission sections with a result; property-table rows that landed; the top diagnostics by
 * rule with example pages.
 */
import type { PageIR } from '../sources/graph-markdown/ir/schema.js';
import { YIELD } from '../sources/graph-markdown/extract/inventory.js';
import { compareStr } from '../util/order.js';
import { modelFromPages } from '../sources/graph-markdown/to-model.js';
import { operationMapCounts } from '../emit/ts/operations.js';
import type { ApiModel } from '../model/schema.js';

export interface Stats {
  pages: number;
  byKind: Record<string, number>;
  /** Per section kind: pages where it is present (not empty); where facts landed; where it states there is nothing; the rest. */
  sections: { kind: string; present: number; extracted: number; statedNone: number; missing: string[] }[];
  /** Per table classification: cells of tables an extractor read (landed in the IR / named by a diagnostic) and of tables not read. */
  tableCells: { kind: string; tables: number; read: number; cells: number; landed: number; explained: number; unaccounted: number; unreadCells: number }[];
  /** Request lines of HTTP request blocks: became operations, or rejected with a diagnostic. */
  requestLines: { operations: number; rejected: number };
  methodPages: { total: number; withOperation: number; missing: string[] };
  permissionSections: { total: number; withResult: number; missing: string[] };
  propertyRows: { total: number; landed: number; groupRows: number; skippedWithDiagnostic: number; unread: number };
  diagnostics: { rule: string; count: number; examples: string[] }[];
  /** Per version: entries of the operations map, and those whose request body / response is `unknown`. */
  operationsMap: ReturnType<typeof operationMapCounts>;
}

const isMethodPage = (p: PageIR) => /(^|\/)api\//.test(p.file) || (!/(^|\/)resources\//.test(p.file) && p.kind === 'operation');
const PROPERTY_TABLES = new Set(['properties', 'parameters', 'relationships']);

export function computeStats(pages: PageIR[], model: ApiModel = modelFromPages(pages)): Stats {
  const byKind: Record<string, number> = {};
  for (const p of pages) byKind[p.kind] = (byKind[p.kind] ?? 0) + 1;
  const sections = Object.entries(YIELD).map(([kind, check]) => {
    const present = pages.filter((p) => p.sections.some((s) => s.kind === kind && !s.empty));
    // Extracted only when facts landed; a section that states "None." (or a permission table with every cell blank) is counted apart.
    const extracted = present.filter((p) => check!(p));
    const none = present.filter((p) => !check!(p) && (p.sections.some((s) => s.kind === kind && s.none) || (kind === 'permissions' && p.permissions?.state === 'empty')));
    const missing = present.filter((p) => !check!(p) && !none.includes(p));
    return { kind, present: present.length, extracted: extracted.length, statedNone: none.length, missing: missing.slice(0, 5).map((p) => p.file) };
  });
  const cellsBy = new Map<string, Stats['tableCells'][number]>();
  let operations = 0;
  let rejected = 0;
  for (const p of pages) {
    operations += p.operations.filter((o) => !o.fromExample).length;
    rejected += p.diagnostics.filter((d) => d.rule === 'http-line-not-a-request').length;
    for (const t of p.tables) {
      let e = cellsBy.get(t.classification);
      if (!e) cellsBy.set(t.classification, (e = { kind: t.classification, tables: 0, read: 0, cells: 0, landed: 0, explained: 0, unaccounted: 0, unreadCells: 0 }));
      e.tables++;
      if (t.taken) {
        e.read++;
        const cells = t.taken.cells ?? 0;
        e.cells += cells;
        e.landed += t.taken.cellsLanded ?? 0;
        e.explained += t.taken.cellsExplained ?? 0;
        e.unaccounted += cells - (t.taken.cellsLanded ?? 0) - (t.taken.cellsExplained ?? 0);
      } else e.unreadCells += t.rows * t.columns.length;
    }
  }
  const methods = pages.filter(isMethodPage);
  const noOp = methods.filter((p) => !p.operations.some((o) => o.method && o.path));
  const permPages = pages.filter((p) => p.sections.some((s) => s.kind === 'permissions'));
  const permMissing = permPages.filter((p) => !p.permissions || (p.permissions.state === 'not-extracted' && !p.diagnostics.some((d) => d.rule === 'permissions-not-extracted')));
  const rows = { total: 0, landed: 0, groupRows: 0, skippedWithDiagnostic: 0, unread: 0 };
  for (const p of pages) {
    if (!/(^|\/)(api|resources)\//.test(p.file) && pages.some((q) => /(^|\/)(api|resources)\//.test(q.file))) continue;
    for (const t of p.tables) {
      if (!PROPERTY_TABLES.has(t.classification)) continue;
      rows.total += t.rows;
      if (t.taken) { rows.landed += t.taken.rows; rows.groupRows += t.taken.groupRows; rows.skippedWithDiagnostic += t.taken.skipped; }
      else rows.unread += t.rows;
    }
  }
  const diag = new Map<string, { count: number; examples: string[] }>();
  for (const p of pages) for (const d of p.diagnostics) {
    let e = diag.get(d.rule);
    if (!e) { e = { count: 0, examples: [] }; diag.set(d.rule, e); }
    e.count++;
    if (e.examples.length < 3 && !e.examples.some((x) => x.startsWith(d.src.file + ':'))) e.examples.push(`${d.src.file}:${d.src.line}`);
  }
  return {
    pages: pages.length, byKind, sections,
    tableCells: [...cellsBy.values()].sort((a, b) => b.cells - a.cells || compareStr(a.kind, b.kind)),
    requestLines: { operations, rejected },
    methodPages: { total: methods.length, withOperation: methods.length - noOp.length, missing: noOp.slice(0, 10).map((p) => p.file) },
    permissionSections: { total: permPages.length, withResult: permPages.length - permMissing.length, missing: permMissing.slice(0, 10).map((p) => p.file) },
    propertyRows: rows,
    operationsMap: operationMapCounts(model),
    diagnostics: [...diag.entries()].map(([rule, e]) => ({ rule, ...e })).sort((a, b) => b.count - a.count || compareStr(a.rule, b.rule)),
  };
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(2)}%`);

export function formatStats(s: Stats, top = 15): string {
  const L: string[] = [];
  L.push(`pages: ${s.pages} (${Object.entries(s.byKind).sort().map(([k, v]) => `${k} ${v}`).join(', ')})`);
  L.push(`method pages with ≥1 operation: ${s.methodPages.withOperation}/${s.methodPages.total} (${pct(s.methodPages.withOperation, s.methodPages.total)})${s.methodPages.missing.length ? ' — e.g. ' + s.methodPages.missing.slice(0, 3).join(', ') : ''}`);
  L.push(`permission sections with a result: ${s.permissionSections.withResult}/${s.permissionSections.total} (${pct(s.permissionSections.withResult, s.permissionSections.total)}) — a result: facts, a stated "empty", or a diagnostic`);
  const q = s.requestLines;
  L.push(`request lines in HTTP request blocks: ${q.operations + q.rejected}; operations ${q.operations}, rejected with a diagnostic ${q.rejected} (${pct(q.rejected, q.operations + q.rejected)})`);
  const r = s.propertyRows;
  L.push(`property-table rows (api + resources): ${r.total}; landed ${r.landed} (${pct(r.landed, r.total)}), group rows ${r.groupRows}, skipped with a diagnostic ${r.skippedWithDiagnostic}, in tables not read ${r.unread} (each such table has a diagnostic)`);
  for (const o of s.operationsMap) L.push(`operations map ${o.version}: ${o.operations} operations; request body unknown ${o.unknownRequest} (${pct(o.unknownRequest, o.operations)}), response unknown ${o.unknownResponse} (${pct(o.unknownResponse, o.operations)})`);
  L.push('', 'section kind            present  extracted (facts landed)  stated none');
  for (const x of s.sections) L.push(`${x.kind.padEnd(22)} ${String(x.present).padStart(8)} ${String(x.extracted).padStart(10)} ${pct(x.extracted, x.present).padStart(8)} ${String(x.statedNone).padStart(12)}${x.missing.length ? '  e.g. ' + x.missing.slice(0, 2).join(', ') : ''}`);
  L.push('', 'table kind             tables    read  cells landed / present (tables read)   named by a diagnostic  unaccounted  cells in tables not read');
  for (const x of s.tableCells) {
    L.push(`${x.kind.padEnd(22)} ${String(x.tables).padStart(6)} ${String(x.read).padStart(7)}  ${`${x.landed} / ${x.cells}`.padStart(17)} ${pct(x.landed, x.cells).padStart(8)}            ${String(x.explained).padStart(11)}  ${String(x.unaccounted).padStart(11)}  ${String(x.unreadCells).padStart(10)}`);
  }
  L.push('', `top diagnostics (of ${s.diagnostics.reduce((n, d) => n + d.count, 0)}):`);
  for (const d of s.diagnostics.slice(0, top)) L.push(`${String(d.count).padStart(7)}  ${d.rule.padEnd(32)} ${d.examples.join(', ')}`);
  return L.join('\n') + '\n';
}
