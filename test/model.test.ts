/**
 * The canonical model on real corpus pages (test/fixtures/corpus): operation identity and
 * canonical keys, the primary-variant policy, subtypes, aliases, per-resource permissions, type
 * identity (name, base type, entity vs complex, page kind), request bodies kept off types.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { processFile } from '../src/pipeline/page.js';
import { IncludeResolver } from '../src/sources/graph-markdown/parse/includes.js';
import { modelFromPages } from '../src/sources/graph-markdown/to-model.js';
import { canonicalPath, operationIdentity, singular } from '../src/model/identity.js';
import { serializeModel } from '../src/model/serialize.js';
import { typeLookup } from '../src/model/type-lookup.js';
import type { TypeModel } from '../src/model/schema.js';
import { ApiModelJson } from '../src/model/schema.js';
import { emitModels } from '../src/emit/ts/models.js';
import { Value } from '@sinclair/typebox/value';
import { ROOT, page } from './helpers.js';
import { RULES } from '../src/checks/registry.js';
import { reconcile } from '../src/checks/engine.js';

const DIR = join(ROOT, 'test/fixtures/corpus');
const fx = (rel: string) => processFile(join(DIR, rel), rel, new IncludeResolver(DIR));
const model = (...rels: string[]) => modelFromPages(rels.map(fx));

test('canonical path: every placeholder spelling, /me, key syntax, function arguments', () => {
  // Request lines as written on v1.0/api/user-update.md, intune-mam-user-update.md, range-clear.md.
  assert.equal(canonicalPath('/users/{id | userPrincipalName}').path, '/users/{user-id}');
  assert.equal(canonicalPath('/users/{usersId}').path, '/users/{user-id}');
  assert.equal(canonicalPath('/me').path, '/users/{user-id}');
  // `~/` is the service root (the onPremisesPublishingProfiles pages write their templates so)
  assert.equal(canonicalPath('~/onPremisesPublishingProfiles/{publishingType}/agentGroups').identity, canonicalPath('/onPremisesPublishingProfiles/{publishingType}/agentGroups').identity);
  assert.equal(operationIdentity('PATCH', '/me'), operationIdentity('patch', '/users/{usersId}'));
  assert.deepEqual(canonicalPath("/me/drive/items/{id}/workbook/worksheets/{id|name}/range(address='<address>')/clear"), {
    identity: '/users/{}/drive/items/{}/workbook/worksheets/{}/range(address={})/clear',
    path: '/users/{user-id}/drive/items/{item-id}/workbook/worksheets/{worksheet-id}/range(address={address})/clear',
    parameters: ['user-id', 'item-id', 'worksheet-id', 'address'],
  });
  assert.equal(canonicalPath('/me/drive/root:/{item-path}:/workbook/names/{name}/range/clear').path, '/users/{user-id}/drive/root:/{item-path}:/workbook/names/{name-id}/range/clear');
  // OData key syntax ≡ a segment; repeated names are numbered; casts and function calls are kept.
  assert.equal(canonicalPath("/education/programs('{id}')").identity, canonicalPath('/education/programs/{id}').identity);
  assert.equal(canonicalPath('/me/onenote/notebooks/getRecentNotebooks(includePersonalNotebooks=includePersonalNotebooks-value)').path, '/users/{user-id}/onenote/notebooks/getRecentNotebooks(includePersonalNotebooks={includePersonalNotebooks})');
  assert.equal(canonicalPath('/sites/{id}/sites/{id}').path, '/sites/{site-id}/sites/{site-id1}');
  assert.equal(canonicalPath('/groups/{id}/members/microsoft.graph.user').path, '/groups/{group-id}/members/microsoft.graph.user');
  assert.equal(canonicalPath('/me/calendarView/delta()').path, '/users/{user-id}/calendarView/delta()');
  // Literal ids only in paths recovered from an example.
  assert.equal(canonicalPath('/users/48d31887-5fad-4d73-a9f5-3c356e68a038/manager', true).path, '/users/{user-id}/manager');
  assert.equal(canonicalPath('/reports/12345/content', false).path, '/reports/12345/content');
  assert.equal(canonicalPath('/reports/12345/content', true).path, '/reports/{report-id}/content');
  assert.equal(canonicalPath('/drives/b!-RIj2DuyvEyV1T4NlOaMHk8XkS_I8MdFlUCq1BlcjgmhRfAj3-Z8RY2VpuvV_tpd/items/01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K', true).path, '/drives/{drive-id}/items/{item-id}');
  assert.equal(canonicalPath('/me/messages', true).path, '/users/{user-id}/messages');
  // As written on v1.0/api/chat-get-members.md and v1.0/api/educationrubric-delete.md (2021-07).
  assert.equal(canonicalPath('/users/{user-id} | user-principal-name/chats/{chat-id}/members/{membership-id}').path, '/users/{user-id}/chats/{chat-id}/members/{member-id}');
  assert.equal(canonicalPath('/education/me/rubrics/ceb3863e-6912-4ea9-ac41-3c2bb7b6672d').identity, canonicalPath('/education/me/rubrics/{id}').identity);
  // Quotes around a placeholder are taken in pairs only: the closing quote of `'${path}'` was taken alone and lost.
  assert.deepEqual(canonicalPath("/drive/f(path='${path}')"), { identity: "/drive/f(path='${}')", path: "/drive/f(path='${path}')", parameters: ['path'] });
  assert.equal(canonicalPath("/me/outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard'{timezone_format}')").path, '/users/{user-id}/outlook/supportedTimeZones(TimeZoneStandard=microsoft.graph.timeZoneStandard{timezone_format})');
  assert.equal(canonicalPath("/f(x='a-value',y=b-value)").path, '/f(x={x},y={y})');
  // A request line's sample argument values are the function's parameters (as written on beta/api/itemactivity-getbyinterval.md,
  // reportroot-getteamsdeviceusageuserdetail.md, workbookrange-columnsafter.md); an example's literal values stay.
  assert.equal(canonicalPath("/drives/{drive-id}/items/{item-id}/getActivitiesByInterval(startDateTime='2017-01-01',endDateTime='2017-01-10',interval='day')").path, '/drives/{drive-id}/items/{item-id}/getActivitiesByInterval(startDateTime={startDateTime},endDateTime={endDateTime},interval={interval})');
  assert.equal(canonicalPath('/reports/getTeamsDeviceUsageUserDetail(date=2017-09-01)').identity, canonicalPath("/reports/getTeamsDeviceUsageUserDetail(date={date_value})").identity);
  assert.equal(canonicalPath('/me/drive/items/{id}/workbook/worksheets/{id}/range/columnsAfter(count=n)').path, '/users/{user-id}/drive/items/{item-id}/workbook/worksheets/{worksheet-id}/range/columnsAfter(count={count})');
  assert.equal(canonicalPath("/reports/getTeamsUserActivityCounts(period='D7')", true).path, "/reports/getTeamsUserActivityCounts(period='D7')");
  assert.equal(canonicalPath('/x/f(a=@p1)').path, '/x/f(a=@p1)');
  // Placeholders are named after the segment before them, singular (2020-05 model: {deviceStatuse-id} 61 keys, {sery-id}, {subscribedSkus-id}).
  // As written on v1.0/api/intune-apps-managedappstatus-get.md's family, chartseries-list-points.md and subscribedsku-get.md:
  assert.equal(canonicalPath('/deviceAppManagement/iosLobAppProvisioningConfigurations/{iosLobAppProvisioningConfigurationId}/deviceStatuses/{managedDeviceMobileAppConfigurationDeviceStatusId}').path,
    '/deviceAppManagement/iosLobAppProvisioningConfigurations/{iosLobAppProvisioningConfiguration-id}/deviceStatuses/{deviceStatus-id}');
  assert.equal(canonicalPath('/workbook/worksheets/{id|name}/charts/{name}/series/{series-id}/points').path, '/workbook/worksheets/{worksheet-id}/charts/{chart-id}/series/{series-id}/points');
  assert.equal(canonicalPath('/subscribedSkus/{id}').path, '/subscribedSkus/{subscribedSku-id}');
  // Unchanged: -ies, -sses, -xes, words that end in -us, a plural of a word ending in -use.
  assert.deepEqual(['policies', 'addresses', 'boxes', 'status', 'cases', 'responses', 'causes', 'timeSeries'].map(singular), ['policy', 'address', 'box', 'status', 'case', 'response', 'cause', 'timeSeries']);
});

test('PATCH /users/{user-id}: one key, user-update.md is the primary over the Intune workload pages', () => {
  const m = model('v1.0/api/intune-devices-user-update.md', 'v1.0/api/intune-mam-user-update.md', 'v1.0/api/user-update.md');
  const keys = m.operations.map((o) => o.key);
  assert.deepEqual(keys, ['PATCH /users/{user-id}']);
  const op = m.operations[0]!;
  assert.deepEqual(op.primary, [{ version: 'v1.0', document: 'v1.0/api/user-update.md', reason: 'not-workload' }]);
  assert.deepEqual(op.variants.map((v) => `${v.doc.file} ${v.path} workload=${v.workload} primary=${v.primary}`), [
    'v1.0/api/intune-devices-user-update.md /users/{usersId} workload=true primary=false',
    'v1.0/api/intune-mam-user-update.md /users/{usersId} workload=true primary=false',
    'v1.0/api/user-update.md /users/{id | userPrincipalName} workload=false primary=true',
  ]);
  // The operations map entry: 204, no body, User.ReadWrite least privileged.
  const ts = emitModels(m).files.get('v1.0/operations.ts')!;
  const entry = ts.slice(ts.indexOf('"PATCH /users/{user-id}": {'));
  assert.match(entry, /response: void;/);
  assert.match(entry, /successStatus: 204;/);
  assert.match(entry, /delegatedWork: readonly \["User\.ReadWrite", /);
  assert.match(ts, /Also documented by v1\.0\/api\/intune-devices-user-update\.md:\d+ \(workload page\), v1\.0\/api\/intune-mam-user-update\.md:\d+ \(workload page\)/);
});

test('a page on its own resource whose file name ends with the action (call-mute.md for POST /communications/calls/{id}/mute) is no workload page; Intune pages still are', () => {
  const m = model('v1.0/api/call-mute.md', 'v1.0/api/application-removekey.md', 'v1.0/api/serviceprincipal-addkey.md', 'v1.0/api/intune-devices-user-update.md', 'v1.0/api/user-update.md');
  assert.deepEqual(m.operations.flatMap((o) => o.variants.map((v) => `${v.doc.file} ${o.key} workload=${v.workload}`)).sort(), [
    'v1.0/api/application-removekey.md POST /applications/{application-id}/removeKey workload=false',
    'v1.0/api/call-mute.md POST /communications/calls/{call-id}/mute workload=false',
    'v1.0/api/intune-devices-user-update.md PATCH /users/{user-id} workload=true',
    'v1.0/api/serviceprincipal-addkey.md POST /servicePrincipals/{servicePrincipal-id}/addKey workload=false',
    'v1.0/api/user-update.md PATCH /users/{user-id} workload=false',
  ]);
});

test('subtypes: Intune pages for derived types on one path are polymorphic variants', () => {
  const m = model('v1.0/api/intune-apps-iosvppapp-update.md', 'v1.0/api/intune-apps-webapp-update.md',
    'v1.0/resources/intune-apps-iosvppapp.md', 'v1.0/resources/intune-apps-webapp.md', 'v1.0/resources/intune-apps-mobileapp.md');
  const op = m.operations.find((o) => o.key === 'PATCH /deviceAppManagement/mobileApps/{mobileApp-id}')!;
  assert.deepEqual(op.variants.map((v) => `${v.doc.file} type=${v.documentedType?.name} subtype=${v.subtype ?? '-'} primary=${v.primary}`), [
    'v1.0/api/intune-apps-iosvppapp-update.md type=iosVppApp subtype=iosVppApp primary=false',
    'v1.0/api/intune-apps-webapp-update.md type=webApp subtype=- primary=true',
  ]);
  // Not conflicting pages: the response-shape rule does not compare a subtype with the primary.
  const shape = RULES.find((r) => r.id === 'response-shape-differs')!;
  assert.deepEqual(reconcile({ model: m, pages: m.documents, tree: { exists: () => undefined, absOf: () => undefined } }, [shape]).filter((f) => f.subject === op.key), []);
  const types = new Map(m.types.map((t) => [t.name, t] as const));
  assert.deepEqual(types.get('iosVppApp')!.baseType, { name: 'mobileApp', from: 'inherits-link', src: { file: 'v1.0/resources/intune-apps-iosvppapp.md', line: 19, column: 1 } });
});

test('aliases: the same update through a navigation path and through /users/{id}', async () => {
  const { seed } = await import('./helpers.js');
  const m = modelFromPages([0, 1, 2, 3, 4].map(seed));
  const nav = m.operations.find((o) => o.key.startsWith('PATCH /deviceManagement/'))!;
  assert.equal(nav.key, 'PATCH /deviceManagement/deviceManagementScripts/{deviceManagementScript-id}/deviceRunStates/{deviceRunState-id}/managedDevice/users/{user-id}');
  assert.deepEqual(nav.aliases, ['PATCH /users/{user-id}']);
  assert.deepEqual(m.operations.find((o) => o.key === 'PATCH /users/{user-id}')!.aliases, [nav.key]);
});

test('per-resource permission rows apply to that resource\'s paths only', () => {
  const m = model('v1.0/api/opentypeextension-get.md');
  const rows = (key: string) => [...new Set(m.operations.find((o) => o.key === key)!.variants[0]!.permissions!.entries.map((e) => e.resource))];
  assert.deepEqual(rows('GET /users/{user-id}/messages/{message-id}/extensions/{extension-id}'), ['message']);
  assert.deepEqual(rows('GET /groups/{group-id}/events/{event-id}/extensions/{extension-id}'), ['group event']);
  // In JSON the document's facts are stored once; a variant carries permissions only when narrowed.
  const json = serializeModel(m);
  assert.equal(json.documents[0]!.facts!.permissions!.entries.length, 33);
  const jv = json.operations.find((o) => o.key === 'GET /users/{user-id}/messages/{message-id}/extensions/{extension-id}')!.variants[0]!;
  assert.deepEqual([...new Set(jv.permissions!.entries.map((e) => e.resource))], ['message']);
  assert.equal('requestHeaders' in jv, false);
});

test('type identity: name from the annotation, not the H1 or the file name', () => {
  const m = model('v1.0/resources/range.md', 'v1.0/resources/chartfill.md', 'v1.0/resources/educationteacher.md', 'v1.0/resources/insights-insightidentity.md');
  assert.deepEqual(m.types.map((t) => `${t.name} ${t.kind}/${t.kindFrom} base=${t.baseType?.name ?? '-'}`), [
    'educationTeacher complex/default base=-',
    'insightIdentity complex/wording base=-',
    'workbookChartFill entity/base-type base=entity',
    'workbookRange entity/base-type base=entity',
  ]);
});

test('page kind: resource pages with an Examples section stay resource pages', () => {
  for (const f of ['v1.0/resources/directory.md', 'v1.0/resources/auditlogroot.md']) {
    const ir = fx(f);
    assert.equal(ir.kind, 'resource', f);
    assert.equal(ir.operations.length, 0, f);
    assert.ok(ir.diagnostics.some((d) => d.rule === 'examples-on-resource-page'), f);
  }
  assert.deepEqual(model('v1.0/resources/directory.md', 'v1.0/resources/auditlogroot.md').types.map((t) => t.name), ['auditLogRoot', 'directory']);
});

test('request-body tables stay on their operation; the model JSON validates against model.schema.json', () => {
  const m = model('v1.0/api/user-update.md', 'v1.0/api/intune-devices-user-update.md');
  assert.deepEqual(m.types, []);
  const v = m.operations[0]!.variants.find((x) => x.primary)!;
  assert.ok(v.requestBody!.properties.length > 30);
  const json = serializeModel(m);
  assert.deepEqual([...Value.Errors(ApiModelJson, json)].map((e) => `${e.path}: ${e.message}`), []);
});

test('a GET operation under a type documents a property its page lacks (origin operation-path, with a diagnostic)', () => {
  const m = model('v1.0/resources/schedule.md', 'v1.0/api/schedule-get.md', 'v1.0/api/timeoffrequest-list.md', 'v1.0/api/timeoffrequest-get.md', 'v1.0/api/schedule-list-shifts.md', 'v1.0/resources/timeoffrequest.md');
  const schedule = m.types.find((t) => t.name === 'schedule')!;
  const fromPath = schedule.properties.filter((p) => p.sources.some((s) => s.origin === 'operation-path'));
  // shifts has a Relationships row (not added again); timeOffRequests has none (the page's row says "timeoffrequest").
  assert.deepEqual(fromPath.map((p) => `${p.name}:${p.navigation}:${p.sources.map((s) => `${s.type.name}${s.type.collection ? '[]' : ''}@${s.src.file}:${s.src.line}`).join(',')}`), [
    'timeOffRequests:true:timeOffRequest[]@v1.0/api/timeoffrequest-list.md:33',
  ]);
  assert.equal(schedule.properties.filter((p) => p.name === 'shifts').length, 1);
  assert.deepEqual(m.diagnostics.filter((d) => d.rule === 'property-from-operation-path').map((d) => `${d.src.file}:${d.src.line}: ${d.message}`), [
    'v1.0/resources/schedule.md:10: schedule.timeOffRequests is documented by the request line of v1.0/api/timeoffrequest-list.md (GET /teams/{team-id}/schedule/timeOffRequests) but by no row on v1.0/resources/schedule.md',
  ]);
  // Without the parent's GET page the parent's type is unknown: nothing is added.
  const without = model('v1.0/resources/schedule.md', 'v1.0/api/timeoffrequest-list.md', 'v1.0/resources/timeoffrequest.md');
  assert.equal(without.types.find((t) => t.name === 'schedule')!.properties.some((p) => p.name === 'timeOffRequests'), false);
});

test('a base type\'s page that names its derived types gives them a base, never a cycle', () => {
  const res = (name: string, intro: string) => page(`---\ndoc_type: resourcePageType\n---\n# ${name} resource type\n\n${intro}\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| p${name} | String | x |\n`, `v1.0/resources/${name.toLowerCase()}.md`);
  const m = modelFromPages([
    // outcome names points and feedback as derived; feedback's own page states another base, which stands
    res('outcome', 'This is a base class; the derived types are [points](points.md) and [feedback](feedback.md).'),
    res('points', 'A points outcome.'),
    res('feedback', 'Inherits from [entity](entity.md).'),
    res('entity', 'The base.'),
    // a contradictory page: loopB inherits from loopA and names loopA among its derived types — loopA gets no base (a cycle)
    res('loopA', 'A loop.'),
    res('loopB', 'Inherits from [the A type](loopa.md). It is the base type for [loopA](loopa.md).'),
  ]);
  const base = (n: string) => { const t = m.types.find((x) => x.name === n)!; return t.baseType ? `${t.baseType.name} (${t.baseType.from})` : 'none'; };
  assert.equal(base('points'), 'outcome (derived-list)');
  assert.equal(base('feedback'), 'entity (inherits-link)');
  assert.equal(base('loopB'), 'loopA (inherits-link)');
  assert.equal(base('loopA'), 'none');
});

test('type lookup: a stated type by its name, else the type of the resource page its link leads to ("[Range](../resources/range.md)" is workbookRange)', () => {
  const def = (version: string, name: string, file: string) => ({ version, name, sources: [{ origin: 'resource', doc: { file } }] }) as unknown as TypeModel;
  const l = typeLookup([def('v1.0', 'workbookRange', 'v1.0/resources/range.md'), def('v1.0', 'message', 'v1.0/resources/message.md')]);
  assert.equal(l.named('v1.0', 'Range', 'v1.0/api/range-cell.md', '../resources/range.md')?.name, 'workbookRange');
  // The name wins when a type goes by it, whatever the link says.
  assert.equal(l.named('v1.0', 'Message', 'v1.0/api/x.md', '../resources/range.md')?.name, 'message');
  assert.equal(l.named('v1.0', 'Range', 'v1.0/api/range-cell.md'), undefined);
  assert.equal(l.named('beta', 'Range', 'beta/api/range-cell.md', '../resources/range.md'), undefined);
});

test('an enum listed by name on enums.md and with values and descriptions on its own page keeps each member\'s fuller row (2020-05 deviceEnrollmentFailureReason: 11 of 12 members had neither)', async () => {
  const { analyze } = await import('../src/pipeline/in-thread.js');
  const a = analyze([join(ROOT, 'test/fixtures/corpus/drift-breaking/2020-05')]);
  const e = a.model.enums.find((x) => x.version === 'v1.0' && x.name === 'deviceEnrollmentFailureReason')!;
  assert.deepEqual(e.sources.map((s) => s.doc.file), ['v1.0/resources/enums.md', 'v1.0/resources/intune-troubleshooting-deviceenrollmentfailurereason.md']);
  assert.deepEqual(e.members.slice(0, 2).map((m) => [m.name, m.value, m.description, `${m.src.file}:${m.src.line}`]), [
    ['unknown', '0', 'Default value, failure reason is unknown.', 'v1.0/resources/intune-troubleshooting-deviceenrollmentfailurereason.md:21'],
    ['authentication', '1', 'Authentication failed', 'v1.0/resources/intune-troubleshooting-deviceenrollmentfailurereason.md:22'],
  ]);
  assert.deepEqual([e.members.length, e.members.filter((m) => m.value === undefined).length], [12, 0]);
});
