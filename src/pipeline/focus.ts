/**
 * A first look after a save (`--watch`): the findings of the pages just changed, in well under a
 * second on the whole 2021 tree, before the full rebuild confirms them.
 *
 * The changed pages are re-read (in a worker — a warm one kept by the watch — under the same page
 * limits as a build); the model is rebuilt from them and the pages the previous run's model relates
 * to them — every page of an operation, type or enum a changed page takes part in, before or after
 * the edit, and the pages the rules read about those (see focusedFindings) — and every rule runs on
 * that model. Findings with a side on a changed page are kept, under the same rule settings,
 * suppressions and baseline as the build.
 *
 * Measured against the check of the whole tree, each page looked at as if just saved (findings on
 * it compared by fingerprint): 194 of 200 random pages of the 2021 tree agreed, and 130 of the 206
 * modern-sample pages, before the relations followed here were added from the disagreements of
 * samples drawn with seeds 20261202, 7, 99, 31 (2021) and 5 (2020-05); since then every page of
 * those samples agrees, and of samples not used for that: 600 of 600 (2021, seed 4242) and 400 of
 * 400 (2020-05, seed 77); 206 of 206 modern-sample pages. test/corpus.test.ts asserts it on 150 + 100 + 206
 * pages. It stays a first look, labelled as such: a relation a rule starts to read later is not
 * followed until it is added here, and the full rebuild that follows prints the definitive added /
 * resolved lines.
 */
import { relative, resolve, sep } from 'node:path';
import type { Finding } from '../checks/types.js';
import { reconcile } from '../checks/engine.js';
import { applyPolicy, concernsPages, type Policy } from '../checks/policy.js';
import type { PageIR } from '../sources/graph-markdown/ir/schema.js';
import { modelFromPages } from '../sources/graph-markdown/to-model.js';
import { docVersion, requestBodyTypeName } from '../model/merge.js';
import { displayPath, hasPageExtension, realOrResolved } from '../sources/graph-markdown/ingest/walk.js';
import type { ApiModel, TypeModel } from '../model/types.js';
import type { Document } from '../model/schema.js';
import { linkedFile } from '../util/link.js';
import { bareTypeName } from '../checks/type-relations.js';
import { resourcePageNames } from '../checks/rules/operation-resource-missing.js';
import { titleKey } from '../checks/rules/same-title-different-operation.js';
import { counterpartFile } from '../model/identity.js';
import { compareStr } from '../util/order.js';
import { isIncludeFragment, treeInfo, type AnalyzeResult } from './pipeline.js';
import { processInPool } from './pool.js';
import type { WarmPageWorker } from './warm-worker.js';
import { TREE_PARTIAL } from '../checks/tree-links.js';

export interface FocusResult {
  /** The changed pages (display paths), sorted. */
  pages: string[];
  /** How many pages the focused model was built from (changed + related). */
  modelPages: number;
  /** Findings concerning the changed pages, after the policy (grouped findings stand for their instances). */
  findings: Finding[];
}

/** Pages the model relates to any of `files`: those of every operation, type and enum a file takes part in. */
export function relatedPages(model: ApiModel, files: Set<string>): Set<string> {
  const out = new Set<string>(files);
  for (const g of model.operations) {
    if (g.variants.some((v) => files.has(v.doc.file))) for (const v of g.variants) out.add(v.doc.file);
  }
  for (const t of model.types) {
    if (t.sources.some((s) => files.has(s.doc.file)) || t.properties.some((p) => p.sources.some((s) => files.has(s.doc.file)))) {
      for (const s of t.sources) out.add(s.doc.file);
      for (const p of t.properties) for (const s of p.sources) out.add(s.doc.file);
    }
  }
  for (const e of model.enums) if (e.sources.some((s) => files.has(s.doc.file))) for (const s of e.sources) out.add(s.doc.file);
  return out;
}

/**
 * The findings of the changed pages (absolute paths under the previous run's roots), from a model of
 * those pages and their related pages. An include fragment stands for the pages that include it (as the last run read
 * them); paths outside every root and files that are not pages are left to the full rebuild.
 */
