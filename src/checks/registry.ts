/**
 * The rule registry: every rule module, listed once. Add a rule by writing rules/<id>.ts
 * (exporting `rule`) and listing it here; ids must be unique and match the file name (checked by a test).
 */
import { isWholeTreeRule, type Rule, type RuleDescriptor } from './types.js';
import { METADATA_RULES, describeMetadataRule } from './metadata/registry.js';
import { rule as bodyPropertyCollectionDiffers } from './rules/body-property-collection-differs.js';
import { rule as bodyPropertyContradictsType } from './rules/body-property-contradicts-type.js';
import { rule as bodyPropertyMissing } from './rules/body-property-missing.js';
import { rule as bodyPropertyRequiredDiffers } from './rules/body-property-required-differs.js';
import { rule as bodyPropertyTypeDiffers } from './rules/body-property-type-differs.js';
import { rule as bodyTableCreateWording } from './rules/body-table-create-wording.js';
import { rule as contentLengthMismatch } from './rules/content-length-mismatch.js';
import { rule as descriptionEmpty } from './rules/description-empty.js';
import { rule as driftEnumMembersChanged } from './rules/drift-enum-members-changed.js';
import { rule as driftOperationAdded } from './rules/drift-operation-added.js';
import { rule as driftOperationRemoved } from './rules/drift-operation-removed.js';
import { rule as driftPermissionChanged } from './rules/drift-permission-changed.js';
import { rule as driftRequestPropertyAdded } from './rules/drift-request-property-added.js';
import { rule as driftRequestPropertyRemoved } from './rules/drift-request-property-removed.js';
import { rule as driftStatusChanged } from './rules/drift-status-changed.js';
import { rule as driftTypePropertyChanged } from './rules/drift-type-property-changed.js';
import { rule as driftTypeRemoved } from './rules/drift-type-removed.js';
import { rule as enumMembersDiffer } from './rules/enum-members-differ.js';
import { rule as exampleBlankLineBeforeHeaders } from './rules/example-blank-line-before-headers.js';
import { rule as examplePathFitsNoTemplate } from './rules/example-path-fits-no-template.js';
import { rule as examplePropertyUndocumented } from './rules/example-property-undocumented.js';
import { rule as exampleStatusContradictsResponse } from './rules/example-status-contradicts-response.js';
import { rule as exampleValuePlaceholder } from './rules/example-value-placeholder.js';
import { rule as exampleValueTypeMismatch } from './rules/example-value-type-mismatch.js';
import { rule as exampleVersionMismatch } from './rules/example-version-mismatch.js';
import { rule as jsonRepresentationMismatch } from './rules/json-representation-mismatch.js';
import { rule as leastPrivilegedDiffers } from './rules/least-privileged-differs.js';
import { rule as linkBroken } from './rules/link-broken.js';
import { rule as linkMalformed } from './rules/link-malformed.js';
import { rule as methodsLinkMissingPage } from './rules/methods-link-missing-page.js';
import { rule as methodsReturnTypeDiffers } from './rules/methods-return-type-differs.js';
import { rule as odataTypeMismatch } from './rules/odata-type-mismatch.js';
import { rule as operationMissingInBeta } from './rules/operation-missing-in-beta.js';
import { rule as operationResourceMissing } from './rules/operation-resource-missing.js';
import { rule as pathAliasDiffers } from './rules/path-alias-differs.js';
import { rule as pathParameterNamesDiffer } from './rules/path-parameter-names-differ.js';
import { rule as permissionOrderDiffers } from './rules/permission-order-differs.js';
import { rule as permissionSetDiffers } from './rules/permission-set-differs.js';
import { rule as permissionSupportDiffers } from './rules/permission-support-differs.js';
import { rule as permissionWorkloadsDiffer } from './rules/permission-workloads-differ.js';
import { rule as permissionsIncludeMissing } from './rules/permissions-include-missing.js';
import { rule as queryOptionsDiffer } from './rules/query-options-differ.js';
import { rule as requestHeaderDiffers } from './rules/request-header-differs.js';
import { rule as requestHeaderRequiredDiffers } from './rules/request-header-required-differs.js';
import { rule as responseNoContentWithBody } from './rules/response-no-content-with-body.js';
import { rule as responseShapeDiffers } from './rules/response-shape-differs.js';
import { rule as responseSingleEntityWrapped } from './rules/response-single-entity-wrapped.js';
import { rule as responseStatusDiffers } from './rules/response-status-differs.js';
import { rule as responseTypeWithoutBody } from './rules/response-type-without-body.js';
import { rule as sameTitleDifferentOperation } from './rules/same-title-different-operation.js';
import { rule as sectionEmpty } from './rules/section-empty.js';
import { rule as statusPhraseMismatch } from './rules/status-phrase-mismatch.js';
import { rule as statusLineMalformed } from './rules/status-line-malformed.js';
import { rule as tableDuplicateRows } from './rules/table-duplicate-rows.js';
import { rule as templateNamesOtherOperation } from './rules/template-names-other-operation.js';
import { rule as templateTextUnresolved } from './rules/template-text-unresolved.js';
import { rule as titleMismatch } from './rules/title-mismatch.js';
import { rule as treePartial } from './rules/tree-partial.js';
import { rule as typeNameCasingDiffers } from './rules/type-name-casing-differs.js';
import { rule as typePropertyCollectionDiffers } from './rules/type-property-collection-differs.js';
import { rule as typePropertyFormatDiffers } from './rules/type-property-format-differs.js';
import { rule as typePropertyMissingInBeta } from './rules/type-property-missing-in-beta.js';
import { rule as typePropertyNullableDiffers } from './rules/type-property-nullable-differs.js';
import { rule as typePropertyReadonlyDiffers } from './rules/type-property-readonly-differs.js';
import { rule as typePropertyTypeDiffers } from './rules/type-property-type-differs.js';
import { rule as typeUndefined } from './rules/type-undefined.js';
import { rule as versionCounterpartDiffers } from './rules/version-counterpart-differs.js';

