import { csdlTypeText, docsValue, documentedProperties, memberSide, typeKey, type MetadataRule } from '../types.js';
import { prop, type } from '../fixtures.js';

const CSDL = '<EntityType Name="user"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /><Property Name="age" Type="Edm.Int32" /></EntityType>';

export const rule: MetadataRule = {
  id: 'metadata-property-type-differs',
  severity: 'warning',
  summary: 'A documented property\'s type is not the type the service declares',
  description: 'The type the docs give a property (the model\'s choice where pages disagree) is compared with the CSDL property\'s type by local name, case-insensitively (`String` ≡ `Edm.String`, `user` ≡ `microsoft.graph.user`). A type cell that links to the page\'s own values table (`[killChain](#killchain-values) collection`) is the String whose values it lists when the service declares a String. Policy `enum-as-string`: the docs write `String` for a property the service types as an enum (the members are then usually listed in prose); reported with that policy tag and severity info. Policy `generic-number`: the docs write a generic word (`numeric`, `number`) for a property the service types as a number (`Edm.Decimal`, `Edm.Int32`, …): imprecise rather than another kind of value; reported with that tag and severity info. Policy `documented-derived-type`: the docs name a type derived from the declared one (call.mediaConfig documented as appHostedMediaConfig, one of the two derived types of the abstract mediaConfig the row names): narrower, not contradicting; counted under that policy, not reported. Policy `open-type-bag`: the docs write `Object` (a free-form object) for a property the service types as an open type that declares no member, itself or by a base type (externalItem.properties: graph.properties): the same property bag; counted under that policy, not reported.',
  example: {
    before: { docs: { types: [type('user', [prop('id', 'String'), prop('age', 'String')])] }, csdl: CSDL },
    after: { docs: { types: [type('user', [prop('id', 'String'), prop('age', 'Int32')])] }, csdl: CSDL },
  },
  check(ctx) {
    const out = [];
    for (const { t, p, m } of documentedProperties(ctx)) {
      const cp = m?.property ?? m?.navigation;
      if (!m || !cp) continue;
      if (typeKey(p.type.name) === typeKey(cp.type.name)) continue;
      // A cell linking to the page's own values table names the String whose values it lists (tiIndicator.killChain |
      // [killChain](#killchain-values) collection; label b431) — unless the service declares a type of that name.
      if (p.type.ownValues && typeKey(cp.type.name) === 'string') continue;
      // The docs name a type derived from the declared one (call.mediaConfig: appHostedMediaConfig or serviceHostedMediaConfig, of the abstract mediaConfig).
      const declared = ctx.typeByQName(cp.type.name);
      const documented = declared && ctx.csdlType(t.namespace, p.type.name);
      const derived = !!documented && documented !== declared && ctx.ancestors(documented).includes(declared);
      // A free-form object (`Object`, the model's Json) where the service declares an open type without members of its own or
      // of a base (externalItem.properties: graph.properties, OpenType="true", no Property): the same property bag (label b505).
      const bag = FREE_FORM.test(p.type.name) && !!declared?.open && [declared, ...ctx.ancestors(declared)].every((x) => !x.properties.length && !x.navigation.length);
      const enumAsString = typeKey(p.type.name) === 'string' && !!ctx.csdl.enums.find((e) => `${e.namespace}.${e.name}`.toLowerCase() === cp.type.name.toLowerCase());
      // "numeric" (the Business Central pages' word for every amount) where the service declares a number: imprecise, not
      // another kind of value (labels b100, misdescribed at warning, and b607, false).
      const genericNumber = GENERIC_NUMBER.test(p.type.name) && EDM_NUMBER.test(cp.type.name);
      out.push({
        rule: this.id, subject: t.name, field: `properties.${p.name}.type`, args: [p.type.name, cp.type.name],
        message: bag ? `${t.name}.${p.name} is documented as ${p.type.name}, the free-form object the service declares: ${cp.type.name}, an open type without members`
          : genericNumber ? `${t.name}.${p.name} is documented as ${p.type.name}, a generic word for the number type the service declares: ${cp.type.name}`
          : `${t.name}.${p.name} is documented as ${p.type.name} but the service declares ${cp.type.name}`,
        docs: { ...p.src, value: docsValue(p) }, metadata: memberSide(ctx, m, csdlTypeText(cp.type)),
        ...(derived ? { policy: 'documented-derived-type' } : bag ? { policy: 'open-type-bag' } : enumAsString ? { policy: 'enum-as-string', severity: 'info' as const }
          : genericNumber ? { policy: 'generic-number', severity: 'info' as const } : {}),
      });
    }
    return out;
  },
};

const GENERIC_NUMBER = /^(?:numeric|number)$/i;
/** A type name the docs give a free-form JSON object (`Object`, normalized to Json by the model). */
const FREE_FORM = /^(?:json|object)$/i;
const EDM_NUMBER = /^Edm\.(?:Byte|SByte|Int16|Int32|Int64|Single|Double|Decimal)$/i;
