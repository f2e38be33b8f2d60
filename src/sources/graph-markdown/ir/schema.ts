/**
 * The page IR and merged-model shapes, defined once with TypeBox: the TypeScript types are
 * derived from the same objects that are published as `generated/ir.schema.json`.
 *
 * Conventions:
 *  - every extracted fact has `src` (file, line, column; 1-based) pointing at the text it came from
 *    (for spliced includes, into the included file);
 *  - optional facts are omitted, never `undefined`; "stated as empty" is distinct from "absent".
 */
import { Type as T, type Static, type TSchema } from '@sinclair/typebox';
// The shared vocabulary (positions, severities, versions, type references, diagnostics, resource
// facts) belongs to the model; the page IR is built from it.
import { Src, Severity, Diagnostic, TypeRef, ApiVersion, ResourceFacts } from '../../../model/schema.js';
export { Src, Severity, Diagnostic, TypeRef, ApiVersion };

export const IR_VERSION = '1.0.0';

const Nullable = <S extends TSchema>(s: S) => T.Union([s, T.Null()]);

export const Located = <S extends TSchema>(value: S) =>
  T.Object({ value, src: Src }, { additionalProperties: false });
const LocatedString = Located(T.String());
export type LocatedString = Static<typeof LocatedString>;

export const VersionEvidence = T.Object(
  {
    kind: T.Union([T.Literal('path'), T.Literal('disclaimer'), T.Literal('example-url'), T.Literal('front-matter')]),
    value: ApiVersion,
    text: T.String({ description: 'The text that is the evidence' }),
    src: Src,
  },
  { additionalProperties: false },
);
export type VersionEvidence = Static<typeof VersionEvidence>;

export const PathParameter = T.Object(
  {
    name: T.String({ description: 'Placeholder text as written, without braces' }),
    alternatives: T.Array(T.String(), { description: 'For `{id | userPrincipalName}`: each alternative' }),
  },
  { additionalProperties: false },
);

export const Operation = T.Object(
  {
    method: T.String(),
    path: T.String({ description: 'Path template exactly as written (query string excluded)' }),
    query: T.Optional(T.String({ description: 'Query string as written, without "?"' })),
    key: T.String({ description: 'Normalized key: METHOD + path with placeholders collapsed to {} and /me as /users/{}' }),
    pathParameters: T.Array(PathParameter),
    fromExample: T.Boolean({ description: 'true when recovered from an example request because the HTTP block was empty' }),
    src: Src,
  },
  { additionalProperties: false },
);
export type Operation = Static<typeof Operation>;

export const PermissionType = T.Union([
  T.Literal('delegatedWork'),
  T.Literal('delegatedPersonal'),
  T.Literal('application'),
  T.Literal('unspecified'),
]);
export type PermissionType = Static<typeof PermissionType>;

export const PermissionName = T.Object(
  {
    name: T.String(),
    privilege: T.Optional(T.Union([T.Literal('least'), T.Literal('higher')], { description: 'Tables with "Least privileged permissions | Higher privileged permissions" columns: which column named it' })),
    together: T.Optional(T.Array(T.String(), { description: 'Names joined to this one by "and" in the cell: needed together' })),
    src: Src,
  },
  { additionalProperties: false },
);
export type PermissionName = Static<typeof PermissionName>;

export const PermissionEntry = T.Object(
  {
    type: PermissionType,
    typeText: T.String({ description: 'The type cell as written' }),
    resource: T.Optional(T.String({ description: 'For tables keyed by resource (or transposed tables): the resource the row is about' })),
    state: T.Union(
      [T.Literal('listed'), T.Literal('not-supported'), T.Literal('empty'), T.Literal('varies'), T.Literal('todo'), T.Literal('unrecognized')],
      { description: 'listed: permissions given; varies: see workloads; empty: cell left blank' },
    ),
    permissions: T.Array(PermissionName, { description: 'Every name of the row in order (least privileged column first, then higher privileged); see privilege' }),
    higherPrivileged: T.Optional(T.Object(
      { state: T.Union([T.Literal('listed'), T.Literal('not-available'), T.Literal('not-supported'), T.Literal('empty'), T.Literal('todo'), T.Literal('unrecognized')]), text: T.String(), src: Src },
      { additionalProperties: false, description: 'The "Higher privileged permissions" cell: its state ("Not available." = none higher); its names are in permissions with privilege "higher"' },
    )),
    notes: T.Optional(T.Array(T.Object({ text: T.String(), src: Src }, { additionalProperties: false }), { description: 'Text in the permission cells that is not a permission name (notes, conditions)' })),
    scenario: T.Optional(T.Object(
      {
        text: T.String({ description: 'What introduces the table: a sub-heading, a prose line ("Permissions to update an assignment for a user:"), request lines or an annotation\'s requestUrls' }),
        boundBy: T.Union([T.Literal('request-lines'), T.Literal('annotation'), T.Literal('prose'), T.Literal('page')], { description: 'How the operations were found; page: the scenario does not narrow them, the table applies to every operation of the page' }),
        operations: T.Array(T.String(), { description: 'Keys of the operations the table covers' }),
        src: Src,
      },
      { additionalProperties: false },
    )),
    workloads: T.Array(
      T.Object(
        { workload: T.String(), permissions: T.Array(PermissionName), state: T.Union([T.Literal('listed'), T.Literal('not-supported'), T.Literal('empty')]), src: Src },
        { additionalProperties: false },
      ),
    ),
    src: Src,
  },
  { additionalProperties: false },
);
export type PermissionEntry = Static<typeof PermissionEntry>;

