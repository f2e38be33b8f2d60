import { docsValue, documentedProperties, element, isInstanceAnnotation, type MetadataRule } from '../types.js';
import { prop, type } from '../fixtures.js';

const CSDL = '<EntityType Name="user"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /><Property Name="displayName" Type="Edm.String" /></EntityType>';

export const rule: MetadataRule = {
  id: 'metadata-property-missing',
  severity: 'warning',
  summary: 'A documented property is not a property of the type in the service metadata',
  description: 'For each documented type the service declares, each property of its property and relationship tables is looked up among the structural and navigation properties of the CSDL type and its base types (case-insensitive). One the service does not have is misspelled, belongs to another type, or does not exist. Policy `instance-annotation`: a row named as an OData instance annotation (`@odata.etag`, which shiftPreferences lists) is control information of the payload, never a CSDL property; it is counted under that policy, not reported.',
  example: {
    before: { docs: { types: [type('user', [prop('id', 'String'), prop('displayNmae', 'String')])] }, csdl: CSDL },
    after: { docs: { types: [type('user', [prop('id', 'String'), prop('displayName', 'String')])] }, csdl: CSDL },
  },
  check(ctx) {
    const out = [];
    for (const { t, ct, p, m } of documentedProperties(ctx)) {
      if (m) continue;
      out.push({ rule: this.id, ...(isInstanceAnnotation(p.name) ? { policy: 'instance-annotation' } : {}), subject: t.name, field: `properties.${p.name}`, message: `${t.name}.${p.name} is documented but ${ct.namespace}.${ct.name} (and its base types) has no property of that name`, docs: { ...p.src, value: docsValue(p) }, metadata: { file: ctx.csdl.file, element: element(ct), line: ct.line, value: '(absent)' } });
    }
    return out;
  },
};
