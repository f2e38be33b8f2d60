/**
 * What the extraction hand-check's round 9 (current pages of microsoft-graph-docs-contrib, test/fixtures/contrib; README
 * "Extraction accuracy, checked by hand") found wrong, on those pages, with exact expected results — and the wordings of
 * the 2020 and 2021 trees the same causes covered (the saysReadOnly sentences are theirs, as written).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { processFile } from '../../src/pipeline/page.js';
import { IncludeResolver } from '../../src/sources/graph-markdown/parse/includes.js';
import { saysReadOnly } from '../../src/sources/graph-markdown/extract/property-table.js';
import { withoutStrayClose } from '../../src/sources/graph-markdown/extract/methods.js';
import { ROOT } from '../helpers.js';

const contrib = (rel: string) => processFile(join(ROOT, 'test/fixtures/contrib', rel), rel, new IncludeResolver(join(ROOT, 'test/fixtures/contrib')));
const flags = (p: { name: string; required: boolean | null; readOnly: boolean; nullable: boolean | null }) =>
  `${p.name}${p.required === true ? ' required' : p.required === false ? ' optional' : ''}${p.readOnly ? ' read-only' : ''}${p.nullable === false ? ' not-nullable' : ''}`;

test('round 9: "Required" as a sentence of its own anywhere in a description flags the property (x426, x412)', () => {
  // "The unique identifier for the federated identity. Required. Read-only." / "… Alternate key. Required. Not nullable. Supports `$filter` (`eq`)."
  const fic = contrib('v1.0/resources/federatedidentitycredential.md');
  assert.deepEqual(fic.resource!.properties.map(flags), [
    'audiences required', 'description optional', 'id required read-only', 'issuer required', 'name required not-nullable', 'subject required',
  ]);
  // "The external ID. A custom ID. (Required)"; the other rows say nothing of it.
  const om = contrib('v1.0/api/onlinemeeting-createorget.md');
  assert.deepEqual(om.requestBody!.properties.map(flags), ['endDateTime', 'externalId required', 'participants', 'startDateTime', 'subject']);
  // A requirement tied to a situation stays unflagged: "This property is required when a user is created." (x429 F4, left).
  const pp = contrib('v1.0/resources/passwordprofile.md');
  assert.deepEqual(pp.resource!.properties.map(flags), ['forceChangePasswordNextSignIn', 'password']);
});

test('round 9: read-only said of something else, or in a condition, is not the property\'s (x398)', () => {
  const ir = contrib('beta/resources/intune-devices-devicehealthscript.md');
  const p = ir.resource!.properties.find((x) => x.name === 'isGlobalScript')!;
  assert.equal(p.description, 'Determines if this is Microsoft Proprietary Script. Proprietary scripts are read-only');
  assert.equal(p.readOnly, false);
  // The sentences of the trees, each as the pages write it.
  assert.equal(saysReadOnly('Proprietary scripts are read-only'), false);
  assert.equal(saysReadOnly('Indicates if the rule is read-only and cannot be modified or deleted by the rules REST API.'), false);
  assert.equal(saysReadOnly('`true` if the synchronization rule can be customized; `false` if this rule is read-only and should not be changed.'), false);
  assert.equal(saysReadOnly('The unique identifier. Read-only.'), true);
  assert.equal(saysReadOnly('This property is read-only.'), true);
  assert.equal(saysReadOnly('Indicates the configured authentication type for the domain. This propert is read-only and is not nullable.'), true);
  assert.equal(saysReadOnly('When set to true, the organization doesn\'t have access to Office Delve. This setting is read-only and can only be changed by administrators.'), true);
  assert.equal(saysReadOnly('Read-only when **isBuiltIn** is true.'), false);
});

test('round 9: a method cell\'s stray closing parenthesis after its link is not the method\'s (x396)', () => {
  const ir = contrib('beta/resources/externalconnectors-schema.md');
  assert.deepEqual(ir.resource!.methods.map((m) => m.text), ['Create schema', 'Get schema', 'Update Schema']);
  assert.equal(withoutStrayClose('Update Schema)'), 'Update Schema');
  assert.equal(withoutStrayClose('List members (preview)'), 'List members (preview)');
  assert.equal(withoutStrayClose('Get [x] ])'), 'Get [x]');
});

test('round 9: an annotation that writes the title\'s camel-cased name in lower case does not rename the type (x429)', () => {
  // "# passwordProfile resource type" over `"@odata.type": "microsoft.graph.passwordprofile"`: the service's metadata says passwordProfile.
  assert.equal(contrib('v1.0/resources/passwordprofile.md').resource!.name, 'passwordProfile');
  // An annotation with capitals of its own keeps its spelling.
  assert.equal(contrib('beta/resources/externalconnectors-schema.md').resource!.name, 'schema');
});

test('round 9: "No request body is required. However, you can specify properties …" is an optional body, not none (x409)', () => {
  const ir = contrib('v1.0/api/driveitem-createuploadsession.md');
  assert.equal(ir.requestBody!.noBody, false);
  assert.deepEqual(ir.requestBody!.properties.map((p) => p.name), ['deferCommit', 'item']);
});

test('read-only: any mention that speaks of the property counts, not only the first', () => {
  assert.equal(saysReadOnly('Columns edited on the document set. These are read-only on the documents themselves. This property is read-only.'), true);
  assert.equal(saysReadOnly('Columns edited on the document set that synchronize to all documents in the set. These are read-only on the documents themselves.'), false);
});

test('contrib: "a `200 OK` response code and a file stream in the response body" is a binary body described in prose (round 17, x671)', () => {
  const r = contrib('beta/api/servicehealthissue-incidentreport.md').response!;
  assert.deepEqual([r.statuses.map((s) => s.code), r.bodyDescribed?.format, r.bodyDescribed?.src.line, r.bodyType], [[200], 'binary', 48, undefined]);
});

test('contrib: "This is a required value." and "The identity provider type is a required field." flag their rows, and only theirs (round 21, x817, x819)', () => {
  const req = (rel: string, name: string) => contrib(rel).resource!.properties.find((p) => p.name === name)!.required;
  assert.equal(req('beta/resources/b2cidentityuserflow.md', 'id'), true);
  assert.equal(req('beta/resources/identityprovider.md', 'type'), true);
  // clientId and clientSecret say "This is a required field." (as before); id and name say nothing of the kind.
  assert.deepEqual(contrib('beta/resources/identityprovider.md').resource!.properties.filter((p) => p.required).map((p) => p.name), ['clientId', 'clientSecret', 'type']);
});

test('contrib: a link text in the plural names the singular\'s type — "collection of [tabs](../resources/teamstab.md) objects" is a collection of teamsTab (round 21, x814)', () => {
  const r = contrib('beta/api/chat-list-tabs.md').response!;
  assert.deepEqual([r.bodyType?.name, r.bodyType?.collection], ['teamsTab', true]);
});

test('contrib: a Methods row one cell short keeps its sentence as the description, with no return type (round 23, x881)', () => {
  const m = contrib('v1.0/resources/security-ediscoverycustodian.md').resource!.methods.find((x) => x.text === 'updateIndex')!;
  assert.deepEqual([m.returnType, m.description], [undefined, 'Triggers a indexOperation to make a custodian and associated sources searchable.']);
  // Its neighbours keep their return types.
  assert.equal(contrib('v1.0/resources/security-ediscoverycustodian.md').resource!.methods.find((x) => x.text === 'activate')!.returnType, 'None');
});

test('contrib: "The following table lists the parameters that are required when you call this action." makes the rows required (round 23, x864)', () => {
  assert.deepEqual(contrib('beta/api/teamsadministration-teamspolicyuserassignment-assign.md').requestBody!.properties.map((p) => `${p.name}:${p.required}`), ['value:true']);
});
