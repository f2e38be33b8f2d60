import { element, localName, typeKey, type MetadataRule } from '../types.js';
import { prop, type } from '../fixtures.js';

const CSDL = '<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /></EntityType><EntityType Name="directoryObject" BaseType="graph.entity" /><EntityType Name="user" BaseType="graph.directoryObject"><Property Name="mail" Type="Edm.String" /></EntityType>';

export const rule: MetadataRule = {
  id: 'metadata-base-type-differs',
  severity: 'warning',
  summary: 'The documented base type is not the one the service declares',
  description: 'Compared by local name, case-insensitively. A docs type that states no base type is compared only when the service\'s base type is not `entity` (the docs often leave the root `entity` implicit); then the missing inheritance is reported.',
  example: {
    before: { docs: { types: [type('user', [prop('mail', 'String')], { baseType: 'entity' })] }, csdl: CSDL },
    after: { docs: { types: [type('user', [prop('mail', 'String')], { baseType: 'directoryObject' })] }, csdl: CSDL },
  },
  check(ctx) {
    const out = [];
    for (const t of ctx.docs.types) {
      const ct = ctx.csdlType(t.namespace, t.name);
      if (!ct) continue;
      const docBase = t.baseType ? typeKey(t.baseType.name) : undefined;
      const csdlBase = ct.baseType ? typeKey(ct.baseType) : undefined;
      if (docBase === csdlBase) continue;
      if (!docBase && csdlBase === 'entity') continue;
      out.push({
        rule: this.id, subject: t.name, field: 'baseType', args: [docBase ?? '', csdlBase ?? ''],
        message: `${t.name} is documented ${t.baseType ? `as derived from ${t.baseType.name}` : 'without a base type'} but the service declares ${ct.baseType ? `base type ${localName(ct.baseType)}` : 'no base type'}`,
        docs: { ...(t.baseType?.src ?? t.src), value: t.baseType?.name ?? '(none)' }, metadata: { file: ctx.csdl.file, element: element(ct), line: ct.line, value: ct.baseType ?? '(none)' },
      });
    }
    return out;
  },
};
