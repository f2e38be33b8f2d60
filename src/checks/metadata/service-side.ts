/**
 * What the metadata comparison needs from the service's own description, in a small neutral
 * shape: types, enums, bound operations and container elements with the line of each, and the
 * permission-scope catalogue. A service-metadata source adapter (today src/sources/csdl, OData
 * CSDL) produces it; the rules read only this and the docs side.
 */
export interface CsdlTypeRef {
  /** Qualified name: `Edm.String`, `microsoft.graph.user`. */
  name: string;
  collection: boolean;
}

export interface CsdlProperty { name: string; type: CsdlTypeRef; nullable: boolean; line: number }
export interface CsdlNavigation { name: string; type: CsdlTypeRef; containsTarget: boolean; line: number }

export interface CsdlStructuredType {
  kind: 'entity' | 'complex';
  namespace: string;
  name: string;
  /** Qualified. */
  baseType?: string;
  abstract: boolean;
  /** `OpenType="true"`: instances may carry properties the type does not declare. */
  open?: boolean;
  properties: CsdlProperty[];
  navigation: CsdlNavigation[];
  line: number;
}

export interface CsdlEnum { namespace: string; name: string; members: { name: string; line: number }[]; line: number }

export interface CsdlOperation {
  kind: 'action' | 'function';
  namespace: string;
  name: string;
  /** The binding parameter's type, for bound operations. */
  boundTo?: CsdlTypeRef;
  returns?: CsdlTypeRef;
  /** The parameters after the binding parameter (all of them for an unbound operation). */
  parameters?: { name: string; type: CsdlTypeRef; line: number }[];
  line: number;
}

export interface CsdlContainerElement { kind: 'entity-set' | 'singleton'; name: string; type: string; line: number }

export interface Csdl {
  /** As given on the command line (display path). */
  file: string;
  types: CsdlStructuredType[];
  enums: CsdlEnum[];
  operations: CsdlOperation[];
  container: CsdlContainerElement[];
  /** Line of the `<EntityContainer>` element itself (the first one), when the file has one. */
  containerLine?: number;
}

export type ScopeType = 'DelegatedWork' | 'DelegatedPersonal' | 'Application';

export interface ScopeCatalogue {
  file: string;
  /** scope name → the permission types that have it, with the line of each. */
  scopes: Map<string, { type: ScopeType; line: number; description?: string }[]>;
}

