/**
 * A first look after a save (`--watch`): the findings of the pages just changed, in well under a
 * second on the whole 2021 tree, before the full rebuild confirms them.
 *
 * The changed pages are re-read (in a worker — a warm one kept by the watch — under the same page limits as a build); the model
 * is rebuilt from them and the pages the previous run's model relates to them — every page of an
 * operation, type or enum a changed page takes part in, before or after the edit — and every rule
 * runs on that model. Findings with a side on a changed page are kept, under the same rule
 * settings, suppressions and baseline as the build.
 *
 * What it cannot see: facts that need the whole tree beyond those pages (a type defined only on an
 * unrelated page, a same-title page elsewhere). So it is a first look, labelled as such; the full
 * rebuild that follows prints the definitive added / resolved lines.
 */
import { realpathSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { Finding } from '../checks/types.js';
import { reconcile } from '../checks/engine.js';
import { applyPolicy, concernsPages, type Policy } from '../checks/policy.js';
import type { PageIR } from '../sources/graph-markdown/ir/schema.js';
import { modelFromPages } from '../sources/graph-markdown/to-model.js';
import { displayPath, hasPageExtension } from '../sources/graph-markdown/ingest/walk.js';
import type { ApiModel } from '../model/types.js';
import type { Document } from '../model/schema.js';
import { linkedFile } from '../checks/link-target.js';
import { compareStr } from '../util/order.js';
import { isIncludeFragment, treeInfo, type AnalyzeResult } from './pipeline.js';
import { processInPool } from './pool.js';
import type { WarmPageWorker } from './warm-worker.js';

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
 * those pages and their related pages. Paths outside every root, include fragments and files that are not pages are left to the full rebuild.
 */
export async function focusedFindings(prev: AnalyzeResult, changedAbs: string[], policy: Policy = {}, worker?: WarmPageWorker): Promise<FocusResult> {
  const tasks = changedAbs.flatMap((abs) => {
    const root = prev.roots.find((r) => { const rel = relative(r, abs); return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep); });
    // Pages only: an include fragment or another file is seen by the full rebuild.
    if (!root || !hasPageExtension(abs) || isIncludeFragment({ abs, root })) return [];
    return [{ abs, display: displayPath(abs, prev.docsRoot), root, base: prev.docsRoot }];
  });
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
  const names = new Set(first.types.filter((t) => t.sources.some((s) => changed.has(s.doc.file))).map((t) => t.name.toLowerCase()));
  for (const g of prev.model.operations) if (keys.has(g.key)) for (const v of g.variants) after.add(v.doc.file);
  for (const t of prev.model.types) if (names.has(t.name.toLowerCase())) for (const s of t.sources) after.add(s.doc.file);
  // And the pages that define what the changed pages refer to: every type named by a type reference, a
  // response or a documented body (type-undefined, body and response rules read them), and every page linked.
  const defining = definingPages(prev.model);
  for (const d of first.documents) {
    if (!changed.has(d.file)) continue;
    for (const name of referencedNames(d)) for (const f of defining.get(name) ?? []) after.add(f);
    for (const l of d.links) { const f = linkedFile(d.file, l.target); if (f && byFile.has(f)) after.add(f); }
  }
  for (const t of first.types) {
    if (!t.sources.some((x) => changed.has(x.doc.file)) && !t.properties.some((p) => p.sources.some((x) => changed.has(x.doc.file)))) continue;
    if (t.baseType) for (const f of defining.get(t.baseType.name.toLowerCase()) ?? []) after.add(f);
    for (const p of t.properties) for (const x of p.sources) if (!x.type.primitive) for (const f of defining.get(x.type.name.toLowerCase()) ?? []) after.add(f);
  }
  const pages = [...fresh, ...[...new Set([...before, ...after])].filter((f) => !changed.has(f)).flatMap((f) => byFile.get(f) ?? [])];
  const model = modelFromPages(pages);
  const absByFile = new Map(pages.map((p) => [p.file, `${prev.docsRoot}${sep}${p.file.split('/').join(sep)}`]));
  const findings = reconcile({ model, pages: model.documents, tree: treeInfo(prev.roots.map(real), absByFile) }).filter((f) => concernsPages(f, changed));
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

/** Lower-cased names of the types a page refers to: every type reference (`{ raw, name, primitive: false }`), its response body type and documented types, found by walking its facts. */
function referencedNames(d: Document): Set<string> {
  const out = new Set<string>();
  const seen = new Set<object>();
  const walk = (x: unknown, depth: number): void => {
    if (x === null || typeof x !== 'object' || depth > 40 || seen.has(x)) return;
    seen.add(x);
    if (Array.isArray(x)) { for (const y of x) walk(y, depth + 1); return; }
    const o = x as Record<string, unknown>;
    if (typeof o.name === 'string' && o.primitive === false) out.add(o.name.toLowerCase());
    for (const [k, v] of Object.entries(o)) if (k !== 'doc') walk(v, depth + 1);
  };
  walk(d, 0);
  if (d.response?.bodyType) out.add(d.response.bodyType.name.toLowerCase());
  return out;
}

function real(p: string): string {
  try { return realpathSync(p); } catch { return p; }
}
