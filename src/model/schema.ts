/**
 * The API model: the one contract between sources and everything after them (rules,
 * TypeScript, reports, OpenAPI, metadata comparison). It is format-neutral: a source adapter
 * (today `src/sources/graph-markdown`, see its `to-model.ts`) produces it; nothing downstream
 * reads a source's own representation.
 *
 * Defined once with TypeBox: the TypeScript types come from the same objects that are published
 * as `generated/model.schema.json` (the JSON form written as `model.json`).
 *
 * Shape:
 *  - `documents`: one per source document (page), with every fact read from it (`Document`).
 *  - `operations`: one per method + canonical path template (`key`, e.g. `PATCH /users/{user-id}`),
 *    each with `variants` (one per document that documents it, carrying that document's facts for
 *    this operation: permissions filtered to this path, headers, query, request body, response —
 *    in JSON stored once per document, `documents[].facts`, and on the variant only when narrowed),
 *    the `primary` variant per version (and why), and `aliases` (same type, same method, other path).
 *  - `types`, `enums`: per version and namespace, each property with every source that states it.
 *
 * In memory every variant/source also holds `doc`, the `Document` object it came from; in JSON it
 * is the `document` path. Every fact has `src` (file relative to the docs root, 1-based line and column).
 */
import { Type as T, type Static, type TSchema } from '@sinclair/typebox';

export const MODEL_VERSION = '2.18.0';

const Nullable = <S extends TSchema>(s: S) => T.Union([s, T.Null()]);

// ---------------------------------------------------------------- shared vocabulary

export const Src = T.Object(
  {
    file: T.String({ description: 'Path of the source file (relative to the docs root, / separators)' }),
    line: T.Integer({ minimum: 1 }),
    column: T.Integer({ minimum: 1 }),
  },
  { additionalProperties: false, description: 'Where a fact came from' },
);
export type Src = Static<typeof Src>;

export const Severity = T.Union([T.Literal('error'), T.Literal('warning'), T.Literal('info')]);
export type Severity = Static<typeof Severity>;

export const ApiVersion = T.Union([T.Literal('v1.0'), T.Literal('beta')]);
export type ApiVersion = Static<typeof ApiVersion>;

export const Diagnostic = T.Object(
  {
    rule: T.String({ description: 'Stable kebab-case id (registered: docmodel explain <id>)' }),
    severity: Severity,
    message: T.String(),
    src: Src,
  },
  { additionalProperties: false },
);
export type Diagnostic = Static<typeof Diagnostic>;

export const Located = <S extends TSchema>(value: S) =>
  T.Object({ value, src: Src }, { additionalProperties: false });
const LocatedString = Located(T.String());
export type LocatedString = Static<typeof LocatedString>;

export const TypeRef = T.Object(
  {
    raw: T.String({ description: 'The type as written in the source' }),
    name: T.String({ description: 'Normalized type name: Edm primitive in canonical case (String, Int32, ...); otherwise the name the page writes (its link text or code span, namespace dropped), not resolved: it may differ in letter case from the type\'s own name (Event for event) or name the linked page loosely (a link text "used" to insights-used.md, whose type is usedInsight). To resolve it as the OpenAPI and TypeScript outputs do: the type of that name in the version, letter case ignored; for a response body, a name no type of the version has but linked to a resource page is that page\'s type (src/model/type-lookup.ts, statedResponseType in src/model/polymorphic.ts). The model keeps the written name because the rules report what the page says' }),
    primitive: T.Boolean({ description: 'true for Edm primitives' }),
    collection: T.Boolean(),
    link: T.Optional(T.String({ description: 'Link target as written (page or anchor)' })),
    namespace: T.Optional(T.String()),
    notes: T.Optional(T.Array(T.String(), { description: 'Qualifiers dropped while normalizing, e.g. "(Optional)", "maximum size 20"' })),
    unresolved: T.Optional(T.String({ description: 'The docs generator\'s placeholder for a type it could not resolve ("** Unknown Type `microsoft.management.….operation` **"): the name it had. The type is then read as Json (any JSON value): no page says what it is' })),
  },
  { additionalProperties: false },
);
export type TypeRef = Static<typeof TypeRef>;

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

