/**
 * Types and enums of the model grouped by namespace + name across versions, for type-level rules.
 * Each grouping is computed once per model and shared by every rule that asks (seven rules group
 * the types, six of them take each group's property sources): callers only read what they get.
 */
import type { ApiModel, EnumModel, TypeModel } from '../model/types.js';

type TypeGroup = { key: string; types: TypeModel[] };
type PropertySource = { t: TypeModel; s: TypeModel['properties'][number]['sources'][number] };

/** Once per model (its types array) and per group (its types array): read-only results, shared. */
const typeGroupsOf = new WeakMap<TypeModel[], TypeGroup[]>();
const enumGroupsOf = new WeakMap<EnumModel[], { key: string; enums: EnumModel[] }[]>();
const sourcesOf = new WeakMap<TypeModel[], Map<string, PropertySource[]>>();

export function typeGroups(model: ApiModel): TypeGroup[] {
  let g = typeGroupsOf.get(model.types);
  if (!g) typeGroupsOf.set(model.types, (g = groupTypes(model)));
  return g;
}

function groupTypes(model: ApiModel): TypeGroup[] {
  const m = new Map<string, TypeModel[]>();
  for (const t of model.types) {
    const k = `${t.namespace.toLowerCase()}.${t.name.toLowerCase()}`;
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(t);
  }
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([key, types]) => ({ key, types }));
}

export function enumGroups(model: ApiModel): { key: string; enums: EnumModel[] }[] {
  let g = enumGroupsOf.get(model.enums);
  if (!g) enumGroupsOf.set(model.enums, (g = groupEnums(model)));
  return g;
}

function groupEnums(model: ApiModel): { key: string; enums: EnumModel[] }[] {
  const m = new Map<string, EnumModel[]>();
  for (const e of model.enums) {
    const k = `${e.namespace.toLowerCase()}.${e.name.toLowerCase()}`;
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(e);
  }
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([key, enums]) => ({ key, enums }));
}

/**
 * A workload resource page (`intune-onboarding-user.md` for user) documents a workload's slice of
 * a type from that workload's point of view: its file name puts a workload before the type name.
 */
export function isWorkloadResourcePage(file: string, typeName: string): boolean {
  const parts = (file.split('/').pop() ?? '').replace(/\.[^.]+$/, '').toLowerCase().split(/[-_]/);
  const t = typeName.toLowerCase();
  return parts[0] !== t && parts.slice(1).includes(t);
}

/**
 * Every source of each property name across the group's types (all versions). Where a type has
 * its own resource page, the workload resource pages of that type in the same version are left
 * out: their rows omit what the type's page states (absence is not a difference).
 */
export function propertySources(types: TypeModel[]): Map<string, PropertySource[]> {
  let m = sourcesOf.get(types);
  if (!m) sourcesOf.set(types, (m = sourcesByProperty(types)));
  return m;
}

function sourcesByProperty(types: TypeModel[]): Map<string, PropertySource[]> {
  const out = new Map<string, PropertySource[]>();
  for (const t of types) {
    const own = t.sources.some((x) => x.origin === 'resource' && !isWorkloadResourcePage(x.doc.file, t.name));
    for (const p of t.properties) for (const s of p.sources) {
      if (own && s.origin === 'resource' && isWorkloadResourcePage(s.doc.file, t.name)) continue;
      if (!out.has(p.name)) out.set(p.name, []);
      out.get(p.name)!.push({ t, s });
    }
  }
  return out;
}
