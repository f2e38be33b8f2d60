/** Types and enums of the model grouped by namespace + name across versions, for type-level rules. */
import type { ApiModel, EnumModel, TypeModel } from '../model/types.js';

export function typeGroups(model: ApiModel): { key: string; types: TypeModel[] }[] {
  const m = new Map<string, TypeModel[]>();
  for (const t of model.types) {
    const k = `${t.namespace.toLowerCase()}.${t.name.toLowerCase()}`;
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(t);
  }
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([key, types]) => ({ key, types }));
}

export function enumGroups(model: ApiModel): { key: string; enums: EnumModel[] }[] {
  const m = new Map<string, EnumModel[]>();
  for (const e of model.enums) {
    const k = `${e.namespace.toLowerCase()}.${e.name.toLowerCase()}`;
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(e);
  }
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([key, enums]) => ({ key, enums }));
}

/** Every source of each property name across the group's types (all versions). */
export function propertySources(types: TypeModel[]): Map<string, { t: TypeModel; s: TypeModel['properties'][number]['sources'][number] }[]> {
  const out = new Map<string, { t: TypeModel; s: TypeModel['properties'][number]['sources'][number] }[]>();
  for (const t of types) for (const p of t.properties) for (const s of p.sources) {
    if (!out.has(p.name)) out.set(p.name, []);
    out.get(p.name)!.push({ t, s });
  }
  return out;
}