export const RULES: readonly Rule[] = [
  bodyPropertyCollectionDiffers,
  bodyPropertyContradictsType,
  bodyPropertyMissing,
  bodyPropertyRequiredDiffers,
  bodyPropertyTypeDiffers,
  bodyTableCreateWording,
  contentLengthMismatch,
  descriptionEmpty,
  driftEnumMembersChanged,
  driftOperationAdded,
  driftOperationRemoved,
  driftPermissionChanged,
  driftRequestPropertyAdded,
  driftRequestPropertyRemoved,
  driftStatusChanged,
  driftTypePropertyChanged,
  driftTypeRemoved,
  enumMembersDiffer,
  exampleBlankLineBeforeHeaders,
  examplePathFitsNoTemplate,
  examplePropertyUndocumented,
  exampleStatusContradictsResponse,
  exampleValuePlaceholder,
  exampleValueTypeMismatch,
  exampleVersionMismatch,
  jsonRepresentationMismatch,
  leastPrivilegedDiffers,
  linkBroken,
  linkMalformed,
  methodsLinkMissingPage,
  methodsReturnTypeDiffers,
  odataTypeMismatch,
  operationMissingInBeta,
  operationResourceMissing,
  pathAliasDiffers,
  pathParameterNamesDiffer,
  permissionOrderDiffers,
  permissionSetDiffers,
  permissionSupportDiffers,
  permissionWorkloadsDiffer,
  permissionsIncludeMissing,
  queryOptionsDiffer,
  requestHeaderDiffers,
  requestHeaderRequiredDiffers,
  responseNoContentWithBody,
  responseShapeDiffers,
  responseSingleEntityWrapped,
  responseStatusDiffers,
  responseTypeWithoutBody,
  sameTitleDifferentOperation,
  sectionEmpty,
  statusLineMalformed,
  statusPhraseMismatch,
  tableDuplicateRows,
  templateNamesOtherOperation,
  templateTextUnresolved,
  titleMismatch,
  treePartial,
  typeNameCasingDiffers,
  typePropertyCollectionDiffers,
  typePropertyFormatDiffers,
  typePropertyMissingInBeta,
  typePropertyNullableDiffers,
  typePropertyReadonlyDiffers,
  typePropertyTypeDiffers,
  typeUndefined,
  versionCounterpartDiffers,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** The rules that report what the tree lacks: not run on a part of a docs tree (see ModelRule.wholeTree, tree-partial). */
export const WHOLE_TREE_RULES: readonly string[] = RULES.filter(isWholeTreeRule).map((r) => r.id);

/**
 * Every rule a finding can come from: the reconciliation and drift rules above, then the
 * metadata rules (src/checks/metadata/registry.ts; `docmodel metadata`, and `check` with a
 * config `metadata` entry). Config `rules`, suppressions and SARIF rule metadata accept them all.
 */
export const ALL_RULES: readonly RuleDescriptor[] = [...RULES, ...METADATA_RULES.map(describeMetadataRule)];

export function isRuleId(id: string): boolean {
  return ALL_RULES.some((r) => r.id === id);
}
