/** Sections and tables of the page as found, with the classification each table got. */
import type { Code, Nodes, Table } from 'mdast';
import { inlineText } from '../parse/inline.js';
import type { PageIR } from '../ir/schema.js';
import type { SectionKind } from '../parse/sections.js';
import { cellKey, srcKey, type Extractor, type TableModel } from './context.js';
import { isPropertyTable } from './property-table.js';
import { permissionType } from './permissions.js';
import { isMethodsTable } from './methods.js';

export function classifyTable(t: TableModel): string {
  const c = t.columns;
  const sec = t.section.kind;
  if (c.some((x) => /global service|us government|21vianet/.test(x))) return 'national-clouds';
  if (sec === 'function-parameters') return 'function-parameters';
  if (sec === 'path-parameters') return 'path-parameters';
  if (sec === 'errors') return 'errors';
  if (sec === 'instance-attributes') return 'instance-attributes';
  if (sec === 'derived-types') return 'derived-types';
  if (c.some((x) => /permission type/.test(x)) || (sec === 'permissions' && (c.some((x) => /permissions?|scopes?/.test(x)) || c.slice(1).filter((x) => permissionType(x)).length >= 2))) return 'permissions';
  if (isMethodsTable(t)) return 'methods';
  // A permission column outside a permissions section ("Operation | Delegated permissions | …", "EntityType | Permission scope required …").
  if (c.slice(1).some((x) => /\bpermissions?\b|\bscopes?\b/.test(x)) && !/^(property|name|parameter)/.test(c[0] ?? '')) return 'permissions';
  if (sec === 'request-headers') return 'headers';
  if (sec === 'query-parameters') return 'query-parameters';
  if (sec === 'relationships') return 'relationships';
  if (sec === 'enum-values' || (/^(member|members)$/.test(c[0] ?? '') && !c.includes('type'))) return 'enum-members';
  if (isPropertyTable(t)) return sec === 'request-body' && /param/.test(c[0] ?? '') ? 'parameters' : 'properties';
  if (/^(header|name)$/.test(c[0] ?? '') && c.some((x) => /value|description/.test(x)) && sec === 'other') return 'headers';
  return 'unknown';
}

/**
 * Section kinds that have an extractor, and whether the page IR got something from them.
 * A non-empty section that yields nothing, with no diagnostic of its own, gets a
 * `section-not-extracted` diagnostic saying why.
 */
export const YIELD: Partial<Record<SectionKind, (ir: PageIR) => boolean>> = {
  // A fact landed: a permission named, a type stated "not supported", workload rows, or permissions tied to a property.
  // A table of TODO / blank cells, or "not extracted", is not a result.
  permissions: (ir) => !!ir.permissions && (ir.permissions.entries.some((e) => e.permissions.length > 0 || e.state === 'not-supported' || e.state === 'not-required' || e.workloads.length > 0)
    || ir.permissions.propertyScopes.length > 0 || (ir.permissions.additional?.length ?? 0) > 0),
  'http-request': (ir) => ir.operations.some((o) => !o.fromExample),
  'request-headers': (ir) => ir.requestHeaders.length > 0,
  'query-parameters': (ir) => ir.queryParameters.length > 0 || !!ir.queryParameterSupport,
  'request-body': (ir) => !!ir.requestBody && (ir.requestBody.properties.length > 0 || ir.requestBody.noBody || !!ir.requestBody.typeName || !!ir.requestBody.reference || !!ir.requestBody.described || !!ir.requestBody.updates),
  response: (ir) => !!ir.response && (ir.response.statuses.length > 0 || !!ir.response.bodyType || !!ir.response.bodyDescribed || ir.response.noBody),
  'function-parameters': (ir) => (ir.functionParameters?.length ?? 0) > 0,
  'path-parameters': (ir) => (ir.pathParameterDescriptions?.length ?? 0) > 0,
  // A table of errors, or a reference to the shared topic that documents them ("See [Error Responses][error-response]").
  errors: (ir) => (ir.errorResponses?.length ?? 0) > 0 || !!ir.errorsReference,
  examples: (ir) => ir.examples.requests.length + ir.examples.responses.length > 0,
  properties: (ir) => (ir.resource?.properties.length ?? 0) > 0 || (ir.kind === 'operation' && (ir.requestBody?.properties.length ?? 0) > 0),
  relationships: (ir) => (ir.resource?.relationships.length ?? 0) > 0,
  methods: (ir) => (ir.resource?.methods.length ?? 0) > 0,
  'json-representation': (ir) => !!ir.resource?.jsonRepresentation,
  'enum-values': (ir) => ir.enums.length > 0,
  'derived-types': (ir) => (ir.resource?.derivedTypes?.length ?? 0) > 0,
};

