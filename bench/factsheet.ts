/**
 * Fact sheets for the extraction hand-check (see README "Extraction accuracy, checked by hand").
 *
 *   node dist/bench/factsheet.js <ir-dir> <page.md>...      # one sheet per page, to stdout
 *   node dist/bench/factsheet.js --sample <ir-dir> <n> <seed> [<section-kind> [<except-regex>]]
 *        # n pages drawn (half operation, half other kinds), seeded; with a section kind, only pages whose sheet
 *        # has a fact of that kind (to sample kinds few random pages have), and not pages whose path matches the regex
 *
 * A sheet lists, with numbered ids and line numbers, every fact the page IR holds that a reader
 * can check against the page (title, operations, permissions, headers, query parameters, body
 * rows, response, examples, properties, relationships, methods, JSON keys, enum members), then
 * the page's diagnostics (what extraction says it did not turn into a fact). A reviewer marks
 * each fact right or wrong and lists what the page states that neither a fact nor a diagnostic
 * covers; `extraction-accuracy.js` scores those labels per section kind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../src/util/rng.js';
import type { PageIR } from '../src/sources/graph-markdown/ir/schema.js';

export interface SheetFact { id: string; section: string; text: string; line: number }

const clip = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const one = (s: string | undefined) => clip((s ?? '').replace(/\s+/g, ' ').trim());

/** The facts of one page IR, in page order within each section kind. */
export function sheetFacts(ir: PageIR): SheetFact[] {
  const out: SheetFact[] = [];
  const add = (section: string, line: number, text: string) => out.push({ id: '', section, text, line });
  if (ir.title?.h1) add('title', ir.title.h1.src.line, `h1 title "${ir.title.h1.value}"`);
  if (ir.title?.frontMatter) add('title', ir.title.frontMatter.src.line, `front-matter title "${ir.title.frontMatter.value}"`);
  if (ir.namespace) add('title', ir.namespace.src.line, `namespace ${ir.namespace.value}`);
  for (const o of ir.operations) {
    add('operations', o.src.line, `${o.method} ${o.path}${o.query ? `?${o.query}` : ''}${o.fromExample ? ' (taken from the example: no request block)' : ''}; path parameters: ${o.pathParameters.map((p) => p.name).join(', ') || 'none'}`);
  }
  const perms = ir.permissions;
  if (perms) {
    if (!perms.entries.length) add('permissions', perms.src?.line ?? 0, `permissions: ${perms.state}`);
    for (const e of perms.entries) {
      // A name needed together with others ("A and B") shows them: A (with B).
      const names = e.permissions.map((p) => (p.together?.length ? `${p.name} (with ${p.together.join(' or ')})` : p.name)).join(', ');
      const extra = [e.resource ? `for resource ${e.resource}` : '', e.workloads.length ? `workloads: ${e.workloads.map((w) => `${w.workload} → ${w.permissions.map((p) => p.name).join(', ') || w.state}`).join('; ')}` : '', e.higherPrivileged ? `higher privileged column: ${e.higherPrivileged.state} "${one(e.higherPrivileged.text)}"` : ''].filter(Boolean).join('; ');
      add('permissions', e.src.line, `${e.typeText} → ${e.state}${names ? `: ${names}` : ''}${extra ? ` (${extra})` : ''}`);
    }
  }
  for (const h of ir.requestHeaders) add('request-headers', h.src.line, `header ${h.name}${h.required ? ' (required)' : ''}: ${one(h.value)}`);
  // A parameter's type is the cell as written (a TypeRef's raw text; older IRs held the text itself).
  for (const q of ir.queryParameters) add('query-parameters', q.src.line, `query parameter ${q.name}${q.type ? ` : ${typeof q.type === 'string' ? q.type : q.type.raw}` : ''}${q.required ? ' (required)' : ''}`);
  for (const p of ir.functionParameters ?? []) add('function-parameters', p.src.line, `function parameter ${p.name}${p.type ? ` : ${p.type.raw}` : ''}${p.required ? ' (required)' : ''}`);
  for (const p of ir.pathParameterDescriptions ?? []) add('path-parameters', p.src.line, `path parameter ${p.name}${p.type ? ` : ${p.type.raw}` : ''}${p.required === true ? ' (required)' : p.required === false ? ' (optional)' : ''}`);
  const rb = ir.requestBody;
  if (rb) {
    if (rb.noBody) add('request-body', rb.src?.line ?? 0, 'request body: none ("do not supply a request body" or the like)');
    else if (!rb.properties.length) {
      const ref = rb.reference;
      const body = rb.typeName ? `; the body is ${rb.typeCollection ? 'an array of' : 'a'} ${rb.typeName}${rb.typeAlternatives?.length ? ` (or ${rb.typeAlternatives.join(', ')})` : ''}`
        : ref ? `; the body is a reference ({ "@odata.id" }) to ${ref.typeName ? `a ${ref.typeName}${ref.typeAlternatives?.length ? ` (or ${ref.typeAlternatives.join(', ')})` : ''}` : 'an object'}` : '';
      add('request-body', rb.src?.line ?? 0, `request body: no property table${body}`);
    }
    if (rb.requiredWhenCreating) add('request-body', rb.src?.line ?? 0, 'request body: the page says the table\'s properties are required when creating');
    if (rb.requiredWhenUpdating) add('request-body', rb.src?.line ?? 0, 'request body: the page says the table\'s properties are required when updating');
    for (const p of rb.properties) add('request-body', p.src.line, `body property ${p.name} : ${p.type?.raw ?? '?'}${p.required ? ' (required)' : ''}${p.readOnly ? ' (read-only)' : ''}${p.nullable === false ? ' (not nullable)' : ''}`);
  }
  const r = ir.response;
  if (r) {
    for (const s of r.statuses) add('response', s.src.line, `response status ${s.code} ${s.text ?? ''}`.trim());
    if (r.noBody) add('response', r.src?.line ?? 0, 'response: no body');
    if (r.bodyType) add('response', r.bodyType.src.line, `response body: ${r.bodyType.collection ? 'collection of ' : ''}${[r.bodyType.name, ...(r.bodyType.alternatives ?? [])].join(' or ')}`);
    if (r.bodyDescribed) add('response', r.bodyDescribed.src.line, `response body described in prose: ${r.bodyDescribed.format}`);
  }
  for (const q of ir.examples.requests) {
    const keys = q.body?.json && typeof q.body.json === 'object' && !Array.isArray(q.body.json) ? Object.keys(q.body.json as object) : [];
    add('examples', q.src.line, `example request ${q.index}: ${q.method} ${clip(q.url ?? q.path ?? '', 100)}${q.headers.length ? `; headers ${q.headers.map((h) => h.name).join(', ')}` : ''}${q.body ? `; body ${q.body.format}${keys.length ? ` keys ${clip(keys.join(', '), 120)}` : ''}` : ''}`);
  }
  for (const s of ir.examples.responses) {
    const keys = s.body?.json && typeof s.body.json === 'object' && !Array.isArray(s.body.json) ? Object.keys(s.body.json as object) : [];
    add('examples', s.src.line, `example response ${s.index}: ${s.statusLine ? s.statusLine.raw : 'no status line'}${s.body ? `; body ${s.body.format}${keys.length ? ` keys ${clip(keys.join(', '), 120)}` : ''}` : ''}`);
  }
  const res = ir.resource;
  if (res) {
    add('properties', ir.title?.h1?.src.line ?? 0, `resource type ${res.name}${res.baseType ? ` (base type ${res.baseType.name ?? res.baseType})` : ''}`);
    for (const p of res.properties) add('properties', p.src.line, `property ${p.name} : ${p.type?.raw ?? '?'}${p.required ? ' (required)' : ''}${p.readOnly ? ' (read-only)' : ''}${p.nullable === false ? ' (not nullable)' : ''}`);
    for (const p of res.relationships ?? []) add('relationships', p.src.line, `relationship ${p.name} : ${p.type?.raw ?? '?'}${p.readOnly ? ' (read-only)' : ''}${p.nullable === false ? ' (not nullable)' : ''}`);
    for (const m of res.methods ?? []) add('methods', m.src.line, `method "${one(m.text)}" → ${one(m.returnType)}${m.target ? ` (${m.target})` : ''}`);
    const j = res.jsonRepresentation;
    if (j?.json && typeof j.json === 'object' && !Array.isArray(j.json)) add('json-representation', j.src.line, `JSON representation keys: ${clip(Object.keys(j.json as object).join(', '), 400)}`);
  }
  for (const e of ir.enums) {
    add('enums', e.src.line, `enum ${e.name}: ${clip(e.members.map((m) => m.name).join(', '), 300)}`);
    for (const a of e.again ?? []) add('enums', a.src.line, `enum ${e.name} documented again: ${clip(a.members.join(', '), 300)}`);
  }
  // Stable ids in page order within the sheet.
  out.forEach((f, i) => (f.id = `F${i + 1}`));
  return out;
}