export const Permissions = T.Object(
  {
    state: T.Union([T.Literal('table'), T.Literal('scopes'), T.Literal('empty'), T.Literal('not-extracted')], {
      description: 'table: permission table(s); scopes: old-style scope list; empty: section/table present but nothing stated',
    }),
    order: Nullable(T.Union([T.Literal('least-to-most'), T.Literal('most-to-least')])),
    orderText: T.Optional(T.String()),
    entries: T.Array(PermissionEntry),
    propertyScopes: T.Array(
      T.Object({ property: T.String(), permissions: T.Array(PermissionName), src: Src }, { additionalProperties: false }),
      { description: 'Extra permissions that prose ties to one property' },
    ),
    additional: T.Optional(T.Array(
      T.Object({ text: T.String({ description: 'The callout or sentence as written' }), permissions: T.Array(PermissionName), src: Src }, { additionalProperties: false }),
      { description: 'Extra permissions stated outside the table ("> [!IMPORTANT] In addition to the permissions listed …")' },
    )),
    src: Src,
  },
  { additionalProperties: false },
);
export type Permissions = Static<typeof Permissions>;

export const NationalCloud = T.Object(
  { cloud: T.String(), available: Nullable(T.Boolean()), src: Src },
  { additionalProperties: false },
);

export const Header = T.Object(
  {
    name: T.String(),
    value: T.String({ description: 'Value/description cell as text' }),
    required: Nullable(T.Boolean()),
    src: Src,
  },
  { additionalProperties: false },
);
export type Header = Static<typeof Header>;

export const Parameter = T.Object(
  {
    name: T.String(),
    type: T.Optional(TypeRef),
    description: T.String(),
    required: Nullable(T.Boolean()),
    group: T.Optional(T.String({ description: 'Group row (e.g. **Onboarding**) the row stands under' })),
    src: Src,
  },
  { additionalProperties: false },
);
export type Parameter = Static<typeof Parameter>;

export const TableInfo = T.Object(
  {
    section: T.String({ description: 'Section kind the table stands in' }),
    classification: T.String({ description: 'permissions, headers, query-parameters, properties, parameters, relationships, methods, enum-members, national-clouds, unknown' }),
    columns: T.Array(T.String()),
    rows: T.Integer(),
    taken: T.Optional(T.Object(
      {
        by: T.String({ description: 'The extractor that read the table' }),
        rows: T.Integer({ description: 'Rows that became facts' }),
        groupRows: T.Integer({ description: 'One-cell group rows (they set the group of the rows below)' }),
        skipped: T.Integer({ description: 'Rows not taken; each has a diagnostic' }),
        cells: T.Optional(T.Integer({ description: 'Non-empty body cells in the table' })),
        cellsLanded: T.Optional(T.Integer({ description: 'Non-empty cells whose content is in the IR' })),
        cellsExplained: T.Optional(T.Integer({ description: 'Non-empty cells not in the IR, each named by a diagnostic (column ignored, row skipped, note dropped)' })),
      },
      { additionalProperties: false },
    )),
    src: Src,
  },
  { additionalProperties: false },
);
export type TableInfo = Static<typeof TableInfo>;

export const Property = T.Object(
  {
    name: T.String(),
    type: TypeRef,
    description: T.String(),
    required: Nullable(T.Boolean()),
    readOnly: T.Boolean(),
    nullable: Nullable(T.Boolean({ description: 'false when the description says "Not nullable"' })),
    deprecated: T.Optional(T.Boolean({ description: 'true when the name cell or description marks the property deprecated' })),
    group: T.Optional(T.String()),
    src: Src,
  },
  { additionalProperties: false },
);
export type Property = Static<typeof Property>;