// ---------------------------------------------------------------- facts of a document

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
      [T.Literal('listed'), T.Literal('not-supported'), T.Literal('not-required'), T.Literal('empty'), T.Literal('varies'), T.Literal('todo'), T.Literal('unrecognized')],
      { description: 'listed: permissions given; not-supported: "Not supported."; not-required: "None." in a table that names no permission — the call takes no permission of this type (call-mute\'s Application row beside "Not supported." delegated rows; beside rows that list permissions "None." is not-supported); varies: see workloads; empty: cell left blank' },
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
        { workload: T.String(), permissions: T.Array(PermissionName), state: T.Union([T.Literal('listed'), T.Literal('not-supported'), T.Literal('not-required'), T.Literal('empty')]), src: Src },
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
    scenarios: T.Optional(T.Array(
      T.Object({ text: T.String({ description: 'The list item as written' }), permissions: T.Array(PermissionName), src: Src }, { additionalProperties: false }),
      { description: 'Permissions a list beside the table ties to one case ("Use GroupMember.Read.All or Group.Read.All permission to get group memberships for a group"): which one is least privileged depends on the call' },
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
    typeName: T.Optional(T.String({ description: 'Resource the prose says the body represents (not set for a reference to an object: "supply the identifier of the [x] object (using an @odata.id property)")' })),
    typeCollection: T.Optional(T.Literal(true, { description: 'The prose says the body is an array of that type ("supply an array of [x] objects")' })),
    typeAlternatives: T.Optional(T.Array(T.String(), { description: 'Other types the prose names as the body, in one list of links with typeName\'s ("a JSON representation of a [directoryObject](…), [user](…) or [group](…) object")' })),
    tableKind: T.Union([T.Literal('properties'), T.Literal('parameters'), T.Literal('none')]),
    requiredWhenCreating: T.Boolean({ description: 'The page says its table lists the properties "required when you create"' }),
    requiredWhenUpdating: T.Optional(T.Literal(true, { description: 'The page says its table lists the properties "required when you update" (the table-wide sentence; its rows keep their own flags)' })),
    properties: T.Array(Property),
    noBody: T.Boolean({ description: 'The prose says not to supply a body' }),
    updates: T.Optional(T.Object(
      { src: Src },
      { additionalProperties: false, description: 'The prose says the body holds the values of the resource\'s fields to change ("supply the values for relevant fields that should be updated"), naming no type or property: the model reads the type as for a properties table (the response\'s type, else the title\'s)' },
    )),
    described: T.Optional(T.Object(
      { format: T.Union([T.Literal('html'), T.Literal('zip'), T.Literal('binary')]), text: T.String(), src: Src },
      { additionalProperties: false, description: 'A body the prose describes as no JSON object, where nothing else says what it is: the page\'s HTML ("supply the page HTML content"), a zip package, binary data ("the binary stream of the file to be uploaded")' },
    )),
    reference: T.Optional(T.Object(
      {
        typeName: T.Optional(T.String({ description: 'The type of the object referred to, where the prose names it' })),
        typeAlternatives: T.Optional(T.Array(T.String(), { description: 'Other types the prose lists for it ("a [directoryObject](…), [user](…) or [group](…)")' })),
        src: Src,
      },
      { additionalProperties: false, description: 'The prose says the body refers to an existing object by its URL, OData\'s `{ "@odata.id": "…" }` ("supply the identifier of the [tokenIssuancePolicy](…) object (using an `@odata.id` property)"; an "id of a user or group object" on a `/$ref` call)' },
    )),
    mentioned: T.Optional(T.Array(T.String(), { description: 'Names the section\'s prose sets in code, bold or as a link\'s text, in page order (`passwordCredential` in "provide an optional `passwordCredential` object"; **groupTypes** in a sub-section of its own; the resource a "JSON representation of [user](…)" names): properties or types it documents outside its tables' })),
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
    bodyType: T.Optional(T.Object({
      name: T.String(), collection: T.Boolean(), link: T.Optional(T.String({ description: 'Link target the name was read from' })),
      alternatives: T.Optional(T.Array(T.String(), { description: 'Other types the page names as the body, in a list of links with the first ("a [user] or [group] object")' })),
      src: Src,
    }, { additionalProperties: false })),
    bodyDescribed: T.Optional(T.Object(
      { format: T.String({ description: 'csv, json, binary, redirect, text …' }), text: T.String(), src: Src },
      { additionalProperties: false, description: 'A body described only in prose (a report in CSV, a redirect to a download URL), not by a type' },
    )),
    noBody: T.Boolean({ description: 'The prose says the response has no body, or 204 No Content is the only success status it states (a 204 has none, RFC 9110 15.3.5). Set beside bodyType on a page that also names a body: for another success status it names (`204` and empty content, or `200 OK` and the updated object when asked), that status has the body (bodyOnOtherStatus in src/model/status.ts); after a 204 alone, a page contradicting itself, which response-no-content-with-body reports' }),
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

export const ErrorsReference = T.Object(
  {
    text: T.String({ description: 'The link text as written ("Error Responses")' }),
    target: T.String({ description: 'Where the link points, as written or as its reference definition gives it (`/graph/errors`)' }),
    src: Src,
  },
  { additionalProperties: false, description: 'An "Errors" section that lists no error but refers to a shared topic ("See [Error Responses][error-response] for details about how errors are returned")' },
);
export type ErrorsReference = Static<typeof ErrorsReference>;

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

export const PathParameterDoc = T.Object(
  {
    name: T.String({ description: 'As the table writes it (`extensionId`, `item-id`); braces and emphasis off' }),
    type: T.Optional(TypeRef),
    description: T.String(),
    required: Nullable(T.Boolean({ description: 'As the description states it ("Required.", "Optional."): a function argument listed as a path parameter may be optional (`valuesOnly` of usedRange)' })),
    src: Src,
  },
  { additionalProperties: false, description: 'A row of a "Path parameters" table: what a placeholder of the request path stands for' },
);
export type PathParameterDoc = Static<typeof PathParameterDoc>;

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
    unknownVersion: T.Optional(T.String({ description: 'After a Microsoft Graph host, the segment standing where the version goes when it is no Graph version (`v1` in https://graph.microsoft.com/v1/me); not part of the path' })),
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
      { additionalProperties: false, description: 'The annotation\'s "@odata.type" read: `Collection(microsoft.graph.user)` → user, microsoft.graph, collection; `"isCollection": true` beside it makes it a collection too' },
    )),
    shortened: T.Optional(T.Object({ src: Src }, {
      additionalProperties: false,
      description: 'The prose between the heading above and the block says the body shown is cut ("The response object shown here might be shortened for readability"): where it says so',
    })),
    src: Src,
  },
  { additionalProperties: false },
);
export type ExampleResponse = Static<typeof ExampleResponse>;


