import { csdlTypeText, declaredTypes, element, misspelledRows, WORKBOOK_FUNCTIONS, type MetadataRule } from '../types.js';
import { prop, type } from '../fixtures.js';

const CSDL = '<EntityType Name="user"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /><NavigationProperty Name="manager" Type="graph.directoryObject" /></EntityType>';

export const rule: MetadataRule = {
  id: 'metadata-navigation-undocumented',
  severity: 'info',
  summary: 'A navigation property the service declares is not in the type\'s Relationships table',
  description: 'Each navigation property the CSDL type declares itself is looked up among the properties and relationships the docs give the type and its documented base types. Policy `workbook-functions`: workbook.functions, which reaches the Excel worksheet functions, is documented by a section of the workbook page of its own, with them; counted under that policy, not reported. Policy `documented-misspelled`: a navigation property a row documents under a misspelled name (schedule.timeOffRequests as timeoffrequest) is reported once, by metadata-property-missing on that row; counted here, not reported.',
  example: {
    before: { docs: { types: [type('user', [prop('id', 'String')])] }, csdl: CSDL },
    after: { docs: { types: [type('user', [prop('id', 'String'), prop('manager', 'directoryObject', { navigation: true })])] }, csdl: CSDL },
  },
  check(ctx) {
    const out = [];
    for (const { t, ct, documented } of declaredTypes(ctx)) {
      const misspelled = misspelledRows(ctx, t, ct).byMember;
      for (const n of ct.navigation) {
        if (documented.has(n.name.toLowerCase())) continue;
        const as = misspelled.get(n.name.toLowerCase());
        out.push({ rule: this.id, ...(n.type.name === WORKBOOK_FUNCTIONS ? { policy: 'workbook-functions' } : as ? { policy: 'documented-misspelled' } : {}), subject: t.name, field: `relationships.${n.name}`, message: `${ct.namespace}.${ct.name}.${n.name} (${csdlTypeText(n.type)}) is a navigation property in the service metadata but not documented on ${t.name}${as ? ` (documented as ${as.name}, ${as.src.file}:${as.src.line}, a wrong name: see metadata-property-missing)` : ''}`, docs: { ...t.src, value: t.name }, metadata: { file: ctx.csdl.file, element: element(ct, n.name, 'NavigationProperty'), line: n.line, value: csdlTypeText(n.type) } });
      }
    }
    return out;
  },
};
