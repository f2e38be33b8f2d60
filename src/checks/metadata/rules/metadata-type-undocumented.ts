import type { MetadataRule } from '../types.js';
import { prop, type } from '../fixtures.js';

export const rule: MetadataRule = {
  id: 'metadata-type-undocumented',
  severity: 'info',
  summary: 'A type the service declares has no resource page (or enum table) in the docs',
  description: 'Every entity, complex and enum type of the CSDL is looked up among the documented types by name (case-insensitive). A missing one is a gap in the docs, or a type the docs name differently (then metadata-type-missing fires on the docs side too).',
  example: {
    before: { docs: { types: [] }, csdl: '<ComplexType Name="identity"><Property Name="displayName" Type="Edm.String" /></ComplexType>' },
    after: { docs: { types: [type('identity', [prop('displayName', 'String')])] }, csdl: '<ComplexType Name="identity"><Property Name="displayName" Type="Edm.String" /></ComplexType>' },
  },
  check(ctx) {
    const docNames = new Set([...ctx.docs.types.map((t) => t.name.toLowerCase()), ...ctx.docs.enums.map((e) => e.name.toLowerCase())]);
    const out = [];
    for (const t of ctx.csdl.types) {
      if (docNames.has(t.name.toLowerCase())) continue;
      out.push({ rule: this.id, subject: t.name, field: 'type', message: `${t.kind === 'entity' ? 'Entity' : 'Complex'} type ${t.namespace}.${t.name} is in the service metadata but no page documents it`, metadata: { file: ctx.csdl.file, element: `${t.kind === 'entity' ? 'EntityType' : 'ComplexType'} ${t.namespace}.${t.name}`, line: t.line, value: t.name } });
    }
    for (const e of ctx.csdl.enums) {
      if (docNames.has(e.name.toLowerCase())) continue;
      out.push({ rule: this.id, subject: e.name, field: 'enum', message: `Enum type ${e.namespace}.${e.name} is in the service metadata but no page documents it`, metadata: { file: ctx.csdl.file, element: `EnumType ${e.namespace}.${e.name}`, line: e.line, value: e.name } });
    }
    return out;
  },
};
