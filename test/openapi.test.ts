/**
 * OpenAPI 3.1 export: validated by @seriousme/openapi-schema-validator (the OpenAPI 3.1 JSON
 * Schema), exact facts on the seeds, path templates, determinism, YAML ≡ JSON, and
 * openapi-typescript output compiling under tsc --strict.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { analyze, docsRootRelative } from '../src/pipeline/pipeline.js';
import { emitOpenApi, pathTemplate } from '../src/emit/openapi/index.js';
import { casedPath } from '../src/emit/openapi/from-model.js';
import { INPUT, tempTree, typecheck } from './helpers.js';
import { openapiTypescript, validate } from './openapi-helpers.js';

type Doc = Record<string, any>;

const seeds = analyze([INPUT]);
const out = emitOpenApi(seeds.model, seeds.findings, docsRootRelative(seeds.roots));

test('the seeds export validates as OpenAPI 3.1 with 0 errors, per version', async () => {
  assert.deepEqual([...out.files.keys()].sort(), ['openapi/beta.json', 'openapi/beta.yaml', 'openapi/v1.0.json', 'openapi/v1.0.yaml']);
  for (const v of ['v1.0', 'beta']) {
    const r = await validate(JSON.parse(out.files.get(`openapi/${v}.json`)!));
    assert.deepEqual(r, { valid: true, errors: undefined }, v);
  }
});

test('the validator does reject a broken document (the check can fail)', async () => {
  const d = structuredClone(out.documents.get('v1.0')!) as Doc;
  d.paths['/users/{user-id}'].patch.parameters[0].in = 'body';
  assert.equal((await validate(d)).valid, false);
  const c = structuredClone(out.documents.get('v1.0')!) as Doc;
  c.paths['/users/{user-id}'].patch.parameters = [];
  assert.deepEqual((await validate(c)).errors, [{ message: '`/paths/users/{user-id}/patch` is missing path parameter(s) for `{user-id}`.' }]);
  const e = structuredClone(out.documents.get('v1.0')!) as Doc;
  e.components.schemas['microsoft.graph.user'].properties.birthday.type = 'date';
  assert.equal((await validate(e)).valid, false);
});

test('v1.0 seeds: one operation, canonical template, typed path parameter, body and response refs, provenance relative to the docs root', () => {
  const d = out.documents.get('v1.0') as Doc;
  assert.equal(d.openapi, '3.1.0');
  assert.deepEqual(Object.keys(d.paths), ['/users/{user-id}']);
  const op = d.paths['/users/{user-id}'].patch;
  assert.equal(op.summary, 'Update user');
  assert.deepEqual(op.parameters, [{ name: 'user-id', in: 'path', required: true, schema: { type: 'string' } }]);
  assert.deepEqual(op.requestBody.content['application/json'].schema, { $ref: '#/components/schemas/microsoft.graph.user' });
  assert.deepEqual(op.responses['200'].content['application/json'].schema, { $ref: '#/components/schemas/microsoft.graph.user' });
  // 002 and 004 both document PATCH /users/{id}: 002 (HTTP block filled, first in path order) is used; 004 is named.
  assert.deepEqual(op['x-docmodel-source'], { file: '002_3cb1465fe3e08b31.txt', line: 25, column: 1 });
  assert.equal(op['x-docmodel-path-as-written'], '/users/{usersId}');
  assert.deepEqual(op['x-docmodel-variants'], [{ file: '004_fd11c5a4c97dea3e.txt', line: 15, column: 1 }]);
  const rules = op['x-docmodel-findings'].map((f: Doc) => f.rule);
  assert.ok(rules.includes('response-status-differs'), rules.join());
  // Least privileged first, as 002's table lists them; application is "Not supported" there.
  assert.deepEqual(op.security, [
    { delegated: ['DeviceManagementManagedDevices.ReadWrite.All'] },
    { delegated: ['DeviceManagementServiceConfig.ReadWrite.All'] },
    { delegated: ['DeviceManagementApps.ReadWrite.All'] },
  ]);
  assert.deepEqual(op['x-docmodel-permissions'].notSupported, ['delegatedPersonal', 'application']);
  assert.deepEqual(Object.keys(d.components.securitySchemes.delegated.flows), ['authorizationCode']);
  assert.deepEqual(Object.keys(d.components.securitySchemes.application.flows), ['clientCredentials']);
});

test('v1.0 seeds: schemas carry Edm formats, collections, nullability as documented and placeholders for undefined types', () => {
  const d = out.documents.get('v1.0') as Doc;
  assert.deepEqual(Object.keys(d.components.schemas), ['microsoft.graph.PasswordProfile', 'microsoft.graph.assignedLicense', 'microsoft.graph.user']);
  const user = d.components.schemas['microsoft.graph.user'];
  assert.equal(Object.keys(user.properties).length, 34);
  assert.deepEqual(user.properties.birthday.type, ['string', 'null']);
  assert.equal(user.properties.birthday.format, 'date-time');
  // "Not nullable." in 004's table: no null.
  assert.deepEqual(user.properties.assignedLicenses.type, 'array');
  assert.deepEqual(user.properties.assignedLicenses.items, { $ref: '#/components/schemas/microsoft.graph.assignedLicense' });
  assert.deepEqual(user.properties.assignedLicenses['x-docmodel-source'], { file: '004_fd11c5a4c97dea3e.txt', line: 30, column: 2 });
  assert.equal(d.components.schemas['microsoft.graph.assignedLicense']['x-docmodel-undefined'].name, 'assignedLicense');
});

test('beta seeds: the Intune navigation path gets one named parameter per placeholder, application scopes included', () => {
  const d = out.documents.get('beta') as Doc;
  const p = '/deviceManagement/deviceManagementScripts/{deviceManagementScript-id}/deviceRunStates/{deviceRunState-id}/managedDevice/users/{user-id}';
  assert.deepEqual(Object.keys(d.paths), [p, '/users/{user-id}']);
  const op = d.paths[p].patch;
  assert.deepEqual(op.parameters.map((x: Doc) => x.name), ['deviceManagementScript-id', 'deviceRunState-id', 'user-id']);
  assert.deepEqual(op.security, [
    { delegated: ['DeviceManagementConfiguration.ReadWrite.All'] }, { delegated: ['DeviceManagementManagedDevices.ReadWrite.All'] },
    { application: ['DeviceManagementConfiguration.ReadWrite.All'] }, { application: ['DeviceManagementManagedDevices.ReadWrite.All'] },
  ]);
  assert.deepEqual(op['x-docmodel-source'], { file: '000_5be97bd32e2c4279.txt', line: 38, column: 1 });
});

test('path templates: segment names, function arguments, OData keys, repeated names', () => {
  assert.deepEqual(pathTemplate('/users/{}/messages/{}'), { path: '/users/{user-id}/messages/{message-id}', params: ['user-id', 'message-id'] });
  assert.deepEqual(pathTemplate("/reports/getEmailActivityCounts(period={})"), { path: '/reports/getEmailActivityCounts(period={period})', params: ['period'] });
  assert.deepEqual(pathTemplate('/drives({})/items({})'), { path: '/drives({drive-id})/items({item-id})', params: ['drive-id', 'item-id'] });
  assert.deepEqual(pathTemplate('/policies/{}/policies/{}'), { path: '/policies/{policy-id}/policies/{policy-id1}', params: ['policy-id', 'policy-id1'] });
  assert.deepEqual(pathTemplate('/directories/{}'), { path: '/directories/{directory-id}', params: ['directory-id'] });
  // The page's casing is kept when the written path normalizes to the model's (lower-case) key.
  assert.equal(casedPath('/me/mailFolders/{id}/messages', '/users/{}/mailfolders/{}/messages'), '/users/{}/mailFolders/{}/messages');
  assert.equal(casedPath("/drives('{drive-id}')", '/drives({})'), '/drives({})');
});

test('YAML and JSON hold the same document; bytes are deterministic', () => {
  for (const v of ['v1.0', 'beta']) {
    assert.deepEqual(parseYaml(out.files.get(`openapi/${v}.yaml`)!), JSON.parse(out.files.get(`openapi/${v}.json`)!));
    assert.ok(!/&a\d|\*a\d/.test(out.files.get(`openapi/${v}.yaml`)!), 'no YAML anchors');
  }
  const again = emitOpenApi(analyze([INPUT]).model, seeds.findings, docsRootRelative(seeds.roots));
  assert.deepEqual([...again.files], [...out.files]);
});

test('openapi-typescript turns the seeds export into types that compile under tsc --strict', async () => {
  const files: Record<string, string> = {};
  for (const v of ['v1.0', 'beta']) files[`${v.replace('.', '_')}.ts`] = await openapiTypescript(out.documents.get(v));
  assert.match(files['v1_0.ts']!, /"\/users\/\{user-id\}": \{/);
  assert.match(files['v1_0.ts']!, /patch: operations\["users\.patch"\]/);
  const dir = tempTree(files);
  writeFileSync(join(dir, 'use.ts'), `import type { components, operations } from './v1_0.js';
type User = components['schemas']['microsoft.graph.user'];
const u: User = { birthday: null, assignedLicenses: [] };
type Body = operations['users.patch']['requestBody'];
const b: NonNullable<Body>['content']['application/json'] = u;
// @ts-expect-error assignedLicenses is not nullable in the docs
const bad: User = { assignedLicenses: null };
export { b, bad };
`);
  const r = typecheck(dir);
  assert.equal(r.status, 0, r.output);
});

test('OData system query options named in the query-parameter prose become query parameters', async () => {
  const dir = tempTree({ 'v1.0/api/user-get.md': '# Get user\n\nRetrieve a user.\n\n## HTTP request\n\n```http\nGET /users/{id | userPrincipalName}\n```\n\n## Optional query parameters\n\nThis method supports the `$select`, `$expand` and `$top` [OData query parameters](/graph/query-parameters) to help customize the response.\n\n## Response\n\nIf successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object in the response body.\n' });
  const a = analyze([dir]);
  const d = emitOpenApi(a.model, a.findings, docsRootRelative(a.roots)).documents.get('v1.0') as Doc;
  const op = d.paths['/users/{user-id}'].get;
  assert.deepEqual(op.parameters.map((p: Doc) => [p.name, p.in, p.schema.type]), [['user-id', 'path', 'string'], ['$select', 'query', 'string'], ['$expand', 'query', 'string'], ['$top', 'query', 'integer']]);
  assert.deepEqual(op['x-docmodel-query-options'], { support: 'odata', named: ['$select', '$expand', '$top'], source: op.parameters[1]['x-docmodel-source'] });
  assert.equal(op['x-docmodel-path-as-written'], '/users/{id | userPrincipalName}');
  assert.deepEqual(Object.keys(op.responses), ['200']);
  assert.deepEqual(await validate(d), { valid: true, errors: undefined });
});
