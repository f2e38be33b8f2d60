/**
 * OpenAPI 3.1 export: validated by @seriousme/openapi-schema-validator (the OpenAPI 3.1 JSON
 * Schema), exact facts on the seeds, path templates, determinism, YAML ≡ JSON, and
 * openapi-typescript output compiling under tsc --strict.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { analyze } from '../src/pipeline/in-thread.js';
import { emitOpenApi } from '../src/emit/openapi/index.js';
import { emitModels } from '../src/emit/ts/models.js';
import { INPUT, ROOT, tempTree, typecheck } from './helpers.js';
import { openapiTypescript, validate } from './openapi-helpers.js';

type Doc = Record<string, any>;

const seeds = analyze([INPUT]);
const out = emitOpenApi(seeds.model, seeds.findings);
const userPage = analyze([join(ROOT, 'test/fixtures/metadata/docs')]);
const userDoc = emitOpenApi(userPage.model, userPage.findings).documents.get('v1.0') as Doc;

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
  const e = structuredClone(userDoc);
  e.components.schemas['microsoft.graph.user'].allOf[1].properties.birthday.type = 'date';
  assert.equal((await validate(e)).valid, false);
});

test('v1.0 seeds: the model\'s primary variant, canonical template, typed path parameter, body table, provenance relative to the docs root', () => {
  const d = out.documents.get('v1.0') as Doc;
  assert.equal(d.openapi, '3.1.0');
  assert.deepEqual(Object.keys(d.paths), ['/users/{user-id}']);
  const op = d.paths['/users/{user-id}'].patch;
  assert.equal(op.summary, 'Update user');
  assert.deepEqual(op.parameters, [{ name: 'user-id', in: 'path', required: true, schema: { type: 'string' } }]);
  // 002 (an Intune workload page) and 004 (user-update) both document PATCH /users/{id}: the model picks 004.
  assert.deepEqual(op['x-docmodel-source'], { file: '004_fd11c5a4c97dea3e.txt', line: 15, column: 1 });
  assert.equal(op['x-docmodel-choice'], 'primary of 2 pages in v1.0 (model policy step: not-workload)');
  assert.equal(op['x-docmodel-path-as-written'], '/users/{id | userPrincipalName}');
  assert.deepEqual(op['x-docmodel-variants'], [{ file: '002_3cb1465fe3e08b31.txt', line: 25, column: 1, workload: true }]);
  const rules = op['x-docmodel-findings'].map((f: Doc) => f.rule);
  assert.ok(rules.includes('response-status-differs'), rules.join());
  assert.deepEqual(Object.keys(op.responses), ['204']);
  assert.equal(op.responses['204'].content, undefined);
  // No page of v1.0 defines user: the body is 004's own table, not an empty placeholder.
  const body = op.requestBody.content['application/json'].schema;
  assert.equal(body['x-docmodel-body-type'], 'user');
  assert.equal(Object.keys(body.properties).length, 32);
  assert.deepEqual(body.properties.birthday.type, ['string', 'null']);
  assert.equal(body.properties.birthday.format, 'date-time');
  assert.deepEqual(body.properties.assignedLicenses, { type: 'array', items: { $ref: '#/components/schemas/microsoft.graph.assignedLicense' }, description: 'The licenses that are assigned to the user. Not nullable.', 'x-docmodel-source': { file: '004_fd11c5a4c97dea3e.txt', line: 30, column: 2 } });
  assert.equal(d.components.schemas['microsoft.graph.assignedLicense']['x-docmodel-undefined'].name, 'assignedLicense');
  // 004 states its scopes old-style, without a permission type: kept, not guessed into a flow.
  assert.equal(op.security, undefined);
  assert.deepEqual(op['x-docmodel-permissions'], { state: 'scopes', unclassified: ['User.ReadWrite', 'User.ReadWrite.All', 'Directory.ReadWrite.All'], source: { file: '004_fd11c5a4c97dea3e.txt', line: 5, column: 1 } });
  assert.deepEqual(Object.keys(d.components.securitySchemes.delegated.flows), ['authorizationCode']);
  assert.deepEqual(Object.keys(d.components.securitySchemes.application.flows), ['clientCredentials']);
});

test('a real resource page (2020-05 user.md): allOf inheritance, Edm formats, collections, navigation, nullability as documented', async () => {
  const u = userDoc.components.schemas['microsoft.graph.user'];
  assert.deepEqual(u.allOf[0], { $ref: '#/components/schemas/microsoft.graph.directoryObject' });
  const p = u.allOf[1].properties;
  assert.equal(Object.keys(p).length, 95);
  assert.deepEqual([p.createdDateTime.type, p.createdDateTime.format, p.createdDateTime['x-docmodel-source']], [['string', 'null'], 'date-time', { file: 'v1.0/resources/user.md', line: 125, column: 2 }]);
  assert.deepEqual([p.assignedLicenses.type, p.assignedLicenses.items], ['array', { $ref: '#/components/schemas/microsoft.graph.assignedLicense' }]);
  assert.deepEqual(p.manager.anyOf, [{ $ref: '#/components/schemas/microsoft.graph.directoryObject' }, { type: 'null' }]);
  assert.equal(p.manager['x-docmodel-navigation'], true);
  assert.equal(p.usageLocation.type, 'string'); // "Not nullable."
  assert.deepEqual(u['x-docmodel-sources'], [{ file: 'v1.0/resources/user.md', line: 10, column: 1 }]);
  assert.deepEqual(await validate(userDoc), { valid: true, errors: undefined });
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

test('paths are the model\'s canonical templates and parameters, one path item per template', () => {
  for (const v of ['v1.0', 'beta']) {
    const d = out.documents.get(v) as Doc;
    const expected = seeds.model.operations.filter((g) => g.variants.some((x) => x.version === v)).map((g) => g.path).sort();
    assert.deepEqual(Object.keys(d.paths), [...new Set(expected)]);
    for (const g of seeds.model.operations.filter((x) => x.variants.some((y) => y.version === v))) {
      const op = d.paths[g.path][g.method.toLowerCase()];
      assert.deepEqual(op.parameters.filter((p: Doc) => p.in === 'path').map((p: Doc) => p.name), g.parameters);
    }
  }
});

test('YAML and JSON hold the same document; bytes are deterministic', () => {
  for (const v of ['v1.0', 'beta']) {
    assert.deepEqual(parseYaml(out.files.get(`openapi/${v}.yaml`)!), JSON.parse(out.files.get(`openapi/${v}.json`)!));
    assert.ok(!/&a\d|\*a\d/.test(out.files.get(`openapi/${v}.yaml`)!), 'no YAML anchors');
  }
  const again = emitOpenApi(analyze([INPUT]).model, seeds.findings);
  assert.deepEqual([...again.files], [...out.files]);
});

test('openapi-typescript turns the exports into types that compile under tsc --strict', async () => {
  const files: Record<string, string> = {};
  for (const v of ['v1.0', 'beta']) files[`${v.replace('.', '_')}.ts`] = await openapiTypescript(out.documents.get(v));
  files['user.ts'] = await openapiTypescript(userDoc);
  assert.match(files['v1_0.ts']!, /"\/users\/\{user-id\}": \{/);
  assert.match(files['v1_0.ts']!, /patch: operations\["users\.patch"\]/);
  const dir = tempTree(files);
  writeFileSync(join(dir, 'use.ts'), `import type { components } from './user.js';
type User = components['schemas']['microsoft.graph.user'];
const u: User = { createdDateTime: null, assignedLicenses: [], usageLocation: 'NL' };
// @ts-expect-error assignedLicenses is not nullable in the docs
const bad: User = { assignedLicenses: null };
export { u, bad };
`);
  const r = typecheck(dir);
  assert.equal(r.status, 0, r.output);
});

test('OData system query options named in the query-parameter prose become query parameters', async () => {
  const dir = tempTree({ 'v1.0/api/user-get.md': '# Get user\n\nRetrieve a user.\n\n## HTTP request\n\n```http\nGET /users/{id | userPrincipalName}\n```\n\n## Optional query parameters\n\nThis method supports the `$select`, `$expand` and `$top` [OData query parameters](/graph/query-parameters) to help customize the response.\n\n## Response\n\nIf successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object in the response body.\n' });
  const a = analyze([dir]);
  const d = emitOpenApi(a.model, a.findings).documents.get('v1.0') as Doc;
  const op = d.paths['/users/{user-id}'].get;
  assert.deepEqual(op.parameters.map((p: Doc) => [p.name, p.in, p.schema.type]), [['user-id', 'path', 'string'], ['$select', 'query', 'string'], ['$expand', 'query', 'string'], ['$top', 'query', 'integer']]);
  assert.deepEqual(op['x-docmodel-query-options'], { support: 'odata', named: ['$select', '$expand', '$top'], source: op.parameters[1]['x-docmodel-source'] });
  assert.equal(op['x-docmodel-path-as-written'], '/users/{id | userPrincipalName}');
  assert.deepEqual(Object.keys(op.responses), ['200']);
  assert.deepEqual(await validate(d), { valid: true, errors: undefined });
});

test('enums become string schemas with their members; a property typed with an enum references it', async () => {
  const dir = tempTree({
    'v1.0/resources/enums.md': '# Enum values\n\n### riskLevel values\n\n|Member|Value|Description|\n|:---|:---|:---|\n|low|0|Low.|\n|medium|1|Medium.|\n|high|2|High.|\n',
    'v1.0/resources/signin.md': '# signIn resource type\n\nA sign-in.\n\n## Properties\n\n|Property|Type|Description|\n|:---|:---|:---|\n|id|String|The id.|\n|riskLevel|riskLevel|The risk level.|\n',
  });
  const a = analyze([dir]);
  const d = emitOpenApi(a.model, a.findings).documents.get('v1.0') as Doc;
  assert.deepEqual(d.components.schemas['microsoft.graph.riskLevel'], { type: 'string', enum: ['low', 'medium', 'high'], 'x-docmodel-sources': [{ file: 'v1.0/resources/enums.md', line: 5, column: 1 }] });
  assert.deepEqual(d.components.schemas['microsoft.graph.signIn'].properties.riskLevel.anyOf, [{ $ref: '#/components/schemas/microsoft.graph.riskLevel' }, { type: 'null' }]);
  assert.deepEqual(await validate(d), { valid: true, errors: undefined });
});

test('a page\'s "Path parameters" rows describe and type the path parameters they name', () => {
  const fixture = (rel: string) => readFileSync(join(ROOT, 'test/fixtures/corpus', rel), 'utf8');
  const dir = tempTree({ 'v1.0/api/drive-get.md': fixture('v1.0/api/drive-get.md'), 'v1.0/api/opentypeextension-get.md': fixture('v1.0/api/opentypeextension-get.md'), 'v1.0/api/range-cell.md': fixture('v1.0/api/range-cell.md') });
  const a = analyze([dir]);
  const d = emitOpenApi(a.model, a.findings).documents.get('v1.0') as Doc;
  const params = (path: string) => (d.paths[path].get.parameters as Doc[]).filter((p) => p.in === 'path')
    .map((p) => `${p.name}:${JSON.stringify(p.schema)}:${(p.description ?? '-').slice(0, 20)}${p['x-docmodel-source'] ? '@' + p['x-docmodel-source'].line : ''}`);
  // drive-get.md: "Parameter name | Value | Description", the Value column holding the type.
  assert.deepEqual(params('/drives/{drive-id}'), ['drive-id:{"type":"string"}:Required. The identi@214']);
  assert.deepEqual(params('/groups/{group-id}/drive'), ['group-id:{"type":"string"}:Required. The identi@138']);
  // opentypeextension-get.md: "Id" names each {Id} (and {Id|userPrincipalName}), extensionId names {extensionId}.
  assert.deepEqual(params('/users/{user-id}/messages/{message-id}/extensions/{extension-id}'), [
    'user-id:{"type":"string"}:Placeholder for a un@118', 'message-id:{"type":"string"}:Placeholder for a un@118', 'extension-id:{"type":"string"}:Placeholder for an e@119',
  ]);
  // range-cell.md: its rows (row, column) name no placeholder of its paths (`…/range/cell`): none is placed, the user's id
  // (from /me) included; the rows stay in the model's document facts.
  assert.deepEqual(params('/users/{user-id}/drive/items/{item-id}/workbook/names/{name-id}/range/cell'), ['user-id:{"type":"string"}:-', 'item-id:{"type":"string"}:-', 'name-id:{"type":"string"}:-']);
  const doc = a.model.documents.find((x) => x.file === 'v1.0/api/range-cell.md')!;
  assert.deepEqual(doc.pathParameterDescriptions!.map((p) => `${p.name}:${p.type!.name}`), ['row:Int32', 'column:Int32']);
});

test('a page\'s "Function parameters" rows are the call\'s parameters in OpenAPI and TypeScript: a query parameter where the page says so, the path parameter\'s type and description where the call passes it in parentheses (both were dropped)', async () => {
  const fixture = (rel: string) => readFileSync(join(ROOT, 'test/fixtures/corpus', rel), 'utf8');
  const calls = 'beta/api/callrecords-callrecord-getdirectroutingcalls.md', counts = 'v1.0/api/reportroot-getemailactivitycounts.md';
  const dir = tempTree({ [calls]: fixture(calls), [counts]: fixture(counts) });
  const a = analyze([dir]);
  const o = emitOpenApi(a.model, a.findings);
  const beta = o.documents.get('beta') as Doc;
  assert.deepEqual((beta.paths['/communications/callRecords/getDirectRoutingCalls'].get.parameters as Doc[]).map((p) => [p.name, p.in, JSON.stringify(p.schema), p['x-docmodel-function-parameter'], p['x-docmodel-source'].line]), [
    ['fromDateTime', 'query', '{"type":"string","format":"date-time"}', 'query', 52],
    ['toDateTime', 'query', '{"type":"string","format":"date-time"}', 'query', 53],
  ]);
  const v1 = o.documents.get('v1.0') as Doc;
  const period = (v1.paths['/reports/getEmailActivityCounts(period={period})'].get.parameters as Doc[])[0]!;
  assert.deepEqual([period.name, period.in, period.description.slice(0, 40), period['x-docmodel-source'].line], ['period', 'path', 'Specifies the length of time over which ', 45]);
  for (const v of ['beta', 'v1.0']) assert.deepEqual(await validate(o.documents.get(v) as Doc), { valid: true, errors: undefined }, v);
  const ts = emitModels(a.model).files;
  assert.match(ts.get('beta/operations.ts')!, /queryParameters: \{ fromDateTime\?: string; toDateTime\?: string \}/);
});

test('a POST to a /$ref path adds a reference: its body is { "@odata.id" } even where the prose says "a JSON representation of [directoryObject]" (it was the whole entity)', async () => {
  const rel = 'v1.0/api/device-post-registeredowners.md';
  const a = analyze([tempTree({ [rel]: readFileSync(join(ROOT, 'test/fixtures/corpus', rel), 'utf8') })]);
  assert.deepEqual(a.pages[0]!.requestBody!.reference, { typeName: 'directoryObject', src: { file: rel, line: 37, column: 1 } });
  assert.equal(a.pages[0]!.requestBody!.typeName, undefined);
  const d = emitOpenApi(a.model, a.findings).documents.get('v1.0') as Doc;
  const body = d.paths['/devices/{device-id}/registeredOwners/$ref'].post.requestBody.content['application/json'].schema;
  assert.deepEqual([body.required, Object.keys(body.properties), body['x-docmodel-reference-to']], [['@odata.id'], ['@odata.id'], 'directoryObject']);
  assert.match(emitModels(a.model).files.get('v1.0/operations.ts')!, /requestBody: \{ "@odata\.id": string \}/);
});

test('a page that names its response type but no status: the default response carries the body (it had none)', () => {
  const rel = 'beta/api/driveitem-follow.md';
  const a = analyze([tempTree({ [rel]: readFileSync(join(ROOT, 'test/fixtures/corpus-modern', rel), 'utf8') })]);
  const d = emitOpenApi(a.model, a.findings).documents.get('beta') as Doc;
  const op = d.paths['/drives/{drive-id}/items/{item-id}/follow'].post;
  assert.deepEqual(Object.keys(op.responses), ['default']);
  assert.deepEqual(op.responses.default.content['application/json'].schema, { $ref: '#/components/schemas/microsoft.graph.DriveItem' }); // as the link says: no resource page in this tree
  assert.deepEqual(op['x-docmodel-undocumented'], ['responses']);
});

test('a response that names no defined type but links a resource page is that page\'s type in OpenAPI and TypeScript ("the [page](../resources/page.md) object" is onenotePage; it was a placeholder named page)', () => {
  const fixture = (rel: string) => readFileSync(join(ROOT, 'test/fixtures/corpus', rel), 'utf8');
  const get = 'v1.0/api/page-get.md', res = 'v1.0/resources/page.md';
  const a = analyze([tempTree({ [get]: fixture(get), [res]: fixture(res) })]);
  assert.equal(a.pages.find((p) => p.file === get)!.response!.bodyType!.name, 'page'); // the page's words, which the rules read
  const d = emitOpenApi(a.model, a.findings).documents.get('v1.0') as Doc;
  assert.deepEqual(d.paths['/users/{user-id}/onenote/pages/{page-id}'].get.responses['200'].content['application/json'].schema, { $ref: '#/components/schemas/microsoft.graph.onenotePage' });
  assert.equal(d.components.schemas['microsoft.graph.page'], undefined);
  assert.match(emitModels(a.model).files.get('v1.0/operations.ts')!, /response: graph\.OnenotePage;/);
});

test('a body table of a type no page defines is inline on every path of the page, whatever the order (a placeholder an earlier path declared was taken for a definition)', () => {
  const rel = 'v1.0/api/event-update.md';
  const a = analyze([tempTree({ [rel]: readFileSync(join(ROOT, 'test/fixtures/corpus-modern', rel), 'utf8') })]);
  const d = emitOpenApi(a.model, a.findings).documents.get('v1.0') as Doc;
  const bodies = Object.entries(d.paths as Record<string, Doc>).map(([p, item]) => [p, item.patch.requestBody.content['application/json'].schema['x-docmodel-body-type'], Object.keys(item.patch.requestBody.content['application/json'].schema.properties ?? {}).length]);
  assert.equal(bodies.length, 6);
  for (const [p, type, n] of bodies) assert.deepEqual([type, n], ['event', 19], p as string);
  // TypeScript gives the same table (it gave Partial<graph.Event> of an empty placeholder interface).
  const ops = emitModels(a.model).files.get('v1.0/operations.ts')!;
  const entry = ops.slice(ops.indexOf('"PATCH /users/{user-id}/events/{event-id}": {'));
  assert.match(entry.slice(0, entry.indexOf('successStatus')), /requestBody: \{ attendees\?: graph\.Attendee; body\?: graph\.ItemBody; categories\?: string\[\]; end\?: graph\.DateTimeTimeZone;/);
});

test('a POST whose page has no Request body section is marked "not documented" (it read as no body)', () => {
  const rel = 'v1.0/api/subscription-post-subscriptions.md';
  const a = analyze([tempTree({ [rel]: readFileSync(join(ROOT, 'test/fixtures/corpus', rel), 'utf8') })]);
  const op = (emitOpenApi(a.model, a.findings).documents.get('v1.0') as Doc).paths['/subscriptions'].post;
  assert.equal(op.requestBody, undefined);
  assert.deepEqual(op['x-docmodel-request-body'], { state: 'not documented', source: { file: rel, line: 71, column: 1 } });
});

test('an operation documented once per derived type (the Intune pages) takes and returns the types\' common base in OpenAPI and TypeScript, not the primary page\'s own subtype', () => {
  const rels = ['v1.0/api/intune-apps-webapp-create.md', 'v1.0/api/intune-apps-androidlobapp-create.md', 'v1.0/resources/intune-apps-webapp.md', 'v1.0/resources/intune-apps-androidlobapp.md', 'v1.0/resources/intune-apps-mobilelobapp.md', 'v1.0/resources/intune-apps-mobileapp.md'];
  const a = analyze([tempTree(Object.fromEntries(rels.map((r) => [r, readFileSync(join(ROOT, 'test/fixtures/corpus', r), 'utf8')])))]);
  const op = (emitOpenApi(a.model, a.findings).documents.get('v1.0') as Doc).paths['/deviceAppManagement/mobileApps'].post;
  assert.deepEqual(op.requestBody.content['application/json'].schema, { $ref: '#/components/schemas/microsoft.graph.mobileApp' });
  assert.deepEqual(op.responses['201'].content['application/json'].schema, { $ref: '#/components/schemas/microsoft.graph.mobileApp' });
  assert.deepEqual(op['x-docmodel-polymorphic'], { base: 'microsoft.graph.mobileApp', documentedTypes: ['webApp', 'androidLobApp'] });
  const ts = emitModels(a.model).files.get('v1.0/operations.ts')!;
  assert.match(ts, /"POST \/deviceAppManagement\/mobileApps": \{[\s\S]*?requestBody: graph\.MobileApp;\s*response: graph\.MobileApp;/);
  // The model keeps each page's own type.
  assert.deepEqual(a.model.operations.find((o) => o.key === 'POST /deviceAppManagement/mobileApps')!.variants.map((v) => [v.documentedType?.name, v.subtype ?? null]), [['androidLobApp', 'androidLobApp'], ['webApp', null]]);
});

test('request headers a page lists become header parameters (not Authorization, Content-Type or Accept, which OpenAPI describes otherwise); Planner\'s required If-Match was lost', async () => {
  const rel = 'v1.0/api/plannerplandetails-update.md';
  const a = analyze([tempTree({ [rel]: readFileSync(join(ROOT, 'test/fixtures/corpus', rel), 'utf8') })]);
  const d = emitOpenApi(a.model, a.findings).documents.get('v1.0') as Doc;
  const headers = (d.paths['/planner/plans/{plan-id}/details'].patch.parameters as Doc[]).filter((p) => p.in === 'header');
  assert.deepEqual(headers, [{ name: 'If-Match', in: 'header', description: 'Last known ETag value for the plannerPlanDetails to be updated. Required.', required: true, schema: { type: 'string' }, 'x-docmodel-source': { file: rel, line: 33, column: 3 } }]);
  assert.deepEqual(await validate(d), { valid: true, errors: undefined });
});

test('"204 No Content … and empty content" beside "a 200 OK … and updated [plannerPlanDetails] object when asked": the 200 has that body in OpenAPI and TypeScript (both had none)', async () => {
  const rel = 'v1.0/api/plannerplandetails-update.md';
  const a = analyze([tempTree({ [rel]: readFileSync(join(ROOT, 'test/fixtures/corpus', rel), 'utf8') })]);
  const r = a.pages[0]!.response!;
  assert.deepEqual([r.noBody, r.bodyType!.name, r.statuses.map((s) => s.code)], [true, 'plannerPlanDetails', [204, 200]]);
  const d = emitOpenApi(a.model, a.findings).documents.get('v1.0') as Doc;
  const responses = d.paths['/planner/plans/{plan-id}/details'].patch.responses;
  assert.equal(responses['204'].content, undefined);
  assert.deepEqual(responses['200'].content['application/json'].schema, { $ref: '#/components/schemas/microsoft.graph.plannerPlanDetails' });
  assert.deepEqual(await validate(d), { valid: true, errors: undefined });
  assert.match(emitModels(a.model).files.get('v1.0/operations.ts')!, /"PATCH \/planner\/plans\/\{plan-id\}\/details": \{[\s\S]*?response: graph\.PlannerPlanDetails \| void;\s*successStatus: 204 \| 200;/);
});
