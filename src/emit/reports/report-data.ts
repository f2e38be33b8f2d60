/**
 * What every report format shows, computed once: the summary counts, operation groups with a
 * side-by-side table of field values per page, findings, and page diagnostics.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic, Document } from '../../model/schema.js';
import type { ApiModel, OperationGroup } from '../../model/types.js';
import type { Finding } from '../../checks/types.js';
import { countBySeverity } from '../../checks/engine.js';
import { allPermissionNames } from '../../checks/rules/permission-set-differs.js';
import { responseShape } from '../../checks/rules/response-shape-differs.js';
import { compareStr, sortDiagnostics } from '../../util/order.js';
import { groupFindings } from '../../checks/group.js';
import { routeFindings } from '../../checks/route.js';

export interface ReportGroup {
  key: string;
  pages: { file: string; version: string | null; title: string; line: number }[];
  /** field → one value per page (same order as pages); '' when the page does not state it. */
  fields: { field: string; values: string[] }[];
  /** request-body property → type per page ('' when absent). */
  bodyProperties: { name: string; values: string[] }[];
  /** Fingerprints of the group's findings (the findings themselves are in `findings`). */
  findings: string[];
}

export interface ReportData {
  tool: { name: string; version: string };
  summary: {
    pages: number; operations: number; types: number; enums: number;
    /** Reported items (one per root cause) by severity. */
    findings: Record<'error' | 'warning' | 'info', number>;
    /** Every finding the items stand for (instances counted one by one) by severity. */
    instances: Record<'error' | 'warning' | 'info', number>;
    /** Reported items per rule, per area, and breaking (drift). */
    byRule: Record<string, Record<'error' | 'warning' | 'info', number>>;
    byArea: Record<string, number>;
    breaking: number;
    diagnostics: Record<'error' | 'warning' | 'info', number>;
  };
  groups: ReportGroup[];
  findings: Finding[];
  diagnostics: (Diagnostic & { page: string })[];
}

function permCell(p: Document, type: string): string {
  const e = p.permissions?.entries.find((x) => x.type === type);
  if (!e) return '';
  if (e.state === 'not-supported') return 'Not supported';
  if (e.state === 'not-required') return 'None required';
  if (e.state === 'empty') return '(empty)';
  const own = e.permissions.map((x) => x.name).join(', ');
  const wl = e.workloads.map((w) => `${w.workload}: ${w.permissions.map((x) => x.name).join(', ') || w.state}`).join('; ');
  return [own, wl].filter(Boolean).join(' ') || e.state;
}

function groupFields(g: OperationGroup): ReportGroup['fields'] {
  const pages = g.variants.map((v) => v.doc);
  const row = (field: string, f: (p: Document, i: number) => string) => ({ field, values: pages.map(f) });
  return [
    row('version', (p) => p.apiVersion.value ?? '?'),
    row('title', (p) => p.title.h1?.value ?? p.title.frontMatter?.value ?? ''),
    row('path as written', (_p, i) => `${g.variants[i]!.operation.method} ${g.variants[i]!.operation.path}${g.variants[i]!.operation.fromExample ? ' (from example)' : ''}`),
    row('path parameters', (_p, i) => g.variants[i]!.operation.pathParameters.map((x) => `{${x.name}}`).join(', ')),
    row('permissions: order', (p) => p.permissions?.order ?? ''),
    row('permissions: delegated (work or school)', (p) => permCell(p, 'delegatedWork')),
    row('permissions: delegated (personal)', (p) => permCell(p, 'delegatedPersonal')),
    row('permissions: application', (p) => permCell(p, 'application')),
    row('permissions: unspecified type (scopes)', (p) => permCell(p, 'unspecified')),
    row('permissions: per property', (p) => (p.permissions?.propertyScopes ?? []).map((s) => `${s.property}: ${s.permissions.map((x) => x.name).join(', ')}`).join('; ')),
    row('all permissions named', (p) => allPermissionNames(p).join(', ')),
    row('request headers', (p) => p.requestHeaders.map((h) => `${h.name}${h.required ? ' (required)' : ''}`).join(', ')),
    row('query parameters', (p) => p.queryParameters.map((q) => q.name).join(', ')),
    row('request body', (p) => (p.requestBody ? `${p.requestBody.typeName ?? '?'}; ${p.requestBody.properties.length} properties${p.requestBody.requiredWhenCreating ? ' ("required when you create")' : ''}${p.requestBody.requiredWhenUpdating ? ' ("required when you update")' : ''}` : '')),
    row('response status', (p) => (p.response?.statuses ?? []).map((s) => `${s.code} ${s.text}`).join(', ')),
    row('response body', (p) => responseShape(p) ?? ''),
    row('example requests', (p) => p.examples.requests.map((r) => `${r.method} ${r.path}`).join('; ')),
    row('example responses', (p) => p.examples.responses.map((r) => r.statusLine.raw || '(no status line)').join('; ')),
  ];
}

