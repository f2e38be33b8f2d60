/**
 * What the OpenAPI exporter needs from the API model, in a small format-neutral shape.
 * `from-model.ts` is the only module that knows the model's shape; the document builder
 * reads only this.
 */

/** Provenance: paths relative to the docs root, `/` separators. */
export interface NSrc { file: string; line: number; column: number }

export interface NTypeRef {
  /** Edm primitive in canonical case (String, Int32, ...) or a type name. */
  name: string;
  primitive: boolean;
  collection: boolean;
  namespace?: string;
}

export interface NProperty {
  name: string;
  type: NTypeRef;
  description: string;
  /** false: the docs say "Not nullable"; true: say nullable; null: not stated. */
  nullable: boolean | null;
  readOnly: boolean;
  required: boolean | null;
  navigation: boolean;
  src: NSrc;
  /** Other sources and what they say, when they disagree with the chosen one. */
  conflict?: string;
}

export interface NType {
  namespace: string;
  name: string;
  kind: 'entity' | 'complex' | 'unknown';
  baseType?: { name: string; src: NSrc };
  properties: NProperty[];
  sources: NSrc[];
}

export interface NEnum {
  namespace: string;
  name: string;
  members: { name: string; description: string; src: NSrc }[];
  sources: NSrc[];
}

export interface NParameter {
  name: string;
  type?: NTypeRef;
  description: string;
  required: boolean | null;
  /** A "Function parameters" row taken as a query parameter: the page says so (`query`), or its request lines have no place for it (`unknown`). */
  functionParameter?: 'query' | 'unknown';
  src: NSrc;
}

export type NRequestBody =
  | { kind: 'none'; src: NSrc }
  /** `properties`: the page's own body table, used when no page of the version defines the type. */
  | { kind: 'type'; type: NTypeRef; partial: boolean; properties: NProperty[]; src: NSrc }
  | { kind: 'parameters'; properties: NProperty[]; src: NSrc }
  /** A reference to an existing object (`{ "@odata.id": "<its URL>" }`), of the type `to` where the page names it. */
  | { kind: 'reference'; to?: string; src: NSrc }
  /** A body that is no JSON object, described in prose: HTML, a zip package, binary data. */
  | { kind: 'described'; format: 'html' | 'zip' | 'binary'; text: string; src: NSrc }
  /** The page has a request body section whose content could not be turned into a schema. */
  | { kind: 'unknown'; src: NSrc };

export interface NPermissions {
  /** Least privileged first. */
  delegated: { name: string; src: NSrc }[];
  application: { name: string; src: NSrc }[];
  /** Old-style scope lists that do not say which permission type they are. */
  unclassified: { name: string; src: NSrc }[];
  /** Permission types the page marks "Not supported". */
  notSupported: string[];
  /** Permission types the page marks "None.": the call takes no permission of that type. */
  notRequired: string[];
  state: 'table' | 'scopes' | 'empty' | 'not-extracted' | 'absent';
  src?: NSrc;
}

export interface NFindingRef { rule: string; severity: string; field: string; fingerprint: string; message: string }

export interface NOperation {
  /** METHOD + normalized path (the model's key). */
  key: string;
  method: string;
  /** The model's canonical path template (`/users/{user-id}`) and its parameter names in order. */
  path: string;
  pathParameters: string[];
  /** What the chosen page's "Path parameters" table says of them, by canonical name (those its rows name). */
  pathParameterDocs?: { name: string; type?: NTypeRef; description: string; src: NSrc }[];
  /** As written on the chosen page. */
  pathAsWritten: string;
  summary?: string;
  description?: string;
  query: NParameter[];
  /** Request headers the page's table lists, but those OpenAPI describes otherwise (Authorization, Content-Type, Accept). */
  headers?: NParameter[];
  /** What the query-parameter prose states: `odata` with the system query options it names (may be none), or `none`. */
  queryOptions?: { support: 'odata' | 'none'; names: string[]; text: string; src: NSrc };
  requestBody?: NRequestBody;
  responses: { code: number; text: string; src: NSrc }[];
  responseBody?: { type: NTypeRef; src: NSrc };
  noResponseBody: boolean;
  permissions: NPermissions;
  /** The page the operation's facts come from, and why it was chosen. */
  src: NSrc;
  choice: string;
  /** Variants documenting derived types: the request and response state their common base (`x-docmodel-polymorphic`). */
  polymorphic?: { base: string; types: string[] };
  /** The other pages of this version that document the operation (a polymorphic subtype or a workload page marked). */
  otherVariants: (NSrc & { subtype?: string; workload?: true })[];
  /** Reconciliation findings about this operation (where pages disagree). */
  findings: NFindingRef[];
}

export interface NVersion {
  version: string;
  operations: NOperation[];
  types: NType[];
  enums: NEnum[];
}