export const RequestBody = T.Object(
  {
    typeName: T.Optional(T.String({ description: 'Resource the prose says the body represents' })),
    tableKind: T.Union([T.Literal('properties'), T.Literal('parameters'), T.Literal('none')]),
    requiredWhenCreating: T.Boolean({ description: 'The page says its table lists the properties "required when you create"' }),
    properties: T.Array(Property),
    noBody: T.Boolean({ description: 'The prose says not to supply a body' }),
    src: Src,
  },
  { additionalProperties: false },
);
export type RequestBody = Static<typeof RequestBody>;

export const Status = T.Object({ code: T.Integer(), text: T.String(), src: Src }, { additionalProperties: false });
export type Status = Static<typeof Status>;

export const Response = T.Object(
  {
    statuses: T.Array(Status),
    bodyType: T.Optional(T.Object({ name: T.String(), collection: T.Boolean(), link: T.Optional(T.String({ description: 'Link target the name was read from' })), src: Src }, { additionalProperties: false })),
    bodyDescribed: T.Optional(T.Object(
      { format: T.String({ description: 'csv, json, binary, redirect, text …' }), text: T.String(), src: Src },
      { additionalProperties: false, description: 'A body described only in prose (a report in CSV, a redirect to a download URL), not by a type' },
    )),
    noBody: T.Boolean(),
    src: Src,
  },
  { additionalProperties: false },
);
export type Response = Static<typeof Response>;

export const ErrorResponse = T.Object(
  {
    status: Nullable(T.Integer()),
    statusText: T.String({ description: 'The status cell as written' }),
    code: T.String({ description: 'Error code' }),
    message: T.String(),
    src: Src,
  },
  { additionalProperties: false },
);
export type ErrorResponse = Static<typeof ErrorResponse>;

export const FunctionParameter = T.Object(
  {
    name: T.String(),
    type: T.Optional(TypeRef),
    description: T.String(),
    required: Nullable(T.Boolean()),
    location: T.Union([T.Literal('path'), T.Literal('query'), T.Literal('unknown')], { description: 'path: inside the function call of a request line, query: after "?" / named as a query parameter' }),
    src: Src,
  },
  { additionalProperties: false },
);
export type FunctionParameter = Static<typeof FunctionParameter>;

export const HttpHeaderLine = T.Object({ name: T.String(), value: T.String(), src: Src }, { additionalProperties: false });

export const Body = T.Object(
  {
    contentType: T.Optional(T.String()),
    format: T.Union([T.Literal('json'), T.Literal('lenient-json'), T.Literal('raw'), T.Literal('none')], {
      description: 'json: strict JSON; lenient-json: parsed after repairs (see repairs); raw: kept as text',
    }),
    json: T.Optional(T.Unknown()),
    raw: T.String({ description: 'The body text as shown' }),
    repairs: T.Optional(T.Array(T.String())),
    src: Src,
  },
  { additionalProperties: false },
);
export type Body = Static<typeof Body>;

export const Annotation = T.Object(
  { fields: T.Record(T.String(), T.Unknown()), src: Src },
  { additionalProperties: false },
);
export type Annotation = Static<typeof Annotation>;

export const ExampleRequest = T.Object(
  {
    index: T.Integer(),
    example: T.String({ description: 'Example heading it stands under' }),
    method: T.String(),
    url: T.String(),
    version: T.Optional(ApiVersion),
    path: T.String({ description: 'URL path after host and version' }),
    headers: T.Array(HttpHeaderLine),
    body: T.Optional(Body),
    annotation: T.Optional(Annotation),
    blankLineBeforeHeaders: T.Boolean(),
    src: Src,
  },
  { additionalProperties: false },
);
export type ExampleRequest = Static<typeof ExampleRequest>;

export const ExampleResponse = T.Object(
  {
    index: T.Integer(),
    example: T.String(),
    answers: Nullable(T.Integer({ description: 'index of the request it answers' })),
    statusLine: T.Object(
      { raw: T.String(), httpVersion: T.String(), code: Nullable(T.Integer()), text: T.String(), wellFormed: T.Boolean() },
      { additionalProperties: false },
    ),
    headers: T.Array(HttpHeaderLine),
    body: T.Optional(Body),
    annotation: T.Optional(Annotation),
    odataType: T.Optional(T.Object(
      { name: T.String(), namespace: T.String(), collection: T.Boolean() },
      { additionalProperties: false, description: 'The annotation\'s "@odata.type" read: `Collection(microsoft.graph.user)` → user, microsoft.graph, collection' },
    )),
    src: Src,
  },
  { additionalProperties: false },
);
export type ExampleResponse = Static<typeof ExampleResponse>;

export const Relationship = T.Object(
  { name: T.String(), type: TypeRef, description: T.String(), group: T.Optional(T.String({ description: 'Group row (e.g. **Apps**) the row stands under' })), src: Src },
  { additionalProperties: false },
);
export type Relationship = Static<typeof Relationship>;