function bodyMatrix(g: OperationGroup): ReportGroup['bodyProperties'] {
  const perPage = g.variants.map((v) => new Map((v.doc.requestBody?.properties ?? []).map((p) => [p.name.toLowerCase(), p] as const)));
  const names = new Map<string, string>();
  for (const v of g.variants) for (const p of v.doc.requestBody?.properties ?? []) if (!names.has(p.name.toLowerCase())) names.set(p.name.toLowerCase(), p.name);
  return [...names.entries()].sort((a, b) => compareStr(a[0], b[0])).map(([lower, name]) => ({
    name,
    values: perPage.map((m) => {
      const p = m.get(lower);
      return p ? `${p.type.name}${p.type.collection ? ' collection' : ''}` : '';
    }),
  }));
}

/** Counts of reported items for the summary (recomputed when a format filters). */
export function summarize(items: Finding[]): Pick<ReportData['summary'], 'findings' | 'instances' | 'byRule' | 'byArea' | 'breaking'> {
  const byRule: ReportData['summary']['byRule'] = {};
  const byArea = Object.create(null) as Record<string, number>; // a folder may be named __proto__
  const instances = { error: 0, warning: 0, info: 0 };
  for (const f of items) {
    (byRule[f.rule] ??= { error: 0, warning: 0, info: 0 })[f.severity]++;
    byArea[f.area ?? '(none)'] = (byArea[f.area ?? '(none)'] ?? 0) + 1;
    if (f.instances?.length) for (const i of f.instances) instances[i.severity]++;
    else instances[f.severity]++;
  }
  const sortRec = <T>(r: Record<string, T>) => Object.fromEntries(Object.entries(r).sort((a, b) => compareStr(a[0], b[0])));
  return { findings: countBySeverity(items), instances, byRule: sortRec(byRule), byArea: sortRec(byArea), breaking: items.filter((f) => f.breaking).length };
}

/**
 * A group's side-by-side table, its rows made once per group object and only when read: a build
 * computes the report data twice from one model (for the command's own report, with the policy
 * applied, and for the files it writes), and the rows are most of its cost (0.26 s on the 2021
 * tree) — a rebuild whose report files keep their key (reportDigest: made from the group's pages, not
 * its rows) never reads them. `fields` and `bodyProperties` are enumerable properties that compute
 * their value on first read and become plain data properties then, in their place in the key
 * order (JSON, spreads and assignments see ordinary data).
 */
const rows = new WeakMap<OperationGroup, Pick<ReportGroup, 'fields' | 'bodyProperties'>>();
function rowsOf(g: OperationGroup): Pick<ReportGroup, 'fields' | 'bodyProperties'> {
  let r = rows.get(g);
  if (!r) { r = { fields: groupFields(g), bodyProperties: bodyMatrix(g) }; rows.set(g, r); }
  return r;
}

