/**
 * Type relations of the model, for rules that compare type names: a derived type's page or
 * example naming the derived type agrees with a base type (`mailSearchFolder` is a `mailFolder`),
 * and so do siblings under a common base other than `entity` (polymorphic variants).
 */
import type { ApiModel, TypeModel } from '../model/types.js';
import { singular } from '../model/identity.js';
import { linkedFile } from '../util/link.js';

/** Bare type name: `#microsoft.graph.x` / `microsoft.graph.ediscovery.x` / `Collection(microsoft.graph.x)` → `x`, lower-case. */
export function bareTypeName(t: string): { name: string; collection: boolean; namespace: string } {
  // "Drive resource", "user object": the Response section's wording around a type name.
  let s = t.trim().replace(/^#/, '').replace(/(?<!\s)\s+(resource|object|entity|type)s?$/i, '');
  const m = /^Collection\((.*)\)$/i.exec(s);
  if (m) s = m[1]!.trim();
  const i = s.lastIndexOf('.');
  return { name: (i < 0 ? s : s.slice(i + 1)).toLowerCase(), namespace: i < 0 ? '' : s.slice(0, i), collection: !!m };
}

/**
 * Base types of a type name, nearest first (lower-case names, the name itself first), through every
 * type of that name (several namespaces or pages may document a `user`: the directory user and an
 * Intune workload's): a name's bases are those of any of them. Built once per model.
 */
const chainsMemo = new WeakMap<object, (name: string, version: string | null) => string[]>();
export function baseChains(model: Pick<ApiModel, 'types'>): (name: string, version: string | null) => string[] {
  // One per model, like documentedProperties: page rules ask for it once per page.
  let fn = chainsMemo.get(model);
  if (!fn) chainsMemo.set(model, (fn = buildBaseChains(model)));
  return fn;
}

function buildBaseChains(model: Pick<ApiModel, 'types'>): (name: string, version: string | null) => string[] {
  const byName = typesByName(model);
  const chains = new Map<string, string[]>();
  return (name, version) => {
    const key = `${version}|${name.toLowerCase()}`;
    let out = chains.get(key);
    if (out) return out;
    out = [name.toLowerCase()];
    const start = byName.get(key) ?? byName.get(`v1.0|${name.toLowerCase()}`) ?? byName.get(`beta|${name.toLowerCase()}`) ?? [];
    const queue = [...start];
    for (let i = 0; i < queue.length && out.length < 40; i++) {
      const cur = queue[i]!;
      if (!cur.baseType) continue;
      const b = cur.baseType.name.toLowerCase();
      if (out.includes(b)) continue;
      out.push(b);
      queue.push(...(byName.get(`${cur.version}|${b}`) ?? []));
    }
    chains.set(key, out);
    return out;
  };
}

/**
 * The model's name for a type a page names: the name as written when the model has a type of that name (any letter case, any
 * namespace prefix dropped) or of its singular ("a collection of **secureScoreControlProfiles** objects"), else the type of the
 * resource page a link beside it leads to ("[NamedItem](../resources/nameditem.md)" whose page is workbookNamedItem). A link text
 * that is a type of the model names that type, not the linked page's ("[accessReviewInstanceDecisionItem](accessreviewinstance.md)"
 * is a wrong link, not another type). Built once per model.
 */
export interface TypeNamer {
  /** The model type of that name (or of its singular), as the model spells it. */
  named(name: string): string | undefined;
  /** The type the resource page a link leads to (from `fromFile`) defines. */
  linked(fromFile: string, link: string | undefined): string | undefined;
  /** named, else linked. */
  resolve(name: string, fromFile: string, link: string | undefined): string | undefined;
}

const namerMemo = new WeakMap<object, TypeNamer>();
export function typeNamer(model: Pick<ApiModel, 'types'>): TypeNamer {
  let n = namerMemo.get(model);
  if (n) return n;
  const typeAt = new Map<string, string>();
  const typeNamed = new Map<string, string>();
  for (const t of model.types) {
    if (!typeNamed.has(t.name.toLowerCase())) typeNamed.set(t.name.toLowerCase(), t.name);
    for (const x of t.sources) if (x.origin === 'resource' && !typeAt.has(x.doc.file.toLowerCase())) typeAt.set(x.doc.file.toLowerCase(), t.name);
  }
  const named = (name: string): string | undefined => {
    const written = name.replace(/^microsoft\.graph\./i, '').toLowerCase();
    return typeNamed.get(written) ?? typeNamed.get(singular(written).toLowerCase());
  };
  const linked = (fromFile: string, link: string | undefined): string | undefined => typeAt.get(linkedFile(fromFile, link) ?? '');
  n = { named, linked, resolve: (name, fromFile, link) => named(name) ?? linked(fromFile, link) };
  namerMemo.set(model, n);
  return n;
}

/** Every type of a name, by `version|lower-case name`. */
export function typesByName(model: Pick<ApiModel, 'types'>): Map<string, TypeModel[]> {
  const byName = new Map<string, TypeModel[]>();
  for (const t of model.types) {
    const k = `${t.version}|${t.name.toLowerCase()}`;
    const l = byName.get(k);
    if (l) l.push(t); else byName.set(k, [t]);
  }
  return byName;
}

/**
 * Do the types beta names (one, whatever its letter case) rename or extend the one v1.0 names: a type only beta has, with
 * every property of the v1.0 type (beta typedEmailAddress — address, name, type, otherLabel — for v1.0 emailAddress;
 * directorySetting for groupSetting)? A property or a response typed by one in each version differs by design, not by a
 * page's mistake.
 */
export function betaExtendsType(model: Pick<ApiModel, 'types'>): (betaTypes: string[], v1Types: string[]) => boolean {
  const names = typePropertyNames(model);
  return extendsByNames((key) => names.get(key));
}

/** The properties of each type (lower case, of every type of the name), by `version|name` (lower case). */
export function typePropertyNames(model: Pick<ApiModel, 'types'>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const t of model.types) {
    const k = `${t.version}|${t.name.toLowerCase()}`;
    let names = out.get(k);
    if (!names) out.set(k, (names = new Set()));
    for (const p of t.properties) names.add(p.name.toLowerCase());
  }
  return out;
}

