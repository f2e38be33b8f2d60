/**
 * The types resource pages define, looked up by name or by the page a link leads to — one lookup for
 * the model's path properties and the metadata comparison's docs side (a response "[Range](../resources/range.md)"
 * is workbookRange, the type range.md defines).
 */
import { linkedFile } from '../util/link.js';
import type { TypeModel } from './schema.js';

export interface TypeLookup {
  /** The resource-defined type of that name (any letter case) in the version. */
  byName(version: string, name: string): TypeModel | undefined;
  /** The type a response or body names: by its name, else — with a link — the type of the page the link leads to (from `fromFile`). */
  named(version: string, name: string, fromFile: string, link?: string): TypeModel | undefined;
  /** The type the resource page a link leads to (from `fromFile`) defines. */
  linked(version: string, fromFile: string, link: string): TypeModel | undefined;
}

export function typeLookup(types: readonly TypeModel[]): TypeLookup {
  const byName = new Map<string, TypeModel>(types.filter((t) => t.sources.some((s) => s.origin === 'resource')).map((t) => [`${t.version}|${t.name.toLowerCase()}`, t]));
  /** The type each resource page defines (its first), by version and lower-cased page path. */
  const byPage = new Map<string, TypeModel>();
  for (const t of byName.values()) for (const s of t.sources) if (s.origin === 'resource' && !byPage.has(`${t.version}|${s.doc.file.toLowerCase()}`)) byPage.set(`${t.version}|${s.doc.file.toLowerCase()}`, t);
  const lookup: TypeLookup = {
    byName: (version, name) => byName.get(`${version}|${name.toLowerCase()}`),
    named(version, name, fromFile, link) {
      return lookup.byName(version, name) ?? (link ? lookup.linked(version, fromFile, link) : undefined);
    },
    linked(version, fromFile, link) {
      const target = linkedFile(fromFile, link); // lower-cased, as the page keys
      return target === undefined ? undefined : byPage.get(`${version}|${target}`);
    },
  };
  return lookup;
}

const lookups = new WeakMap<readonly TypeModel[], TypeLookup>();
/** The lookup of a model's types, made once per model (the outputs ask it for every operation). */
export function typeLookupOf(types: readonly TypeModel[]): TypeLookup {
  let l = lookups.get(types);
  if (!l) { l = typeLookup(types); lookups.set(types, l); }
  return l;
}

/**
 * The type a response means when no page of the version defines the type it names: the type of the resource page its
 * link leads to ("the [page](../resources/page.md) object" is onenotePage). Undefined when its name is a defined type or
 * it has no link to a resource page. The outputs state the response so; the rules read the page's own words.
 */
export function linkedTypeInstead(types: readonly TypeModel[], version: string, ref: { name: string; link?: string }, fromFile: string): TypeModel | undefined {
  const l = typeLookupOf(types);
  if (!ref.link || l.byName(version, ref.name)) return undefined;
  return l.linked(version, fromFile, ref.link);
}

/**
 * The resource page that stands for a type: the one named after it (user.md, not intune-shared-user.md, which the
 * tree also has for user), else the first. Where a finding says a type lacks something, this is the page to fix.
 */
export function typePage(t: TypeModel): TypeModel['sources'][number] | undefined {
  const own = `${t.name.toLowerCase()}.md`;
  const pages = t.sources.filter((s) => s.origin === 'resource');
  return pages.find((s) => s.doc.file.toLowerCase().split('/').pop() === own) ?? pages[0];
}
