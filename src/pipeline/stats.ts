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
  sections: { kind: string; present: number; extracted: number; missing: string[] }[];
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
    const missing = present.filter((p) => !check!(p) && !p.sections.some((s) => s.kind === kind && s.none));
    return { kind, present: present.length, extracted: present.length - missing.length, missing: missing.slice(0, 5).map((p) => p.file) };
  });
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
  L.push(`permission sections with a result: ${s.permissionSections.withResult}/${s.permissionSections.total} (${pct(s.permissionSections.withResult, s.permissionSections.total)})`);
  const r = s.propertyRows;
  L.push(`property-table rows (api + resources): ${r.total}; landed ${r.landed} (${pct(r.landed, r.total)}), group rows ${r.groupRows}, skipped with a diagnostic ${r.skippedWithDiagnostic}, in tables not read ${r.unread} (each such table has a diagnostic)`);
  for (const o of s.operationsMap) L.push(`operations map ${o.version}: ${o.operations} operations; request body unknown ${o.unknownRequest} (${pct(o.unknownRequest, o.operations)}), response unknown ${o.unknownResponse} (${pct(o.unknownResponse, o.operations)})`);
  L.push('', 'section kind            present  extracted');
  for (const x of s.sections) L.push(`${x.kind.padEnd(22)} ${String(x.present).padStart(8)} ${String(x.extracted).padStart(10)}  ${pct(x.extracted, x.present)}${x.missing.length ? '  e.g. ' + x.missing.slice(0, 2).join(', ') : ''}`);
  L.push('', `top diagnostics (of ${s.diagnostics.reduce((n, d) => n + d.count, 0)}):`);
  for (const d of s.diagnostics.slice(0, top)) L.push(`${String(d.count).padStart(7)}  ${d.rule.padEnd(32)} ${d.examples.join(', ')}`);
  return L.join('\n') + '\n';
}
