/**
 * The merged API model: operations and types across pages and versions, each with its
 * provenance. It is the input of the model emitter and of the reconciliation rules.
 * (Plain TypeScript types: the model references page IRs in memory; `serializeModel`
 * writes the JSON form.)
 */
import type { ApiVersion, EnumDef, Operation, PageIR, Property, Relationship, Src, TypeRef } from '../sources/graph-markdown/ir/schema.js';

export interface OperationVariant {
  page: PageIR;
  version: ApiVersion;
  operation: Operation;
}

export interface OperationGroup {
  /** METHOD + normalized path. */
  key: string;
  method: string;
  variants: OperationVariant[];
}

export type PropertyOrigin = 'resource' | 'relationship' | 'request-body' | 'json-representation';

export interface PropertySource {
  page: PageIR;
  origin: PropertyOrigin;
  type: TypeRef;
  description: string;
  nullable: boolean | null;
  readOnly: boolean;
  required: boolean | null;
  src: Src;
}

export interface MergedProperty {
  name: string;
  sources: PropertySource[];
}

export interface TypeSource {
  page: PageIR;
  origin: 'resource' | 'request-body' | 'reference';
  /** The type name as this source spells it. */
  spelledAs: string;
  src: Src;
}

export interface TypeModel {
  version: ApiVersion;
  namespace: string;
  /** Canonical spelling (resource page title first, then the most used spelling). */
  name: string;
  kind: 'entity' | 'complex' | 'unknown';
  baseType?: { name: string; src: Src };
  properties: MergedProperty[];
  sources: TypeSource[];
}

export interface EnumModel {
  version: ApiVersion;
  namespace: string;
  name: string;
  members: { name: string; value?: string; description: string; src: Src }[];
  sources: { page: PageIR; src: Src }[];
}

export interface ApiModel {
  pages: PageIR[];
  operations: OperationGroup[];
  types: TypeModel[];
  enums: EnumModel[];
}

export type { EnumDef, Property, Relationship };
