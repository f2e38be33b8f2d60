import { docsValue, documentedProperties, memberSide, type MetadataRule } from '../types.js';
import { prop, type } from '../fixtures.js';

const CSDL = '<EntityType Name="user"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /><NavigationProperty Name="manager" Type="graph.directoryObject" /></EntityType>';

export const rule: MetadataRule = {
  id: 'metadata-navigation-kind-differs',
  severity: 'warning',
  summary: 'A relationship documented as a property, or a property documented as a relationship',
  description: 'The docs list navigation properties in a Relationships table and structural ones in the Properties table. A name in the Properties table that the service declares as a NavigationProperty (it must be expanded, not selected), or in the Relationships table that the service declares as a structural Property, is in the wrong table.',
  example: {
    before: { docs: { types: [type('user', [prop('id', 'String'), prop('manager', 'directoryObject')])] }, csdl: CSDL },
    after: { docs: { types: [type('user', [prop('id', 'String'), prop('manager', 'directoryObject', { navigation: true })])] }, csdl: CSDL },
  },
  check(ctx) {
    const out = [];
    for (const { t, p, m } of documentedProperties(ctx)) {
      if (!m || !!p.navigation === !m.property) continue;
      const message = p.navigation
        ? `${t.name}.${p.name} is in the Relationships table but the service declares it a structural property`
        : `${t.name}.${p.name} is in the Properties table but the service declares it a navigation property`;
      out.push({ rule: this.id, subject: t.name, field: `properties.${p.name}.navigation`, message, docs: { ...p.src, value: docsValue(p) }, metadata: memberSide(ctx, m, m.property ? 'Property' : 'NavigationProperty') });
    }
    return out;
  },
};
