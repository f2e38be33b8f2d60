/** Small builders for the rules' before/after examples (and tests). */
import type { DocsEnum, DocsOperation, DocsPermission, DocsProperty, DocsType, DSrc } from './docs-side.js';

export const at = (file: string, line: number): DSrc => ({ file, line, column: 1 });

const PRIMITIVES = new Set(['String', 'Boolean', 'Int16', 'Int32', 'Int64', 'Byte', 'SByte', 'Double', 'Single', 'Decimal', 'DateTimeOffset', 'Date', 'TimeOfDay', 'Duration', 'Guid', 'Binary', 'Stream']);

/** `prop('id', 'String')`, `prop('manager', 'user', { navigation: true })`, `prop('tags', 'String collection')`. */
export function prop(name: string, type: string, o: Partial<Omit<DocsProperty, 'name' | 'type'>> = {}): DocsProperty {
  const collection = / collection$/.test(type);
  const n = type.replace(/ collection$/, '');
  return { name, type: { name: n, primitive: PRIMITIVES.has(n), collection }, nullable: null, navigation: false, src: at('resources/x.md', 10), ...o };
}

export function type(name: string, properties: DocsProperty[], o: { baseType?: string; file?: string } = {}): DocsType {
  const file = o.file ?? `resources/${name.toLowerCase()}.md`;
  const t: DocsType = { namespace: 'microsoft.graph', name, properties: properties.map((p) => ({ ...p, src: at(file, p.src.line) })), src: at(file, 1) };
  if (o.baseType) t.baseType = { name: o.baseType, src: at(file, 5) };
  return t;
}

export function enumType(name: string, members: string[]): DocsEnum {
  const file = `resources/${name.toLowerCase()}.md`;
  return { namespace: 'microsoft.graph', name, members: members.map((m, i) => ({ name: m, src: at(file, 10 + i) })), src: at(file, 8) };
}

export function op(key: string, file = 'api/x.md'): DocsOperation {
  const i = key.indexOf(' ');
  return { key, method: key.slice(0, i), path: key.slice(i + 1), src: at(file, 20) };
}

export function perm(name: string, type: DocsPermission['type'] = 'delegatedWork'): DocsPermission {
  return { name, type, src: at('api/x.md', 12) };
}

/** A CSDL document around schema content (namespace microsoft.graph, alias graph). */
export function csdlDocument(schema: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Alias="graph" Namespace="microsoft.graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
${schema}
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`;
}

/** A scope catalogue from `Type:Name` entries. */
export function scopeCatalogueDocument(entries: string[]): string {
  const byType = new Map<string, string[]>();
  for (const e of entries) { const [t, n] = e.split(':') as [string, string]; byType.set(t, [...(byType.get(t) ?? []), n]); }
  const records = [...byType].map(([t, names]) => `<Record Type="Org.OData.Authorization.V1.OAuth2Implicit"><PropertyValue Property="Name" String="${t}" /><PropertyValue Property="Scopes"><Collection>${names.map((n) => `<Record><PropertyValue Property="Scope" String="${n}" /></Record>`).join('')}</Collection></PropertyValue></Record>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<Schema>
  <Annotations Target="microsoft.graph.GraphService">
    <Annotation Term="Org.OData.Authorization.V1.Authorizations">
      <Collection>
${records}
      </Collection>
    </Annotation>
  </Annotations>
</Schema>
`;
}

/** CSDL of the action-parameter rules' examples: assignLicense(addLicenses, removeLicenses) bound to user. */
export const ASSIGN_LICENSE_CSDL = '<EntityType Name="user"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /></EntityType><Action Name="assignLicense" IsBound="true"><Parameter Name="bindingParameter" Type="graph.user" /><Parameter Name="addLicenses" Type="Collection(Edm.String)" /><Parameter Name="removeLicenses" Type="Collection(Edm.Guid)" /><ReturnType Type="graph.user" /></Action><EntityContainer Name="GraphService"><EntitySet Name="users" EntityType="microsoft.graph.user" /></EntityContainer>';

/** A documented assignLicense call whose request-body table lists these parameters. */
export function assignLicenseCall(names: string[]): DocsOperation {
  return { ...op('POST /users/{}/assignLicense'), bodyParameters: names.map((n, i) => ({ name: n, src: at('api/x.md', 40 + i) })) };
}