export const Relationship = T.Object(
  {
    name: T.String(), type: TypeRef, description: T.String(), group: T.Optional(T.String({ description: 'Group row (e.g. **Apps**) the row stands under' })),
    readOnly: T.Optional(T.Literal(true, { description: 'The row says the navigation property is read-only (as for properties); absent when it does not' })),
    nullable: T.Optional(T.Boolean({ description: 'The row says nullable / not nullable; absent when it says neither' })),
    required: T.Optional(T.Literal(true, { description: 'The row says the navigation property is required (as for properties); absent when it does not' })),
    deprecated: T.Optional(T.Literal(true, { description: 'The name cell or description marks the navigation property deprecated (as for properties)' })),
    src: Src,
  },
  { additionalProperties: false },
);
export type Relationship = Static<typeof Relationship>;

export const EnumMember = T.Object(
  { name: T.String(), value: T.Optional(T.String()), description: T.String(), src: Src },
  { additionalProperties: false },
);
export const EnumDef = T.Object(
  {
    name: T.String(), members: T.Array(EnumMember), src: Src,
    again: T.Optional(T.Array(T.Object({ members: T.Array(T.String()), src: Src }, { additionalProperties: false }), { description: 'Later member tables of the same enum on the same page (beta enums.md documents riskLevel twice): each table\'s member names in page order, kept beside the first table\'s, not merged into them' })),
  },
  { additionalProperties: false },
);
export type EnumDef = Static<typeof EnumDef>;