export const EnumMember = T.Object(
  { name: T.String(), value: T.Optional(T.String()), description: T.String(), src: Src },
  { additionalProperties: false },
);
export const EnumDef = T.Object(
  { name: T.String(), members: T.Array(EnumMember), src: Src },
  { additionalProperties: false },
);
export type EnumDef = Static<typeof EnumDef>;

export const MethodLink = T.Object(
  { text: T.String(), target: T.Optional(T.String()), returnType: T.Optional(T.String()), description: T.String(), src: Src },
  { additionalProperties: false },
);

export const JsonRepresentation = T.Object(
  {
    annotation: T.Optional(Annotation),
    json: T.Optional(T.Unknown()),
    propertyNames: T.Array(T.String()),
    src: Src,
  },
  { additionalProperties: false },
);

export const IncludeRef = T.Object(
  {
    label: T.String(),
    target: T.String({ description: 'Target as written' }),
    resolved: T.Optional(T.String({ description: 'Resolved path when the include was spliced in' })),
    kind: T.Union([T.Literal('content'), T.Literal('snippet'), T.Literal('unresolved')]),
    src: Src,
  },
  { additionalProperties: false },
);

export const Section = T.Object(
  {
    kind: T.String(),
    heading: T.String(),
    depth: T.Integer(),
    empty: T.Boolean({ description: 'No content other than comments' }),
    none: T.Boolean({ description: 'The section states there is nothing ("None.")' }),
    src: Src,
  },
  { additionalProperties: false },
);
export type Section = Static<typeof Section>;

export const PageKind = T.Union([T.Literal('operation'), T.Literal('resource'), T.Literal('enum'), T.Literal('other')]);
export type PageKind = Static<typeof PageKind>;

export const PageIR = T.Object(
  {
    irVersion: T.Literal(IR_VERSION),
    file: T.String(),
    format: T.Union([T.Literal('markdown'), T.Literal('rendered-text'), T.Literal('unreadable')]),
    frontMatter: Nullable(T.Record(T.String(), T.Unknown(), { description: 'Front matter verbatim (parsed YAML)' })),
    frontMatterLines: T.Record(T.String(), T.Integer({ minimum: 1 }), { description: 'Line of each top-level front-matter key' }),
    title: T.Object(
      { frontMatter: T.Optional(LocatedString), h1: T.Optional(LocatedString) },
      { additionalProperties: false },
    ),
    description: T.Optional(LocatedString),
    namespace: T.Optional(LocatedString),
    kind: PageKind,
    apiVersion: T.Object({ value: Nullable(ApiVersion), evidence: T.Array(VersionEvidence) }, { additionalProperties: false }),
    sections: T.Array(Section),
    tables: T.Array(TableInfo),
    includes: T.Array(IncludeRef),
    links: T.Array(T.Object({ target: T.String(), src: Src }, { additionalProperties: false }), {
      description: 'Relative links to other pages (for broken-link checks)',
    }),
    operations: T.Array(Operation),
    permissions: T.Optional(Permissions),
    nationalClouds: T.Array(NationalCloud),
    requestHeaders: T.Array(Header),
    queryParameters: T.Array(Parameter),
    queryParameterSupport: T.Optional(T.Object(
      { value: T.Union([T.Literal('none'), T.Literal('odata')]), text: T.String(), src: Src },
      { additionalProperties: false, description: 'What the query-parameters prose states: none supported, or (some) OData options' },
    )),
    requestBody: T.Optional(RequestBody),
    functionParameters: T.Optional(T.Array(FunctionParameter, { description: 'A "Function parameters" section: parameters of a function call, never a request body' })),
    response: T.Optional(Response),
    errorResponses: T.Optional(T.Array(ErrorResponse, { description: 'An "Errors" table: status, error code, message' })),
    examples: T.Object({ requests: T.Array(ExampleRequest), responses: T.Array(ExampleResponse) }, { additionalProperties: false }),
    resource: T.Optional(ResourceFacts),
    enums: T.Array(EnumDef),
    pageAnnotation: T.Optional(T.Object({ fields: T.Record(T.String(), T.Unknown()), src: Src }, { additionalProperties: false, description: 'The page\'s own annotation comment ("type": "#page.annotation"), e.g. with `suppressions`' })),
    diagnostics: T.Array(Diagnostic),
  },
  { additionalProperties: false, $id: 'https://docmodel.dev/schema/page-ir.json', title: 'docmodel page IR' },
);
export type PageIR = Static<typeof PageIR>;

/** The JSON Schema document published as generated/ir.schema.json. */
export function pageIrJsonSchema(): object {
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...JSON.parse(JSON.stringify(PageIR)) };
}
