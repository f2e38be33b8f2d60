import { docsValue, documentedProperties, memberSide, type MetadataRule } from '../types.js';
import { prop, type } from '../fixtures.js';

const CSDL = '<EntityType Name="user"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /><Property Name="city" Type="Edm.String" /></EntityType>';

export const rule: MetadataRule = {
  id: 'metadata-property-nullable-differs',
  severity: 'warning',
  summary: 'The docs say "Not nullable" where the service allows null, or state nullable where it does not',
  description: 'Only properties whose nullability the docs state are compared (a description that says "Not nullable" or "Nullable"); the CSDL default is nullable. Structural properties only: navigation nullability is not stated in the docs.',
  example: {
    before: { docs: { types: [type('user', [prop('id', 'String', { nullable: true }), prop('city', 'String', { nullable: false })])] }, csdl: CSDL },
    after: { docs: { types: [type('user', [prop('id', 'String', { nullable: false }), prop('city', 'String', { nullable: true })])] }, csdl: CSDL },
  },
  check(ctx) {
    const out = [];
    for (const { t, p, m } of documentedProperties(ctx)) {
      if (p.nullable === null || !m?.property || m.property.nullable === p.nullable) continue;
      out.push({
        rule: this.id, subject: t.name, field: `properties.${p.name}.nullable`,
        message: `${t.name}.${p.name} is documented as ${p.nullable ? 'nullable' : 'not nullable'} but the service declares Nullable="${m.property.nullable}"`,
        docs: { ...p.src, value: docsValue(p) }, metadata: memberSide(ctx, m, `Nullable=${m.property.nullable}`),
      });
    }
    return out;
  },
};
