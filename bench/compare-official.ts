/**
 * npm run compare:official [-- <tree>] [--out FILE]
 *
 * Compares our v1.0 models (from the docs alone, default: the 2021-07 corpus) with the official
 * typings generated from service metadata, @microsoft/microsoft-graph-types@2.0.0 (2021-07-12,
 * the closest release to the corpus; a devDependency used by this comparison only). For entity
 * and complex types present in both: property-name recall and precision (inherited properties
 * included on both sides) and type agreement; every difference is listed with the doc page
 * behind it, sorted into "doc problem" (the page really says so) and "our problem".
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Project, SyntaxKind, type InterfaceDeclaration } from 'ts-morph';
import { analyzeParallel } from '../src/pipeline/pipeline.js';
import type { TypeModel, MergedProperty } from '../src/model/types.js';
import { pickSource } from '../src/emit/ts/models.js';
import { edmToTs } from '../src/emit/ts/edm.js';
import { operationMapCounts } from '../src/emit/ts/operations.js';
import { CORPUS_SKIP, corpusTree } from './corpus.js';

interface OfficialType { name: string; base?: string; props: Map<string, string> }

function loadOfficial(): Map<string, OfficialType> {
  const path = createRequire(import.meta.url).resolve('@microsoft/microsoft-graph-types/microsoft-graph.d.ts');
  const project = new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
  const sf = project.createSourceFile('/graph.d.ts', readFileSync(path, 'utf8'));
  const out = new Map<string, OfficialType>();
  // v1.0 types of the microsoft.graph namespace: the top-level interfaces (namespaced ones are other OData namespaces).
  for (const i of sf.getStatements().filter((s): s is InterfaceDeclaration => s.getKind() === SyntaxKind.InterfaceDeclaration)) {
    const props = new Map<string, string>();
    for (const p of i.getProperties()) props.set(p.getName().replace(/^["']|["']$/g, ''), normalizeOfficial(p.getTypeNode()?.getText() ?? 'unknown'));
    out.set(i.getName().toLowerCase(), { name: i.getName(), base: i.getExtends()[0]?.getText(), props });
  }
  return out;
}

/** NullableOption<X> → x; X[] stays an array; names lower-cased. */
function normalizeOfficial(t: string): string {
  let s = t.replace(/\s+/g, '');
  const m = /^NullableOption<(.+)>$/.exec(s);
  if (m) s = m[1]!;
  s = s.replace(/\|null$/, '');
  return s.toLowerCase();
}

function ourType(p: MergedProperty): { ts: string; raw: string; src: string; file: string } {
  const { chosen } = pickSource(p);
  const base = chosen.type.primitive ? edmToTs(chosen.type.name).ts : chosen.type.name;
  return { ts: `${base.toLowerCase()}${chosen.type.collection ? '[]' : ''}`, raw: chosen.type.raw || chosen.type.name, src: `${chosen.src.file}:${chosen.src.line}`, file: chosen.src.file };
}