function lazy<K extends 'fields' | 'bodyProperties'>(o: ReportGroup, key: K, g: OperationGroup): void {
  const settle = (self: ReportGroup, value: ReportGroup[K]) => { Object.defineProperty(self, key, { value, enumerable: true, writable: true, configurable: true }); return value; };
  Object.defineProperty(o, key, {
    enumerable: true, configurable: true,
    get(this: ReportGroup) { return settle(this, rowsOf(g)[key] as ReportGroup[K]); },
    set(this: ReportGroup, value: ReportGroup[K]) { settle(this, value); },
  });
}

function groupOf(g: OperationGroup, findings: string[]): ReportGroup {
  const out = {
    key: g.key,
    pages: g.variants.map((v) => ({ file: v.doc.file, version: v.doc.apiVersion.value, title: v.doc.title.h1?.value ?? v.doc.title.frontMatter?.value ?? '', line: v.operation.src.line })),
  } as ReportGroup;
  lazy(out, 'fields', g);
  lazy(out, 'bodyProperties', g);
  out.findings = findings;
  return out;
}

/**
 * `drift`: the old snapshot's documents (a finding's old side is routed by its page there) — and only the new tree's pages
 * not read as diagnostics: a drift report is about changes (it carried every diagnostic of the new tree, 2,241 SARIF
 * results beside 5,605 changes), but a page not read leaves it incomplete, which the gate counts.
 */
export function reportData(model: ApiModel, rawFindings: Finding[], toolVersion: string, extraDiagnostics: Diagnostic[] = [], drift?: { oldDocuments: Document[] }): ReportData {
  // One item per root cause, each with its area and author, in rank order.
  const findings = routeFindings(groupFindings(rawFindings), model.documents, drift?.oldDocuments);
  const multi = model.operations.filter((g) => g.variants.length > 1);
  const bySubject = new Map<string, string[]>();
  for (const f of findings) {
    for (const subject of new Set([f.subject, ...(f.instances ?? []).map((i) => i.subject)])) {
      let l = bySubject.get(subject);
      if (!l) { l = []; bySubject.set(subject, l); }
      l.push(f.fingerprint);
    }
  }
  const groups: ReportGroup[] = multi.map((g) => groupOf(g, bySubject.get(g.key) ?? []));
  const pageDiagnostics = model.documents.flatMap((p) => (drift ? p.diagnostics.filter((d) => d.severity === 'error') : p.diagnostics).map((d) => ({ ...d, page: p.file })));
  const diagnostics = [...pageDiagnostics, ...sortDiagnostics(extraDiagnostics).map((d) => ({ ...d, page: d.src.file }))];
  return {
    tool: { name: 'docmodel', version: toolVersion },
    summary: {
      pages: model.documents.length, operations: model.operations.length, types: model.types.length, enums: model.enums.length,
      ...summarize(findings), diagnostics: countBySeverity(diagnostics),
    },
    groups,
    findings,
    diagnostics,
  };
}

/**
 * A SHA-1 of everything the report files are rendered from — the summary, findings and
 * diagnostics as they are, and each side-by-side table by what makes it (its group's key and
 * each page's file, IR digest and operation), not by its text (the tables are most of the
 * reports' 50 MB on the 2021 tree) — plus `extra` (what the formats take besides the data).
 * A page edit outside every multi-page group leaves it as it was, and the writer need not render
 * the reports. undefined when a page of a table has no digest (no page cache).
 */
export function reportDigest(model: ApiModel, data: ReportData, digestOf: (file: string) => string | undefined, extra: unknown): string | undefined {
  const h = createHash('sha1').update(JSON.stringify({ tool: data.tool, summary: data.summary, findings: data.findings, diagnostics: data.diagnostics, extra })).update('\n');
  let i = 0;
  for (const g of model.operations) {
    if (g.variants.length < 2) continue;
    const t = data.groups[i++];
    if (!t || t.key !== g.key) return undefined;
    const pages: unknown[] = [];
    for (const v of g.variants) {
      const d = digestOf(v.doc.file);
      if (d === undefined) return undefined;
      pages.push([v.doc.file, d, v.operation]);
    }
    h.update(JSON.stringify([g.key, t.findings, pages])).update('\n');
  }
  return i === data.groups.length ? h.digest('hex') : undefined;
}
