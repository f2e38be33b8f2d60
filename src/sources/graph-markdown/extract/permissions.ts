/**
 * Permissions: per permission type the ordered list, the order convention the header states,
 * workload sub-rows (rendered: under an empty type cell; markdown: `&nbsp;`-indented), tables
 * keyed by resource or transposed (one row per resource), several tables under H3 headings,
 * "Not supported" in its many spellings, TODO cells (a diagnostic, not a permission),
 * old-style scope lists, and prose that ties extra permissions to one property.
 */
import type { Paragraph, RootContent } from 'mdast';
import type { Operation, PermissionEntry, PermissionName, PermissionType, Permissions, Src } from '../ir/schema.js';
import type { Cell, Extractor, PageContext, TableModel } from './context.js';
import { parseAnnotationComment } from '../parse/annotations.js';
import { normalizePath, operationKey, parseRequestLine, splitTarget } from './http-path.js';
import { joinedRuns } from '../../../util/words.js';

const PERMISSION_TOKEN = /^[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+$/;
const BARE_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);
/** A word that can begin a permission name split by a space: camel-cased, two humps or more, letters only. */
const SPLIT_HEAD = /^[A-Z][a-z]+(?:[A-Z][a-z]+)+$/;
const NOT_SUPPORTED = /^(not\s*supported|unsupported|not\s*applicable|n\/?a|not\s*available|no\s*support|not\s*supported\s*yet)\b\.?$/i;
/**
 * "None." in a permission cell: the call takes no permission of that type — not "Not supported." (the cloud-communications
 * pages give "Not supported." for delegated rows and "None." for Application; printService get says "No permissions are
 * needed to call this API" above a table of "None." cells).
 */
const NOT_REQUIRED = /^(none|no\s+permissions?\s+(?:is\s+|are\s+)?(?:required|needed))\.?$/i;
/** "Not available." in a Higher privileged column: there is no higher permission. */
const NOT_AVAILABLE = /^(not\s*available|none|n\/?a|-+|—)\.?$/i;

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
  /** For names joined by "and": the other names of the group. */
  together: Map<string, string[]>;
  /** Text that is neither a name nor a separator (a note), or '' */
  note: string;
  /** Names a stray space had split, read joined ("DeviceManagementManaged Devices.ReadWrite.All"). */
  rejoined?: string[];
}