export async function focusedFindings(prev: AnalyzeResult, changedAbs: string[], policy: Policy = {}, worker?: WarmPageWorker): Promise<FocusResult> {
  const rootOf = (abs: string) => prev.roots.find((r) => { const rel = relative(r, abs); return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep); });
  const pageTask = (abs: string, root: string) => ({ abs, display: displayPath(abs, prev.docsRoot), root, base: prev.docsRoot });
  const tasks = [...new Map(changedAbs.flatMap((abs) => {
    const root = rootOf(abs);
    if (!root || !hasPageExtension(abs)) return [];
    if (!isIncludeFragment({ abs, root })) return [pageTask(abs, root)];
    // An include fragment (a permissions table, a note): the pages that pull it in, as the last run read them.
    const fragment = displayPath(abs, prev.docsRoot);
    return prev.pages.filter((p) => p.includes.some((i) => i.resolved === fragment)).flatMap((p) => {
      const pageAbs = resolve(prev.docsRoot, p.file);
      const r = rootOf(pageAbs);
      return r ? [pageTask(pageAbs, r)] : [];
    });
  }).map((t) => [t.abs, t] as const)).values()];
  const fresh: PageIR[] = worker ? await Promise.all(tasks.map((t) => worker.process(t))) : await processInPool(tasks, { workers: 1 });
  const changed = new Set(fresh.map((p) => p.file));
  const byFile = new Map(prev.pages.map((p) => [p.file, p]));
  // Related before the edit (through the previous model) and after it (through a model of the fresh pages with the previous ones).
  const before = relatedPages(prev.model, changed);
  const first = modelFromPages([...fresh, ...[...before].filter((f) => !changed.has(f)).flatMap((f) => byFile.get(f) ?? [])]);
  const after = relatedPages(first, changed);
  // Pages the fresh ones now share an operation or type with were not in the first model unless related before:
  // look them up by operation key and type name in the previous model.
  const keys = new Set(first.operations.filter((g) => g.variants.some((v) => changed.has(v.doc.file))).map((g) => g.key));
  // A type a changed page defines or adds a property to (an operation page documents `user.joinedTeams`), in every version.
  const takesPart = (t: TypeModel) => t.sources.some((x) => changed.has(x.doc.file)) || t.properties.some((p) => p.sources.some((x) => changed.has(x.doc.file)));
  const typeNames = new Set([...prev.model.types, ...first.types].filter(takesPart).map((t) => t.name.toLowerCase()));
  for (const g of prev.model.operations) if (keys.has(g.key)) for (const v of g.variants) after.add(v.doc.file);
  // The types the changed pages take part in, in every version, with every page that defines them or documents a property of them.
  const pathSources = new Set<string>();
  for (const t of prev.model.types) {
    if (!typeNames.has(t.name.toLowerCase())) continue;
    for (const x of t.sources) after.add(x.doc.file);
    for (const p of t.properties) for (const x of p.sources) { after.add(x.doc.file); if (x.origin === 'operation-path') pathSources.add(x.doc.file); }
  }
  // The operations on the parent path of a changed page's operations (and of the pages that document
  // a property by their path), and those addressing the parent's items by key: a GET under a typed
  // parent documents a property of the parent's type (src/model/path-properties.ts).
  const parents = new Set<string>();
  for (const m of [prev.model, first]) for (const g of m.operations) if (g.variants.some((v) => changed.has(v.doc.file) || pathSources.has(v.doc.file))) parents.add(g.path.slice(0, g.path.lastIndexOf('/')).toLowerCase());
  for (const g of prev.model.operations) {
    const path = g.path.toLowerCase();
    const cut = path.lastIndexOf('/');
    if (parents.has(path) || (parents.has(path.slice(0, cut)) && /^\{[^/{}]+\}$/.test(path.slice(cut + 1)))) for (const v of g.variants) after.add(v.doc.file);
  }
  // The pages that define the types and enums the changed pages refer to — by a type reference, a
  // response, a documented body, an example's @odata.type (type-undefined, body, response and
  // odata-type rules read them), an enum they take part in — with every base type up to the root
  // (subtypes, derived annotations), in every version; and every page they link to.
  const defining = definingPages(prev.model);
  const names = new Set<string>(typeNames);
  for (const d of first.documents) {
    if (!changed.has(d.file)) continue;
    const refs = referencedTypes(d);
    for (const name of refs.names) names.add(name);
    // The resource the request body is "a JSON representation of" (example-property-undocumented reads its rows).
    if (d.requestBody?.typeName) names.add(bareTypeName(d.requestBody.typeName).name.toLowerCase());
    for (const target of [...d.links.map((l) => l.target), ...refs.links]) { const f = linkedFile(d.file, target); if (f && byFile.has(f)) after.add(f); }
  }
  // A changed page that was a subtype of its operation's primary and still documents the same type
  // (the first model, without the types' pages, cannot tell subtypes).
  const wasSubtype = new Map<string, Set<string>>();
  for (const g of prev.model.operations) for (const v of g.variants) if (v.subtype && changed.has(v.doc.file)) {
    const k = `${g.key}|${v.doc.file}`;
    wasSubtype.set(k, (wasSubtype.get(k) ?? new Set()).add(v.subtype.toLowerCase()));
  }
  for (const m of [prev.model, first]) {
    for (const g of m.operations) {
      if (!g.variants.some((v) => changed.has(v.doc.file))) continue;
      // Which variants are subtypes of the operation's primary decides the partitions rules compare
      // (checks/compare.ts): the primary's type and the changed pages' types with their bases settle
      // a changed subtype page's partition; a changed page that is no subtype shares partition ''
      // with every variant that is none, so then every variant's type is needed.
      const primaries = new Set(g.primary.map((x) => x.document));
      const allTypes = g.variants.some((v) => changed.has(v.doc.file) && !wasSubtype.get(`${g.key}|${v.doc.file}`)?.has(v.documentedType?.name.toLowerCase() ?? ''));
      for (const v of g.variants) {
        if (!allTypes && !primaries.has(v.doc.file) && !changed.has(v.doc.file)) continue;
        if (v.documentedType) names.add(v.documentedType.name.toLowerCase());
        // response-shape-differs resolves each page's response type by name, else by its link (it passes over subtypes).
        const body = v.doc.response?.bodyType;
        if (body) {
          names.add(body.name.replace(/^microsoft\.graph\./i, '').toLowerCase());
          const f = linkedFile(v.doc.file, body.link);
          if (f && byFile.has(f)) after.add(f);
        }
      }
    }
    for (const e of m.enums) if (e.sources.some((x) => changed.has(x.doc.file))) names.add(e.name.toLowerCase());
  }
  for (const t of first.types) {
    if (!takesPart(t)) continue;
    if (t.baseType) names.add(t.baseType.name.toLowerCase());
    for (const p of t.properties) for (const x of p.sources) if (!x.type.primitive) names.add(x.type.name.toLowerCase());
  }
  const closed = withBases(names, [prev.model, first]);
  for (const name of closed) for (const f of defining.get(name) ?? []) after.add(f);
  // A type no page defines: every page that refers to it (type-undefined names its first references, in path order).
  const undefinedNames = new Set([...closed].filter((n) => !defining.has(n)));
  if (undefinedNames.size) {
    for (const t of prev.model.types) for (const p of t.properties) for (const x of p.sources) if (!x.type.primitive && undefinedNames.has(x.type.name.toLowerCase())) after.add(x.doc.file);
  }
  // The same file in the other version's folder (version-counterpart-differs).
  for (const f of changed) {
    const other = counterpartFile(f);
    if (other && byFile.has(other)) after.add(other);
  }
  // The pages whose request body is a type a changed page defines (body-property-contradicts-type).
  const defines = new Set([...prev.model.types, ...first.types].filter((t) => t.sources.some((x) => x.origin === 'resource' && changed.has(x.doc.file))).map((t) => t.name.toLowerCase()));
  if (defines.size) for (const d of prev.model.documents) { const b = requestBodyTypeName(d); if (b && defines.has(b.toLowerCase())) after.add(d.file); }
  // The resource pages named after a type a changed page returns or takes (operation-resource-missing: a page
  // defines the names it goes by — its file name, the part after a workload prefix, its title's first word).
  const named = new Set([...names].map((n) => n.split('.').pop()!));
  for (const d of prev.model.documents) if (d.resource && resourcePageNames(d).some((n) => named.has(n))) after.add(d.file);
  // Rules that look only when the tree has resource pages, or beta pages, at all see that it has.
  for (const witness of treeWitnesses(prev.model)) after.add(witness);
  const titles = new Set([...prev.model.documents, ...first.documents].filter((d) => changed.has(d.file)).map(titleKey).filter(Boolean));
  if (titles.size) for (const d of prev.model.documents) if (titles.has(titleKey(d))) after.add(d.file);
  const pages = [...fresh, ...[...new Set([...before, ...after])].filter((f) => !changed.has(f)).flatMap((f) => byFile.get(f) ?? [])];
  const model = modelFromPages(pages);
  const absByFile = new Map(pages.map((p) => [p.file, `${prev.docsRoot}${sep}${p.file.split('/').join(sep)}`]));
  // Whether the tree is whole was measured on all of it by the last run (tree-links.ts), not on these pages.
  const tree = { ...treeInfo(prev.roots.map(realOrResolved), absByFile), completeness: prev.findings.some((f) => f.rule === TREE_PARTIAL) ? 'partial' as const : 'whole' as const };
  const findings = reconcile({ model, pages: model.documents, tree }).filter((f) => concernsPages(f, changed));
  return { pages: [...changed].sort(compareStr), modelPages: pages.length, findings: applyPolicy(findings, model.documents, policy).findings };
}