export const MethodLink = T.Object(
  {
    text: T.String(), target: T.Optional(T.String()), returnType: T.Optional(T.String()),
    returnLink: T.Optional(T.String({ description: 'Link target of the return-type cell\'s first link ("[Range](range.md)"): the model names the type by the page it leads to' })),
    returnSrc: T.Optional(Src),
    description: T.String(), src: Src,
  },
  { additionalProperties: false },
);

export const JsonRepresentation = T.Object(
  {
    annotation: T.Optional(Annotation),
    json: T.Optional(T.Unknown()),
    propertyNames: T.Array(T.String()),
    propertySrcs: T.Optional(T.Array(Src, { description: 'Where each of propertyNames is written in the block (its key\'s opening quote), in the same order' })),
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


export const DocumentKind = T.Union([T.Literal('operation'), T.Literal('resource'), T.Literal('enum'), T.Literal('other')]);
export type DocumentKind = Static<typeof DocumentKind>;

export const ResourceFacts = T.Object(
  {
    name: T.String({ description: 'Type name: the resource annotation\'s @odata.type, else the JSON representation\'s, else the H1' }),
    namespace: T.Optional(T.String({ description: 'Namespace of the @odata.type, when it names one' })),
    nameFrom: T.Optional(T.Union([T.Literal('annotation'), T.Literal('json-representation'), T.Literal('singular'), T.Literal('title')], { description: 'Where the name comes from: the annotation\'s @odata.type, the JSON\'s own, a sentence of the page that names the singular of a plural H1 (singular: the JSON representation\'s "Here is a JSON representation of the shipmentMethod", or the id row\'s "The unique ID of the tax area", under "# shipmentMethods resource type"), or the H1' })),
    baseType: T.Optional(T.Object({
      name: T.String(),
      link: T.Optional(T.String({ description: 'Link target of "Inherits from [X](x.md)", resolved to that page\'s type by the model' })),
      from: T.Optional(T.Union([T.Literal('annotation'), T.Literal('inherits-link'), T.Literal('inherits-text'), T.Literal('inherited-from')])),
      src: Src,
    }, { additionalProperties: false })),
    derivedTypes: T.Optional(T.Array(T.Object({
      name: T.String(),
      link: T.Optional(T.String()),
      src: Src,
    }, { additionalProperties: false }), { description: 'Types the page names as derived from it ("This is a base class; the derived types are [X](x.md), …"): the model gives each, when its own pages state no base type, this one' })),
    kindHint: T.Optional(T.Object({
      value: T.Union([T.Literal('entity'), T.Literal('complex')]),
      from: T.Union([T.Literal('annotation'), T.Literal('wording')]),
      src: Src,
    }, { additionalProperties: false, description: 'Entity vs complex as the annotation (keyProperty) or the page\'s wording states it' })),
    openType: T.Optional(T.Object({
      from: T.Union([T.Literal('annotation'), T.Literal('wording')]),
      text: T.String({ description: 'The statement: the annotation\'s `"openType": true`, or the sentence' }),
      src: Src,
    }, { additionalProperties: false, description: 'The page says its type is an OData open type, whose instances carry properties the type does not declare: the resource annotation\'s "openType": true, or a sentence ("This is an OData open type that expects …", "additional properties may be present depending on …"); the sentence when the page has both' })),
    properties: T.Array(Property),
    instanceAttributes: T.Optional(T.Array(Property, { description: '"Instance attributes" tables (e.g. @microsoft.graph.downloadUrl): not properties of the type' })),
    relationships: T.Array(Relationship),
    removedProperties: T.Optional(T.Array(T.Object({ name: T.String(), src: Src }, { additionalProperties: false }), { description: 'Properties-table rows marked deprecated whose description says the property was removed ("_sortField (deprecated) | String | This property has been removed."): not properties of the type, kept so that a JSON representation still showing one is told apart from a key no table lists' })),
    methods: T.Array(MethodLink),
    jsonRepresentation: T.Optional(JsonRepresentation),
  },
  { additionalProperties: false },
);
export type ResourceFacts = Static<typeof ResourceFacts>;

/** One source document (a page) and every fact read from it. */
export const Document = T.Object(
  {
    file: T.String(),
    frontMatter: Nullable(T.Record(T.String(), T.Unknown(), { description: 'Front matter verbatim (parsed YAML)' })),
    frontMatterLines: T.Record(T.String(), T.Integer({ minimum: 1 }), { description: 'Line of each top-level front-matter key' }),
    title: T.Object({ frontMatter: T.Optional(LocatedString), h1: T.Optional(LocatedString) }, { additionalProperties: false }),
    description: T.Optional(LocatedString),
    namespace: T.Optional(LocatedString),
    kind: DocumentKind,
    apiVersion: T.Object({ value: Nullable(ApiVersion), evidence: T.Array(VersionEvidence) }, { additionalProperties: false }),
    sections: T.Array(Section),
    tables: T.Array(TableInfo),
    includes: T.Array(IncludeRef),
    links: T.Array(T.Object({ target: T.String(), src: Src }, { additionalProperties: false }), {
      description: 'Relative links to other pages (for broken-link checks)',
    }),
    linksLost: T.Optional(T.Literal(true, {
      description: 'The source kept no link targets (a page copied from the rendered website): an empty `links` says nothing of what it links to',
    })),
    operations: T.Array(Operation),
    requestPathsOpen: T.Optional(T.Object({ text: T.String(), src: Src }, {
      additionalProperties: false,
      description: 'The HTTP request section says its request lines are some of the paths the call takes ("All other POST syntax that allows you to create these resource instances supports creating open extensions in them in a similar way"): an example may call another path',
    })),
    availability: T.Optional(T.Object({ text: T.String(), src: Src }, {
      additionalProperties: false,
      description: 'A note of the page\'s preamble that limits where the call is available ("The **preview** action is currently only available on SharePoint and OneDrive for Business"): its sentence',
    })),
    retirement: T.Optional(T.Object({ text: T.String(), src: Src }, {
      additionalProperties: false,
      description: 'A note of the page\'s preamble that says the API, or a path or member of it, is deprecated, has moved or will stop working ("… has moved from /directory/featureRolloutPolicies to /policies/featureRolloutPolicies … The existing /directory/featureRolloutPolicies endpoint will stop returning data after 06/30/2021"): the note\'s text',
    })),
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
    pathParameterDescriptions: T.Optional(T.Array(PathParameterDoc, { description: 'A "Path parameters" section: the placeholders of the request path, described' })),
    response: T.Optional(Response),
    errorResponses: T.Optional(T.Array(ErrorResponse, { description: 'An "Errors" table: status, error code, message' })),
    errorsReference: T.Optional(ErrorsReference),
    examples: T.Object({ requests: T.Array(ExampleRequest), responses: T.Array(ExampleResponse) }, { additionalProperties: false }),
    resource: T.Optional(ResourceFacts),
    enums: T.Array(EnumDef),
    pageAnnotation: T.Optional(T.Object(Annotation.properties, { additionalProperties: false, description: 'The page\'s own annotation comment ("type": "#page.annotation"), e.g. with `suppressions`' })),
    diagnostics: T.Array(Diagnostic),
  },
  { additionalProperties: false, $id: 'https://docmodel.dev/schema/document.json', title: 'docmodel document' },
);
export type Document = Static<typeof Document>;

// ---------------------------------------------------------------- the model (JSON form)

/** The facts of a document about the operations it documents (the same for each of its request lines, except permissions narrowed per resource). */
const { permissions, nationalClouds, requestHeaders, queryParameters, queryParameterSupport, requestBody, response, pathParameterDescriptions } = Document.properties;
export const OperationFacts = T.Object(
  { permissions, nationalClouds, requestHeaders, queryParameters, queryParameterSupport, requestBody, response, pathParameterDescriptions },
  { additionalProperties: false },
);
export type OperationFacts = Static<typeof OperationFacts>;

export const DocumentSummary = T.Object(
  {
    file: T.String(), version: Nullable(ApiVersion), kind: DocumentKind, title: Nullable(T.String()),
    facts: T.Optional(T.Composite([OperationFacts], { description: 'For documents of operations: the facts every variant from this document carries (stored once here in JSON)' })),
  },
  { additionalProperties: false },
);

export const OperationVariant = T.Object(
  {
    document: T.String({ description: 'The document (page) this variant comes from' }),
    version: ApiVersion,
    title: Nullable(T.String()),
    path: T.String({ description: 'The path as written on the page' }),
    pathParameters: T.Array(PathParameter, { description: 'Placeholders as written' }),
    query: T.Optional(T.String()),
    fromExample: T.Boolean(),
    primary: T.Boolean({ description: 'The variant the operations map follows for this version (see PrimaryChoice)' }),
    documentedType: T.Optional(T.Object({ name: T.String(), from: T.Union([T.Literal('request-body-odata-type'), T.Literal('request-body'), T.Literal('response')]), src: Src }, { additionalProperties: false, description: 'The type this page documents the operation for' })),
    subtype: T.Optional(T.String({ description: 'Set when this page documents a derived type other than the primary\'s on the same path: a polymorphic variant, not a conflicting one' })),
    workload: T.Boolean({ description: 'The page documents the operation from a workload (e.g. intune-*), not on its own resource' }),
    permissions: T.Optional(T.Composite([Permissions], { description: 'In JSON only when the document\'s permission rows were narrowed to this call (the tables the page binds to its request line by a sub-heading, request lines or an annotation) or to this path\'s resource; otherwise the document\'s facts.permissions apply' })),
    src: Src,
  },
  { additionalProperties: false, description: 'In JSON a variant carries its document\'s facts by reference (documents[].facts); in memory it carries them itself' },
);

export const PrimaryChoice = T.Object(
  {
    version: ApiVersion,
    document: T.String(),
    reason: T.String({ description: 'Which step of the primary-variant policy decided' }),
  },
  { additionalProperties: false },
);
export type PrimaryChoice = Static<typeof PrimaryChoice>;

export const OperationModel = T.Object(
  {
    key: T.String({ description: 'METHOD + canonical path, e.g. "PATCH /users/{user-id}": the one spelling every output uses' }),
    identity: T.String({ description: 'What the grouping compares: METHOD + lower-case path with every parameter as {} (look-up form)' }),
    method: T.String(),
    path: T.String({ description: 'Canonical path template: parameters named {<singular segment>-id} (or the function parameter name), /me as /users/{user-id}, OData key syntax as segments' }),
    parameters: T.Array(T.String(), { description: 'Canonical path parameter names, in path order' }),
    variants: T.Array(OperationVariant),
    primary: T.Array(PrimaryChoice, { description: 'Per version: the primary variant' }),
    aliases: T.Array(T.String(), { description: 'Keys of operations with the same method on the same type through another path' }),
  },
  { additionalProperties: false },
);

export const PropertyOrigin = T.Union([T.Literal('resource'), T.Literal('relationship'), T.Literal('json-representation'), T.Literal('operation-path')], { description: 'Where the property is stated: a Properties row, a Relationships row, a JSON representation key, or (operation-path) only the request line of a GET operation under the type (see src/model/path-properties.ts)' });
export type PropertyOrigin = Static<typeof PropertyOrigin>;

export const PropertySource = T.Object(
  {
    document: T.String(),
    origin: PropertyOrigin,
    type: TypeRef,
    description: T.String(),
    nullable: Nullable(T.Boolean()),
    readOnly: T.Boolean(),
    required: Nullable(T.Boolean()),
    src: Src,
  },
  { additionalProperties: false },
);

export const TypeSource = T.Object(
  {
    document: T.String(),
    origin: T.Union([T.Literal('resource'), T.Literal('reference')]),
    spelledAs: T.String(),
    src: Src,
  },
  { additionalProperties: false },
);

export const TypeKind = T.Union([T.Literal('entity'), T.Literal('complex'), T.Literal('unknown')]);
export type TypeKind = Static<typeof TypeKind>;

export const TypeModel = T.Object(
  {
    version: ApiVersion,
    namespace: T.String(),
    name: T.String(),
    kind: TypeKind,
    kindFrom: T.Union([T.Literal('annotation'), T.Literal('wording'), T.Literal('base-type'), T.Literal('id-property'), T.Literal('default'), T.Literal('none')]),
    baseType: T.Optional(T.Object({ name: T.String(), from: T.String({ description: 'annotation, inherits-link, inherits-text, inherited-from (the page\'s statement), or derived-list (the base type\'s page names this type among its derived types)' }), src: Src }, { additionalProperties: false })),
    properties: T.Array(T.Object({ name: T.String(), navigation: T.Boolean(), sources: T.Array(PropertySource) }, { additionalProperties: false })),
    sources: T.Array(TypeSource),
  },
  { additionalProperties: false },
);

export const EnumModel = T.Object(
  {
    version: ApiVersion,
    namespace: T.String(),
    name: T.String(),
    members: T.Array(EnumMember),
    sources: T.Array(T.Object({ document: T.String(), src: Src }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export const ApiModelJson = T.Object(
  {
    modelVersion: T.Literal(MODEL_VERSION),
    documents: T.Array(DocumentSummary),
    operations: T.Array(OperationModel),
    types: T.Array(TypeModel),
    enums: T.Array(EnumModel),
    diagnostics: T.Array(Diagnostic, { description: 'Problems met while building the model (e.g. a base-type link to no type)' }),
  },
  { additionalProperties: false, $id: 'https://docmodel.dev/schema/model.json', title: 'docmodel API model' },
);
export type ApiModelJson = Static<typeof ApiModelJson>;

/** The JSON Schema document published as generated/model.schema.json. */
export function modelJsonSchema(): object {
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...JSON.parse(JSON.stringify(ApiModelJson)) };
}

// ---------------------------------------------------------------- the model in memory

type WithDoc<J> = Omit<J, 'document'> & { doc: Document };

export type OperationVariant = WithDoc<Omit<Static<typeof OperationVariant>, 'permissions'>> & OperationFacts & { operation: Operation };
export type OperationGroup = Omit<Static<typeof OperationModel>, 'variants'> & { variants: OperationVariant[] };
export type PropertySource = WithDoc<Static<typeof PropertySource>>;
export type MergedProperty = { name: string; navigation: boolean; sources: PropertySource[] };
export type TypeSource = WithDoc<Static<typeof TypeSource>>;
export type TypeModel = Omit<Static<typeof TypeModel>, 'properties' | 'sources'> & { properties: MergedProperty[]; sources: TypeSource[] };
export type EnumModel = Omit<Static<typeof EnumModel>, 'sources'> & { sources: { doc: Document; src: Src }[] };

export interface ApiModel {
  documents: Document[];
  operations: OperationGroup[];
  types: TypeModel[];
  enums: EnumModel[];
  diagnostics: Diagnostic[];
}

/** JSON forms (what model.json holds), for readers of model.json. */
export type OperationVariantJson = Static<typeof OperationVariant>;
export type OperationModelJson = Static<typeof OperationModel>;
export type TypeModelJson = Static<typeof TypeModel>;
export type EnumModelJson = Static<typeof EnumModel>;
export type PropertySourceJson = Static<typeof PropertySource>;
