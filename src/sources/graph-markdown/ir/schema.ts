/**
 * The page IR, defined with TypeBox: the TypeScript types are derived from the same objects that
 * are published as `generated/ir.schema.json`.
 *
 * A page IR is the model's `Document` (src/model/schema.ts) plus what only the markdown reader
 * needs (the IR version, the input format). Every shape of a fact — positions, type references,
 * permissions, headers, parameters, bodies, examples, resource facts … — is the model's, imported
 * and re-exported here, so the two cannot drift; the dependency runs one way (the adapter imports
 * the model, never the reverse).
 *
 * Conventions:
 *  - every extracted fact has `src` (file, line, column; 1-based) pointing at the text it came from
 *    (for spliced includes, into the included file);
 *  - optional facts are omitted, never `undefined`; "stated as empty" is distinct from "absent".
 */
import { Type as T, type Static } from '@sinclair/typebox';
import { Document } from '../../../model/schema.js';

export {
  Src, Severity, ApiVersion, Diagnostic, Located, type LocatedString, TypeRef, VersionEvidence,
  PathParameter, Operation, PermissionType, PermissionName, PermissionEntry, Permissions, NationalCloud,
  Header, Parameter, TableInfo, Property, RequestBody, Status, Response, ErrorResponse, ErrorsReference, FunctionParameter, PathParameterDoc,
  HttpHeaderLine, Body, Annotation, ExampleRequest, ExampleResponse, Relationship, EnumMember, EnumDef,
  MethodLink, JsonRepresentation, IncludeRef, Section, ResourceFacts, DocumentKind as PageKind,
} from '../../../model/schema.js';

import { IR_VERSION } from './version.js';
export { IR_VERSION };

const { file, ...facts } = Document.properties;

export const PageIR = T.Object(
  {
    irVersion: T.Literal(IR_VERSION),
    file,
    format: T.Union([T.Literal('markdown'), T.Literal('rendered-text'), T.Literal('unreadable')]),
    ...facts,
  },
  { additionalProperties: false, $id: 'https://docmodel.dev/schema/page-ir.json', title: 'docmodel page IR' },
);
export type PageIR = Static<typeof PageIR>;

/** The JSON Schema document published as generated/ir.schema.json. */
export function pageIrJsonSchema(): object {
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...JSON.parse(JSON.stringify(PageIR)) };
}
