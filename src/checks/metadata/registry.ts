/**
 * The metadata rules: docs model vs service metadata (CSDL) and the permission-scope catalogue.
 * One module per rule under rules/, listed once here (ids match file names; checked by a test).
 */
import type { RuleDescriptor } from '../types.js';
import type { MetadataExample, MetadataRule } from './types.js';
import { rule as metadataActionParameterMissing } from './rules/metadata-action-parameter-missing.js';
import { rule as metadataActionParameterUndocumented } from './rules/metadata-action-parameter-undocumented.js';
import { rule as metadataBaseTypeDiffers } from './rules/metadata-base-type-differs.js';
import { rule as metadataEntitySetMissing } from './rules/metadata-entity-set-missing.js';
import { rule as metadataEnumMemberMissing } from './rules/metadata-enum-member-missing.js';
import { rule as metadataEnumMemberUndocumented } from './rules/metadata-enum-member-undocumented.js';
import { rule as metadataNavigationKindDiffers } from './rules/metadata-navigation-kind-differs.js';
import { rule as metadataNavigationUndocumented } from './rules/metadata-navigation-undocumented.js';
import { rule as metadataOperationBindingDiffers } from './rules/metadata-operation-binding-differs.js';
import { rule as metadataOperationMissing } from './rules/metadata-operation-missing.js';
import { rule as metadataOperationReturnDiffers } from './rules/metadata-operation-return-differs.js';
import { rule as metadataOperationUndocumented } from './rules/metadata-operation-undocumented.js';
import { rule as metadataPermissionTypeDiffers } from './rules/metadata-permission-type-differs.js';
import { rule as metadataPermissionUnknown } from './rules/metadata-permission-unknown.js';
import { rule as metadataPropertyCollectionDiffers } from './rules/metadata-property-collection-differs.js';
import { rule as metadataPropertyMissing } from './rules/metadata-property-missing.js';
import { rule as metadataPropertyNullableDiffers } from './rules/metadata-property-nullable-differs.js';
import { rule as metadataPropertyTypeDiffers } from './rules/metadata-property-type-differs.js';
import { rule as metadataPropertyUndocumented } from './rules/metadata-property-undocumented.js';
import { rule as metadataResponseTypeDiffers } from './rules/metadata-response-type-differs.js';
import { rule as metadataTypeMissing } from './rules/metadata-type-missing.js';
import { rule as metadataTypeUndocumented } from './rules/metadata-type-undocumented.js';

export const METADATA_RULES: readonly MetadataRule[] = [
  metadataActionParameterMissing,
  metadataActionParameterUndocumented,
  metadataBaseTypeDiffers,
  metadataEntitySetMissing,
  metadataEnumMemberMissing,
  metadataEnumMemberUndocumented,
  metadataNavigationKindDiffers,
  metadataNavigationUndocumented,
  metadataOperationBindingDiffers,
  metadataOperationMissing,
  metadataOperationReturnDiffers,
  metadataOperationUndocumented,
  metadataPermissionTypeDiffers,
  metadataPermissionUnknown,
  metadataPropertyCollectionDiffers,
  metadataPropertyMissing,
  metadataPropertyNullableDiffers,
  metadataPropertyTypeDiffers,
  metadataPropertyUndocumented,
  metadataResponseTypeDiffers,
  metadataTypeMissing,
  metadataTypeUndocumented,
];

export function findMetadataRule(id: string): MetadataRule | undefined {
  return METADATA_RULES.find((r) => r.id === id);
}

/** An example as text: the docs facts, the CSDL and the scopes it compares. */
export function metadataExampleText(e: MetadataExample): string {
  return [e.docs && Object.keys(e.docs).length ? `docs: ${JSON.stringify(e.docs)}` : '', e.csdl ? `csdl: ${e.csdl}` : '', e.scopes ? `scopes: ${e.scopes.join(', ')}` : ''].filter(Boolean).join('\n');
}

/** A metadata rule as every other rule is described (reports, `docmodel rules`, config validation). */
export function describeMetadataRule(r: MetadataRule): RuleDescriptor {
  return {
    id: r.id, severity: r.severity, confidence: 'medium', contexts: ['metadata'], summary: r.summary, description: r.description,
    example: { before: metadataExampleText(r.example.before), after: metadataExampleText(r.example.after) },
  };
}