export function factSheet(ir: PageIR): string {
  const facts = sheetFacts(ir);
  const lines = [`# ${ir.file} (${ir.kind}, ${ir.apiVersion?.value ?? 'version unknown'})`];
  let section = '';
  for (const f of facts) {
    if (f.section !== section) { section = f.section; lines.push(`## ${section}`); }
    lines.push(`${f.id} :${f.line} ${f.text}`);
  }
  lines.push('## diagnostics (what extraction says it did not turn into a fact)');
  for (const d of ir.diagnostics) lines.push(`- :${d.src.line} ${d.rule}: ${one(d.message)}`);
  if (!ir.diagnostics.length) lines.push('- none');
  return lines.join('\n');
}

/**
 * `n` pages of an IR folder, seeded: ⌈n/2⌉ operation pages and the rest of other kinds (resource
 * pages mostly), each drawn without replacement from the sorted list, so the same folder and seed
 * give the same pages.
 */
export function samplePages(irDir: string, n: number, seed: number, withSection?: string, except?: RegExp): string[] {
  const all = (readdirSync(irDir, { recursive: true }) as string[]).map((f) => f.split('\\').join('/')).filter((f) => f.endsWith('.json') && !except?.test(f)).sort();
  const ops: string[] = [];
  const rest: string[] = [];
  for (const rel of all) {
    const ir = JSON.parse(readFileSync(join(irDir, rel), 'utf8')) as PageIR;
    if (withSection && !sheetFacts(ir).some((f) => f.section === withSection)) continue;
    (ir.kind === 'operation' ? ops : rest).push(rel);
  }
  const rand = rng(seed);
  const draw = (from: string[], k: number) => {
    const pool = [...from];
    const got: string[] = [];
    while (got.length < k && pool.length) got.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
    return got;
  };
  const k = Math.ceil(n / 2);
  return [...draw(ops, k), ...draw(rest, n - k)].map((rel) => rel.replace(/\.json$/, '.md'));
}

function main(): void {
  if (process.argv[2] === '--sample') {
    const [, irDir, n, seed, section, except] = process.argv.slice(2);
    for (const p of samplePages(irDir!, Number(n), Number(seed), section, except ? new RegExp(except) : undefined)) console.log(p);
    return;
  }
  const [irDir, ...pages] = process.argv.slice(2);
  if (!irDir || !pages.length) { console.error('usage: factsheet <ir-dir> <page.md>...'); process.exit(2); }
  for (const p of pages) {
    const ir = JSON.parse(readFileSync(join(irDir, p.replace(/\.(md|markdown|txt)$/i, '.json')), 'utf8')) as PageIR;
    console.log(factSheet(ir) + '\n');
  }
}

if (process.argv[1]?.endsWith('factsheet.js')) main();
