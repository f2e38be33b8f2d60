import { csdlTypeText, declaredTypes, element, misspelledRows, type MetadataRule } from '../types.js';
import { prop, type } from '../fixtures.js';

const CSDL = '<EntityType Name="user"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /><Property Name="mail" Type="Edm.String" /><Property Name="photo" Type="Edm.Stream" /></EntityType>';

export const rule: MetadataRule = {
  id: 'metadata-property-undocumented',
  severity: 'info',
  summary: 'A structural property the service declares is not in the type\'s property table',
  description: 'For each documented type the service declares, each structural property the CSDL type declares itself is looked up among the properties the docs give the type and its documented base types (their property and relationship rows). A property the page\'s JSON representation names without a row is reported as lacking its row, with the JSON key as the docs side. Policy `edm-stream`: an `Edm.Stream` property is the media content of an entity (driveItem.content, a logo), documented as an operation (GET .../content), not in a property table; it is reported with `policy: edm-stream` so that it can be counted apart, not dropped. Policy `documented-misspelled`: a property a row documents under a misspelled name is reported once, by metadata-property-missing on that row; counted here, not reported.',
  example: {
    before: { docs: { types: [type('user', [prop('id', 'String')])] }, csdl: CSDL },
    after: { docs: { types: [type('user', [prop('id', 'String'), prop('mail', 'String'), prop('photo', 'Stream')])] }, csdl: CSDL },
  },
  check(ctx) {
    const out = [];
    for (const { t, ct, documented } of declaredTypes(ctx)) {
      const misspelled = misspelledRows(ctx, t, ct).byMember;
      for (const p of ct.properties) {
        if (documented.has(p.name.toLowerCase())) continue;
        const stream = p.type.name === 'Edm.Stream';
        const as = misspelled.get(p.name.toLowerCase());
        const member = `${ct.namespace}.${ct.name}.${p.name} (${csdlTypeText(p.type)})`;
        // A key only the page's JSON representation names (filterCriteria's "color": no Properties row; labels v367, v378): what
        // the page lacks is the row that describes it.
        const json = as ? undefined : t.jsonOnly?.[p.name.toLowerCase()];
        out.push({
          rule: this.id, subject: t.name, field: `properties.${p.name}`,
          message: as ? `${member} is documented on ${t.name} as ${as.name} (${as.src.file}:${as.src.line}), a wrong name: see metadata-property-missing`
            : json ? `${member} is in the service metadata and in the JSON representation of ${t.name} (${json.file}:${json.line}), but no property row of ${t.name} describes it`
            : `${member} is in the service metadata but not in the documented properties of ${t.name}${stream ? ' (Edm.Stream: media content, documented as an operation by policy)' : ''}`,
          docs: json ? { ...json, value: p.name } : { ...t.src, value: t.name }, metadata: { file: ctx.csdl.file, element: element(ct, p.name), line: p.line, value: csdlTypeText(p.type) },
          ...(as ? { policy: 'documented-misspelled' } : stream ? { policy: 'edm-stream' } : {}),
        });
      }
    }
    return out;
  },
};
