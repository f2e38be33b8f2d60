/**
 * An operation documented once per derived type (the Intune pages: one `POST /deviceAppManagement/mobileApps` page per
 * kind of app, each a polymorphic variant, `subtype`): what it takes and returns is their common base type, not the
 * primary page's own subtype. The outputs state it so; the model keeps each page's type.
 */
import type { OperationVariant, TypeModel } from './types.js';
import { linkedTypeInstead, typeLookupOf } from './type-lookup.js';

export interface Polymorphic {
  /** The nearest type every variant's documented type is or derives from (never `entity`). */
  base: TypeModel;
  /** The documented types of the version's variants, the primary's first. */
  types: string[];
}

/** The common base of a version's variants when some are polymorphic variants of the primary; undefined otherwise. */
export function polymorphicBase(vs: readonly OperationVariant[], main: OperationVariant, types: readonly TypeModel[]): Polymorphic | undefined {
  const own = main.documentedType?.name;
  if (!own || !vs.some((v) => v.subtype)) return undefined;
  const lookup = typeLookupOf(types);
  const chain = (name: string): TypeModel[] => {
    const out: TypeModel[] = [];
    for (let t = lookup.byName(main.version, name); t && out.length < 20 && !out.includes(t); t = t.baseType ? lookup.byName(main.version, t.baseType.name) : undefined) out.push(t);
    return out;
  };
  const names = [own, ...new Set(vs.filter((v) => v.subtype && v !== main).map((v) => v.subtype!))];
  const chains = names.map(chain);
  if (chains.some((c) => !c.length)) return undefined;
  const base = chains[0]!.find((t) => t.name.toLowerCase() !== 'entity' && chains.every((c) => c.includes(t)));
  return base ? { base, types: names } : undefined;
}

/** `name` as the outputs state it: the common base when `name` is the primary's own documented type, else `name`. */
export function statedType(name: string, poly: Polymorphic | undefined, main: OperationVariant): { name: string; namespace?: string } {
  return poly && name.toLowerCase() === main.documentedType!.name.toLowerCase() ? { name: poly.base.name, namespace: poly.base.namespace } : { name };
}

/**
 * The response type of the primary page as the outputs state it (OpenAPI and TypeScript alike): a name no page of the
 * version defines but linked to a resource page is that page's type (type-lookup.ts), and the primary's own subtype is
 * the common base. `namespace`: the type's, when resolved to one; else the caller's (the page's namespace).
 */
export function statedResponseType(types: readonly TypeModel[], main: OperationVariant, poly: Polymorphic | undefined): { name: string; namespace?: string } | undefined {
  const bt = main.response?.bodyType;
  if (!bt) return undefined;
  const linked = linkedTypeInstead(types, main.version, bt, main.doc.file);
  const stated = statedType(linked?.name ?? bt.name, poly, main);
  const namespace = stated.namespace ?? linked?.namespace;
  return namespace === undefined ? { name: stated.name } : { name: stated.name, namespace };
}
