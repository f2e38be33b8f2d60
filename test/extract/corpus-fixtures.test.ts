/** Extraction on real corpus pages (test/fixtures/corpus, see its README) with exact expected results. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { processFile } from '../../src/pipeline/page.js';
import { requiredCell } from '../../src/sources/graph-markdown/extract/headers.js';
import { permissionsForPath } from '../../src/model/merge.js';
import { canonicalPath } from '../../src/model/identity.js';
import { IncludeResolver } from '../../src/sources/graph-markdown/parse/includes.js';
import { ROOT, at, tempTree } from '../helpers.js';
import { reconcile } from '../../src/checks/engine.js';
import { modelFromPages } from '../../src/sources/graph-markdown/to-model.js';
import { emitModels } from '../../src/emit/ts/models.js';

const DIR = join(ROOT, 'test/fixtures/corpus');
const fx = (rel: string) => processFile(join(DIR, rel), rel, new IncludeResolver(DIR));
const perms = (rel: string) => fx(rel).permissions!.entries.map((e) => `${e.resource ? e.resource + '/' : ''}${e.type}:${e.state}:${e.permissions.map((p) => p.name).join(',')}`);

test('transposed permission table: one row per resource', () => {
  assert.deepEqual(perms('v1.0/api/attachment-delete.md'), [
    'event/delegatedWork:listed:Calendars.ReadWrite', 'event/delegatedPersonal:listed:Calendars.ReadWrite', 'event/application:listed:Calendars.ReadWrite',
    'message/delegatedWork:listed:Mail.ReadWrite', 'message/delegatedPersonal:listed:Mail.ReadWrite', 'message/application:listed:Mail.ReadWrite',
    'post/delegatedWork:listed:Group.ReadWrite.All', 'post/delegatedPersonal:not-supported:', 'post/application:not-supported:',
  ]);
});

test('personal-account row missing its closing paren', () => {
  assert.deepEqual(perms('beta/api/dynamics-journal-delete.md'), ['delegatedWork:listed:Financials.ReadWrite.All', 'delegatedPersonal:not-supported:', 'application:listed:Financials.ReadWrite.All']);
});

test('TODO permission cells are a diagnostic, not a permission', () => {
  const ir = fx('v1.0/api/intune-cirrus-officeclientconfigurationassignment-get.md');
  assert.deepEqual(ir.permissions!.entries.map((e) => `${e.type}:${e.state}`), ['delegatedWork:todo', 'delegatedPersonal:not-supported', 'application:todo']);
  assert.deepEqual(ir.diagnostics.filter((d) => d.rule === 'permission-cell-todo').map((d) => d.src.line), [25, 27]);
});

test('two permission tables under H3 headings keep their scenario (the second has a 3-cell delimiter row for 2 columns)', () => {
  assert.deepEqual(perms('v1.0/api/authenticationmethod-get.md'), [
    'Permissions acting on self/delegatedWork:listed:UserAuthenticationMethod.Read,UserAuthenticationMethod.ReadWrite',
    'Permissions acting on self/delegatedPersonal:not-supported:', 'Permissions acting on self/application:not-supported:',
    'Permissions acting on other users/delegatedWork:listed:UserAuthenticationMethod.Read.All,UserAuthenticationMethod.ReadWrite.All',
    'Permissions acting on other users/delegatedPersonal:not-supported:',
    'Permissions acting on other users/application:listed:UserAuthenticationMethod.Read.All,UserAuthenticationMethod.ReadWrite.All',
  ]);
  assert.deepEqual(fx('v1.0/api/authenticationmethod-get.md').diagnostics.map((d) => `${d.rule}@${d.src.line}`), ['table-delimiter-repaired@31']);
});

test('"does not support optional query parameters" is recorded as a statement', () => {
  const ir = fx('v1.0/api/authenticationmethod-get.md');
  assert.equal(ir.queryParameterSupport?.value, 'none');
  assert.equal(ir.queryParameterSupport?.src.line, 53);
  assert.deepEqual(ir.queryParameters, []);
});

test('resource page: methods, properties, relationships, enum under Properties, JSON representation', () => {
  const ir = fx('v1.0/resources/todotasklist.md');
  assert.equal(ir.kind, 'resource');
  const r = ir.resource!;
  assert.equal(r.name, 'todoTaskList');
  assert.equal(r.baseType?.name, 'entity');
  assert.deepEqual(r.methods.map((m) => `${m.text}→${m.target}:${m.returnType}`), [
    'List lists→../api/todo-list-lists.md:todoTaskList collection', 'Create todoTaskList→../api/todo-post-lists.md:todoTaskList',
    'Get task list→../api/todotasklist-get.md:todoTaskList', 'Update task list→../api/todotasklist-update.md:todoTaskList',
    'Delete task list→../api/todotasklist-delete.md:None', 'List tasks→../api/todotasklist-list-tasks.md:todoTask collection',
    'Create task→../api/todotasklist-post-tasks.md:todoTask',
  ]);
  assert.deepEqual(r.properties.map((p) => `${p.name}:${p.type.name}${p.readOnly ? ':ro' : ''}@${at(p.src)}`), [
    'displayName:String@36:2', 'id:String:ro@37:2', 'isOwner:Boolean@38:2', 'isShared:Boolean@39:2', 'wellknownListName:wellknownListName@40:2',
  ]);
  assert.deepEqual(r.relationships.map((p) => `${p.name}:${p.type.name}${p.type.collection ? '[]' : ''}`), ['extensions:extension[]', 'tasks:todoTask[]']);
  assert.deepEqual(ir.enums.map((e) => `${e.name}=${e.members.map((m) => m.name).join('|')}`), ['wellknownListName=none|defaultList|flaggedEmails|unknownFutureValue']);
  assert.deepEqual(r.jsonRepresentation!.propertyNames, ['@odata.type', 'id', 'displayName', 'isOwner', 'isShared', 'wellknownListName']);
  assert.deepEqual(r.jsonRepresentation!.annotation!.fields, { blockType: 'resource', keyProperty: 'id', '@odata.type': 'microsoft.graph.todoTaskList', baseType: 'microsoft.graph.entity', openType: false });
  assert.deepEqual(ir.diagnostics, []);
});

test('enum Member | Value | Description table', () => {
  const ir = fx('v1.0/resources/printtaskstatus.md');
  assert.deepEqual(ir.enums.map((e) => e.members.map((m) => `${m.name}=${m.value}`).join(',')), ['pending=0,processing=1,completed=2,aborted=3,unknownFutureValue=4']);
  assert.equal(ir.enums[0]!.name, 'printTaskProcessingState');
  // The fixture folder has no includes/: the pricing disclaimer include is reported, nothing else.
  assert.deepEqual(ir.diagnostics.map((d) => `${d.rule}@${d.src.line}`), ['include-missing@14']);
});

test('one-cell group row in a request-body table sets the group of the rows below', () => {
  const ir = fx('beta/api/intune-shared-devicecategory-update.md');
  assert.deepEqual(ir.requestBody!.properties.map((p) => `${p.name}:${p.group ?? ''}`), ['id:', 'description:Onboarding', 'displayName:Onboarding']);
  const t = ir.tables.find((x) => x.classification === 'properties')!;
  // 3 rows × 3 cells + the group row's one cell: every non-empty cell landed.
  assert.deepEqual(t.taken, { by: 'Request body', rows: 3, groupRows: 1, skipped: 0, cells: 10, cellsLanded: 10, cellsExplained: 0 });
});

test('two methods in one HTTP block', () => {
  assert.deepEqual(fx('beta/api/riskyusers-dismiss.md').operations.map((o) => `${o.method} ${o.path}`), ['POST /riskyUsers/dismiss', 'GET /identityProtection/riskyUsers/dismiss']);
});

test('HTTP fences indented in a list', () => {
  const ops = fx('v1.0/api/insights-list-used.md').operations;
  assert.deepEqual(ops.map((o) => `${o.method} ${o.path}@${o.src.line}:${o.src.column}`), [
    'GET /me/insights/used@37:3', 'GET /users/{id | userPrincipalName}/insights/used@43:3',
    'GET /me/insights/used/{id}/resource@51:3', 'GET /users/{id | userPrincipalName}/insights/used/{id}/resource@52:3',
  ]);
});

test('an HTML table inside a cell stays in the description of one property', () => {
  const ir = fx('v1.0/resources/parentalcontrolsettings.md');
  assert.deepEqual(ir.resource!.properties.map((p) => `${p.name}:${p.type.name}`), ['countriesBlockedForMinors:String', 'legalAgeGroupRule:String']);
  assert.match(ir.resource!.properties[1]!.description, /^Specifies the legal age group rule .* BlockMinors Blocks minors from using the app\.$/);
});

test('80 request lines in one page', () => {
  const ops = fx('beta/api/singlevaluelegacyextendedproperty-get.md').operations;
  assert.equal(ops.length, 80);
  assert.deepEqual([ops[0]!.method, ops[0]!.path, ops[79]!.path], ['GET', '/me/messages/{id}', '/groups/{id}/events']);
});

test('example bodies that are not JSON are kept raw; "ignored" responses are still examples', () => {
  const r = fx('v1.0/api/attachment-get.md').examples.responses;
  assert.deepEqual(r.map((x) => `${x.body?.format}@${x.src.line}`), ['json@203', 'json@262', 'json@318', 'json@412', 'json@533', 'raw@574', 'raw@604', 'raw@653', 'raw@736']);
  assert.match(r[6]!.body!.raw, /^BEGIN:VCARD\nPROFILE:VCARD/);
  assert.deepEqual(r[6]!.annotation!.fields, { blockType: 'ignored', name: 'get_value_contact_attachment', truncated: true });
});

test('example response inside the Response section; annotation name as an array', () => {
  const r = fx('v1.0/api/drive-list.md').examples.responses;
  assert.deepEqual(r.map((x) => [x.statusLine.code, x.src.line, x.annotation?.fields.name]), [[200, 159, ['group-list-drives', 'site-list-drives', 'user-list-drives', 'enum-drives']]]);
});

test('two permission columns ("acting on self" | "acting on others"): both read, each keyed by its header', () => {
  assert.deepEqual(perms('beta/api/authentication-list-phonemethods.md'), [
    'Permissions acting on self (from least to most privileged)/delegatedWork:listed:UserAuthenticationMethod.Read,UserAuthenticationMethod.ReadWrite',
    'Permissions acting on others (from least to most privileged)/delegatedWork:listed:UserAuthenticationMethod.Read.All,UserAuthenticationMethod.ReadWrite.All',
    'Permissions acting on self (from least to most privileged)/delegatedPersonal:not-supported:',
    'Permissions acting on others (from least to most privileged)/delegatedPersonal:not-supported:',
    'Permissions acting on self (from least to most privileged)/application:not-supported:',
    'Permissions acting on others (from least to most privileged)/application:listed:UserAuthenticationMethod.Read.All,UserAuthenticationMethod.ReadWrite.All',
  ]);
  assert.deepEqual(fx('beta/api/authentication-list-phonemethods.md').tables[0]!.taken, { by: 'permissions', rows: 3, groupRows: 0, skipped: 0, cells: 9, cellsLanded: 9, cellsExplained: 0 });
});

test('a permission table before any section heading is the page\'s permissions, with a diagnostic', () => {
  assert.deepEqual(perms('beta/api/connectorgroup-post-members.md'), ['delegatedWork:listed:Directory.ReadWrite.All,Directory.AccessAsUser.All', 'delegatedPersonal:not-supported:', 'application:not-supported:']);
  assert.deepEqual(fx('beta/api/connectorgroup-post-members.md').diagnostics.map((d) => `${d.rule}@${d.src.line}`), ['include-missing@14', 'permissions-without-heading@20']);
});

test('base type from "A subclass of [X](x.md)", "creates a subclass from [X]" and "<type> is a type of [X]"; "a type of shift request" is prose', () => {
  const base = (rel: string) => { const b = fx(rel).resource!.baseType; return b && `${b.name}:${b.from}:${b.link ?? ''}@${at(b.src)}`; };
  assert.equal(base('v1.0/resources/educationwordresource.md'), 'educationResource:inherits-link:educationresource.md@14:1');
  assert.equal(base('v1.0/resources/educationassignmentpointsgrade.md'), 'educationAssignmentGrade:inherits-link:educationassignmentgrade.md@14:1');
  assert.equal(base('v1.0/resources/principalresourcemembershipsscope.md'), 'accessReviewScope:inherits-link:accessreviewscope.md@14:1');
  assert.equal(base('v1.0/resources/timeoffrequest.md'), undefined);
});

test('a resource annotation and JSON block under another heading are the JSON representation (with a diagnostic)', () => {
  const onenote = fx('v1.0/resources/resource.md');
  const r = onenote.resource!;
  assert.equal(`${r.name}:${r.nameFrom}`, 'onenoteResource:annotation');
  assert.equal(`${r.baseType?.name}:${r.baseType?.from}@${at(r.baseType!.src)}`, 'onenoteEntityBaseModel:annotation@18:1');
  assert.deepEqual(r.jsonRepresentation!.propertyNames, ['content', 'contentUrl']);
  assert.equal(at(r.jsonRepresentation!.src), '26:1');
  assert.deepEqual(onenote.diagnostics.map((d) => `${d.rule}@${d.src.line}`), ['json-representation-unheaded@18']);
  const outlook = fx('v1.0/resources/outlookuser.md').resource!;
  assert.equal(`${outlook.baseType?.name}:${outlook.baseType?.from}@${at(outlook.baseType!.src)}`, 'entity:annotation@36:1');
  assert.deepEqual(outlook.jsonRepresentation!.propertyNames, []);
});

test('"Path parameters" tables are facts: name, type (a Value column beside a description is the type), description', () => {
  const row = (p: { name: string; type?: { name: string }; description: string; src: { line: number; column: number } }) => `${p.name}:${p.type?.name ?? '-'}@${at(p.src)}:${p.description.slice(0, 24)}`;
  const drive = fx('v1.0/api/drive-get.md');
  assert.deepEqual(drive.pathParameterDescriptions!.map(row), [
    'idOrUserPrincipalName:String@100:3:Required. The identifier', 'groupId:String@138:3:Required. The identifier',
    'siteId:String@176:3:Required. The identifier', 'driveId:String@214:3:Required. The identifier',
  ]);
  const ext = fx('v1.0/api/opentypeextension-get.md');
  assert.deepEqual(ext.pathParameterDescriptions!.map(row), ['Id:String@118:2:Placeholder for a unique', 'extensionId:String@119:2:Placeholder for an exten']);
  const cell = fx('v1.0/api/range-cell.md');
  assert.deepEqual(cell.pathParameterDescriptions!.map(row), ['row:Int32@47:2:Row number of the cell t', 'column:Int32@48:2:Column number of the cel']);
  // Every cell landed: no table-not-read, no column left over.
  for (const ir of [drive, ext, cell]) {
    assert.deepEqual(ir.tables.filter((t) => t.section === 'path-parameters').map((t) => `${t.classification}:${t.taken?.cellsLanded}/${t.taken?.cells}`),
      ir.tables.filter((t) => t.section === 'path-parameters').map((t) => `path-parameters:${t.rows * t.columns.length}/${t.rows * t.columns.length}`));
    assert.deepEqual(ir.diagnostics.filter((d) => d.rule === 'table-not-read' || d.rule === 'table-column-ignored').filter((d) => /path/i.test(d.message)), []);
  }
});

test('an "Errors" section with no table that refers to the shared topic is a fact (the reference, at the link), not a section left unread; one with neither a table nor such a link stays unread', () => {
  const del = fx('v1.0/api/driveitem-delete.md');
  assert.deepEqual(del.errorsReference && `${del.errorsReference.text} → ${del.errorsReference.target}@${at(del.errorsReference.src)}`, 'Error Responses → /graph/errors@87:5');
  assert.equal(del.errorResponses, undefined);
  assert.deepEqual(del.diagnostics.filter((d) => d.rule === 'section-not-extracted').map((d) => d.src.line), []);
  // no link that names errors: nothing landed, and the diagnostic says so
  const dir = tempTree({ 'v1.0/api/a.md': '# Delete widget\n\n## HTTP request\n\n```http\nDELETE /widgets/{id}\n```\n\n## Errors\n\nErrors are returned as usual; see the [overview](../resources/widget.md).\n' });
  const ir = processFile(join(dir, 'v1.0/api/a.md'), 'v1.0/api/a.md', new IncludeResolver(dir));
  assert.equal(ir.errorsReference, undefined);
  assert.deepEqual(ir.diagnostics.filter((d) => d.rule === 'section-not-extracted').map((d) => d.src.line), [9]);
});

test('"Name | Value | Description" query-parameters tables: the Value column is the type and the description is the Description column\'s (28 such tables in the 2021 tree read "string" as the description and left the Description column out)', () => {
  const ir = fx('beta/api/profile-list-positions.md');
  assert.deepEqual(ir.queryParameters.map((q) => `${q.name}:${q.type?.name ?? '-'}@${at(q.src)}:${q.description.slice(0, 22)}`), [
    '$filter:String@43:2:Limits the response to', '$orderby:String@44:2:By default the objects', '$select:String@45:2:Comma-separated list o',
    '$skip:Int32@46:2:Skip the first n resul', '$top:Int32@47:2:Number of results to b',
  ]);
  assert.deepEqual(ir.diagnostics.filter((d) => d.rule === 'table-column-ignored').map((d) => d.message), []);
});

test('"Name | Value | Description" request-body tables are property tables typed by the Value column (the OneDrive pages: 8 tables of the 2021 tree were table-unclassified and their bodies had no property)', () => {
  const ir = fx('beta/api/driveitem-copy.md');
  assert.deepEqual(ir.requestBody!.properties.map((p) => `${p.name}:${p.type.name}@${at(p.src)}:${p.description.slice(0, 20)}`), [
    'parentReference:ItemReference@47:3:Optional. Reference ', 'name:String@48:3:Optional. The new na',
  ]);
  assert.deepEqual(ir.diagnostics.filter((d) => /^table-/.test(d.rule)).map((d) => `${d.rule}@${d.src.line}`), []);
  // a table with a Value column but no description beside it is still no property table
  const dir = tempTree({ 'v1.0/api/a.md': '# Create widget\n\n## HTTP request\n\n```http\nPOST /widgets\n```\n\n## Request body\n\n| Name | Value |\n|:--|:--|\n| extensionName | Com.Contoso.Deal |\n' });
  const a = processFile(join(dir, 'v1.0/api/a.md'), 'v1.0/api/a.md', new IncludeResolver(dir));
  assert.deepEqual(a.requestBody?.properties ?? [], []);
  assert.deepEqual(a.diagnostics.filter((d) => d.rule === 'table-unclassified').map((d) => d.src.line), [11]);
});

test('examples: a JSON block after a bold "**Response**" label is the example response, with no status line (the Dynamics pages; extraction hand-check x336, x372, missed); a JSON block right after a request block without a body is that request\'s body; a JSON block the examples hold that is neither is named, not dropped', () => {
  const ir = fx('beta/api/dynamics-itemcategories-get.md');
  assert.deepEqual(ir.examples.responses.map((r) => `${r.answers}:${r.statusLine.code}@${at(r.src)}:${Object.keys(r.body!.json as object).join(',')}`), ['0:null@64:1:id,code,displayName,lastModifiedDateTime']);
  assert.deepEqual(ir.diagnostics.filter((d) => d.rule === 'example-block-unrecognized'), []);
  const del = fx('v1.0/api/directory-deleteditems-user-owned.md');
  assert.deepEqual(del.examples.requests.map((r) => `${r.method}:${JSON.stringify(r.body?.json)}@${r.body && at(r.body.src)}`), ['POST:{"userId":"55ac777c-109e-4022-b58c-470c8fcb6892","type":"group"}@77:1']);
  assert.deepEqual(del.diagnostics.filter((d) => d.rule === 'example-block-unrecognized'), []);
  // after a request that has its body, with no label or annotation saying what it is: named
  const dir = tempTree({ 'v1.0/api/a.md': '# Create widget\n\n## HTTP request\n\n```http\nPOST /widgets\n```\n\n## Example\n\n### Request\n\n```http\nPOST https://graph.microsoft.com/v1.0/widgets\nContent-Type: application/json\n\n{ "name": "a" }\n```\n\n```json\n{ "id": "1" }\n```\n' });
  const a = processFile(join(dir, 'v1.0/api/a.md'), 'v1.0/api/a.md', new IncludeResolver(dir));
  assert.deepEqual(a.diagnostics.filter((d) => d.rule === 'example-block-unrecognized').map((d) => `${d.src.line}:${d.message}`), ['20:JSON block in an example is neither a request nor a response: "{ \\"id\\": \\"1\\" }"']);
});

test('a response body named by a link right after the status, without "in the response body"', () => {
  const bt = (rel: string) => { const b = fx(rel).response!.bodyType; return b ? `${b.name}${b.collection ? '[]' : ''}@${b.src.line}${b.link ? ' ' + b.link : ''}` : '-'; };
  // "returns `201 Created` response code with the [message](../resources/chatmessage.md) that was created": a shortened
  // name of the linked page's type — chatMessage, not Outlook's message
  assert.equal(bt('v1.0/api/chatmessage-post-replies.md'), 'chatMessage@50 ../resources/chatmessage.md');
  // "… response code and a collection of [scheduleInformation](…) objects for each object in the `schedules` parameter"
  assert.equal(bt('v1.0/api/calendar-getschedule.md'), 'scheduleInformation[]@51 ../resources/scheduleinformation.md');
  // "returns a `200 OK` response with a [synchronizationJob](…) in the response body": "with" after the response, not after a body
  assert.equal(bt('beta/api/synchronization-synchronizationjob-get.md'), 'synchronizationJob@45 ../resources/synchronization-synchronizationjob.md');
  // "… and a Location header with a URI to the [recordOperation](…) created for this request": a header, not the body
  assert.equal(bt('v1.0/api/call-record.md'), '-');
});

test('one linked type followed by a plural noun is a collection: "the requested [session](…) objects", "all [openShift](…) objects in the team"', () => {
  const bt = (rel: string) => { const b = fx(rel).response!.bodyType; return b ? `${b.name}${b.collection ? '[]' : ''}@${b.src.line}` : '-'; };
  assert.equal(bt('beta/api/callrecords-session-list.md'), 'session[]@52');
  assert.equal(bt('v1.0/api/openshift-list.md'), 'openShift[]@52');
  // "… with the [message](…) that was created": no plural noun, one object
  assert.equal(bt('v1.0/api/chatmessage-post-replies.md'), 'chatMessage@50');
  // a list of links before "objects" names alternatives ("a [user](…) or [group](…) objects"): the plural is theirs, not a collection's
  const dir = tempTree({ 'v1.0/api/a.md': '# Get owner\n\n## HTTP request\n\n```http\nGET /widgets/{id}/owner\n```\n\n## Response\n\nIf successful, this method returns a `200 OK` response code and the [user](../resources/user.md) or [group](../resources/group.md) objects in the response body.\n' });
  const b = processFile(join(dir, 'v1.0/api/a.md'), 'v1.0/api/a.md', new IncludeResolver(dir)).response!.bodyType!;
  assert.deepEqual([b.name, b.collection, b.alternatives], ['user', false, ['group']]);
});

test('"The following table shows the properties that are required when you update the [X](…)" is recorded for the table (its rows keep their own flags)', () => {
  const b = fx('v1.0/api/adminconsentrequestpolicy-update.md').requestBody!;
  assert.deepEqual([b.typeName, b.requiredWhenUpdating, b.requiredWhenCreating, b.properties.length], ['adminConsentRequestPolicy', true, false, 5]);
  // not on a page that says nothing of the kind
  assert.equal(fx('v1.0/api/chatmessage-post-replies.md').requestBody?.requiredWhenUpdating, undefined);
});

test('a primitive response body: "a Int32 in the response body", "a Boolean value `true` in the response body"', () => {
  const bt = (rel: string) => { const b = fx(rel).response!.bodyType; return b ? `${b.name}${b.collection ? '[]' : ''}@${b.src.line}` : '-'; };
  assert.equal(bt('v1.0/api/intune-onboarding-organization-setmobiledevicemanagementauthority.md'), 'Int32@46');
  assert.equal(bt('beta/api/serviceupdatemessage-archive.md'), 'Boolean@53');
});

test('"### JSON" beside "### CSV" under Response and Example is a part of that section, not a JSON representation', () => {
  const ir = fx('beta/api/reportroot-getoffice365activationsusercounts.md');
  assert.deepEqual(ir.sections.filter((s) => s.heading === 'JSON' || s.heading === 'CSV').map((s) => `${s.kind}@${s.src.line}`), ['other@52', 'other@66', 'examples@72', 'examples@118']);
  assert.deepEqual(ir.diagnostics.filter((d) => d.rule === 'section-not-extracted').map((d) => d.src.line), []);
  // What the JSON parts hold still lands: the response type under "### JSON", and the example under the second.
  assert.equal(`${ir.response!.bodyType!.name}@${ir.response!.bodyType!.src.line}`, 'office365ActivationsUserCounts@68');
  assert.deepEqual(ir.examples.requests.map((r) => r.src.line), [87, 133]);
});

test('an enum documented twice on one page: the first table is the enum, the second is named with how it differs', () => {
  const ir = fx('beta/resources/enums.md');
  assert.deepEqual(ir.enums.filter((e) => ['riskLevel', 'riskDetail', 'tokenIssuerType'].includes(e.name)).map((e) => `${e.name}@${e.src.line}:${e.members.length}`),
    ['riskDetail@564:16', 'riskLevel@605:6', 'tokenIssuerType@628:3']);
  const again = ir.diagnostics.filter((d) => d.rule === 'enum-defined-again');
  assert.deepEqual(again.map((d) => d.src.line), [863, 1647, 1658, 1670, 1717, 1737, 1814]);
  assert.equal(again[0]!.message, 'Enum registrationAuthMethod is documented again (first at line 530); its member names are kept beside the first table\'s, not merged — its members differ: it lacks fido, appPassword, unknownFutureValue');
  assert.equal(again[1]!.message, 'Enum riskLevel is documented again (first at line 605); its member names are kept beside the first table\'s, not merged — the same 6 member(s)');
  assert.equal(again[6]!.message, 'Enum tokenIssuerType is documented again (first at line 628); its member names are kept beside the first table\'s, not merged — its members differ: it adds unknownFutureValue; it lacks UnknownFutureValue');
  // Said once: no second, generic diagnostic for the same tables.
  assert.deepEqual(ir.diagnostics.filter((d) => d.rule === 'table-not-read').map((d) => d.src.line), []);
});

test('enum sections nested under another enum\'s heading are each their own enum, not a second definition', () => {
  const ir = fx('beta/resources/printercapabilities.md');
  assert.deepEqual(ir.enums.map((e) => `${e.name}:${e.members.length}`),
    ['printerFeedOrientation:3', 'printQuality:4', 'printDuplexMode:3', 'printFinishing:20', 'printOrientation:4', 'printMultipageLayout:8', 'printColorMode:4', 'printScaling:6', 'mediaSizes:20']);
  assert.deepEqual(ir.diagnostics.filter((d) => d.rule === 'enum-defined-again' || d.rule === 'table-not-read'), []);
});

test('a table an extractor passed over with its own diagnostic is not named a second time; one no extractor reads says why', () => {
  const policy = fx('v1.0/resources/tokenissuancepolicy.md');
  assert.deepEqual(policy.diagnostics.filter((d) => d.src.line === 59).map((d) => d.rule), ['property-table-nested-structure']);
  const root = fx('v1.0/resources/service-root.md');
  assert.equal(root.kind, 'other');
  assert.deepEqual(root.diagnostics.filter((d) => d.rule === 'table-not-read').map((d) => `${d.src.line} ${d.message}`),
    ['19 A methods table (Method | Return Type | Description) stands in a section of kind methods on a page that documents no resource type (a page of kind other), which no extractor reads methods tables of; its 13 row(s) were not taken']);
});

test('an enum documented twice: the later table\'s members are kept beside the first\'s, and enum-members-differ compares them on the page', () => {
  const ir = fx('beta/resources/enums.md');
  const reg = ir.enums.find((e) => e.name === 'registrationAuthMethod')!;
  assert.deepEqual(reg.members.map((m) => m.name), ['email', 'mobilePhone', 'officePhone', 'securityQuestion', 'appNotification', 'appCode', 'alternateMobilePhone', 'fido', 'appPassword', 'unknownFutureValue']);
  assert.deepEqual(reg.again, [{ members: ['email', 'mobilePhone', 'officePhone', 'securityQuestion', 'appNotification', 'appCode', 'alternateMobilePhone'], src: { file: 'beta/resources/enums.md', line: 863, column: 1 } }]);
  // Every member cell of the second tables landed (the member names); nothing else in them to account for.
  const t = ir.tables.find((x) => x.src.line === 1647)!;
  assert.deepEqual(t.taken && [t.taken.rows, t.taken.cells, t.taken.cellsLanded, t.taken.cellsExplained], [6, 6, 6, 0]);
  const findings = reconcile({ model: modelFromPages([ir]), pages: modelFromPages([ir]).documents, tree: { exists: () => true, absOf: () => undefined } })
    .filter((f) => f.rule === 'enum-members-differ');
  assert.deepEqual(findings.map((f) => `${f.subject} ${f.context} ${f.severity} ${f.sides.map((s) => `${s.file}:${s.line}`).join(' ')}`), [
    'microsoft.graph.registrationauthmethod variant warning beta/resources/enums.md:530 beta/resources/enums.md:863',
    'microsoft.graph.riskdetail variant warning beta/resources/enums.md:564 beta/resources/enums.md:1670',
  ]);
});

test('"None." in a permission cell: the call takes no permission of that type (not-required), not "Not supported." (extraction hand-check x525)', () => {
  assert.deepEqual(perms('v1.0/api/application-removekey.md'), ['delegatedWork:not-required:', 'delegatedPersonal:not-required:', 'application:not-required:']);
  // The cloud-communications pages: "Not supported." delegated rows beside an Application row of "None.".
  assert.deepEqual(perms('v1.0/api/call-mute.md'), ['delegatedWork:not-supported:', 'delegatedPersonal:not-supported:', 'application:not-required:']);
  // "No permissions are needed to call this API" above a table of "None." cells.
  assert.deepEqual(perms('beta/api/printservice-get.md'), ['delegatedWork:not-required:', 'delegatedPersonal:not-required:', 'application:not-required:']);
  for (const f of ['v1.0/api/application-removekey.md', 'v1.0/api/call-mute.md']) assert.deepEqual(fx(f).diagnostics.filter((d) => d.rule.startsWith('permission')), [], f);
});

test('"provide the following required properties" above a body table: its rows are required, but for a row that says it is optional or conditional (x525)', () => {
  const req = (rel: string) => fx(rel).requestBody!.properties.map((p) => `${p.name}:${p.required}`);
  assert.deepEqual(req('v1.0/api/application-removekey.md'), ['keyId:true', 'proof:true']);
  // "This property is required only for keys of type `X509CertAndPassword`. Set it to `null` otherwise."
  assert.deepEqual(req('v1.0/api/serviceprincipal-addkey.md'), ['keyCredential:true', 'passwordCredential:null', 'proof:true']);
  // "If not supplied, the default is three years from the time of creation."
  assert.deepEqual(req('beta/api/serviceprincipal-addtokensigningcertificate.md'), ['displayName:true', 'endDateTime:null']);
});

test('permission-set-differs: a page whose table says "None." (no permission needed) disagrees with a page of the same call that names permissions', () => {
  const none = fx('v1.0/api/application-removekey.md');
  const dir = tempTree({ 'v1.0/api/other.md': readFileSync(join(DIR, 'v1.0/api/application-removekey.md'), 'utf8').replace(/\| None\.\s*\|/g, '| Application.ReadWrite.All |') });
  const listed = processFile(join(dir, 'v1.0/api/other.md'), 'v1.0/api/other.md', new IncludeResolver(dir));
  const model = modelFromPages([none, listed]);
  const f = reconcile({ model, pages: model.documents, tree: { exists: () => true, absOf: () => undefined } }).filter((x) => x.rule === 'permission-set-differs');
  assert.deepEqual(f.map((x) => x.sides.map((s) => `${s.file}:${s.line} ${s.value}`)), [['v1.0/api/application-removekey.md:22 no permission required', 'v1.0/api/other.md:22 Application.ReadWrite.All']]);
});

test('"including `$apply`, `$count`, …": $apply is an OData option like the others (extraction hand-check x575, x597)', () => {
  const ir = fx('beta/api/managedtenants-riskyuser-get.md');
  assert.deepEqual(ir.queryParameters.map((q) => `${q.name}@${q.src.line}`), ['$apply@37', '$count@37', '$filter@37', '$orderBy@37', '$select@37', '$skip@37', '$top@37']);
});

test('"This method returns a [DriveItem](…) for the item being followed": the body type, with no status and no "response body" (x583)', () => {
  const r = fx('beta/api/driveitem-follow.md').response!;
  assert.deepEqual(r.bodyType, { name: 'DriveItem', collection: false, src: { file: 'beta/api/driveitem-follow.md', line: 47, column: 1 }, link: '../resources/driveitem.md' });
  assert.deepEqual(r.statuses, []);
  // An error's sentence is not the body ("If unsuccessful, it returns an [error](…)"): the same page with that sentence instead names none.
  const dir = tempTree({ 'beta/api/a.md': readFileSync(join(DIR, 'beta/api/driveitem-follow.md'), 'utf8').replace('This method returns a [DriveItem]', 'If the call fails, this method returns a [DriveItem]') });
  assert.equal(processFile(join(dir, 'beta/api/a.md'), 'beta/api/a.md', new IncludeResolver(dir)).response!.bodyType, undefined);
});

test('response-no-content-with-body: "returns a `204 No Content` response code and an [educationClass](…) object in the response body" (x589)', () => {
  const ir = fx('beta/api/educationclass-post-members.md');
  assert.deepEqual([ir.response!.statuses.map((s) => s.code), ir.response!.noBody, ir.response!.bodyType?.name], [[204], true, 'educationClass']);
  const model = modelFromPages([ir]);
  const f = reconcile({ model, pages: model.documents, tree: { exists: () => true, absOf: () => undefined } }).filter((x) => x.rule === 'response-no-content-with-body');
  assert.deepEqual(f.map((x) => [x.severity, x.message, x.sides.map((s) => `${s.file}:${s.line} ${s.value}`)]), [[
    'warning', 'The Response section gives 204 No Content as the success status, which has no body, and also says the response body holds educationClass',
    ['beta/api/educationclass-post-members.md:43 204 No Content', 'beta/api/educationclass-post-members.md:43 educationClass'],
  ]]);
});

test('status-phrase-mismatch: "`204 OK`" in the Response section and "HTTP/1.1 204 OK" in the example — 204 is No Content, OK is 200\'s phrase', () => {
  const ir = fx('beta/api/directorysetting-update.md');
  assert.deepEqual(ir.response!.statuses.map((s) => `${s.code} ${s.text}`), ['204 OK']);
  const model = modelFromPages([ir]);
  const f = reconcile({ model, pages: model.documents, tree: { exists: () => true, absOf: () => undefined } }).filter((x) => x.rule === 'status-phrase-mismatch');
  assert.deepEqual(f.map((x) => `${x.severity} ${x.field} ${x.sides.map((s) => `${s.file}:${s.line} ${s.value}`).join(' ')} | ${x.message}`), [
    'warning example.response.0.statusLine beta/api/directorysetting-update.md:98 HTTP/1.1 204 OK | An example response has the status line "HTTP/1.1 204 OK" — 204 OK: 204 is No Content, OK is the phrase of 200',
    'warning response.status beta/api/directorysetting-update.md:50 204 OK | The Response section gives 204 OK: 204 is No Content, OK is the phrase of 200',
  ]);
  // The registered phrase where a code span runs on into the next word ("`201 Created`response code"): Created, no finding.
  const glued = fx('v1.0/api/conditionalaccessroot-post-namedlocations.md');
  assert.deepEqual(glued.response!.statuses.map((s) => `${s.code} ${s.text}`), ['201 Created']);
  const m2 = modelFromPages([glued]);
  assert.deepEqual(reconcile({ model: m2, pages: m2.documents, tree: { exists: () => true, absOf: () => undefined } }).filter((x) => x.rule === 'status-phrase-mismatch'), []);
});

test('success statuses: the error codes a Response section names ("a `403 Forbidden` response code if the caller …") are not what the call answers with — the operations map\'s successStatus is 200 alone', () => {
  const ir = fx('beta/api/approval-get.md');
  assert.deepEqual(ir.response!.statuses.map((s) => s.code), [200, 403]);
  const ops = emitModels(modelFromPages([ir])).files.get('beta/operations.ts')!;
  const entry = ops.slice(ops.indexOf('"GET /identityGovernance/entitlementManagement/accessPackageAssignmentApprovals/{accessPackageAssignmentApproval-id}": {'));
  assert.match(entry.slice(0, entry.indexOf('permissions:')), /successStatus: 200;/);
});

test('"### Prefer header values" under the request headers is one header\'s values, not more headers: named, not read (round 18, x698)', () => {
  const ir = fx('v1.0/api/shares-get.md');
  assert.deepEqual(ir.requestHeaders.map((h) => `${h.name}@${h.src.line}`), ['Prefer@63']);
  assert.deepEqual(ir.diagnostics.filter((d) => d.rule === 'table-not-read').map((d) => `${d.src.line} ${d.message}`), [
    '67 A table of a header\'s values (under "Prefer header values") is not a list of request headers; its 2 row(s) were not taken',
  ]);
});

test('"Note that workbook-session-id header is required." below the example: the header its table row leaves open is required (round 19, x763)', () => {
  const ir = fx('v1.0/api/workbook-refreshsession.md');
  assert.deepEqual(ir.requestHeaders.map((h) => `${h.name}@${h.src.line}:${h.required}`), ['Authorization@35:true', 'workbook-session-id@36:true']);
});

test('"The following table shows the properties of the [group](…) resource …" and "For the list of properties, see [conditionalAccessPolicy](…)" name the request body\'s type', () => {
  const group = fx('v1.0/api/group-post-groups.md').requestBody!;
  assert.equal(group.typeName, 'group');
  assert.deepEqual(group.properties.map((p) => p.name), ['displayName', 'description', 'isAssignableToRole', 'mailEnabled', 'mailNickname', 'securityEnabled', 'owners', 'members', 'visibility']);
  assert.equal(fx('v1.0/api/conditionalaccesspolicy-update.md').requestBody!.typeName, 'conditionalAccessPolicy');
});

test('query options named in a bulleted list are located at their own item, not at the list\'s first line (security-list-securescores.md :40-43)', () => {
  const file = 'v1.0/api/security-list-securescores.md';
  const root = join(ROOT, 'test/fixtures/corpus/precision/2021-07-s16');
  const ir = processFile(join(root, file), file, new IncludeResolver(root));
  assert.deepEqual(ir.queryParameters.map((q) => `${q.name}@${q.src.line}`), ['$count@40', '$filter@41', '$skip@42', '$top@43']);
});

test('a cell broken onto the next line (no closing "|", no opening one) is the rest of that cell, with a warning; it was a group row that named every later row\'s group, or a header', () => {
  const ir = fx('v1.0/resources/securescorecontrolprofile.md');
  const props = ir.resource!.properties;
  assert.equal(props.find((p) => p.name === 'threats')!.description, 'List of threats the control mitigates (accountBreach,dataDeletion,dataExfiltration,dataSpillage, elevationOfPrivilege,maliciousInsider,passwordCracking,phishingOrWhaling,spoofing).');
  assert.deepEqual(props.filter((p) => p.group !== undefined).map((p) => p.name), []);
  assert.deepEqual(ir.diagnostics.map((d) => [d.rule, d.severity, d.src.line]), [['table-row-continued', 'warning', 45]]);
  const t = ir.tables.find((x) => x.section === 'properties')!;
  assert.equal(t.taken!.groupRows, 0);
  assert.equal(t.taken!.cells, t.taken!.cellsLanded);
  // In a request-headers table the broken line made a header named "updated.".
  const del = fx('beta/api/dynamics-currencies-delete.md');
  assert.deepEqual(del.requestHeaders.map((h) => [h.name, h.src.line]), [['Authorization', 41], ['If-Match', 42]]);
  assert.match(del.requestHeaders[1]!.value, /the currencies will not be updated\.$/);
  assert.deepEqual(del.diagnostics.filter((d) => d.rule === 'table-row-continued').map((d) => d.src.line), [43]);
});

test('a table indented into a list item is named (table-nested-not-read), not dropped unsaid', () => {
  const ir = fx('v1.0/api/driveitem-delta.md');
  assert.deepEqual(ir.diagnostics.filter((d) => d.rule === 'table-nested-not-read').map((d) => [d.src.line, d.message]), [277, 285].map((l) => [l, 'A table inside a list item or block quote (Operation type | Properties omitted by delta query) is not read by any extractor; its 2 row(s) were not taken']));
  assert.equal(ir.tables.some((t) => t.src.line === 277 || t.src.line === 285), false);
});

test('a check mark in a Required column says required (it was read as not said)', () => {
  const ir = fx('beta/api/governanceroleassignmentrequest-update.md');
  assert.deepEqual(ir.requestBody!.properties.map((p) => [p.name, p.required]), [['reason', true], ['decision', true], ['schedule', null], ['assignmentState', null]]);
  // The one reading of a Required cell that the body, header and function-parameter tables share.
  assert.deepEqual(['Yes', 'Y', '\u2713', '\u2714\ufe0f', 'true', 'No', 'N', 'optional', 'N/A', 'y/n', '', 'depends on roleSettings'].map(requiredCell), [true, true, true, true, true, false, false, false, null, null, null, null]);
});

test('a relationship row keeps "(deprecated)" and "Required." as a property row does (they were dropped); the model\'s navigation property source says required', () => {
  const ol = fx('beta/resources/outlookuser.md');
  assert.deepEqual(ol.resource!.relationships.map((r) => [r.name, r.deprecated ?? false]), [['masterCategories', false], ['taskFolders', true], ['taskGroups', true], ['tasks', true]]);
  const env = fx('beta/resources/accesspackageresourceenvironment.md');
  assert.deepEqual(env.resource!.relationships.map((r) => [r.name, r.required ?? false]), [['accessPackageResources', true]]);
  const m = modelFromPages([ol, env]);
  const nav = (type: string, name: string) => m.types.find((t) => t.name === type)!.properties.find((p) => p.name === name)!;
  assert.deepEqual(nav('accessPackageResourceEnvironment', 'accessPackageResources').sources.map((x) => x.required), [true]);
  assert.deepEqual(nav('outlookUser', 'tasks').sources.map((x) => x.required), [null]);
});

test('permission rows written into the request-headers table are named, not taken as headers ("Delegated (personal Microsoft account" and "Application" were headers)', () => {
  const ir = fx('beta/api/educationsynchronizationprofile-delete.md');
  assert.deepEqual(ir.requestHeaders.map((h) => h.name), ['Authorization']);
  assert.deepEqual(ir.diagnostics.filter((d) => d.rule === 'header-row-is-permission').map((d) => d.src.line), [35, 36]);
  const taken = ir.tables.find((x) => x.src.line === 32)!.taken!;
  assert.equal(taken.cells, (taken.cellsLanded ?? 0) + (taken.cellsExplained ?? 0));
});

test('a permission cell made of "In teams: … <br/>In channels: …" parts is one entry per resource, and each call gets its own (the teams call was given the channels\' permissions: label r2326, false)', () => {
  const ir = fx('beta/api/conversationmember-update.md');
  assert.deepEqual(perms('beta/api/conversationmember-update.md'), [
    'teams/delegatedWork:listed:TeamMember.ReadWrite.All', 'channels/delegatedWork:listed:ChannelMember.ReadWrite.All,Group.ReadWrite.All,Directory.ReadWrite.All',
    'delegatedPersonal:not-supported:', 'teams/application:listed:TeamMember.ReadWrite.All', 'channels/application:listed:ChannelMember.ReadWrite.All,Group.ReadWrite.All,Directory.ReadWrite.All',
  ]);
  const names = (path: string) => permissionsForPath(ir.permissions, canonicalPath(path).path)!.entries.flatMap((e) => e.permissions.map((p) => `${e.type}:${p.name}`));
  assert.deepEqual(names('/teams/{id}/members/{id}'), ['delegatedWork:TeamMember.ReadWrite.All', 'application:TeamMember.ReadWrite.All']);
  assert.deepEqual(names('/teams/{id}/channels/{id}/members/{id}'), ['delegatedWork:ChannelMember.ReadWrite.All', 'delegatedWork:Group.ReadWrite.All', 'delegatedWork:Directory.ReadWrite.All', 'application:ChannelMember.ReadWrite.All', 'application:Group.ReadWrite.All', 'application:Directory.ReadWrite.All']);
});
