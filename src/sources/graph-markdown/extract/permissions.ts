/**
 * Permissions: per permission type the ordered list, the order convention the header states,
 * workload sub-rows (rendered: under an empty type cell; markdown: `&nbsp;`-indented), tables
 * keyed by resource or transposed (one row per resource), several tables under H3 headings,
 * "Not supported" in its many spellings, TODO cells (a diagnostic, not a permission),
 * old-style scope lists, and prose that ties extra permissions to one property.
 */
import type { Paragraph, RootContent } from 'mdast';
import type { PermissionEntry, PermissionName, PermissionType, Permissions, Src } from '../ir/schema.js';
import type { Cell, Extractor, PageContext, TableModel } from './context.js';

const PERMISSION_TOKEN = /^[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+$/;
const BARE_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);
const NOT_SUPPORTED = /^(not\s*supported|unsupported|not\s*applicable|n\/?a|none|not\s*available|no\s*support|not\s*supported\s*yet)\b\.?$/i;

export function permissionType(text: string): PermissionType | null {
  const t = text.toLowerCase().replace(/[*_`]/g, '');
  if (/delegated/.test(t) && /(personal|microsoft account|msa)/.test(t)) return 'delegatedPersonal';
  if (/delegated/.test(t)) return 'delegatedWork';
  if (/^\s*app(lication)?(-only)?\b/.test(t) || /^\s*application permissions?/.test(t)) return 'application';
  return null;
}

export interface CellParse {
  state: PermissionEntry['state'];
  names: string[];
}

export function parsePermissionCell(text: string): CellParse {
  const t = text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  if (t === '') return { state: 'empty', names: [] };
  if (NOT_SUPPORTED.test(t)) return { state: 'not-supported', names: [] };
  if (/\b(todo|tbd|to be determined)\b/i.test(t)) return { state: 'todo', names: [] };
  if (/^varies\b/i.test(t) || /varies by/i.test(t)) return { state: 'varies', names: [] };
  const names: string[] = [];
  for (const tok of t.split(/\s*[,;]\s*|\s+and\s+|\s+or\s+|\s+/i)) {
    const x = tok.replace(/^[([]+|(?<![)\].:])[)\].:]+$/g, '');
    if ((PERMISSION_TOKEN.test(x) || BARE_SCOPES.has(x)) && !names.includes(x)) names.push(x);
  }
  if (!names.length) return { state: 'unrecognized', names: [] };
  return { state: 'listed', names };
}

function isPermissionTable(t: TableModel): boolean {
  const c = t.columns;
  if (c.some((x) => /permission type|^type$/.test(x))) return true;
  if (c.length >= 2 && /permissions?\b|scopes?/.test(c[1] ?? '') && !/global service/.test(c[0] ?? '')) return true;
  return c.slice(1).filter((x) => permissionType(x) !== null).length >= 2; // transposed
}

export const permissions: Extractor = {
  name: 'permissions',
  extract(ctx, ir) {
    const sections = ctx.sectionsOf('permissions');
    if (!sections.length) return;
    const first = sections[0]!;
    const result: Permissions = { state: 'not-extracted', order: null, entries: [], propertyScopes: [], src: ctx.src(first.node) };
    let tables = 0;
    for (const s of sections) {
      for (const t of ctx.tables(s)) {
        if (!isPermissionTable(t)) continue;
        tables++;
        const before = ctx.diagnostics.filter((d) => d.rule === 'permission-row-unrecognized').length;
        readTable(ctx, t, result);
        const skipped = ctx.diagnostics.filter((d) => d.rule === 'permission-row-unrecognized').length - before;
        ctx.useTable(t, 'permissions', t.rows.length - skipped, 0, skipped);
      }
    }
    if (tables === 0) readScopeProse(ctx, sections.flatMap((s) => ctx.content(s)), result);
    else readPropertyScopes(ctx, sections.flatMap((s) => ctx.content(s)), result);
    if (tables > 0) {
      const stated = result.entries.some((e) => e.state !== 'empty');
      result.state = stated ? 'table' : 'empty';
    } else if (result.entries.length) result.state = 'scopes';
    else {
      const empty = sections.every((s) => ctx.content(s).every((n) => n.type === 'html'));
      result.state = empty ? 'empty' : 'not-extracted';
      if (!empty) ctx.diag('permissions-not-extracted', 'warning', 'The permissions section has neither a permission table nor a list of scopes that could be read', first.node);
    }
    ir.permissions = result;
  },
};

function readTable(ctx: PageContext, t: TableModel, out: Permissions): void {
  const header = t.columns.join(' | ');
  const order = /least\s+to\s+most|least privileged to most/.test(header) ? 'least-to-most' : /most\s+to\s+least/.test(header) ? 'most-to-least' : null;
  if (order && !out.order) { out.order = order; out.orderText = t.header.map((h) => h.text).join(' | '); }
  // A table under a sub-heading of the permissions section ("Permissions acting on self") keeps it as its scenario.
  const at = indexOfTable(ctx, t);
  const inner = at >= 0 ? ctx.sectionAt(at) : undefined;
  const resourceFromHeading = inner && inner !== t.section && inner.depth > t.section.depth ? inner.heading : undefined;
  const typeCols = t.columns.map((c) => permissionType(c));
  if (typeCols.slice(1).filter(Boolean).length >= 2) {
    // Transposed: one row per resource, one column per permission type.
    for (const r of t.rows) {
      const resource = r.cells[0]?.text ?? '';
      typeCols.forEach((pt, i) => {
        if (!pt || i === 0) return;
        const cell = r.cells[i];
        if (!cell) return;
        out.entries.push(entryFrom(ctx, pt, t.header[i]!.text, cell, resource || resourceFromHeading));
      });
    }
    return;
  }
  const typeCol = 0;
  const permCol = t.header.length >= 2 ? 1 : 0;
  let current: PermissionEntry | undefined;
  for (const r of t.rows) {
    const typeCell = r.cells[typeCol];
    const permCell = r.cells[permCol];
    if (!typeCell) continue;
    const pt = permissionType(typeCell.text);
    const indented = /^[ \t]*\u00a0/.test(typeCell.rawText) || /^\s*&nbsp;/.test(typeCell.raw);
    if (pt && !indented) {
      current = entryFrom(ctx, pt, typeCell.text, permCell, resourceFromHeading);
      out.entries.push(current);
      continue;
    }
    if (current && (indented || current.state === 'empty' || current.state === 'varies' || current.workloads.length > 0) && typeCell.text !== '') {
      // A workload sub-row of the entry above.
      const p = parsePermissionCell(permCell?.text ?? '');
      if (p.state === 'todo') ctx.diag('permission-cell-todo', 'warning', `Permission cell is a TODO placeholder: ${JSON.stringify(permCell?.text)}`, permCell?.src ?? r.src);
      const wl = {
        workload: typeCell.text,
        permissions: names(p.names, permCell ?? typeCell),
        state: (p.state === 'listed' ? 'listed' : p.state === 'not-supported' ? 'not-supported' : 'empty') as 'listed' | 'not-supported' | 'empty',
        src: typeCell.src,
      };
      current.workloads.push(wl);
      if (current.state === 'empty') current.state = 'varies';
      continue;
    }
    if (typeCell.text === '' && (permCell?.text ?? '') === '') continue;
    // A row keyed by resource ("Calendar", "Mail" ...) without a type: the type is unknown.
    const p = parsePermissionCell(permCell?.text ?? '');
    if (p.state === 'listed') {
      out.entries.push(entryFrom(ctx, 'unspecified', typeCell.text, permCell, typeCell.text));
    } else {
      ctx.diag('permission-row-unrecognized', 'warning', `Permission table row is not a permission type: ${JSON.stringify(typeCell.text.slice(0, 80))}`, r.src);
    }
  }
}

function indexOfTable(ctx: PageContext, t: TableModel): number {
  const kids = ctx.root.children;
  for (let i = 0; i < kids.length; i++) {
    const n = kids[i]!;
    if (n.type === 'table' && ctx.src(n).line === t.src.line && ctx.src(n).file === t.src.file) return i;
  }
  return -1;
}

function names(list: string[], cell: Cell): PermissionName[] {
  return list.map((name) => {
    const at = cell.source.indexOf(name);
    return { name, src: { ...cell.src, column: cell.src.column + Math.max(at, 0) } };
  });
}

function entryFrom(ctx: PageContext, type: PermissionType, typeText: string, cell: Cell | undefined, resource: string | undefined): PermissionEntry {
  const p = parsePermissionCell(cell?.text ?? '');
  const src: Src = cell?.src ?? { file: ctx.file, line: 1, column: 1 };
  if (p.state === 'todo') ctx.diag('permission-cell-todo', 'warning', `Permission cell is a TODO placeholder, not a permission: ${JSON.stringify(cell?.text)}`, src);
  if (p.state === 'unrecognized') ctx.diag('permission-cell-unrecognized', 'warning', `Permission cell names no permission: ${JSON.stringify((cell?.text ?? '').slice(0, 80))}`, src);
  const e: PermissionEntry = { type, typeText, state: p.state, permissions: cell ? names(p.names, cell) : [], workloads: [], src };
  if (resource) e.resource = resource;
  return e;
}

const PROPERTY_SCOPE = /\b(?:when|for|to)\s+(?:updating|update|setting|set|changing|change|reading|read|accessing|access)\s+(?:the\s+)?\**([A-Za-z]\w*)\**\s+property/i;

/** Old-style pages: "One of the following **scopes** is required: *A; B; C*". */
function readScopeProse(ctx: PageContext, nodes: RootContent[], out: Permissions): void {
  let pendingProperty: { property: string; src: Src } | undefined;
  for (const n of nodes) {
    if (n.type !== 'paragraph' && n.type !== 'list') continue;
    const text = ctx.text(n);
    const prop = PROPERTY_SCOPE.exec(text);
    const tokens = parsePermissionCell(text.replace(/^.*?:\s*/, (m) => (PERMISSION_TOKEN.test(m.trim()) ? m : ''))).names;
    const src = ctx.src(n);
    if (prop) {
      if (tokens.length) out.propertyScopes.push({ property: prop[1]!, permissions: tokens.map((name) => ({ name, src: tokenSrc(ctx, n, name) })), src });
      else pendingProperty = { property: prop[1]!, src };
      continue;
    }
    if (!tokens.length) continue;
    const perms = tokens.map((name) => ({ name, src: tokenSrc(ctx, n, name) }));
    if (pendingProperty) {
      out.propertyScopes.push({ property: pendingProperty.property, permissions: perms, src: pendingProperty.src });
      pendingProperty = undefined;
      continue;
    }
    const existing = out.entries[0];
    if (existing) existing.permissions.push(...perms.filter((p) => !existing.permissions.some((q) => q.name === p.name)));
    else out.entries.push({ type: 'unspecified', typeText: '', state: 'listed', permissions: perms, workloads: [], src });
  }
}

/** Tables present: prose can still tie permissions to one property. */
function readPropertyScopes(ctx: PageContext, nodes: RootContent[], out: Permissions): void {
  for (const n of nodes) {
    if (n.type !== 'paragraph') continue;
    const text = ctx.text(n);
    const prop = PROPERTY_SCOPE.exec(text);
    if (!prop) continue;
    const tokens = parsePermissionCell(text).names;
    if (tokens.length) out.propertyScopes.push({ property: prop[1]!, permissions: tokens.map((name) => ({ name, src: tokenSrc(ctx, n, name) })), src: ctx.src(n) });
  }
}

/** Position of a permission name inside a paragraph (first occurrence). */
function tokenSrc(ctx: PageContext, n: Paragraph | RootContent, name: string): Src {
  const raw = ctx.raw(n);
  const at = raw.indexOf(name);
  if (at < 0) return ctx.src(n);
  const before = raw.slice(0, at);
  const lineOffset = (before.match(/\n/g) ?? []).length;
  const col = lineOffset ? at - before.lastIndexOf('\n') : (n.position?.start.column ?? 1) + at;
  return ctx.srcAtLine(n, lineOffset, col);
}
