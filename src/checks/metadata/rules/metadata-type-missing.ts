import { element, misnamedTypes, type MetadataRule } from '../types.js';
import { prop, type } from '../fixtures.js';

export const rule: MetadataRule = {
  id: 'metadata-type-missing',
  severity: 'warning',
  summary: 'A type or enum documented by a resource page is not in the service metadata',
  description: 'Each entity, complex or enum type the docs define (resource page, enum table) is looked up in the CSDL by namespace and name, then by name alone, case-insensitively. A type the service does not declare under that name but under its singular — every camel-cased word in the singular, the Dynamics pages\' habit of naming a type after the navigation property (countriesRegions for countryRegion) — or with a prefix the page\'s name lacks (formatProtection for workbookFormatProtection, when one type only ends so), with at least half of the page\'s rows (two or more) among its members — or without a prefix the page\'s name has (deviceHealthScriptRunSchedule for runSchedule, the longest such name), with every member the service\'s type declares among the page\'s rows, or, for a type that declares none, the type the service gives a property the docs type with the page\'s type (deviceHealthScriptAssignment.runSchedule) — is reported with that type named (metadata-type-undocumented then counts the service\'s type under policy `documented-misnamed`). A type the service does not declare is either misnamed in the docs (or in the model, when the page title was taken as the name) or was removed from the service. A type of a namespace below microsoft.graph that the CSDL file does not contain (microsoft.graph.callRecords, which the 2020-05 beta file refers to without its schema) is not compared — neither reported missing nor matched to a microsoft.graph type of the same name — and is counted under policy `namespace-not-in-csdl`. An enum named after a String property of the type or the request body its page documents, or after one whose cell links to the page\'s own values table (the values of onlineMeeting.autoAdmittedUsers under "autoAdmittedUsers values"), is that property\'s list of values, and so is one named after a String parameter the page describes ("## Size values" under the path parameter `size | string` of driveitem-list-thumbnails.md): counted under policy `property-values`, not reported.',
  example: {
    before: { docs: { types: [type('printJob', [prop('id', 'String')])] }, csdl: '<EntityType Name="user"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /></EntityType>' },
    after: { docs: { types: [type('user', [prop('id', 'String')])] }, csdl: '<EntityType Name="user"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /></EntityType>' },
  },
  check(ctx) {
    const out = [];
    const misnamed = misnamedTypes(ctx).byDocs;
    for (const t of ctx.docs.types) {
      if (ctx.csdlType(t.namespace, t.name) || ctx.csdlEnum(t.namespace, t.name)) continue;
      // The page names the type otherwise (countriesRegions for countryRegion, formatProtection for workbookFormatProtection;
      // labels b876, b829): the finding names the service's type.
      const other = misnamed.get(t);
      if (other) {
        const ct = other.csdl;
        out.push({ rule: this.id, subject: t.name, field: 'type', message: `Type ${t.name} is documented but the service metadata declares no type of that name: it declares ${ct.name}, ${other.how === 'plural' ? 'the singular, with the properties the page lists' : other.how === 'prefix' ? 'the same name with a prefix, with the properties the page lists' : `the same name without the page's prefix, ${other.via ? `the type it gives ${other.via}, which the docs type with this one` : 'with every property it declares among the page\'s'}`}`, docs: { ...t.src, value: t.name }, metadata: { file: ctx.csdl.file, element: element(ct), line: ct.line, value: ct.name } });
        continue;
      }
      out.push({ rule: this.id, ...(ctx.namespaceAbsent(t.namespace) ? { policy: 'namespace-not-in-csdl' } : {}), subject: t.name, field: 'type', message: `Type ${t.name} is documented but the service metadata declares no type of that name`, docs: { ...t.src, value: t.name } });
    }
    for (const e of ctx.docs.enums) {
      if (ctx.csdlEnum(e.namespace, e.name) || ctx.csdlType(e.namespace, e.name)) continue;
      // An enum named after a String property on its page lists that property's values (label b434; the model's listsPropertyValues).
      const values = !!e.propertyValues;
      out.push({ rule: this.id, ...(ctx.namespaceAbsent(e.namespace) ? { policy: 'namespace-not-in-csdl' } : values ? { policy: 'property-values' } : {}), subject: e.name, field: 'enum', message: `Enum ${e.name} is documented but the service metadata declares no type of that name`, docs: { ...e.src, value: e.name } });
    }
    return out;
  },
};