/** Emphasis and code marks only; underscores inside names (offline_access) stay. */
function unmark(text: string): string {
  return text.replace(/[*`]/g, '').replace(/(^|[\s(])_+|(?<!_)_+(?=[\s).,;:]|$)/g, '$1').replace(/\s+/g, ' ').trim();
}

/**
 * "In addition:" or "And:" then clauses "If checking for membership in groups: Group.Read.All, Group.ReadWrite.All": what a
 * call needs besides one of the names before it, in some cases (2020-05 user-checkmemberobjects.md, group-checkmemberobjects.md;
 * labels d128, d284, d548, d856). Not alternatives on their own.
 */
const IN_ADDITION = /(?<=\s|^)(?:In addition|And)\s*:\s*(?=If\b)/i;

export function parsePermissionCell(text: string): CellParse {
  const t = unmark(text);
  const m = IN_ADDITION.exec(t);
  const flat = parseAlternatives(t);
  const lead = m ? parseAlternatives(t.slice(0, m.index)) : undefined;
  // No name before the marker: nothing for the cases to go with — the cell reads as before. The conditions' words stay the
  // entry's note, as they were when the clauses were read as alternatives.
  return m && lead?.state === 'listed' ? { ...withConditions(lead, t.slice(m.index + m[0].length)), note: flat.note } : flat;
}

/**
 * The lead's parse, with the names of each "If …:" clause of `rest` needed together with any of the lead's names. The list
 * of clauses ends where two names stand side by side with no separator: the names after it (the page's `</ul>` then
 * "Directory.Read.All, Directory.ReadWrite.All") are alternatives again.
 */
function withConditions(lead: CellParse, rest: string): CellParse {
  // Each clause: "If <case>:" then its names (the case's words up to the colon are no names).
  const clauses = rest.split(/\bIf\b/i).filter((x) => x.trim()).map((x) => x.slice(x.indexOf(':') + 1));
  const conditional: CellParse[] = [];
  let after = '';
  for (const [i, clause] of clauses.entries()) {
    // Two names with only spaces between them: the clause ends at the first.
    const words = clause.split(/\s+/).filter(Boolean);
    const next = (w: string | undefined) => w !== undefined && PERMISSION_TOKEN.test(w.replace(/[,;]$/, ''));
    const end = words.findIndex((w, k) => PERMISSION_TOKEN.test(w) && next(words[k + 1]));
    conditional.push(parseAlternatives(end < 0 ? clause : words.slice(0, end + 1).join(' ')));
    if (end >= 0) { after = [words.slice(end + 1).join(' '), ...clauses.slice(i + 1)].join(' '); break; }
  }
  const trailing = parseAlternatives(after);
  const names = [...new Set([...lead.names, ...conditional.flatMap((c) => c.names), ...trailing.names])];
  const together = new Map(lead.together);
  for (const c of conditional) for (const x of c.names) if (!lead.names.includes(x)) together.set(x, [...new Set([...(together.get(x) ?? []), ...lead.names])]);
  for (const [x, w] of trailing.together) together.set(x, w);
  const rejoined = [...lead.rejoined ?? [], ...conditional.flatMap((c) => c.rejoined ?? []), ...trailing.rejoined ?? []];
  return { state: 'listed', names, together, note: '', ...(rejoined.length ? { rejoined } : {}) };
}

function parseAlternatives(t: string): CellParse {
  const together = new Map<string, string[]>();
  if (t === '') return { state: 'empty', names: [], together, note: '' };
  const names: string[] = [];
  const rest: string[] = [];
  const alone = new Set<string>();
  let rejoined: string[] | undefined;
  // Alternatives are separated by commas, semicolons, "or" and slashes; "and" (or "plus", "+", "&") joins names needed together.
  for (const alt of t.split(/(?<!\s)\s*[,;]\s*|(?<!\s)\s+or\s+|(?<!\s)\s+\/\s+/i)) {
    const perPart: string[][] = [];
    for (const part of alt.split(/(?<!\s)\s+(?:and|plus)\s+|(?<!\s)\s*\+\s*|(?<!\s)\s*&\s*/i)) {
      const inPart: string[] = [];
      const toks = part.split(/\s+/);
      for (let i = 0; i < toks.length; i++) {
        const tok = toks[i]!;
        let x = tok.replace(/^[([{"']+|(?<![)\]}"'.:!?])[)\]}"'.:!?]+$/g, '');
        // A name split by a stray space: a camel-cased word, no name itself, right before a name that goes on in capitals
        // ("DeviceManagementManaged Devices.ReadWrite.All", labels d274, v204) is read as the one name they spell.
        const next = toks[i + 1]?.replace(/(?<![)\]}"'.:!?])[)\]}"'.:!?]+$/g, '');
        if (SPLIT_HEAD.test(x) && next && /^[A-Z]/.test(next) && PERMISSION_TOKEN.test(next)) {
          x += next;
          i++;
          (rejoined ??= []).push(x);
        }
        if (PERMISSION_TOKEN.test(x) || BARE_SCOPES.has(x)) {
          if (!names.includes(x)) names.push(x);
          inPart.push(x);
        } else if (tok !== '') rest.push(tok);
      }
      if (inPart.length) perPart.push(inPart);
    }
    // "A and B": one name on each side of "and". Names that only stand in the same text without an "and" between
    // them ("User.ReadWrite.All In addition: If checking for membership in groups: Group.Read.All") are not joined:
    // two names side by side end one group and start the next, as a missing comma would ("User.ReadWrite.All and
    // GroupMember.Read.All User.ReadWrite.All and Group.Read.All": two pairs, not four names alone).
    const groups: string[][] = [];
    let cur: string[] = [];
    for (const p of perPart) {
      cur.push(p[0]!);
      if (p.length === 1) continue;
      groups.push(cur, ...p.slice(1, -1).map((x) => [x]));
      cur = [p[p.length - 1]!];
    }
    if (cur.length) groups.push(cur);
    // A name in several "and" groups is needed with any of their partners (union); one also listed alone is needed with none.
    for (const group of groups) {
      if (group.length > 1) for (const g of group) together.set(g, [...new Set([...(together.get(g) ?? []), ...group.filter((o) => o !== g)])]);
      else alone.add(group[0]!);
    }
  }
  for (const x of alone) together.delete(x);
  const note = rest.join(' ').replace(/^[\s.,;:()-]+|(?<![\s.,;:()-])[\s.,;:()-]+$/g, '');
  if (names.length) {
    // "and"/"or" left over are separators, not notes; a footnote's mark (`Directory.Read.All<sup>1</sup>`) is one.
    const meaningful = /[A-Za-z]{2,}|\d/.test(note.replace(/\b(and|or|either|both|one of|the following)\b/gi, '')) ? note : '';
    return { state: 'listed', names, together, note: meaningful, ...(rejoined ? { rejoined } : {}) };
  }
  if (NOT_SUPPORTED.test(t)) return { state: 'not-supported', names, together, note: '' };
  if (NOT_REQUIRED.test(t)) return { state: 'not-required', names, together, note: '' };
  if (/\b(todo|tbd|to be determined)\b/i.test(t)) return { state: 'todo', names, together, note: '' };
  if (/^varies\b/i.test(t) || /varies by/i.test(t)) return { state: 'varies', names, together, note: '' };
  return { state: 'unrecognized', names, together, note: t };
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
    let sections = ctx.sectionsOf('permissions');
    if (!sections.length) {
      // No Permissions heading, but a "Permission type | Permissions" table in the preamble: it is the page's permissions.
      const t = ctx.allTables().find((x) => x.section.kind === 'title' && x.columns.some((c) => /permission type/.test(c)));
      if (!t) return;
      ctx.diag('permissions-without-heading', 'info', 'The permission table stands before any section heading (no Permissions heading); read as the page\'s permissions', t.src);
      sections = [t.section];
    }
    const first = sections[0]!;
    const result: Permissions = { state: 'not-extracted', order: null, entries: [], propertyScopes: [], src: first.node ? ctx.src(first.node) : ctx.allTables().find((x) => x.section === first)?.src ?? ctx.src(undefined) };
    const read: TableModel[] = [];
    for (const s of sections) {
      for (const t of ctx.tables(s)) {
        if (!isPermissionTable(t)) continue;
        read.push(t);
      }
    }
    for (const t of read) {
      const before = result.entries.length;
      const { taken, skipped } = readTable(ctx, t, result);
      noneAsNotSupported(result.entries.slice(before));
      ctx.useTable(t, 'permissions', taken, 0, skipped);
      const scenario = bindScenario(ctx, t, read.length, ir.operations);
      if (scenario) for (const e of result.entries.slice(before)) e.scenario = scenario;
    }
    if (read.length) narrowByTokenType(ctx, ir.operations, result);
    const nodes = sections.flatMap((s) => ctx.content(s));
    if (read.length === 0) readScopeProse(ctx, nodes, result);
    else readPropertyScopes(ctx, nodes, result);
    readCallouts(ctx, nodes, result, read.length > 0);
    if (read.length > 0) readScenarioLists(ctx, nodes, result);
    if (read.length > 0) {
      const stated = result.entries.some((e) => e.state !== 'empty');
      result.state = stated ? 'table' : 'empty';
    } else if (result.entries.length) result.state = 'scopes';
    else {
      const meaningful = sections.flatMap((s) => ctx.content(s)).filter((n) => n.type !== 'html' && n.type !== 'heading');
      // "The following scopes are required to call this API:" with nothing after it states no permission.
      const intro = meaningful.length > 0 && meaningful.every((n) => n.type === 'paragraph' && INTRO.test(ctx.text(n)) && parsePermissionCell(ctx.text(n)).names.length === 0);
      if (meaningful.length === 0 || intro) {
        result.state = 'empty';
        if (intro) ctx.diag('permissions-stated-empty', 'warning', `The permissions section introduces a list of permissions but names none: ${JSON.stringify(ctx.text(meaningful[0]!).slice(0, 100))}`, meaningful[0]);
      } else {
        ctx.diag('permissions-not-extracted', 'warning', 'The permissions section has neither a permission table nor a list of scopes that could be read', first.node);
      }
    }
    if (result.additional && !result.additional.length) delete result.additional;
    ir.permissions = result;
  },
};

/** A sentence that announces permissions ("One of the following scopes is required to execute this API:"). */
const INTRO = {
  // Separate linear tests (no `.*` chains over paragraph text).
  test(t: string): boolean {
    const names = /\b(scopes?|permissions?)\b/i.test(t);
    const needed = /\b(required|needed|necessary)\b/i.test(t);
    return names && needed && (/\b(following|these)\b/i.test(t) || /:\s*$/.test(t));
  },
};

/**
 * "None." means no permission is needed only where the table names none at all (call-mute: "Not supported." delegated rows
 * and an Application row of "None."; printService get: "None." everywhere). Beside rows that list permissions it is an
 * unsupported type written otherwise (serviceprincipal-addtokensigningcertificate's personal-account row, "Not
 * supported." on the page today).
 */
function noneAsNotSupported(entries: PermissionEntry[]): void {
  if (!entries.some((e) => e.state === 'listed')) return;
  for (const e of entries) {
    if (e.state === 'not-required') e.state = 'not-supported';
    for (const w of e.workloads) if (w.state === 'not-required') w.state = 'not-supported';
  }
}

function readTable(ctx: PageContext, t: TableModel, out: Permissions): { taken: number; skipped: number } {
  const header = t.columns.join(' | ');
  // "Least privileged permissions" | "Higher privileged permissions" (not "Permissions (from most to least privileged)").
  const leastCol = t.columns.findIndex((c) => /^\W*least[ -]privileged\b/.test(c));
  const higherCol = t.columns.findIndex((c) => /^\W*(higher|more|most)[ -]privileged\b/.test(c));
  const order = leastCol >= 0 || /least\s+to\s+most|least privileged to most/.test(header) ? 'least-to-most' : /most\s+to\s+least/.test(header) ? 'most-to-least' : null;
  if (order && !out.order) { out.order = order; out.orderText = t.header.map((h) => h.text).join(' | '); }
  // A table under a sub-heading of the permissions section ("Permissions acting on self") keeps it as its scenario.
  const at = indexOfTable(ctx, t);
  const inner = at >= 0 ? ctx.sectionAt(at) : undefined;
  const resourceFromHeading = inner && inner !== t.section && inner.depth > t.section.depth ? inner.heading : undefined;
  const typeCols = t.columns.map((c) => permissionType(c));
  let taken = 0;
  let skipped = 0;
  if (typeCols.slice(1).filter(Boolean).length >= 2) {
    // Transposed: one row per resource, one column per permission type.
    const used = [0];
    for (const r of t.rows) {
      const resource = r.cells[0]?.text ?? '';
      ctx.land(r.cells[0]);
      typeCols.forEach((pt, i) => {
        if (!pt || i === 0) return;
        used.push(i);
        const cell = r.cells[i];
        if (!cell) return;
        out.entries.push(entryFrom(ctx, pt, t.header[i]!, cell, undefined, resource || resourceFromHeading));
      });
      taken++;
    }
    ctx.ignoreColumns(t, used, 'Permission');
    return { taken, skipped };
  }
  const typeCol = Math.max(0, t.columns.findIndex((c) => /permission type|^type$/.test(c)));
  const permCol = leastCol >= 0 ? leastCol : t.header.length >= 2 ? (typeCol === 0 ? 1 : 0) : 0;
  const highCol = leastCol >= 0 && higherCol >= 0 ? higherCol : -1;
  // "Permissions acting on self | Permissions acting on others": every permission column is read, each
  // column's entries keyed by its header.
  const extraCols = highCol >= 0 ? [] : t.columns.map((c, i) => (i !== typeCol && i !== permCol && /permissions?\b|scopes?\b/.test(c) ? i : -1)).filter((i) => i >= 0);
  const colResource = (i: number) => (extraCols.length ? t.header[i]!.text : undefined);
  let current: PermissionEntry | undefined;
  for (const r of t.rows) {
    const typeCell = r.cells[typeCol];
    const permCell = r.cells[permCol];
    const highCell = highCol >= 0 ? r.cells[highCol] : undefined;
    if (!typeCell) continue;
    const pt = permissionType(typeCell.text);
    const indented = /^[ \t]*\u00a0/.test(typeCell.rawText) || /^\s*&nbsp;/.test(typeCell.raw);
    if (pt && !indented) {
      // "For **user** or **chat** resource: Chat.Read … For **channel** resource: Group.Read.All …" in one
      // cell: one entry per resource, so the model narrows them to each path's resource.
      const parts = !highCell && !colResource(permCol) ? perResourceParts(permCell) : [];
      if (parts.length) {
        for (const part of parts) out.entries.push(entryFrom(ctx, pt, typeCell, part.cell, undefined, part.resource));
        current = out.entries[out.entries.length - 1];
        ctx.land(typeCell);
        taken++;
        continue;
      }
      current = entryFrom(ctx, pt, typeCell, permCell, highCell, colResource(permCol) ?? resourceFromHeading);
      ctx.land(typeCell);
      out.entries.push(current);
      for (const i of extraCols) out.entries.push(entryFrom(ctx, pt, typeCell, r.cells[i], undefined, colResource(i)));
      taken++;
      continue;
    }
    if (current && (indented || current.state === 'empty' || current.state === 'varies' || current.workloads.length > 0) && typeCell.text !== '') {
      // A workload sub-row of the entry above.
      const p = parsePermissionCell(permCell?.text ?? '');
      if (p.state === 'todo') ctx.diag('permission-cell-todo', 'warning', `Permission cell is a TODO placeholder: ${JSON.stringify(permCell?.text)}`, permCell?.src ?? r.src);
      const wl = {
        workload: typeCell.text,
        permissions: names(ctx, p, permCell ?? typeCell, highCell ? 'least' : undefined),
        state: (p.state === 'listed' || p.state === 'not-supported' || p.state === 'not-required' ? p.state : 'empty') as 'listed' | 'not-supported' | 'not-required' | 'empty',
        src: typeCell.src,
      };
      if (highCell) wl.permissions.push(...names(ctx, parsePermissionCell(highCell.text), highCell, 'higher'));
      current.workloads.push(wl);
      ctx.land(typeCell, permCell, highCell);
      if (p.note || p.state === 'todo' || p.state === 'unrecognized') addNote(current, p.note || (permCell?.text ?? ''), permCell ?? typeCell);
      if (current.state === 'empty') current.state = 'varies';
      taken++;
      continue;
    }
    if (typeCell.text === '' && (permCell?.text ?? '') === '' && (highCell?.text ?? '') === '') continue;
    // A row keyed by resource ("Calendar", "Mail" ...) without a type: the type is unknown.
    const p = parsePermissionCell(permCell?.text ?? '');
    if (p.state === 'listed') {
      out.entries.push(entryFrom(ctx, 'unspecified', typeCell, permCell, highCell, typeCell.text));
      ctx.land(typeCell);
      taken++;
    } else {
      ctx.diag('permission-row-unrecognized', 'warning', `Permission table row is not a permission type: ${JSON.stringify(typeCell.text.slice(0, 80))}`, r.src);
      ctx.explain(...r.cells);
      skipped++;
    }
  }
  ctx.ignoreColumns(t, [typeCol, permCol, highCol, ...extraCols].filter((i) => i >= 0), 'Permission');
  return { taken, skipped };
}

/**
 * "For user or chat resource: A, B For channel resource: C" → [{ resource: 'user or chat', text: 'A, B' }, …]; [] unless the
 * cell has two or more such parts. The first part may name its resource by a lead of its own that ends in the resource and
 * a colon ("Profile photo of the signed-in **user**: User.ReadWrite, … For **group** resource: …", beta
 * profilephoto-update.md, beside v1.0's bullets of the same three resources).
 */
const FOR_RESOURCE = /\bFor ([A-Za-z]\w*(?: (?!resources?:)\w+){0,6}) resources?:/gi;
const LEAD_RESOURCE = /^[A-Za-z][^:]{0,60}?\b([A-Za-z]\w*):\s*/;
/**
 * "In teams: TeamMember.ReadWrite.All<br/>In channels: ChannelMember.ReadWrite.All, …" (conversationmember-update.md): the
 * same per-resource parts, each starting a line of the cell with "In <resource>:" (lower-case words, not a phrase such
 * as "In addition:").
 */
const IN_RESOURCE = /(?<![^\s>])In ([a-z][a-z]*(?: [a-z][a-z]*){0,2}):/g;
const NOT_A_RESOURCE = /^(?:addition|general|particular|this|that|the|these|those|such|short|summary|most|some|both|either|other|case|order|practice)\b/;

function perResourceParts(cell: Cell | undefined): { resource: string; cell: Cell }[] {
  if (!cell) return [];
  const forMarks = [...cell.text.matchAll(FOR_RESOURCE)];
  const inMarks = forMarks.length ? [] : [...cell.text.matchAll(IN_RESOURCE)];
  // "In …:" parts only when the cell is made of them: it starts with one, and none is a phrase.
  if (inMarks.length && (inMarks[0]!.index !== 0 || inMarks.some((m) => NOT_A_RESOURCE.test(m[1]!)))) return [];
  const marks = forMarks.length ? forMarks : inMarks;
  const leadText = marks.length && marks[0]!.index !== 0 ? cell.text.slice(0, marks[0]!.index) : '';
  // The lead's own part names permissions, and its last word before the colon is no callout's ("Note:").
  const lead = leadText ? LEAD_RESOURCE.exec(leadText) : undefined;
  if (lead && (/^(?:notes?|important|tip|caution|warning|and|or|also)$/i.test(lead[1]!) || !parsePermissionCell(leadText.slice(lead[0].length)).names.length)) return [];
  if (marks.length + (lead ? 1 : 0) < 2 || (marks[0]!.index !== 0 && !lead)) return [];
  const first = lead ? [{ resource: lead[1]!, cell: { ...cell, text: cell.text.slice(lead[0].length, marks[0]!.index).trim() } }] : [];
  return [...first, ...marks.map((m, i) => ({
    resource: m[1]!.trim(),
    cell: { ...cell, text: cell.text.slice(m.index! + m[0].length, i + 1 < marks.length ? marks[i + 1]!.index : undefined).trim() },
  }))];
}

function addNote(e: PermissionEntry, text: string, cell: Cell): void {
  (e.notes ??= []).push({ text, src: cell.src });
}

function indexOfTable(ctx: PageContext, t: TableModel): number {
  const kids = ctx.root.children;
  for (let i = 0; i < kids.length; i++) {
    const n = kids[i]!;
    if (n.type === 'table' && ctx.src(n).line === t.src.line && ctx.src(n).file === t.src.file) return i;
  }
  return -1;
}

function names(ctx: PageContext, p: CellParse, cell: Cell, privilege?: 'least' | 'higher'): PermissionName[] {
  for (const n of p.rejoined ?? []) ctx.diag('permission-name-rejoined', 'info', `A permission name split by a space is read as one: ${JSON.stringify(n)}`, cell.src);
  return p.names.map((name) => {
    const at = cell.source.indexOf(name);
    const n: PermissionName = { name, src: { ...cell.src, column: cell.src.column + Math.max(at, 0) } };
    if (privilege) n.privilege = privilege;
    const w = p.together.get(name);
    if (w) n.together = w;
    return n;
  });
}

/** `typeCell`: the cell naming the permission type (a row's first cell, or a column's header); a row without a permission cell is placed at it. */
function entryFrom(ctx: PageContext, type: PermissionType, typeCell: Cell, cell: Cell | undefined, high: Cell | undefined, resource: string | undefined): PermissionEntry {
  const p = parsePermissionCell(cell?.text ?? '');
  const typeText = typeCell.text;
  const src: Src = cell?.src ?? typeCell.src;
  if (p.state === 'todo') ctx.diag('permission-cell-todo', 'warning', `Permission cell is a TODO placeholder, not a permission: ${JSON.stringify(cell?.text)}`, src);
  if (p.state === 'unrecognized') ctx.diag('permission-cell-unrecognized', 'warning', `Permission cell names no permission: ${JSON.stringify((cell?.text ?? '').slice(0, 80))}`, src);
  const e: PermissionEntry = { type, typeText, state: p.state, permissions: cell ? names(ctx, p, cell, high ? 'least' : undefined) : [], workloads: [], src };
  if (p.note) addNote(e, p.note, cell!);
  else if ((p.state === 'todo' || p.state === 'unrecognized') && cell) addNote(e, cell.text, cell);
  ctx.land(cell);
  if (high) {
    const h = parsePermissionCell(high.text);
    // "Not available." / "None." in the Higher privileged column: there is no higher permission.
    const state = h.state === 'not-required' || (h.state === 'not-supported' && NOT_AVAILABLE.test(unmark(high.text))) ? 'not-available' : h.state === 'varies' ? 'unrecognized' : h.state;
    e.higherPrivileged = { state, text: high.text, src: high.src };
    e.permissions.push(...names(ctx, h, high, 'higher').filter((n) => !e.permissions.some((q) => q.name === n.name && q.privilege === 'higher')));
    if (h.note) addNote(e, h.note, high);
    if (state === 'unrecognized' || state === 'todo') ctx.diag('permission-cell-unrecognized', 'warning', `Higher privileged permission cell names no permission: ${JSON.stringify(high.text.slice(0, 80))}`, high.src);
    // Least privileged cell empty or unsupported, names only in the higher column: the entry still lists them.
    if (e.state !== 'listed' && h.names.length) e.state = 'listed';
    ctx.land(high);
  }
  if (resource) e.resource = resource;
  return e;
}

/**
 * What introduces a table inside the permissions section, and the operations it covers: request
 * lines in a code block or an annotation's `requestUrls` right above it name them; a prose line
 * ("Permissions to update an assignment for a user:") or a sub-heading narrows them when its words
 * match some operations' paths; otherwise the table covers every operation of the page.
 */
function bindScenario(ctx: PageContext, t: TableModel, tables: number, ops: Operation[]): PermissionEntry['scenario'] {
  const at = indexOfTable(ctx, t);
  if (at < 0) return undefined;
  const kids = ctx.root.children;
  const all = [...new Set(ops.map((o) => o.key))];
  for (let i = at - 1; i > t.section.index && i >= 0; i--) {
    const n = kids[i]!;
    if (n.type === 'table' || (n.type === 'heading' && !ctx.sections.some((s) => s.node === n))) break;
    if (n.type === 'html') {
      const a = parseAnnotationComment(n.value);
      const urls = a && a.ok && Array.isArray(a.fields.requestUrls) ? a.fields.requestUrls.filter((u): u is string => typeof u === 'string') : [];
      if (urls.length) {
        const keys = urls.map((u) => keyOf(u, ops)).filter((k): k is string => !!k);
        return { text: urls.join('\n'), boundBy: 'annotation', operations: [...new Set(keys)], src: ctx.src(n) };
      }
      continue;
    }
    if (n.type === 'code') {
      const lines = n.value.split('\n').map((l) => l.trim()).filter((l) => parseRequestLine(l));
      if (lines.length) return { text: lines.join('\n'), boundBy: 'request-lines', operations: [...new Set(lines.map((l) => keyOf(l, ops)!).filter(Boolean))], src: ctx.src(n) };
      continue;
    }
    if (n.type === 'heading') {
      const text = ctx.text(n);
      return proseScenario(text, ctx.src(n), all, ops, tables);
    }
    if (n.type === 'paragraph') {
      const text = ctx.text(n);
      if (/:\s*$/.test(text) && !INTRO.test(text)) return proseScenario(text, ctx.src(n), all, ops, tables);
      if (INTRO.test(text)) break;
    }
  }
  return undefined;
}

function proseScenario(text: string, src: Src, all: string[], ops: Operation[], tables: number): NonNullable<PermissionEntry['scenario']> {
  if (tables < 2 || ops.length < 2) return { text, boundBy: 'page', operations: all, src };
  const tokens = text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const words = new Set(tokens.filter((w) => w.length > 2 && !STOP.has(w)).map(stem));
  // Words that spell one camel-cased segment: "Cloud PC" for cloudPc, "Device management (Intune)" for deviceManagement (label d751).
  for (const run of joinedRuns(tokens)) words.add(stem(run));
  let best = 0;
  const scored = ops.map((o) => {
    const segs = o.path.replace(/\{[^{}]*\}|<[^<>]*>/g, ' ').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).map(stem);
    const score = segs.filter((s) => words.has(s)).length;
    best = Math.max(best, score);
    return { o, score };
  });
  const chosen = [...new Set(scored.filter((x) => x.score === best && best > 0).map((x) => x.o.key))];
  if (!chosen.length || chosen.length === all.length) return { text, boundBy: 'page', operations: all, src };
  return { text, boundBy: 'prose', operations: chosen, src };
}

const STOP = new Set(['the', 'for', 'and', 'permissions', 'permission', 'following', 'with', 'that', 'this', 'acting', 'from', 'api', 'call', 'calling']);
const stem = (w: string) => w.replace(/(ies)$/, 'y').replace(/s$/, '');

/**
 * The permission type a lead-in of the HTTP request section gives the request lines of the block after it, when it names
 * exactly one: "To get an onlineMeeting using **videoTeleconferenceId** with app permission*:", "Request when using a
 * delegated token:", "(supported with delegated permissions only)". "with delegated and app permission" (or "… or …") names both: none.
 */
function tokenTypeOf(text: string): 'delegated' | 'application' | undefined {
  const named = new Set<string>();
  for (const m of text.matchAll(/\b(app|application|delegated)(?:\s+(?:and|or)\s+(app|application|delegated))?\s+(?:permissions?|tokens?)\b/gi)) {
    for (const w of [m[1], m[2]]) if (w) named.add(w.toLowerCase() === 'delegated' ? 'delegated' : 'application');
  }
  return named.size === 1 ? ([...named][0] as 'delegated' | 'application') : undefined;
}

/**
 * Request lines the HTTP request section puts under a lead-in naming one permission type (onlinemeeting-get.md: the
 * videoTeleconferenceId call "with app permission*", the others "with delegated and app permission") are called with that
 * type only: the table's rows of the other type do not apply to them (label d1582, misdescribed before: the delegated
 * permissions of the /me calls were read as newly listed for the application-only call). Each row of the other type is
 * narrowed to the page's other calls (its scenario, bound by that prose); a call two lead-ins give both types keeps every row, and
 * so does every call when the lead-ins leave a row none (the page then contradicts its table; nothing is dropped).
 */
function narrowByTokenType(ctx: PageContext, ops: Operation[], out: Permissions): void {
  const only = new Map<string, { type: 'delegated' | 'application'; text: string; src: Src } | null>();
  for (const s of ctx.sectionsOf('http-request')) {
    let lead: { text: string; src: Src } | undefined;
    for (const n of ctx.content(s)) {
      if (n.type === 'paragraph') { lead = { text: ctx.text(n), src: ctx.src(n) }; continue; }
      if (n.type !== 'code') { if (n.type !== 'html') lead = undefined; continue; }
      const type = lead && tokenTypeOf(lead.text);
      // The calls the HTTP request extractor read from this block (their request lines lie inside it).
      const at = ctx.src(n);
      const last = at.line + n.value.split('\n').length;
      for (const { key } of ops.filter((o) => !o.fromExample && o.src.file === at.file && o.src.line > at.line && o.src.line <= last)) {
        const was = only.get(key);
        // Two blocks give the call different types (or one gives none): it takes both.
        only.set(key, was === undefined && type ? { type, text: lead!.text, src: lead!.src } : was && type === was.type ? was : null);
      }
      lead = undefined;
    }
  }
  const bound = [...only.values()].filter((x): x is NonNullable<typeof x> => !!x);
  if (!bound.length) return;
  const all = [...new Set(ops.map((o) => o.key))];
  const familyOf = (e: PermissionEntry) => (e.type === 'application' ? 'application' : 'delegated');
  /** A row the page already binds to some of its calls (not to the whole page). */
  const boundRow = (e: PermissionEntry) => !!e.scenario && e.scenario.boundBy !== 'page';
  const narrowed = new Set<PermissionEntry>();
  for (const e of out.entries) {
    const family = familyOf(e);
    const given = boundRow(e) ? e.scenario!.operations : all;
    const kept = given.filter((k) => { const x = only.get(k); return !x || x.type === family; });
    // A row no call would keep (every call given the other type) is left as the page states it.
    if (kept.length === given.length || !kept.length) continue;
    const why = bound.find((x) => x.type !== family)!;
    e.scenario = boundRow(e) ? { ...e.scenario!, operations: kept } : { text: why.text, boundBy: 'prose', operations: kept, src: why.src };
    narrowed.add(e);
  }
  if (!narrowed.size) return;
  // The rows of the type the lead-ins allow, bound to every call by the same prose: a call is then given the rows bound
  // to it and no other (permissionsForPath keeps every row for a call no bound row names).
  for (const e of out.entries) {
    if (narrowed.has(e) || boundRow(e)) continue;
    const why = bound.find((x) => x.type === familyOf(e)) ?? bound[0]!;
    e.scenario = { text: why.text, boundBy: 'prose', operations: all, src: why.src };
  }
}

/** The key of a request line or URL ("GET /users/{id}", "/users/{id}") among the page's operations. */
function keyOf(line: string, ops: Operation[]): string | undefined {
  const t = parseRequestLine(line);
  if (t) return operationKey(t.method, t.path);
  const st = splitTarget(line);
  if (!st) return undefined;
  const hit = ops.find((o) => normalizePath(o.path) === normalizePath(st.path));
  return hit?.key;
}

const PROPERTY_SCOPE = /\b(?:when|for|to)\s+(?:updating|update|setting|set|changing|change|reading|read|accessing|access)\s+(?:the\s+)?\**([A-Za-z]\w*)\**\s+property/i;

/** Old-style pages: "One of the following **scopes** is required: *A; B; C*", a list, or an indented (code) block of scopes. */
function readScopeProse(ctx: PageContext, nodes: RootContent[], out: Permissions): void {
  let pendingProperty: { property: string; src: Src } | undefined;
  for (const n of nodes) {
    if (n.type !== 'paragraph' && n.type !== 'list' && !(n.type === 'code' && !n.lang)) continue;
    const text = n.type === 'code' ? n.value : ctx.text(n);
    const prop = PROPERTY_SCOPE.exec(text);
    const tokens = parsePermissionCell(text.replace(/^.*?:\s*/, (m) => (PERMISSION_TOKEN.test(m.trim()) ? m : ''))).names;
    const src = ctx.src(n);
    if (prop) {
      if (tokens.length) out.propertyScopes.push({ property: prop[1]!, permissions: tokens.map((name) => ({ name, src: tokenSrc(ctx, n, name) })), src });
      else pendingProperty = { property: prop[1]!, src };
      continue;
    }
    if (!tokens.length) continue;
    // A list whose every item ties permissions to a resource ("* If accessing attachments in messages: Mail.ReadWrite",
    // "* For groups: Group.Read.All", "- Profile photo of a **group** - Group.ReadWrite.All"): one entry per resource, so the model narrows them to each path's resource.
    const perResource = n.type === 'list' && !pendingProperty ? perResourceItems(ctx, n) : undefined;
    if (perResource) {
      for (const x of perResource) out.entries.push({ type: 'unspecified', typeText: '', state: 'listed', permissions: x.permissions, workloads: [], src: x.src, resource: x.resource });
      continue;
    }
    const perms = tokens.map((name) => ({ name, src: tokenSrc(ctx, n, name) }));
    if (pendingProperty) {
      out.propertyScopes.push({ property: pendingProperty.property, permissions: perms, src: pendingProperty.src });
      pendingProperty = undefined;
      continue;
    }
    const existing = out.entries.find((e) => !e.resource);
    if (existing) existing.permissions.push(...perms.filter((p) => !existing.permissions.some((q) => q.name === p.name)));
    else out.entries.push({ type: 'unspecified', typeText: '', state: 'listed', permissions: perms, workloads: [], src });
  }
}

/** "If accessing attachments in Outlook tasks: Tasks.ReadWrite", "For users: User.Read.All": the resource and the rest. */
const ITEM_RESOURCE = /^(?:if accessing \w+ (?:in|on|of|for) |for )([^:]{1,60}):(.*)$/i;

/** The items of a list, each tying permissions to a resource (two or more items, every one of them); else undefined. */
function perResourceItems(ctx: PageContext, list: Extract<RootContent, { type: 'list' }>): { resource: string; permissions: PermissionName[]; src: Src }[] | undefined {
  if (list.children.length < 2) return undefined;
  const out: { resource: string; permissions: PermissionName[]; src: Src }[] = [];
  for (const item of list.children) {
    const m = ITEM_RESOURCE.exec(ctx.text(item).trim()) ?? boldResourceLead(ctx, item);
    const names = m ? parsePermissionCell(m[2]!).names : [];
    if (!m || !names.length) return undefined;
    out.push({ resource: m[1]!.trim(), permissions: names.map((name) => ({ name, src: tokenSrc(ctx, item, name) })), src: ctx.src(item) });
  }
  return out;
}

/**
 * "Profile photo of a **group** - Group.ReadWrite.All" (profilephoto-update.md of every era; label x1185): a lead that names
 * the resource in bold, then a dash or a colon, then the permissions — [the item, the resource, the rest], like ITEM_RESOURCE's.
 */
function boldResourceLead(ctx: PageContext, item: Extract<RootContent, { type: 'list' }>['children'][number]): RegExpExecArray | [string, string, string] | undefined {
  const para = item.children[0];
  if (para?.type !== 'paragraph') return undefined;
  const text = ctx.text(para).trim();
  const sep = /\s[-–]\s|:\s*/.exec(text);
  if (!sep || sep.index > 60) return undefined;
  const lead = text.slice(0, sep.index);
  const bold = para.children.find((c) => c.type === 'strong');
  const resource = bold ? ctx.text(bold).trim() : '';
  if (!/^[A-Za-z][A-Za-z ]{0,30}$/.test(resource) || !lead.includes(resource)) return undefined;
  return [text, resource, text.slice(sep.index + sep[0].length)];
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

/**
 * Extra permissions stated outside the table: callouts and sentences such as "> [!IMPORTANT]
 * In addition to the permissions listed, you need …" or "… also requires the X.Y permission".
 */
const EXTRA = {
  test(t: string): boolean {
    return /\bin addition\b|\badditional(?:ly)?\b|\bmust (?:also )?(?:have|be granted|grant)\b/i.test(t) || (/\balso\b/i.test(t) && /\b(?:requires?|needs?|required|needed)\b/i.test(t));
  },
};

function readCallouts(ctx: PageContext, nodes: RootContent[], out: Permissions, tablesRead: boolean): void {
  const taken = new Set(out.propertyScopes.map((p) => `${p.src.line}:${p.src.column}`));
  for (const n of nodes) {
    if (n.type !== 'blockquote' && n.type !== 'paragraph') continue;
    if (n.type === 'paragraph' && !tablesRead) continue; // old-style prose is the scope list itself
    const text = ctx.text(n);
    if (!EXTRA.test(text) || taken.has(`${ctx.src(n).line}:${ctx.src(n).column}`)) continue;
    const p = parsePermissionCell(text.replace(/^\[!\w+\]\s*/, ''));
    if (!p.names.length) continue;
    (out.additional ??= []).push({ text: text.slice(0, 400), permissions: p.names.map((name) => ({ name, src: tokenSrc(ctx, n, name) })), src: ctx.src(n) });
  }
}

/**
 * A list beside the table whose items tie permissions to one case ("- Use User.Read and GroupMember.Read.All … to get
 * group memberships for the signed-in user", "- Use GroupMember.Read.All or Group.Read.All permission … for a group"):
 * recorded item by item, so that a rule can tell that the table's order alone does not answer for every call.
 */
function readScenarioLists(ctx: PageContext, nodes: RootContent[], out: Permissions): void {
  for (const n of nodes) {
    if (n.type !== 'list') continue;
    for (const item of n.children) {
      const text = ctx.text(item);
      const names = parsePermissionCell(text).names;
      if (!names.length) continue;
      (out.scenarios ??= []).push({ text: text.slice(0, 400), permissions: names.map((name) => ({ name, src: tokenSrc(ctx, item, name) })), src: ctx.src(item) });
    }
  }
}

/** Position of a permission name inside a node (first occurrence). */
function tokenSrc(ctx: PageContext, n: Paragraph | RootContent, name: string): Src {
  const raw = ctx.raw(n);
  const at = raw.indexOf(name);
  if (at < 0) return ctx.src(n);
  const before = raw.slice(0, at);
  const lineOffset = (before.match(/\n/g) ?? []).length;
  const col = lineOffset ? at - before.lastIndexOf('\n') : (n.position?.start.column ?? 1) + at;
  return ctx.srcAtLine(n, lineOffset, col);
}
