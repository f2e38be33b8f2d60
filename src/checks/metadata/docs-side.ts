/**
 * What the metadata comparison needs from the docs model, in a small neutral shape
 * (`from-model.ts` is the only module that knows the model). Paths are as the model gives them
 * (relative to the working directory, or to the docs root when the caller maps them).
 */
export interface DSrc { file: string; line: number; column: number }

export interface DocsTypeRef {
  name: string; primitive: boolean; collection: boolean;
  /** The cell links to the page's own table of values (`[killChain](#killchain-values) collection`): a String whose values it lists, unless the name is a type the service declares. */
  ownValues?: boolean;
}

export interface DocsProperty {
  name: string;
  type: DocsTypeRef;
  /** false: "Not nullable"; true: stated nullable; null: not stated. */
  nullable: boolean | null;
  /** Documented in the Relationships table. */
  navigation: boolean;
  src: DSrc;
}

export interface DocsType {
  namespace: string;
  name: string;
  baseType?: { name: string; src: DSrc };
  properties: DocsProperty[];
  /** Keys the type's JSON representation names that no property or relationship row describes (lower-case name → where). */
  jsonOnly?: Record<string, DSrc>;
  /** The resource page that documents the type. */
  src: DSrc;
  /** Where the page says in a sentence that its type is an OData open type (its instances carry properties it does not declare). */
  openType?: DSrc;
}

export interface DocsEnum {
  namespace: string; name: string; members: { name: string; src: DSrc }[]; src: DSrc;
  /** Every table of it lists the values of a String property on its page ("autoAdmittedUsers values"): no type of its own. */
  propertyValues?: true;
}

export interface DocsOperation {
  /** METHOD + normalized path (`{}` placeholders, /me as /users/{}). */
  key: string;
  method: string;
  path: string;
  src: DSrc;
  /** The request body's parameters, as the primary page's table lists them (none: no table of parameters). */
  bodyParameters?: { name: string; src: DSrc }[];
  /** The response body's type as the primary page's Response section states it. */
  response?: { name: string; collection: boolean; src: DSrc };
  /** The paths of the primary page's example GET requests, as written (without their query). */
  exampleGets?: string[];
}

export interface DocsPermission {
  name: string;
  type: 'delegatedWork' | 'delegatedPersonal' | 'application' | 'unspecified';
  src: DSrc;
}

export interface DocsSide {
  version: string;
  /** Types documented by a resource page, with the properties of their property and relationship tables. */
  types: DocsType[];
  enums: DocsEnum[];
  operations: DocsOperation[];
  permissions: DocsPermission[];
  /** Every example request of the version's operation pages (method, path as written without its query, where). */
  exampleCalls?: { method: string; path: string; src: DSrc }[];
}

export function emptyDocs(version = 'v1.0'): DocsSide {
  return { version, types: [], enums: [], operations: [], permissions: [] };
}
