/**
 * The rule registry: every rule module, listed once. Add a rule by writing rules/<id>.ts
 * (exporting `rule`) and listing it here; ids must be unique and match the file name (checked by a test).
 */
import type { Rule } from './types.js';
import { rule as bodyPropertyCollectionDiffers } from './rules/body-property-collection-differs.js';
import { rule as bodyPropertyMissing } from './rules/body-property-missing.js';
import { rule as bodyPropertyRequiredDiffers } from './rules/body-property-required-differs.js';
import { rule as bodyPropertyTypeDiffers } from './rules/body-property-type-differs.js';
import { rule as bodyTableCreateWording } from './rules/body-table-create-wording.js';
import { rule as contentLengthMismatch } from './rules/content-length-mismatch.js';
import { rule as descriptionEmpty } from './rules/description-empty.js';
import { rule as exampleBlankLineBeforeHeaders } from './rules/example-blank-line-before-headers.js';
import { rule as examplePathFitsNoTemplate } from './rules/example-path-fits-no-template.js';
import { rule as examplePropertyUndocumented } from './rules/example-property-undocumented.js';
import { rule as exampleStatusContradictsResponse } from './rules/example-status-contradicts-response.js';
import { rule as exampleValuePlaceholder } from './rules/example-value-placeholder.js';
import { rule as exampleValueTypeMismatch } from './rules/example-value-type-mismatch.js';
import { rule as exampleVersionMismatch } from './rules/example-version-mismatch.js';
import { rule as leastPrivilegedDiffers } from './rules/least-privileged-differs.js';
import { rule as linkBroken } from './rules/link-broken.js';
import { rule as odataTypeMismatch } from './rules/odata-type-mismatch.js';
import { rule as pathAliasDiffers } from './rules/path-alias-differs.js';
import { rule as pathParameterNamesDiffer } from './rules/path-parameter-names-differ.js';
import { rule as permissionOrderDiffers } from './rules/permission-order-differs.js';
import { rule as permissionSetDiffers } from './rules/permission-set-differs.js';
import { rule as permissionSupportDiffers } from './rules/permission-support-differs.js';
import { rule as permissionWorkloadsDiffer } from './rules/permission-workloads-differ.js';
import { rule as queryOptionsDiffer } from './rules/query-options-differ.js';
import { rule as requestHeaderDiffers } from './rules/request-header-differs.js';
import { rule as requestHeaderRequiredDiffers } from './rules/request-header-required-differs.js';
import { rule as responseShapeDiffers } from './rules/response-shape-differs.js';
import { rule as responseSingleEntityWrapped } from './rules/response-single-entity-wrapped.js';
import { rule as responseStatusDiffers } from './rules/response-status-differs.js';
import { rule as responseTypeWithoutBody } from './rules/response-type-without-body.js';
import { rule as sameTitleDifferentOperation } from './rules/same-title-different-operation.js';
import { rule as sectionEmpty } from './rules/section-empty.js';
import { rule as statusLineMalformed } from './rules/status-line-malformed.js';
import { rule as tableDuplicateRows } from './rules/table-duplicate-rows.js';
import { rule as templateTextUnresolved } from './rules/template-text-unresolved.js';
import { rule as titleMismatch } from './rules/title-mismatch.js';
import { rule as typeNameCasingDiffers } from './rules/type-name-casing-differs.js';

export const RULES: readonly Rule[] = [
  bodyPropertyCollectionDiffers,
  bodyPropertyMissing,
  bodyPropertyRequiredDiffers,
  bodyPropertyTypeDiffers,
  bodyTableCreateWording,
  contentLengthMismatch,
  descriptionEmpty,
  exampleBlankLineBeforeHeaders,
  examplePathFitsNoTemplate,
  examplePropertyUndocumented,
  exampleStatusContradictsResponse,
  exampleValuePlaceholder,
  exampleValueTypeMismatch,
  exampleVersionMismatch,
  leastPrivilegedDiffers,
  linkBroken,
  odataTypeMismatch,
  pathAliasDiffers,
  pathParameterNamesDiffer,
  permissionOrderDiffers,
  permissionSetDiffers,
  permissionSupportDiffers,
  permissionWorkloadsDiffer,
  queryOptionsDiffer,
  requestHeaderDiffers,
  requestHeaderRequiredDiffers,
  responseShapeDiffers,
  responseSingleEntityWrapped,
  responseStatusDiffers,
  responseTypeWithoutBody,
  sameTitleDifferentOperation,
  sectionEmpty,
  statusLineMalformed,
  tableDuplicateRows,
  templateTextUnresolved,
  titleMismatch,
  typeNameCasingDiffers,
];

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
