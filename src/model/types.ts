/**
 * Type identity across documents:
 *  - name: the resource annotation's `@odata.type`, then the JSON representation's, then the
 *    H1 — never link text or the file name (set by the source adapter on `resource.name`);
 *  - base type: the annotation's `baseType`, then "Inherits from [X](x.md)" by link target (the
 *    type of the page the link leads to), then "Inherited from [X](x.md)" in property rows, then
 *    a base type's page naming it among its derived types;
 *  - entity vs complex: the annotation (`keyProperty`) or the page's wording ("entity type",
 *    "complex type") first, then a base type that is an entity, then an `id` property.
 *
 * The in-memory model types are defined in ./schema.ts and re-exported here for older imports.
 */
import { dirname, posix } from 'node:path';
import type { Diagnostic, Document, TypeModel } from './schema.js';

export type { ApiModel, EnumModel, MergedProperty, OperationGroup, OperationVariant, PropertySource, TypeModel, TypeSource } from './schema.js';

const STOP = new Set(['the', 'a', 'an', 'base', 'this', 'that', 'its', 'which', 'and', 'or', 'type', 'resource', 'class', 'abstract']);

/** Clean a base-type name as written: namespace and trailing punctuation dropped; prose words rejected. */
export function cleanTypeName(name: string): string | undefined {
  const n = name.trim().replace(/^#/, '').replace(/^microsoft\.graph\./i, '').replace(/(?<![.,;:])[.,;:]+$/, '').replace(/[`*]/g, '');
  if (!/^[A-Za-z][\w.]*$/.test(n) || STOP.has(n.toLowerCase())) return undefined;
  return n;
}

export function resolveTypes(types: TypeModel[], documents: Document[], diagnostics: Diagnostic[]): void {
  const byFile = new Map(documents.map((d) => [d.file.toLowerCase(), d] as const));
  const byName = new Map(types.map((t) => [`${t.version}|${t.name.toLowerCase()}`, t] as const));
  for (const t of types) {
    // Pages of one type name may differ in what they state (an Intune workload's "user resource type" page states
    // no base type; user.md says "Inherits from directoryObject"): each fact from the first resource page that states it.
    const pages = t.sources.filter((s) => s.origin === 'resource' && s.doc.resource);
    const res = pages.find((s) => s.doc.resource!.baseType) ?? pages[0];
    const r = res?.doc.resource;
    if (!res || !r) continue;
    const hint = pages.find((s) => s.doc.resource!.kindHint)?.doc.resource!.kindHint;
    const b = r.baseType;
    if (b) {
      let name: string | undefined;
      if (b.link && b.from !== 'annotation') {
        const target = posix.normalize(posix.join(dirname(res.doc.file), b.link.split('#')[0]!)).toLowerCase();
        const d = byFile.get(target);
        if (d?.resource) name = d.resource.name;
      }
      name ??= cleanTypeName(b.name);
      if (name && name.toLowerCase() !== t.name.toLowerCase()) t.baseType = { name, from: b.from ?? 'inherits-text', src: b.src };
      else if (!name) diagnostics.push({ rule: 'base-type-unreadable', severity: 'info', message: `The base type "${b.name}" of ${t.name} is not a type name`, src: b.src });
    }
    if (hint) { t.kind = hint.value; t.kindFrom = hint.from; }
  }
  /** Does `t`'s base chain reach `other` (a derived-list base must not make a cycle)? */
  const derivesFrom = (t: TypeModel, other: TypeModel): boolean => {
    const seen = new Set<TypeModel>();
    for (let cur: TypeModel | undefined = t; cur?.baseType && !seen.has(cur); cur = byName.get(`${t.version}|${cur.baseType.name.toLowerCase()}`)) {
      seen.add(cur);
      if (cur.baseType.name.toLowerCase() === other.name.toLowerCase()) return true;
    }
    return false;
  };
  // A base type's page that names its derived types ("the derived types are [educationPointsOutcome](…), …") gives
  // each the base type its own pages do not state.
  for (const t of types) {
    for (const s of t.sources) {
      if (s.origin !== 'resource') continue;
      for (const d of s.doc.resource?.derivedTypes ?? []) {
        const target = d.link ? byFile.get(posix.normalize(posix.join(dirname(s.doc.file), d.link.split('#')[0]!)).toLowerCase()) : undefined;
        const name = target?.resource?.name ?? cleanTypeName(d.name);
        const sub = name === undefined ? undefined : byName.get(`${t.version}|${name.toLowerCase()}`);
        if (!sub || sub === t || sub.baseType || derivesFrom(t, sub)) continue;
        sub.baseType = { name: t.name, from: 'derived-list', src: d.src };
      }
    }
  }
  // Entity via the base chain, then the id heuristic; everything else with a resource page is complex.
  const isEntityByBase = (t: TypeModel): boolean => {
    const seen = new Set<string>();
    let cur: TypeModel | undefined = t;
    while (cur?.baseType && !seen.has(cur.baseType.name.toLowerCase())) {
      const b = cur.baseType.name.toLowerCase();
      seen.add(b);
      if (b === 'entity') return true;
      const next = byName.get(`${t.version}|${b}`);
      if (next && next.kindFrom !== 'none' && next.kindFrom !== 'default' && next.kindFrom !== 'id-property') return next.kind === 'entity';
      cur = next;
    }
    return false;
  };
  for (const t of types) {
    if (t.kindFrom !== 'none') continue;
    if (!t.sources.some((s) => s.origin === 'resource')) continue;
    if (isEntityByBase(t)) { t.kind = 'entity'; t.kindFrom = 'base-type'; }
    else if (t.properties.some((p) => p.name === 'id')) { t.kind = 'entity'; t.kindFrom = 'id-property'; }
    else { t.kind = 'complex'; t.kindFrom = 'default'; }
  }
}