/** The section kind whose extractor reads a table of this classification. */
const OWN_KIND: Record<string, string> = { methods: 'methods', properties: 'properties', relationships: 'relationships', 'enum-members': 'enum-values' };
/** Diagnostics by which an extractor names a table it did not take. */
const NAMES_TABLE = new Set(['table-unclassified', 'property-table-nested-structure', 'table-not-read']);
/** Table kinds read only on a page that documents a resource type. */
const RESOURCE_ONLY = new Set(['methods', 'properties', 'relationships']);

/** Fences whose language matches, at any depth (lists, quotes). */
function* fences(n: Nodes, lang: RegExp): Generator<Code> {
  if (n.type === 'code') { if (lang.test(n.lang ?? '')) yield n; return; }
  if ('children' in n) for (const c of n.children) yield* fences(c as Nodes, lang);
}

/** HTTP fences: `http`, `https`, the docs' `msgraph-interactive`. */
const HTTP_LANG = /^(https?|msgraph-interactive)$/i;
/** JSON fences: `json`, `JSON`, `jsonc`. */
const JSON_LANG = /^jsonc?$/i;

export const inventory: Extractor = {
  name: 'sections',
  extract(ctx, ir) {
    for (const s of ctx.sections) {
      if (!s.node) continue;
      const own = ctx.ownContent(s);
      const empty = own.every((n) => n.type === 'html' || (n.type === 'code' && n.value.trim() === '') || (n.type === 'table' && n.children.slice(1).every((r) => r.children.every((c) => ctx.text(c) === ''))));
      const hasSub = ctx.content(s).length > own.length;
      const none = own.length > 0 && own.every((n) => n.type === 'html' || (n.type === 'paragraph' && /^(none|n\/a|not applicable|no (relationships|properties|methods|parameters))\.?$/i.test(ctx.text(n))));
      ir.sections.push({ kind: s.kind, heading: s.heading, depth: s.depth, empty: empty && !hasSub, none, src: ctx.src(s.node) });
    }
    /** Tables an extractor passed over and named already (not any diagnostic at a table's position: a repaired delimiter row names no reason). */
    const named = new Set(ctx.diagnostics.filter((d) => NAMES_TABLE.has(d.rule)).map((d) => srcKey(d.src)));
    for (const t of ctx.allTables()) {
      const info: PageIR['tables'][number] = { section: t.section.kind, classification: classifyTable(t), columns: t.header.map((h) => h.text), rows: t.rows.length, src: t.src };
      const use = ctx.tableUse.get(srcKey(t.src));
      if (use) {
        // Cell accounting: every non-empty body cell is in the IR (landed) or named by a diagnostic (explained).
        let cells = 0, landed = 0, explained = 0;
        for (const r of t.rows) for (const c of r.cells) {
          if (c.text === '') continue;
          cells++;
          const k = cellKey(c);
          if (ctx.landedCells.has(k)) landed++;
          else if (ctx.explainedCells.has(k)) explained++;
        }
        info.taken = { ...use, cells, cellsLanded: landed, cellsExplained: explained };
      }
      else if (named.has(srcKey(t.src))) {
        // Said once: an extractor that passed the table over named it already (the request body's "not a property or parameter table").
      } else if (info.classification === 'unknown') {
        // Nothing is dropped unnamed: a table no extractor reads (a use-case table, a list of values under its own heading) is said.
        ctx.diag('table-unclassified', 'info', `A table (${info.columns.join(' | ')}) in the ${t.section.kind === 'title' ? 'page\'s opening' : `"${t.section.heading}"`} section matches no table kind an extractor reads; its ${info.rows} row(s) were not taken`, t.src);
      } else if (info.classification !== 'national-clouds') {
        // With the true reason: the section's own extractor reads only a resource's tables, or did not take these
        // columns, or no extractor reads the table's kind in this section.
        const own = OWN_KIND[info.classification] === t.section.kind;
        const why = own && !ir.resource && RESOURCE_ONLY.has(info.classification)
          ? `on a page that documents no resource type (a page of kind ${ir.kind}), which no extractor reads ${info.classification} tables of`
          : own ? `whose extractor did not take it (its columns are not the ones that extractor reads)` : `that no extractor reads ${info.classification} tables from`;
        ctx.diag('table-not-read', 'info', `A ${info.classification} table (${info.columns.join(' | ')}) stands in a section of kind ${t.section.kind} ${why}; its ${info.rows} row(s) were not taken`, t.src);
      }
      ir.tables.push(info);
    }
    // HTTP blocks outside the sections that are read ("Optional query parameters" showing three calls): an HTTP
    // block no request line, example or diagnostic came from is named, so that no call shown is dropped unsaid.
    // (Request lines that bind the permission table after them to their calls are read: the entries' scenario.)
    const used = [...ir.operations.map((o) => o.src), ...ir.examples.requests.map((r) => r.src), ...ir.examples.responses.map((r) => r.src), ...ctx.diagnostics.map((d) => d.src),
      ...(ir.permissions?.entries ?? []).flatMap((e) => (e.scenario?.boundBy === 'request-lines' ? [e.scenario.src] : []))]
      .filter((s) => s.file === ctx.file).map((s) => s.line);
    /** Names each fence no line of `lines` (a fact's or a diagnostic's) falls in; `say` words it from its heading and first line. */
    const nameUnread = (blocks: Iterable<Code>, lines: number[], rule: 'http-block-not-read' | 'json-block-not-read', say: (where: string, first: string) => string) => {
      for (const code of blocks) {
        if (code.value.trim() === '' || !code.position) continue;
        const from = ctx.src(code);
        const to = ctx.page.map.map(code.position.end.line, code.position.end.column).line;
        if (from.file !== ctx.file || lines.some((l) => l >= from.line && l <= to)) continue;
        const s = ctx.sections.filter((x) => x.node && ctx.src(x.node).line <= from.line).pop(); // the heading the block stands under
        const first = code.value.split('\n').find((l) => l.trim() !== '')!.trim();
        ctx.diag(rule, 'info', say(s ? `"${s.heading}"` : 'page\'s opening', JSON.stringify(first.slice(0, 80))), code);
      }
    };
    nameUnread(fences(ctx.root, HTTP_LANG), used, 'http-block-not-read', (where, first) => `An HTTP block in the ${where} section is no request line or example of the page (only the HTTP request and example sections are read): ${first}`);
    // JSON blocks the same way (a sample of the response under "Response", driveitem-preview.md): one no example body,
    // JSON representation or diagnostic came from is named, so that no sample is dropped unsaid.
    const usedJson = [...used, ...[...ir.examples.requests, ...ir.examples.responses].flatMap((r) => (r.body ? [r.body.src] : [])).filter((x) => x.file === ctx.file).map((x) => x.line),
      ...(ir.resource?.jsonRepresentation && ir.resource.jsonRepresentation.src.file === ctx.file ? [ir.resource.jsonRepresentation.src.line] : [])];
    nameUnread(fences(ctx.root, JSON_LANG), usedJson, 'json-block-not-read', (where, first) => `A JSON block in the ${where} section is no example body or JSON representation of the page (only the example and JSON representation sections are read): ${first}`);
    // Sections present but not extracted: say why, unless an extractor already did (a diagnostic inside the section).
    for (const s of ctx.sections) {
      const check = YIELD[s.kind];
      if (!check || !s.node || check(ir) || ir.sections.some((x) => x.kind === s.kind && x.none)) continue;
      // A permission table whose cells are all blank states nothing (state "empty"; the section-empty rule reports it).
      if (s.kind === 'permissions' && ir.permissions?.state === 'empty') continue;
      const content = ctx.content(s).filter((n) => n.type !== 'html' && n.type !== 'heading');
      if (!content.length) continue; // empty: reported by the section-empty rule
      const first = ctx.src(s.node);
      const last = ctx.root.children[s.end - 1]?.position?.end;
      const lastLine = last ? ctx.page.map.map(last.line, last.column).line : first.line;
      const spliced = new Set(ctx.page.includes.filter((inc) => inc.resolved && inc.src.line >= first.line && inc.src.line <= lastLine).map((inc) => inc.resolved!));
      if (ctx.diagnostics.some((d) => (d.src.file === ctx.file && d.src.line >= first.line && d.src.line <= lastLine) || spliced.has(d.src.file))) continue;
      const tables = content.filter((n): n is Table => n.type === 'table');
      const codes = content.filter((n) => n.type === 'code').length;
      // A table of a header row alone (a template's "|Property|Type|Description|" left unfilled) states no row to read.
      const headed = (t: Table) => t.children[0]?.children.map((c) => inlineText(c).trim()).join(' | ') ?? '';
      const why = tables.length && tables.every((t) => t.children.length <= 1)
        ? `its ${tables.length} table(s) have a header row (${headed(tables[0]!)}) and no other row`
        : tables.length ? `its ${tables.length} table(s) have columns no ${s.kind} extractor reads (${headed(tables.find((t) => t.children.length > 1)!)})` : codes ? `its ${codes} code block(s) hold nothing the ${s.kind} extractor reads` : `it has prose only (${content.length} block(s)), no table or code block`;
      ctx.diag('section-not-extracted', 'info', `Section "${s.heading}" (${s.kind}) yielded nothing: ${why}`, s.node);
    }
  },
};