/** Pages that define each type and enum (lower-cased name, any version): their resource pages and enum tables. */
function definingPages(model: ApiModel): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  const add = (name: string, file: string) => { const k = name.toLowerCase(); let s = m.get(k); if (!s) m.set(k, (s = new Set())); s.add(file); };
  for (const t of model.types) for (const x of t.sources) if (x.origin === 'resource') add(t.name, x.doc.file);
  for (const e of model.enums) for (const x of e.sources) add(e.name, x.doc.file);
  return m;
}

/** One page for each "the tree has …" a rule asks before it looks: a resource page that defines a type, an operation page of each version. */
function treeWitnesses(model: ApiModel): string[] {
  const out: string[] = [];
  const resource = model.types.flatMap((t) => t.sources).find((x) => x.origin === 'resource');
  if (resource) out.push(resource.doc.file);
  for (const version of ['v1.0', 'beta']) {
    const d = model.documents.find((x) => x.operations.length && docVersion(x) === version);
    if (d) out.push(d.file);
  }
  return out;
}

/** The names with every base type the models give them (any version), lower-cased. */
function withBases(names: Set<string>, models: ApiModel[]): Set<string> {
  const bases = new Map<string, Set<string>>();
  for (const m of models) {
    for (const t of m.types) {
      if (!t.baseType) continue;
      const k = t.name.toLowerCase();
      let s = bases.get(k);
      if (!s) bases.set(k, (s = new Set()));
      s.add(t.baseType.name.toLowerCase());
    }
  }
  const out = new Set<string>();
  const todo = [...names];
  for (let n = todo.pop(); n !== undefined; n = todo.pop()) {
    if (out.has(n)) continue;
    out.add(n);
    for (const b of bases.get(n) ?? []) todo.push(b);
  }
  return out;
}