/** betaExtendsType from typePropertyNames' answers by `version|name` (null or undefined: no such type; what the unit rules ask as a lookup). */
export function extendsByNames(names: (key: string) => ReadonlySet<string> | null | undefined): (betaTypes: string[], v1Types: string[]) => boolean {
  const none = new Set<string>();
  return (betaTypes, v1Types) => {
    const beta = [...new Set(betaTypes.map((t) => t.toLowerCase()))];
    const v1 = [...new Set(v1Types.map((t) => t.toLowerCase()))];
    if (beta.length !== 1 || v1.length !== 1 || !beta[0] || !v1[0]) return false;
    if (names(`v1.0|${beta[0]}`) || !names(`beta|${beta[0]}`)) return false;
    const v1Props = names(`v1.0|${v1[0]}`) ?? none;
    const betaProps = names(`beta|${beta[0]}`) ?? none;
    return v1Props.size > 0 && [...v1Props].every((n) => betaProps.has(n));
  };
}

/** A source that is a row of a resource page's Properties or Relationships table. */
export function isTableRow(s: { origin: string }): boolean {
  return s.origin === 'resource' || s.origin === 'relationship';
}

const documentedMemo = new WeakMap<object, Map<boolean, (name: string, version: string) => Set<string>>>();
/**
 * The properties the resource pages of a type and of every base type document in a version (Properties and
 * Relationships rows), lower-cased: a subtype's page may leave inherited rows to its base type's page. With
 * `writableOnly`, only those no row calls read-only (relationships always: a create body may carry them). Built once per model (and flag).
 */
export function documentedProperties(model: Pick<ApiModel, 'types'>, writableOnly = false): (name: string, version: string) => Set<string> {
  // One per model: a page rule's check runs once per page (built per page, this made the 2021 check's rules 6× slower).
  let forModel = documentedMemo.get(model);
  if (!forModel) documentedMemo.set(model, (forModel = new Map()));
  let fn = forModel.get(writableOnly);
  if (!fn) forModel.set(writableOnly, (fn = buildDocumentedProperties(model, writableOnly)));
  return fn;
}

function buildDocumentedProperties(model: Pick<ApiModel, 'types'>, writableOnly: boolean): (name: string, version: string) => Set<string> {
  const chain = baseChains(model);
  const byName = typesByName(model);
  const memo = new Map<string, Set<string>>();
  return (name, version) => {
    const key = `${version}|${name.toLowerCase()}`;
    let out = memo.get(key);
    if (out) return out;
    out = new Set();
    for (const n of chain(name, version)) {
      for (const t of byName.get(`${version}|${n}`) ?? []) {
        // A read-only navigation property still travels in a create body (deep insert: an agreement's files): only a
        // read-only structural property is not written.
        for (const p of t.properties) if (p.sources.some((s) => isTableRow(s) && !(writableOnly && s.readOnly && s.origin !== 'relationship'))) out.add(p.name.toLowerCase());
      }
    }
    memo.set(key, out);
    return out;
  };
}

export function typeRelations(model: Pick<ApiModel, 'types'>): (a: string, b: string, version: string | null) => boolean {
  const chain = baseChains(model);
  return (a, b, version) => {
    const x = bareTypeName(a).name;
    const y = bareTypeName(b).name;
    if (x === y) return true;
    const cx = chain(x, version);
    const cy = chain(y, version);
    return cx.includes(y) || cy.includes(x) || cx.some((n) => n !== 'entity' && cy.includes(n));
  };
}
