import { csdlTypeText, docsValue, documentedProperties, memberSide, type MetadataRule } from '../types.js';
import { prop, type } from '../fixtures.js';

const CSDL = '<EntityType Name="user"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /><Property Name="businessPhones" Type="Collection(Edm.String)" Nullable="false" /></EntityType>';

export const rule: MetadataRule = {
  id: 'metadata-property-collection-differs',
  severity: 'warning',
  summary: 'The docs and the service disagree on whether a property is a collection',
  description: 'A property documented as `X collection` that the service declares single-valued, or the reverse. Applies to structural and navigation properties.',
  example: {
    before: { docs: { types: [type('user', [prop('id', 'String'), prop('businessPhones', 'String')])] }, csdl: CSDL },
    after: { docs: { types: [type('user', [prop('id', 'String'), prop('businessPhones', 'String collection')])] }, csdl: CSDL },
  },
  check(ctx) {
    const out = [];
    for (const { t, p, m } of documentedProperties(ctx)) {
      const cp = m?.property ?? m?.navigation;
      if (!m || !cp || p.type.collection === cp.type.collection) continue;
      out.push({
        rule: this.id, subject: t.name, field: `properties.${p.name}.collection`,
        message: `${t.name}.${p.name} is documented as ${p.type.collection ? 'a collection' : 'single-valued'} but the service declares ${csdlTypeText(cp.type)}`,
        docs: { ...p.src, value: docsValue(p) }, metadata: memberSide(ctx, m, csdlTypeText(cp.type)),
      });
    }
    return out;
  },
};
