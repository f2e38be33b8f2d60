import { csdlTypeText, docsValue, documentedProperties, element, isInstanceAnnotation, misspelledRows, type MetadataRule } from '../types.js';
import { prop, type } from '../fixtures.js';

const CSDL = '<EntityType Name="user"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /><Property Name="displayName" Type="Edm.String" /></EntityType>';

export const rule: MetadataRule = {
  id: 'metadata-property-missing',
  severity: 'warning',
  summary: 'A documented property is not a property of the type in the service metadata',
  description: 'For each documented type the service declares, each property of its property and relationship tables is looked up among the structural and navigation properties of the CSDL type and its base types (case-insensitive). One the service does not have is misspelled, belongs to another type, or does not exist; when the type declares a member no row documents whose name is one misspelling away (an edit or two, one below 8 letters, or singular for plural: isAzureAadJoined for isAzureAdJoined, appliedConditionalAccessPolicy for appliedConditionalAccessPolicies) and whose type and cardinality the row gives — or one camel-cased word apart at the end, pageLayout for pageLayoutType, or its plural with a collection of its type where the service declares it single, printer\'s shares for share (or the singular, single, for a collection) — the finding names it and points at its element: the row is to be renamed, not the member added (metadata-property-undocumented and metadata-navigation-undocumented count that member under policy `documented-misspelled`). Policy `open-type-dynamic`: a row of a type the service declares open (OpenType="true", on it or a base type) whose page says so in a sentence ("This is an OData open type …", "additional properties may be present …") is a dynamic property the metadata allows: counted, not reported; on an open type the page does not call open in words the row is still reported — the annotation\'s "openType": true alone does not count (v1.0 user.md and device.md carry it, and user.preferredDataLocation or device.model, which the service lacks, were judged gaps). Policy `instance-annotation`: a row named as an OData instance annotation (`@odata.etag`, which shiftPreferences lists) is control information of the payload, never a CSDL property; it is counted under that policy, not reported.',
  example: {
    before: { docs: { types: [type('user', [prop('id', 'String'), prop('displayNmae', 'String')])] }, csdl: CSDL },
    after: { docs: { types: [type('user', [prop('id', 'String'), prop('displayName', 'String')])] }, csdl: CSDL },
  },
  check(ctx) {
    const out = [];
    for (const { t, ct, p, m } of documentedProperties(ctx)) {
      if (m) continue;
      // A row one misspelling away from a member the type declares and no row documents: the row's name is wrong.
      const meant = misspelledRows(ctx, t, ct).byRow.get(p.name.toLowerCase());
      if (meant) {
        const tag = meant.navigation ? 'NavigationProperty' : 'Property';
        out.push({ rule: this.id, subject: t.name, field: `properties.${p.name}`, message: `${t.name}.${p.name} is documented but ${ct.namespace}.${ct.name} has no property of that name; it declares ${meant.name} (${csdlTypeText(meant.type)}), which no row documents: the row's name is ${meant.how === 'misspelled' ? 'misspelled' : meant.how === 'word-short' ? `one word short of it` : meant.how === 'word-over' ? `one word longer than it` : meant.how === 'plural-collection' ? `its plural, and the row a collection of what the service declares single` : `its singular, and the row one of what the service declares a collection`}`, docs: { ...p.src, value: docsValue(p) }, metadata: { file: ctx.csdl.file, element: element(ct, meant.name, tag), line: meant.line, value: csdlTypeText(meant.type) } });
        continue;
      }
      // An open type, said so on both sides (the CSDL's OpenType="true", the page's "This is an OData open type …"): the row is
      // a dynamic property the metadata allows (labels b363, b506, b535, false).
      const dynamic = !!t.openType && ctx.ancestors(ct).some((x) => x.open);
      out.push({ rule: this.id, ...(isInstanceAnnotation(p.name) ? { policy: 'instance-annotation' } : dynamic ? { policy: 'open-type-dynamic' } : {}), subject: t.name, field: `properties.${p.name}`, message: `${t.name}.${p.name} is documented but ${ct.namespace}.${ct.name} (and its base types) has no property of that name`, docs: { ...p.src, value: docsValue(p) }, metadata: { file: ctx.csdl.file, element: element(ct), line: ct.line, value: '(absent)' } });
    }
    return out;
  },
};