/**
 * The types a page refers to, found by walking its facts: lower-cased names of every type reference
 * (`{ raw, name, primitive: false }`), every example's @odata.type (`{ name, namespace, collection }`),
 * its response body type and documented types; and the link targets of the type references (a type
 * defined under a heading of the linked page counts as defined, see type-undefined).
 */
function referencedTypes(d: Document): { names: Set<string>; links: string[] } {
  const out = new Set<string>();
  const links: string[] = [];
  const seen = new Set<object>();
  const walk = (x: unknown, depth: number): void => {
    if (x === null || typeof x !== 'object' || depth > 40 || seen.has(x)) return;
    seen.add(x);
    if (Array.isArray(x)) { for (const y of x) walk(y, depth + 1); return; }
    const o = x as Record<string, unknown>;
    if (typeof o.name === 'string' && o.primitive === false) {
      out.add(o.name.toLowerCase());
      if (typeof o.link === 'string') links.push(o.link);
    }
    for (const [k, v] of Object.entries(o)) {
      if (k === 'doc') continue;
      if (k === 'odataType' && v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') out.add((v as { name: string }).name.toLowerCase());
      walk(v, depth + 1);
    }
  };
  walk(d, 0);
  if (d.response?.bodyType) out.add(d.response.bodyType.name.toLowerCase());
  return { names: out, links };
}