function flatten<T>(name: string, get: (n: string) => { base?: string; props: Map<string, T> } | undefined): Map<string, T> {
  const out = new Map<string, T>();
  const seen = new Set<string>();
  let cur = get(name);
  while (cur && !seen.has(name)) {
    seen.add(name);
    for (const [k, v] of cur.props) if (!out.has(k)) out.set(k, v);
    if (!cur.base) break;
    name = cur.base;
    cur = get(name);
  }
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outIdx = args.indexOf('--out');
  const outFile = outIdx >= 0 ? args[outIdx + 1]! : 'official-comparison.md';
  const tree = args.find((a, i) => !a.startsWith('--') && (outIdx < 0 || i !== outIdx + 1)) ?? corpusTree('2021-07');
  if (!tree) { console.log(`compare:official: skipped — ${CORPUS_SKIP}`); return; }
  const a = await analyzeParallel([tree]);
  const official = loadOfficial();
  const ours = new Map<string, TypeModel>();
  for (const t of a.model.types) if (t.version === 'v1.0' && t.namespace.toLowerCase() === 'microsoft.graph' && t.sources.some((s) => s.origin === 'resource')) ours.set(t.name.toLowerCase(), t);
  const ourGet = (n: string) => {
    const t = ours.get(n.toLowerCase());
    return t && { base: t.baseType?.name, props: new Map(t.properties.map((p) => [p.name, p] as const)) };
  };
  const offGet = (n: string) => official.get(n.toLowerCase());
  let inOfficial = 0, found = 0, inOurs = 0, confirmed = 0, typed = 0, agree = 0, agreeLenient = 0;
  const diffs: { kind: string; who: 'doc problem' | 'our problem'; type: string; prop: string; detail: string; page: string }[] = [];
  const common = [...ours.keys()].filter((k) => official.has(k)).sort();
  for (const k of common) {
    const t = ours.get(k)!;
    const op = flatten(official.get(k)!.name, offGet);
    const mp = flatten(t.name, ourGet);
    const page = t.sources.find((s) => s.origin === 'resource')!.doc;
    const pageText = readFileSync(join(a.docsRoot, page.file), 'utf8');
    for (const [name, otype] of op) {
      inOfficial++;
      const mine = [...mp.entries()].find(([n]) => n.toLowerCase() === name.toLowerCase());
      if (!mine) {
        const mentioned = new RegExp(`\\|\\s*\\**${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\**\\s*\\|`, 'i').test(pageText);
        diffs.push({ kind: 'missing in ours', who: mentioned ? 'our problem' : 'doc problem', type: t.name, prop: name, detail: `official: ${otype}${mentioned ? '; the page has a table row for it that we did not take' : '; no table row on the page'}`, page: page.file });
        continue;
      }
      found++;
      typed++;
      const ty = ourType(mine[1]);
      const ot = otype.replace(/^microsoftgraph\./, '');
      const same = ty.ts === ot || ty.ts.replace(/\[\]$/, '') === ot.replace(/\[\]$/, '') && ty.ts.endsWith('[]') === ot.endsWith('[]');
      const offIsEnumAlias = !['string', 'number', 'boolean', 'any', 'unknown'].includes(ot.replace(/\[\]$/, '')) && !official.has(ot.replace(/\[\]$/, ''));
      if (same) { agree++; agreeLenient++; continue; }
      const lenient = (ot.replace(/\[\]$/, '') === 'string' && !['number', 'boolean'].includes(ty.ts.replace(/\[\]$/, '')) && ty.ts.endsWith('[]') === ot.endsWith('[]')) || (offIsEnumAlias && ty.ts.replace(/\[\]$/, '') === 'string');
      if (lenient) agreeLenient++;
      // Did we read the cell as written? Then the page says what we emitted: a doc problem.
      const cell = ty.raw.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1').replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1').toLowerCase();
      const cellCollection = /collection|\[\]/.test(cell);
      const cellBase = cell.replace(/collection\s*\(|\)|\s+collection.*$|\[\]/g, '').trim().split(/[\s,.]/)[0]!;
      const ourBase = ty.ts.replace(/\[\]$/, '');
      const readAsWritten = cellCollection === ty.ts.endsWith('[]') && (cellBase === ourBase || edmToTs(cellBase[0]!.toUpperCase() + cellBase.slice(1)).ts === ourBase || (cellBase === 'string' && ourBase === 'string'));
      const who = readAsWritten ? 'doc problem' : 'our problem';
      diffs.push({ kind: lenient ? 'type differs (enum vs string)' : 'type differs', who, type: t.name, prop: name, detail: `ours ${ty.ts} (doc cell: ${ty.raw}) vs official ${ot}`, page: ty.src });
    }
    for (const [name, p] of mp) {
      inOurs++;
      if ([...op.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) { confirmed++; continue; }
      diffs.push({ kind: 'not in official', who: 'doc problem', type: t.name, prop: name, detail: 'documented on the page, absent from the metadata-generated typings', page: ourType(p).src });
    }
  }
  const pct = (x: number, y: number) => `${((100 * x) / y).toFixed(2)}%`;
  // Issue-9 measures, over every official type (not only the ones we have).
  const resDir = [join(tree, 'v1.0', 'resources'), join(tree, 'resources')].find((d) => existsSync(d));
  // A type "has a resources/ page" when a page there is named after it or its resource annotation names it.
  const pageOfType = new Map<string, string>();
  if (resDir) for (const f of readdirSync(resDir).filter((x) => x.endsWith('.md')).sort()) {
    const text = readFileSync(join(resDir, f), 'utf8');
    pageOfType.set(f.replace(/\.md$/, '').toLowerCase(), f);
    for (const m of text.matchAll(/<!--([\s\S]*?)-->/g)) {
      if (!/"blockType"\s*:\s*"resource"/.test(m[1]!)) continue;
      const t = /"@(?:odata\.)?type"\s*:\s*"#?microsoft\.graph\.([\w]+)"/.exec(m[1]!);
      if (t && !pageOfType.has(t[1]!.toLowerCase())) pageOfType.set(t[1]!.toLowerCase(), f);
    }
  }
  const hasResourcePage = (n: string) => pageOfType.has(n.toLowerCase());
  const isEntity = (n: string): boolean => {
    const seen = new Set<string>();
    let cur = official.get(n.toLowerCase());
    while (cur?.base && !seen.has(cur.base)) {
      seen.add(cur.base);
      if (cur.base.toLowerCase() === 'entity') return true;
      cur = official.get(cur.base.toLowerCase());
    }
    return n.toLowerCase() === 'entity';
  };
  let withPage = 0, withPageFound = 0, allProps = 0, allFound = 0, navProps = 0, navFound = 0;
  // Where the misses are: the type has no page; the page has no row for the property (doc); we did not take a row (ours).
  const miss = { noPage: 0, noRow: 0, ours: 0 }, navMiss = { noPage: 0, noRow: 0, ours: 0 };
  const missingTypes: string[] = [];
  const missingNoPage: string[] = [];
  const misses: { type: string; prop: string; nav: boolean; why: 'noPage' | 'noRow' | 'ours'; page?: string; declaredBy: string; cause: string }[] = [];
  // Where a missed property is documented, by the official type that declares it (the type itself or a base):
  // that type has no v1.0 page; its page(s) have no row / JSON key for it; or its page has it and the
  // subtype's page does not state that inheritance; or a row we did not take.
  const causes = new Map<string, number>(), navCauses = new Map<string, number>();
  const declaringType = (t: string, prop: string): string => {
    const seen = new Set<string>();
    let cur = official.get(t.toLowerCase());
    while (cur && !seen.has(cur.name)) {
      seen.add(cur.name);
      if ([...cur.props.keys()].some((k) => k.toLowerCase() === prop.toLowerCase())) return cur.name;
      cur = cur.base ? official.get(cur.base.toLowerCase()) : undefined;
    }
    return t;
  };
  const documentedOn = (typeName: string, prop: string): boolean => {
    const t = ours.get(typeName.toLowerCase());
    if (!t) return false;
    if (t.properties.some((p) => p.name.toLowerCase() === prop.toLowerCase())) return true;
    const re = new RegExp(`^\\s*\\|\\s*\\**${prop.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\**\\s*\\||"${prop.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:`, 'im');
    return t.sources.filter((x) => x.origin === 'resource').some((x) => re.test(readFileSync(join(a.docsRoot, x.doc.file), 'utf8').replace(/<!--[\s\S]*?-->/g, '')));
  };
  for (const [k, o] of [...official.entries()].sort()) {
    const mine = ours.get(k);
    if (hasResourcePage(o.name)) { withPage++; if (mine) withPageFound++; else missingTypes.push(`${o.name} (resources/${pageOfType.get(k)})`); }
    else if (!mine) missingNoPage.push(`${o.name} (${flatten(o.name, offGet).size} properties)`);
    const op = flatten(o.name, offGet);
    const mp = mine ? flatten(mine.name, ourGet) : new Map();
    const lower = new Set([...mp.keys()].map((x) => String(x).toLowerCase()));
    for (const [name, otype] of op) {
      const nav = isEntity(otype.replace(/\[\]$/, '').replace(/^microsoftgraph\./, ''));
      const hit = lower.has(name.toLowerCase());
      allProps++; if (hit) allFound++;
      if (nav) { navProps++; if (hit) navFound++; }
      if (!hit) {
        const pageFile = mine?.sources.find((x) => x.origin === 'resource')?.doc.file;
        const why = !pageFile ? 'noPage' : new RegExp(`\\|\\s*\\**${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\**\\s*\\|`, 'i').test(readFileSync(join(a.docsRoot, pageFile), 'utf8')) ? 'ours' : 'noRow';
        miss[why]++;
        const declaredBy = declaringType(o.name, name);
        const cause = why === 'ours' ? 'a row on the page we did not take (ours)'
          : !mine ? 'the type has no v1.0 page'
          : !ours.has(declaredBy.toLowerCase()) ? 'the base type that declares it has no v1.0 page'
          : !documentedOn(declaredBy, name) ? 'no row or JSON key on the declaring type\'s v1.0 page'
          : 'documented on the base type\'s page; the subtype\'s page does not state that base';
        causes.set(cause, (causes.get(cause) ?? 0) + 1);
        if (nav) navCauses.set(cause, (navCauses.get(cause) ?? 0) + 1);
        misses.push({ type: o.name, prop: name, nav, why, ...(pageFile ? { page: pageFile } : {}), declaredBy, cause });
        if (nav) navMiss[why]++;
      }
    }
  }
  // Request bodies are checked against the type, never merged into it: how many body properties does the official type have?
  let bodyProps = 0, bodyConfirmed = 0, bodyOnlyOnTypes = 0;
  for (const t of a.model.types) if (t.version === 'v1.0') for (const p of t.properties) if (p.sources.every((x) => (x.origin as string) === 'request-body')) bodyOnlyOnTypes++;
  for (const g of a.model.operations) for (const v of g.variants) {
    if (v.version !== 'v1.0' || !v.requestBody || v.requestBody.tableKind !== 'properties' || !v.documentedType) continue;
    const o = official.get(v.documentedType.name.toLowerCase());
    if (!o) continue;
    const op = flatten(o.name, offGet);
    const names = new Set([...op.keys()].map((x) => x.toLowerCase()));
    for (const p of v.requestBody.properties) { bodyProps++; if (names.has(p.name.toLowerCase())) bodyConfirmed++; }
  }
  const byWho = (w: string) => diffs.filter((d) => d.who === w).length;
  const summary = [
    `type recall (official v1.0 types with a resources/ page): ${withPageFound}/${withPage} = ${pct(withPageFound, withPage)}`,
    `property recall counting every official type (a missing type misses all its properties): ${allFound}/${allProps} = ${pct(allFound, allProps)}`,
    `navigation-property recall (properties whose official type is an entity): ${navFound}/${navProps} = ${pct(navFound, navProps)}`,
    `  missed: ${miss.noPage} in official types the model lacks, ${miss.noRow} with no row on the type's page (doc), ${miss.ours} with a row we did not take (ours)`,
    `  navigation missed: ${navMiss.noPage} in types the model lacks, ${navMiss.noRow} with no row on the page, ${navMiss.ours} ours`,
    ...[...causes.entries()].sort((x, y) => y[1] - x[1]).map(([c, n]) => `  missed because ${c}: ${n} (navigation ${navCauses.get(c) ?? 0})`),
    `properties attached to a type from request bodies only: ${bodyOnlyOnTypes}`,
    ...operationMapCounts(a.model).map((o) => `operations map ${o.version}: ${o.operations} operations, request body unknown ${o.unknownRequest}, response unknown ${o.unknownResponse}`),
    `request-body table properties the official type has (precision of body properties, v1.0 bodies whose documented type is official): ${bodyConfirmed}/${bodyProps} = ${pct(bodyConfirmed, bodyProps)}`,
    `types compared (v1.0 microsoft.graph, in both): ${common.length} (ours ${ours.size}, official ${official.size})`,
    `property-name recall: ${found}/${inOfficial} = ${pct(found, inOfficial)}`,
    `property-name precision: ${confirmed}/${inOurs} = ${pct(confirmed, inOurs)}`,
    `type agreement: ${agree}/${typed} = ${pct(agree, typed)} (counting a documented enum where the metadata says string as agreement: ${pct(agreeLenient, typed)})`,
    `differences: ${diffs.length} (doc problem ${byWho('doc problem')}, our problem ${byWho('our problem')})`,
  ];
  console.log(summary.join('\n'));
  const L = ['# Our v1.0 models vs @microsoft/microsoft-graph-types@2.0.0', '', ...summary.map((s) => `- ${s}`), ''];
  for (const who of ['our problem', 'doc problem'] as const) {
    L.push(`## ${who}`, '', '| type | property | difference | detail | page |', '|---|---|---|---|---|');
    for (const d of diffs.filter((x) => x.who === who).sort((x, y) => (x.type + x.prop < y.type + y.prop ? -1 : 1))) L.push(`| ${d.type} | ${d.prop} | ${d.kind} | ${d.detail.replace(/\|/g, '\\|')} | ${d.page} |`);
    L.push('');
  }
  L.push('## official types with a resources/ page that the model lacks', '', ...missingTypes.map((n) => `- ${n}`), '');
  L.push('## official types without a resources/ page (not in the model)', '', ...missingNoPage.map((n) => `- ${n}`), '');
  L.push('## every missed official property (recall misses over every official type)', '', '| type | property | navigation | declared by | cause | page |', '|---|---|---|---|---|---|');
  for (const m of misses) L.push(`| ${m.type} | ${m.prop} | ${m.nav ? 'yes' : ''} | ${m.declaredBy} | ${m.cause} | ${m.page ?? ''} |`);
  L.push('');
  writeFileSync(outFile, L.join('\n'));
  console.log(`differences listed in ${outFile}`);
}

void main();
