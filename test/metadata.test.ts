/**
 * The metadata check: CSDL and scope-catalogue reading (with lines), every rule's before/after
 * example executed, a real resource page (2020-05 user.md) against the real CSDL of the same
 * week (an excerpt), and the model left unchanged by the comparison.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseCsdl } from '../src/sources/csdl/csdl.js';
import { parseScopeCatalogue } from '../src/sources/csdl/scopes.js';
import { METADATA_RULES } from '../src/checks/metadata/registry.js';
import { compareMetadata, formatMetadataText } from '../src/checks/metadata/run.js';
import { at, csdlDocument, op, perm, prop, scopeCatalogueDocument, type } from '../src/checks/metadata/fixtures.js';
import { emptyDocs } from '../src/checks/metadata/docs-side.js';
import { runExample } from '../src/pipeline/metadata.js';
import { docsFromModel } from '../src/checks/metadata/from-model.js';
import { nearMiss } from '../src/checks/metadata/rules/metadata-permission-unknown.js';
import { analyze } from '../src/pipeline/in-thread.js';
import { serializeModel } from '../src/model/serialize.js';
import { INPUT, ROOT, tempTree } from './helpers.js';

const FIX = join(ROOT, 'test/fixtures/metadata');
const CSDL_FILE = 'test/fixtures/metadata/v1.0-user.csdl.xml';
const csdl = parseCsdl(readFileSync(join(ROOT, CSDL_FILE), 'utf8'), CSDL_FILE);

test('CSDL: types, base types, properties, navigation, container, each with its line; aliases resolved', () => {
  assert.deepEqual(csdl.types.map((t) => `${t.kind} ${t.name}:${t.line} base=${t.baseType ?? ''}`), [
    'entity entity:5 base=', 'entity directoryObject:13 base=microsoft.graph.entity', 'entity user:16 base=microsoft.graph.directoryObject',
    'complex assignedLicense:308 base=', 'complex passwordProfile:316 base=',
  ]);
  const user = csdl.types[2]!;
  assert.deepEqual(user.properties[0], { name: 'accountEnabled', type: { name: 'Edm.Boolean', collection: false }, nullable: true, line: 17 });
  assert.deepEqual(user.properties.find((p) => p.name === 'assignedLicenses'), { name: 'assignedLicenses', type: { name: 'microsoft.graph.assignedLicense', collection: true }, nullable: false, line: 23 });
  assert.deepEqual(user.navigation.find((n) => n.name === 'manager'), { name: 'manager', type: { name: 'microsoft.graph.directoryObject', collection: false }, containsTarget: false, line: 213 });
  assert.deepEqual(csdl.container, [{ kind: 'entity-set', name: 'users', type: 'microsoft.graph.user', line: 328 }, { kind: 'singleton', name: 'me', type: 'microsoft.graph.user', line: 329 }]);
  assert.throws(() => parseCsdl('<a/>', 'x.xml'), /not an OData CSDL document/);
});

test('scope catalogue: the service list and the per-path restriction lists, with types and lines', () => {
  const s = parseScopeCatalogue(readFileSync(join(FIX, 'permission-scopes-excerpt.xml'), 'utf8'), 'scopes.xml');
  assert.deepEqual([...s.scopes], [
    ['AccessReview.Read.All', [{ type: 'DelegatedWork', line: 10, description: 'Allows the app to read access reviews on behalf of the signed-in user.' }]],
    ['AccessReview.ReadWrite.All', [{ type: 'DelegatedWork', line: 15, description: 'Allows the app to read and write access reviews on behalf of the signed-in user.' }]],
    ['AdministrativeUnit.Read.All', [{ type: 'DelegatedWork', line: 20 }]],
    ['SecurityEvents.Read.All', [{ type: 'DelegatedWork', line: 38 }, { type: 'Application', line: 53 }]],
    ['SecurityEvents.ReadWrite.All', [{ type: 'DelegatedWork', line: 42 }, { type: 'Application', line: 57 }]],
  ]);
});

test('every metadata rule is registered once under its file name', () => {
  const files = readdirSync(join(ROOT, 'src/checks/metadata/rules')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
  assert.deepEqual(METADATA_RULES.map((r) => r.id).sort(), files);
  assert.equal(new Set(METADATA_RULES.map((r) => r.id)).size, METADATA_RULES.length);
});

for (const rule of METADATA_RULES) {
  test(`${rule.id}: the "before" example fires, the "after" example does not`, () => {
    const before = runExample(rule, rule.example.before);
    assert.ok(before.length >= 1, `${rule.id} did not fire on its before example`);
    assert.ok(before.every((f) => f.rule === rule.id && (f.docs || f.metadata)));
    assert.deepEqual(runExample(rule, rule.example.after).map((f) => f.message), []);
  });
}

test('a real page against the real metadata: 2020-05 user.md vs the v1.0 CSDL of the next day', () => {
  const a = analyze([join(FIX, 'docs')]);
  const docs = docsFromModel(a.model, 'v1.0');
  assert.equal(docs.types.length, 1);
  const r = compareMetadata(docs, csdl);
  const warn = r.findings.filter((f) => f.severity === 'warning').map((f) => `${f.rule} ${f.docs!.file.replace(/^.*fixtures\/metadata\/docs\//, '')}:${f.docs!.line} ${f.field} | ${f.metadata!.element}:${f.metadata!.line}`);
  assert.deepEqual(warn, [
    'metadata-property-missing v1.0/resources/user.md:125 properties.createdDateTime | EntityType microsoft.graph.user:16',
    'metadata-property-collection-differs v1.0/resources/user.md:159 properties.otherMails.collection | EntityType microsoft.graph.user/Property otherMails:122',
    'metadata-property-missing v1.0/resources/user.md:164 properties.preferredDataLocation | EntityType microsoft.graph.user:16',
    'metadata-property-missing v1.0/resources/user.md:169 properties.refreshTokensValidFromDateTime | EntityType microsoft.graph.user:16',
    'metadata-property-nullable-differs v1.0/resources/user.md:178 properties.usageLocation.nullable | EntityType microsoft.graph.user/Property usageLocation:161',
  ]);
  assert.equal(r.summary.byRule['metadata-navigation-undocumented'], 11);
  assert.equal(r.summary.byRule['metadata-property-undocumented'], 1);
  assert.equal(r.summary.byRule['metadata-type-undocumented'], 4);
  assert.equal(r.summary.findings, 21);
});

test('a type two pages document (user.md and Intune\'s intune-shared-user.md) is located on the page named after it (labels v007, v166, v186)', () => {
  // 2020-05 v1.0: intune-shared-user.md sorts first; the navigation properties the CSDL has and no table lists belong in user.md's Relationships.
  const dir = tempTree({
    'v1.0/resources/user.md': readFileSync(join(FIX, 'docs/v1.0/resources/user.md')),
    'v1.0/resources/intune-shared-user.md': readFileSync(join(ROOT, 'test/fixtures/corpus/drift-breaking/2020-05/v1.0/resources/intune-shared-user.md')),
  });
  const docs = docsFromModel(analyze([dir]).model, 'v1.0');
  assert.equal(docs.types.find((t) => t.name === 'user')?.src.file, 'v1.0/resources/user.md');
  const r = compareMetadata(docs, csdl);
  const nav = r.findings.filter((f) => f.rule === 'metadata-navigation-undocumented');
  assert.deepEqual([...new Set(nav.map((f) => `${f.docs!.file}:${f.docs!.line}`))], ['v1.0/resources/user.md:10']);
  assert.equal(nav.length, 8); // the 11 of user.md alone, less the 3 the Intune page's Relationships table lists
});

test('a row one misspelling away from a member no row documents is reported once, on the row, naming the member (labels v085, v134, v296, v302)', () => {
  // 2020-05 v1.0 hostsecuritystate.md and schedule.md against their types as the v1.0 CSDL of the next day declares them (an excerpt).
  const dir = join(FIX, 'misspelled');
  const file = 'test/fixtures/metadata/misspelled/v1.0-excerpt.csdl.xml';
  const r = compareMetadata(docsFromModel(analyze([dir]).model, 'v1.0'), parseCsdl(readFileSync(join(ROOT, file), 'utf8'), file));
  const rows = (rule: string) => r.findings.filter((f) => f.rule === rule).map((f) => `${f.docs?.line ?? ''} ${f.field} | ${f.metadata!.element}:${f.metadata!.line}`);
  assert.deepEqual(rows('metadata-property-missing'), [
    '21 properties.isAzureAadJoined | ComplexType microsoft.graph.hostSecurityState/Property isAzureAdJoined:17',
    '22 properties.isAzureAadRegistered | ComplexType microsoft.graph.hostSecurityState/Property isAzureAdRegistered:18',
    '48 properties.workforceintegrations | EntityType microsoft.graph.schedule:38', // workforceIntegration entities: not the service's workforceIntegrationIds (strings)
    '49 properties.swapshiftchangerequests | EntityType microsoft.graph.schedule/NavigationProperty swapShiftsChangeRequests:80',
    '51 properties.timeoffrequest | EntityType microsoft.graph.schedule/NavigationProperty timeOffRequests:83',
  ]);
  assert.match(r.findings.find((f) => f.field === 'properties.isAzureAadJoined')!.message, /it declares isAzureAdJoined \(Edm\.Boolean\), which no row documents: the row's name is misspelled$/);
  // The members those rows stand for are not reported again; workforceIntegrationIds and offerShiftRequests, which no row stands for, are.
  assert.deepEqual([...rows('metadata-property-undocumented'), ...rows('metadata-navigation-undocumented')], [
    '10 properties.workforceIntegrationIds | EntityType microsoft.graph.schedule/Property workforceIntegrationIds:51',
    '10 relationships.offerShiftRequests | EntityType microsoft.graph.schedule/NavigationProperty offerShiftRequests:82',
  ]);
  assert.equal(r.summary.notReported['documented-misspelled'], 4); // isAzureAdJoined, isAzureAdRegistered, swapShiftsChangeRequests, timeOffRequests
});

test('an action no request block lists but an example calls is reported with that example as its docs side (label b378)', () => {
  // 2020-05 v1.0 nameditem-addformulalocal.md: its block says POST /workbook/names/add (:27-28), its example calls …/names/addFormulaLocal (:63);
  // the action as the v1.0 CSDL of the next day declares it (line 18885).
  const M = csdlDocument('<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>'
    + '<EntityType Name="workbookNamedItem" BaseType="graph.entity"><Property Name="name" Type="Edm.String" /></EntityType>'
    + '<Action Name="addFormulaLocal" IsBound="true"><Parameter Name="bindparameter" Type="Collection(graph.workbookNamedItem)" /><Parameter Name="name" Type="Edm.String" Unicode="false" /><Parameter Name="formula" Type="Edm.String" Unicode="false" /><Parameter Name="comment" Type="Edm.String" Unicode="false" /><ReturnType Type="graph.workbookNamedItem" /></Action>'
    + '<Action Name="add" IsBound="true"><Parameter Name="bindparameter" Type="Collection(graph.workbookNamedItem)" /><Parameter Name="name" Type="Edm.String" Unicode="false" /><ReturnType Type="graph.workbookNamedItem" /></Action>'
    + '<Action Name="refresh" IsBound="true"><Parameter Name="bindparameter" Type="graph.workbookNamedItem" /></Action>'
    + '<EntityContainer Name="GraphService" />');
  const r = compareMetadata(docsFromModel(analyze([join(FIX, 'example-only')]).model, 'v1.0'), parseCsdl(M, 'v1.0.csdl.xml'));
  const got = r.findings.filter((f) => f.rule === 'metadata-operation-undocumented').map((f) => `${f.subject} ${f.docs ? `${f.docs.file}:${f.docs.line}` : '-'} | ${f.message}`);
  assert.deepEqual(got, [
    'addFormulaLocal v1.0/api/nameditem-addformulalocal.md:63 | Action addFormulaLocal bound to Collection(microsoft.graph.workbookNamedItem) is in the service metadata but in no documented path; an example request calls it (v1.0/api/nameditem-addformulalocal.md:63: POST /me/drive/items/{id}/workbook/names/addFormulaLocal) but no HTTP request block lists it',
    'refresh - | Action refresh bound to microsoft.graph.workbookNamedItem is in the service metadata but in no documented path', // nothing calls it: no docs side
  ]);
});

test('action parameters and return types on real pages (2020-05 v1.0) against the real CSDL elements of the next day', () => {
  // The elements as the 2020-05 v1.0 CSDL declares them (add: line 19162, transfer: line 19432, getByIds: line 16331), around a minimal container.
  const M = csdlDocument('<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>'
    + '<EntityType Name="site" BaseType="graph.entity"><Property Name="displayName" Type="Edm.String" /></EntityType>'
    + '<EntityType Name="user" BaseType="graph.entity"><NavigationProperty Name="followedSites" Type="Collection(graph.site)" /></EntityType>'
    + '<EntityType Name="cloudCommunications" BaseType="graph.entity"><NavigationProperty Name="calls" Type="Collection(graph.call)" ContainsTarget="true" /></EntityType>'
    + '<EntityType Name="call" BaseType="graph.entity" OpenType="true" /><EntityType Name="directoryObject" BaseType="graph.entity" OpenType="true" />'
    + '<Action Name="getByIds" IsBound="true" EntitySetPath="bindingParameter"><Parameter Name="bindingParameter" Type="Collection(graph.directoryObject)" Nullable="false" /><Parameter Name="ids" Type="Collection(Edm.String)" Nullable="false" Unicode="false" /><Parameter Name="types" Type="Collection(Edm.String)" Unicode="false" /><ReturnType Type="Collection(graph.directoryObject)" Nullable="false" /></Action>'
    + '<Action Name="add" IsBound="true"><Parameter Name="bindingParameter" Type="Collection(graph.site)" /><Parameter Name="value" Type="Collection(graph.site)" /><ReturnType Type="Collection(graph.site)" /></Action>'
    + '<Action Name="transfer" IsBound="true"><Parameter Name="bindingParameter" Type="graph.call" /><Parameter Name="transferTarget" Type="graph.invitationParticipantInfo" Nullable="false" /></Action>'
    + '<EntityContainer Name="GraphService"><EntitySet Name="users" EntityType="microsoft.graph.user" /><Singleton Name="communications" Type="microsoft.graph.cloudCommunications" /><EntitySet Name="directoryObjects" EntityType="microsoft.graph.directoryObject" /></EntityContainer>');
  const a = analyze([join(FIX, 'actions')]);
  const r = compareMetadata(docsFromModel(a.model, 'v1.0'), parseCsdl(M, 'v1.0.csdl.xml'));
  const got = r.findings.filter((f) => f.rule.startsWith('metadata-action-') || f.rule === 'metadata-operation-return-differs').map((f) => `${f.rule} ${f.docs!.file.replace(/^.*fixtures\/metadata\/actions\//, '')}:${f.docs!.line} ${f.field}`);
  // call-transfer.md's table (:45-47) lists transferTarget and clientContext; the action takes transferTarget only.
  // site-follow.md's table lists `id` (:40): the members of add's one parameter, value (a collection of site) — documented, not unknown.
  // directoryobject-getbyids.md :63 says "a string collection object in the response body"; getByIds returns directoryObjects.
  assert.deepEqual(got, [
    'metadata-action-parameter-missing v1.0/api/call-transfer.md:47 requestBody.clientContext',
    'metadata-operation-return-differs v1.0/api/directoryobject-getbyids.md:63 response.type',
  ]);
  // Compared: the three POSTs resolve to actions with a table of parameters; getByIds alone states a response type (site-follow
  // says "returns an array of sites", call-transfer only 202).
  assert.equal(r.summary.docs.actionCalls, 3);
  assert.equal(r.summary.docs.typedCalls, 1);
});

test('response types of GETs on real pages (2020-05 v1.0) against the CSDL elements the paths reach', () => {
  // As the 2020-05 v1.0 CSDL declares them (orgContact.manager: a directoryObject; user.joinedTeams: Collection(team); user.photo and
  // group.photo: profilePhoto; security.secureScores; workbookTableSort.fields: Collection(workbookSortField)), around a minimal container.
  const M = csdlDocument('<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>'
    + '<EntityType Name="directoryObject" BaseType="graph.entity" /><EntityType Name="orgContact" BaseType="graph.directoryObject"><NavigationProperty Name="manager" Type="graph.directoryObject" /></EntityType>'
    + '<EntityType Name="user" BaseType="graph.directoryObject"><NavigationProperty Name="joinedTeams" Type="Collection(graph.team)" /><NavigationProperty Name="photo" Type="graph.profilePhoto" ContainsTarget="true" /><NavigationProperty Name="insights" Type="graph.officeGraphInsights" ContainsTarget="true" /></EntityType>'
    + '<EntityType Name="group" BaseType="graph.directoryObject"><NavigationProperty Name="photo" Type="graph.profilePhoto" ContainsTarget="true" /></EntityType>'
    + '<EntityType Name="team" BaseType="graph.entity"><NavigationProperty Name="schedule" Type="graph.schedule" ContainsTarget="true" /></EntityType>'
    + '<EntityType Name="schedule" BaseType="graph.entity"><NavigationProperty Name="offerShiftRequests" Type="Collection(graph.offerShiftRequest)" ContainsTarget="true" /><NavigationProperty Name="swapShiftsChangeRequests" Type="Collection(graph.swapShiftsChangeRequest)" ContainsTarget="true" /></EntityType><EntityType Name="offerShiftRequest" BaseType="graph.entity" /><EntityType Name="swapShiftsChangeRequest" BaseType="graph.entity" />'
    + '<EntityType Name="profilePhoto" BaseType="graph.entity" /><ComplexType Name="photo"><Property Name="cameraMake" Type="Edm.String" /></ComplexType><ComplexType Name="shared" />'
    + '<EntityType Name="officeGraphInsights" BaseType="graph.entity"><NavigationProperty Name="shared" Type="Collection(graph.sharedInsight)" ContainsTarget="true" /></EntityType>'
    + '<EntityType Name="sharedInsight" BaseType="graph.entity"><NavigationProperty Name="resource" Type="graph.entity" /></EntityType>'
    + '<EntityType Name="security" BaseType="graph.entity"><NavigationProperty Name="secureScores" Type="Collection(graph.secureScore)" ContainsTarget="true" /></EntityType><EntityType Name="secureScore" BaseType="graph.entity" />'
    + '<EntityType Name="workbook" BaseType="graph.entity"><NavigationProperty Name="tables" Type="Collection(graph.workbookTable)" ContainsTarget="true" /></EntityType>'
    + '<EntityType Name="workbookTable" BaseType="graph.entity"><NavigationProperty Name="sort" Type="graph.workbookTableSort" ContainsTarget="true" /></EntityType>'
    + '<EntityType Name="workbookTableSort" BaseType="graph.entity"><Property Name="fields" Type="Collection(graph.workbookSortField)" /></EntityType>'
    + '<ComplexType Name="workbookSortField"><Property Name="icon" Type="graph.workbookIcon" /></ComplexType><ComplexType Name="workbookIcon" />'
    + '<EntityContainer Name="GraphService"><EntitySet Name="users" EntityType="microsoft.graph.user" /><EntitySet Name="groups" EntityType="microsoft.graph.group" /><EntitySet Name="contacts" EntityType="microsoft.graph.orgContact" />'
    + '<EntitySet Name="teams" EntityType="microsoft.graph.team" /><Singleton Name="security" Type="microsoft.graph.security" /><Singleton Name="drive" Type="microsoft.graph.user" /></EntityContainer>');
  const a = analyze([join(FIX, 'gets')]);
  // "the requested [offerShiftRequest](…) objects" (offershiftrequest-list.md :52) is a collection: the plural after the link says so.
  const shifts = a.pages.find((p) => p.file.endsWith('offershiftrequest-list.md'))!;
  assert.deepEqual([shifts.response?.bodyType?.name, shifts.response?.bodyType?.collection], ['offerShiftRequest', true]);
  const r = compareMetadata(docsFromModel(a.model, 'v1.0'), parseCsdl(M, 'v1.0.csdl.xml'));
  const got = r.findings.filter((f) => f.rule === 'metadata-response-type-differs').map((f) => `${f.docs!.file.replace(/^.*fixtures\/metadata\/gets\//, '')}:${f.docs!.line} ${f.message}`);
  assert.deepEqual(got, [
    // ":48 a collection of [directoryObject](…) objects" for a contact's one manager
    'v1.0/api/orgcontact-get-manager.md:48 GET /contacts/{contact-id}/manager: the Response section states a collection of directoryObject, but the path addresses microsoft.graph.directoryObject',
    // ":44 [photo](../resources/photo.md) object": the page links driveItem's photo facet, where the paths reach profilePhoto
    'v1.0/api/photo-get.md:44 GET /groups/{group-id}/photo: the Response section states photo, but the path addresses microsoft.graph.profilePhoto',
    // ":52 the requested [swapShiftsChangeRequest](…) object" and the example :68 GETs one by its key; the request line :33 lists the collection
    'v1.0/api/swapshiftschangerequest-get.md:52 GET /teams/{team-id}/schedule/swapShiftsChangeRequests: the Response section states one swapShiftsChangeRequest and the page\'s example GETs one (/teams/{teamId}/schedule/swapShiftsChangeRequests/{swapShiftsChangeRequestId}), but the request line addresses Collection(microsoft.graph.swapShiftsChangeRequest): it leaves out the key',
    // ":53 collection of [group](…) objects": joinedTeams holds teams
    'v1.0/api/user-list-joinedteams.md:53 GET /users/{user-id}/joinedTeams: the Response section states a collection of group, but the path addresses Collection(microsoft.graph.team)',
  ]);
  // Not reported: offerShiftRequests (a collection, as stated); "collection of **secureScores** objects" names the navigation
  // property; "a list of [shared](../resources/insights-shared.md) items" is the page's type, sharedInsight (not the `shared`
  // facet shared.md defines); icon-get.md's …/sort/fields/icon leaves out the field's key (icon is a member, not a key).
  assert.deepEqual(r.findings.filter((f) => f.rule === 'metadata-response-type-differs' && /offershift|securescores|insights|icon-get/.test(f.docs!.file)), []);
  // Compared: one GET per Response section of orgcontact-get-manager, photo-get, user-list-joinedteams, offershiftrequest-list,
  // swapshiftschangerequest-get and security-list-securescores; insights-list-shared's section speaks for two resources, icon-get's
  // path leaves out a key.
  assert.equal(r.summary.docs.resourceGets, 6);
  const shared = docsFromModel(a.model, 'v1.0').operations.filter((o) => o.response?.src.file.endsWith('insights-list-shared.md')).map((o) => `${o.path} ${o.response!.name} ${o.response!.collection}`);
  // Its link names the type (sharedInsight, not shared.md's facet `shared`); and the page's example GETs a shared item's resource (an
  // entity): the section speaks for two resources, and neither is compared.
  assert.deepEqual(shared, ['/users/{}/insights/shared sharedInsight true', '/users/{}/insights/shared/{}/resource sharedInsight true']);
});

test('return types: a function with overloads agrees when any overload returns the stated type (beta getEffectivePermissions)', () => {
  // beta CSDL 2020-05 :29081 and :29085: getEffectivePermissions() returns Collection(Edm.String), getEffectivePermissions(scope) Collection(graph.rolePermission).
  const M = '<EntityType Name="deviceManagement"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /></EntityType><ComplexType Name="rolePermission" />'
    + '<Function Name="getEffectivePermissions" IsBound="true"><Parameter Name="bindingParameter" Type="graph.deviceManagement" /><ReturnType Type="Collection(Edm.String)" /></Function>'
    + '<Function Name="getEffectivePermissions" IsBound="true"><Parameter Name="bindingParameter" Type="graph.deviceManagement" /><Parameter Name="scope" Type="Edm.String" /><ReturnType Type="Collection(graph.rolePermission)" /></Function>'
    + '<EntityContainer Name="GraphService"><Singleton Name="deviceManagement" Type="microsoft.graph.deviceManagement" /></EntityContainer>';
  const rule = METADATA_RULES.find((r) => r.id === 'metadata-operation-return-differs')!;
  const call = (name: string, collection: boolean) => runExample(rule, { docs: { operations: [{ key: 'GET /deviceManagement/getEffectivePermissions()', method: 'GET', path: '/deviceManagement/getEffectivePermissions()', src: { file: 'a.md', line: 40, column: 1 }, response: { name, collection, src: { file: 'a.md', line: 56, column: 1 } } }] }, csdl: M }).map((f) => f.message);
  assert.deepEqual(call('rolePermission', true), []);
  assert.deepEqual(call('String', true), []);
  assert.deepEqual(call('rolePermission', false), ['GET /deviceManagement/getEffectivePermissions(): the Response section states rolePermission, but microsoft.graph.getEffectivePermissions returns Collection(Edm.String) or Collection(microsoft.graph.rolePermission)']);
});

test('path resolution: key as segment, workbook-relative paths, ellipsis, casts, bound functions', () => {
  const M = '<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /></EntityType>'
    + '<EntityType Name="mailFolder" BaseType="graph.entity"><NavigationProperty Name="messages" Type="Collection(graph.message)" /><NavigationProperty Name="childFolders" Type="Collection(graph.mailFolder)" /></EntityType>'
    + '<EntityType Name="message" BaseType="graph.entity" /><EntityType Name="user" BaseType="graph.entity"><NavigationProperty Name="mailFolders" Type="Collection(graph.mailFolder)" /></EntityType>'
    + '<EntityType Name="workbook" BaseType="graph.entity"><NavigationProperty Name="worksheets" Type="Collection(graph.workbookWorksheet)" /></EntityType><EntityType Name="workbookWorksheet" BaseType="graph.entity" />'
    + '<Function Name="delta" IsBound="true"><Parameter Name="b" Type="Collection(graph.message)" /><ReturnType Type="Collection(graph.message)" /></Function>'
    + '<EntityContainer Name="GraphService"><EntitySet Name="users" EntityType="microsoft.graph.user" /></EntityContainer>';
  const rules = METADATA_RULES.filter((r) => r.id.startsWith('metadata-operation-') || r.id === 'metadata-entity-set-missing');
  const run = (key: string) => rules.flatMap((r) => runExample(r, { docs: { operations: [{ key, method: key.split(' ')[0]!, path: key.split(' ')[1]!, src: { file: 'a.md', line: 1, column: 1 } }] }, csdl: M })).filter((f) => f.rule !== 'metadata-operation-undocumented').map((f) => f.rule);
  assert.deepEqual(run('GET /users/{}/mailfolders/inbox/messages'), []);
  assert.deepEqual(run('GET /users/{}/mailfolders/{}/childfolders/{}/.../messages/{}'), []);
  assert.deepEqual(run('GET /users/{}/mailfolders/{}/messages/delta()'), []);
  assert.deepEqual(run('GET /workbook/worksheets/{}'), []);
  assert.deepEqual(run('GET /users/{}/mailfolder/{}'), ['metadata-operation-missing']);
  assert.deepEqual(run('GET /users/{}/mailfolders/{}/delta()'), ['metadata-operation-binding-differs']);
  assert.deepEqual(run('GET /user/{}'), ['metadata-entity-set-missing']);
});

test('permission names: near misses of catalogue names are named; well-formed unknown names are tagged not-in-catalogue', () => {
  const known = ['Calls.JoinGroupCall.All', 'Device.ReadWrite.All', 'Directory.AccessAsUser.All', 'DeviceManagementManagedDevices.PrivilegedOperations.All'];
  assert.equal(nearMiss('Calls.JoinGroupCalls.All', known), 'Calls.JoinGroupCall.All');
  assert.equal(nearMiss('Devices.ReadWrite.All', known), 'Device.ReadWrite.All');
  assert.equal(nearMiss('AccessAsUser.All', known), 'Directory.AccessAsUser.All');
  assert.equal(nearMiss('DeviceManagementManagedDevices.PriviligedOperation.All', known), 'DeviceManagementManagedDevices.PrivilegedOperations.All');
  assert.equal(nearMiss('Schedule.ReadWrite.All', known), undefined);
  const rule = METADATA_RULES.find((r) => r.id === 'metadata-permission-unknown')!;
  // A well-formed name that is no near miss is counted under not-in-catalogue, not reported; a near miss is a warning naming the scope.
  const docs = { ...emptyDocs(), permissions: [{ name: 'Schedule.ReadWrite.All', type: 'application' as const, src: { file: 'a.md', line: 3, column: 1 } }, { name: 'User.Read.Al', type: 'application' as const, src: { file: 'a.md', line: 4, column: 1 } }] };
  const r = compareMetadata(docs, parseCsdl(csdlDocument(''), 'x.xml'), parseScopeCatalogue(scopeCatalogueDocument(['Application:User.Read.All']), 's.xml'), [rule]);
  assert.deepEqual(r.findings.map((x) => [x.severity, x.subject, x.message]), [['warning', 'User.Read.Al', 'Permission User.Read.Al (application) is not in the scope catalogue; did the page mean User.Read.All?']]);
  assert.deepEqual(r.summary.notReported, { 'not-in-catalogue': 1 });
  assert.match(formatMetadataText(r), /not reported \(policy not-in-catalogue\): 1 — well-formed permission names/);
});

/** Freeze every object reachable from v: any write by the comparison throws. */
function deepFreeze(v: unknown, seen = new Set<unknown>()): void {
  if (!v || typeof v !== 'object' || seen.has(v)) return;
  seen.add(v);
  Object.freeze(v);
  for (const x of Object.values(v)) deepFreeze(x, seen);
}

test('the metadata never changes the docs model: same bytes with and without it', () => {
  const inputs = [INPUT, join(FIX, 'docs')];
  const without = serializeModel(analyze(inputs).model);
  const a = analyze(inputs);
  deepFreeze(a.model);
  for (const v of ['v1.0', 'beta']) {
    const r = compareMetadata(docsFromModel(a.model, v), csdl, parseScopeCatalogue(readFileSync(join(FIX, 'permission-scopes-excerpt.xml'), 'utf8'), 'scopes.xml'));
    assert.ok(r.findings.length > 0);
  }
  assert.equal(JSON.stringify(serializeModel(a.model)), JSON.stringify(without));
});

test('CLI: docmodel metadata prints findings with both sides and counts; --format json; --fail-on; docmodel openapi writes the export', () => {
  const cli = join(ROOT, 'dist/src/cli/main.js');
  const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, encoding: 'utf8' });
  const t = run(['metadata', CSDL_FILE, '--scopes', 'test/fixtures/metadata/permission-scopes-excerpt.xml', 'test/fixtures/metadata/docs']);
  assert.equal(t.status, 0, t.stderr);
  // The metadata side names the CSDL relative to the docs root (test/fixtures/metadata/docs), as every path of the report.
  assert.match(t.stdout, /^v1\.0\/resources\/user\.md:159:2: warning metadata-property-collection-differs: user\.otherMails is documented as single-valued but the service declares Collection\(Edm\.String\)  \[metadata: EntityType microsoft\.graph\.user\/Property otherMails \(\.\.\/v1\.0-user\.csdl\.xml:122\) = Collection\(Edm\.String\)\]$/m);
  assert.match(t.stdout, /^ {2}metadata-property-missing +3$/m);
  assert.match(t.stderr, /docmodel metadata: v1\.0: 21 findings \(5 warning, 16 info\)/);
  // Given by its absolute path, the CSDL is still named relative to the docs root: no machine's path in the report.
  const j = run(['metadata', join(ROOT, CSDL_FILE), 'test/fixtures/metadata/docs', '--format', 'json', '--fail-on', 'warning']);
  assert.equal(j.status, 1);
  assert.equal(JSON.parse(j.stdout).summary.findings, 21);
  assert.ok(!j.stdout.includes(ROOT), 'an absolute path in the JSON report');
  assert.deepEqual([...new Set((JSON.parse(j.stdout).findings as { metadata?: { file: string } }[]).flatMap((f) => (f.metadata ? [f.metadata.file] : [])))], ['../v1.0-user.csdl.xml']);
  assert.equal(run(['metadata']).status, 2);
  const out = tempTree({});
  const o = run(['openapi', 'input', '--out', out]);
  assert.equal(o.status, 0, o.stderr);
  assert.match(o.stderr, /docmodel openapi: v1\.0: 1 paths, 1 operations, 2 schemas, 0 operations left out/);
  assert.equal(readFileSync(join(out, 'openapi/v1.0.yaml'), 'utf8'), readFileSync(join(ROOT, 'generated/openapi/v1.0.yaml'), 'utf8'));
});

test('session 28 precision fixes: permission families, every cast, enum case, a namespace the CSDL file lacks', () => {
  const at = (line: number) => ({ file: 'v1.0/api/x.md', line, column: 1 });
  const rule = (id: string) => METADATA_RULES.find((r) => r.id === id)!;
  // The catalogue lists no DeviceManagementApps permission as Application: it cannot tell (counted, not reported);
  // it lists User.Read.All as Application, so User.ReadBasic.All documented as application is compared (and reported).
  const scopes = parseScopeCatalogue(scopeCatalogueDocument(['DelegatedWork:DeviceManagementApps.Read.All', 'DelegatedWork:User.ReadBasic.All', 'Application:User.Read.All']), 's.xml');
  const perms = { ...emptyDocs(), permissions: [{ name: 'DeviceManagementApps.Read.All', type: 'application' as const, src: at(24) }, { name: 'User.ReadBasic.All', type: 'application' as const, src: at(25) }] };
  const p = compareMetadata(perms, parseCsdl(csdlDocument(''), 'x.xml'), scopes, [rule('metadata-permission-type-differs')]);
  assert.deepEqual(p.findings.map((f) => [f.subject, f.docs?.line]), [['User.ReadBasic.All', 25]]);
  assert.deepEqual(p.summary.notReported, { 'catalogue-lacks-family': 1 });

  // contentVersions is declared by two types derived from mobileApp (v1.0.csdl.xml: mobileLobApp, managedMobileLobApp): both named.
  const csdl = parseCsdl(csdlDocument('<EntityType Name="mobileApp" BaseType="graph.entity" Abstract="true" /><EntityType Name="mobileLobApp" BaseType="graph.mobileApp" Abstract="true"><NavigationProperty Name="contentVersions" Type="Collection(graph.mobileAppContent)" ContainsTarget="true" /></EntityType>'
    + '<EntityType Name="managedApp" BaseType="graph.mobileApp" Abstract="true" /><EntityType Name="managedMobileLobApp" BaseType="graph.managedApp" Abstract="true"><NavigationProperty Name="contentVersions" Type="Collection(graph.mobileAppContent)" ContainsTarget="true" /></EntityType>'
    + '<EntityType Name="win32LobApp" BaseType="graph.mobileLobApp" /><EntityType Name="mobileAppContent" BaseType="graph.entity" />'
    + '<EntityContainer Name="GraphService"><EntitySet Name="mobileApps" EntityType="microsoft.graph.mobileApp" /></EntityContainer>'), 'v1.0.csdl.xml');
  const ops = { ...emptyDocs(), operations: [{ key: 'GET /mobileApps/{}/contentVersions', method: 'GET', path: '/mobileApps/{}/contentVersions', src: at(33) }] };
  const m = compareMetadata(ops as never, csdl, undefined, [rule('metadata-operation-missing')]);
  assert.deepEqual(m.findings.map((f) => f.message), ['GET /mobileApps/{}/contentVersions: segment contentVersions is not a property of mobileApp; 2 types derived from it declare it (managedMobileLobApp, mobileLobApp), so the path needs a cast to the one the resource is (/microsoft.graph.<type>/) before it']);

  // beta/resources/enums.md writes the members of the service's Email… in lower case: one finding, the spelling.
  const ecsdl = parseCsdl(csdlDocument('<EnumType Name="contactRelationship"><Member Name="Email" Value="0" /><Member Name="Phone" Value="1" /></EnumType>'), 'beta.csdl.xml');
  const edocs = { ...emptyDocs(), enums: [{ name: 'contactRelationship', namespace: 'microsoft.graph', src: at(21), members: [{ name: 'email', src: at(22) }, { name: 'Phone', src: at(23) }] }] };
  const e = compareMetadata(edocs as never, ecsdl, undefined, [rule('metadata-enum-member-missing'), rule('metadata-enum-member-undocumented')]);
  assert.deepEqual(e.findings.map((f) => [f.rule, f.message]), [['metadata-enum-member-missing', 'contactRelationship member email is documented in another case than the service\'s contactRelationship member Email (enum members are case-sensitive)']]);

  // callRecords.mediaStream (beta) is not microsoft.graph.mediaStream, and the 2020-05 beta file lacks its namespace.
  const ncsdl = parseCsdl(csdlDocument('<ComplexType Name="mediaStream"><Property Name="sourceId" Type="Edm.String" /></ComplexType>'), 'beta.csdl.xml');
  const ndocs = { ...emptyDocs(), types: [{ name: 'mediaStream', namespace: 'microsoft.graph.callRecords', kind: 'complex', src: at(10), properties: [{ name: 'maxJitter', type: { name: 'Duration', collection: false }, src: at(30) }] }] };
  const n = compareMetadata(ndocs as never, ncsdl, undefined, METADATA_RULES);
  assert.deepEqual(n.findings.map((f) => f.rule), []);
  assert.deepEqual(n.summary.notReported, { 'namespace-not-in-csdl': 1 });
});

test('scope catalogue: a record listing several schemes gives each its scopes; a description that contradicts its type is not trusted', () => {
  // beta permission-scopes (2020-05), riskyUsers/confirmCompromised: Delegated then Application in one Collection.
  const xml = '<?xml version="1.0" encoding="utf-8"?><Schema><Annotations Target="microsoft.graph/riskyUsers/confirmCompromised"><Annotation Term="Org.OData.Capabilities.V1.OperationRestrictions"><Record><PropertyValue Property="Permissions"><Collection>'
    + '<PropertyValue Property="SchemeName" String="Delegated (work or school account)" /><PropertyValue Property="Scopes"><Collection><Record><PropertyValue Property="Scope" String="IdentityRiskyUser.ReadWrite.All" /></Record></Collection></PropertyValue>'
    + '<PropertyValue Property="SchemeName" String="Application" /><PropertyValue Property="Scopes"><Collection><Record><PropertyValue Property="Scope" String="IdentityRiskyUser.ReadWrite.All" /></Record></Collection></PropertyValue>'
    + '</Collection></PropertyValue></Record></Annotation></Annotations></Schema>';
  assert.deepEqual(parseScopeCatalogue(xml, 's.xml').scopes.get('IdentityRiskyUser.ReadWrite.All')!.map((t) => t.type), ['DelegatedWork', 'Application']);
  // v1.0 permission-scopes (2020-05) files Mail.ReadBasic under Application with a delegated description.
  const svc = '<?xml version="1.0" encoding="utf-8"?><Schema><Annotations Target="microsoft.graph.GraphService"><Annotation Term="Org.OData.Authorization.V1.Authorizations"><Collection>'
    + '<Record Type="Org.OData.Authorization.V1.OAuth2Implicit"><PropertyValue Property="Name" String="Application" /><PropertyValue Property="Scopes"><Collection>'
    + '<Record><PropertyValue Property="Scope" String="Mail.ReadBasic" /><PropertyValue Property="Description" String="(Preview) Allows the app to read the signed-in user\'s mailbox except body." /></Record>'
    + '<Record><PropertyValue Property="Scope" String="Mail.Read" /><PropertyValue Property="Description" String="Allows the app to read mail in all mailboxes without a signed-in user." /></Record>'
    + '</Collection></PropertyValue></Record>'
    + '<Record Type="Org.OData.Authorization.V1.OAuth2Implicit"><PropertyValue Property="Name" String="DelegatedWork" /><PropertyValue Property="Scopes"><Collection>'
    + '<Record><PropertyValue Property="Scope" String="Mail.ReadWrite" /><PropertyValue Property="Description" String="Allows the app to read the signed-in user\'s mail." /></Record>'
    + '</Collection></PropertyValue></Record></Collection></Annotation></Annotations></Schema>';
  const scopes = parseScopeCatalogue(svc, 's.xml');
  // Mail.ReadWrite documented as Application, listed only as DelegatedWork, is still reported; Mail.Read documented as delegated and
  // listed only as Application is the catalogue's lag (catalogue-lacks-delegated, session 39).
  const docs = { ...emptyDocs(), permissions: [{ name: 'Mail.ReadBasic', type: 'delegatedWork' as const, src: { file: 'v1.0/api/message-get.md', line: 24, column: 1 } }, { name: 'Mail.Read', type: 'delegatedWork' as const, src: { file: 'v1.0/api/message-get.md', line: 25, column: 1 } }, { name: 'Mail.ReadWrite', type: 'application' as const, src: { file: 'v1.0/api/message-get.md', line: 26, column: 1 } }] };
  const r = compareMetadata(docs, parseCsdl(csdlDocument(''), 'x.xml'), scopes, [METADATA_RULES.find((x) => x.id === 'metadata-permission-type-differs')!]);
  assert.deepEqual(r.findings.map((f) => f.subject), ['Mail.ReadWrite']);
  assert.deepEqual(r.summary.notReported, { 'catalogue-contradicts-itself': 1, 'catalogue-lacks-delegated': 1 });
});

test('operation-binding-differs: an action bound to types derived from the one the path reaches asks for a cast, naming those first (v1.0 managedAppPolicies/{id}/assign, label v060)', () => {
  const csdl = parseCsdl(csdlDocument('<EntityType Name="managedAppPolicy" BaseType="graph.entity" /><EntityType Name="managedAppProtection" BaseType="graph.managedAppPolicy" /><EntityType Name="targetedManagedAppProtection" BaseType="graph.managedAppProtection" />'
    + '<EntityType Name="deviceCompliancePolicy" BaseType="graph.entity" /><EntityType Name="deviceAppManagement" BaseType="graph.entity"><NavigationProperty Name="managedAppPolicies" Type="Collection(graph.managedAppPolicy)" ContainsTarget="true" /></EntityType>'
    + '<Action Name="assign" IsBound="true"><Parameter Name="bindingParameter" Type="graph.targetedManagedAppProtection" /></Action><Action Name="assign" IsBound="true"><Parameter Name="bindingParameter" Type="graph.deviceCompliancePolicy" /></Action>'
    + '<EntityContainer Name="GraphService"><Singleton Name="deviceAppManagement" Type="microsoft.graph.deviceAppManagement" /></EntityContainer>'), 'v1.0.csdl.xml');
  const ops = { ...emptyDocs(), operations: [{ key: 'POST /deviceAppManagement/managedAppPolicies/{}/assign', method: 'POST', path: '/deviceAppManagement/managedAppPolicies/{}/assign', src: { file: 'v1.0/api/x.md', line: 33, column: 1 } }] };
  const r = compareMetadata(ops as never, csdl, undefined, [METADATA_RULES.find((x) => x.id === 'metadata-operation-binding-differs')!]);
  assert.deepEqual(r.findings.map((f) => f.message), ['POST /deviceAppManagement/managedAppPolicies/{}/assign: assign is called on managedAppPolicy but the service binds assign to types derived from it (microsoft.graph.targetedManagedAppProtection): the path needs a cast to the one the resource is; it is also bound to microsoft.graph.deviceCompliancePolicy']);
});

test('metadata-type-undocumented: a type the CSDL refers to nowhere is counted under unreferenced-type, not reported (beta flexSchemaContainer, label b048); one a property uses still is', () => {
  const csdl = parseCsdl(csdlDocument('<ComplexType Name="flexSchemaContainer" /><ComplexType Name="identity"><Property Name="displayName" Type="Edm.String" /></ComplexType>'
    + '<EntityType Name="user" BaseType="graph.entity"><Property Name="creator" Type="graph.identity" /></EntityType><EntityType Name="entity"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /></EntityType>'
    + '<EntityContainer Name="GraphService"><EntitySet Name="users" EntityType="microsoft.graph.user" /></EntityContainer>'), 'beta.csdl.xml');
  const r = compareMetadata({ ...emptyDocs(), types: [{ name: 'user', namespace: 'microsoft.graph', kind: 'entity', src: { file: 'beta/resources/user.md', line: 10, column: 1 }, properties: [] }] } as never, csdl, undefined, [METADATA_RULES.find((x) => x.id === 'metadata-type-undocumented')!]);
  assert.deepEqual(r.findings.map((f) => f.subject).sort(), ['entity', 'identity']);
  assert.deepEqual(r.summary.notReported, { 'unreferenced-type': 1 });
});

test('session 29 precision fixes: derived types of a value type are reached; instance annotations, documented derived types, the workbook functions container and colon paths are no findings', () => {
  const rule = (id: string) => METADATA_RULES.find((r) => r.id === id)!;
  // v1.0 (2020-05): eventMessageRequest derives from eventMessage, which derives from message, the type of mailFolder.messages:
  // a value of messages may be one, so it is reached (and reported when undocumented). comanagementEligibleDeviceEntity
  // (beta) derives only from entity, which a navigation property typed entity does not make reached: not reported.
  const csdl = parseCsdl(csdlDocument('<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /></EntityType>'
    + '<EntityType Name="message" BaseType="graph.entity" /><EntityType Name="eventMessage" BaseType="graph.message" /><EntityType Name="eventMessageRequest" BaseType="graph.eventMessage" />'
    + '<EntityType Name="mailFolder" BaseType="graph.entity"><NavigationProperty Name="messages" Type="Collection(graph.message)" /></EntityType>'
    + '<EntityType Name="usedInsight" BaseType="graph.entity"><NavigationProperty Name="resource" Type="graph.entity" /></EntityType>'
    + '<EntityType Name="comanagementEligibleDeviceEntity" BaseType="graph.entity" />'
    + '<EntityContainer Name="GraphService"><EntitySet Name="mailFolders" EntityType="microsoft.graph.mailFolder" /><EntitySet Name="insights" EntityType="microsoft.graph.usedInsight" /></EntityContainer>'), 'v1.0.csdl.xml');
  const documented = ['entity', 'message', 'eventMessage', 'mailFolder', 'usedInsight'].map((n) => type(n, []));
  const t = compareMetadata({ ...emptyDocs(), types: documented }, csdl, undefined, [rule('metadata-type-undocumented')]);
  assert.deepEqual(t.findings.map((f) => f.subject), ['eventMessageRequest']);
  assert.deepEqual(t.summary.notReported, { 'unreferenced-type': 1 });

  // v1.0/resources/shiftpreferences.md:28 lists @odata.etag; v1.0/resources/call.md:68 types mediaConfig as
  // "appHostedMediaConfig or serviceHostedMediaConfig", derived types of the abstract mediaConfig the service declares.
  const pcsdl = parseCsdl(csdlDocument('<EntityType Name="shiftPreferences"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /></EntityType>'
    + '<ComplexType Name="mediaConfig" Abstract="true" /><ComplexType Name="appHostedMediaConfig" BaseType="graph.mediaConfig" /><ComplexType Name="tokenMeetingInfo" />'
    + '<EntityType Name="call"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /><Property Name="mediaConfig" Type="graph.mediaConfig" /><Property Name="meetingInfo" Type="graph.mediaConfig" /></EntityType>'), 'v1.0.csdl.xml');
  const pdocs = { ...emptyDocs(), types: [type('shiftPreferences', [prop('id', 'String'), prop('@odata.etag', 'String', { src: at('resources/shiftpreferences.md', 28) })]), type('call', [prop('id', 'String'), prop('mediaConfig', 'appHostedMediaConfig'), prop('meetingInfo', 'tokenMeetingInfo')])] };
  const p = compareMetadata(pdocs, pcsdl, undefined, [rule('metadata-property-missing'), rule('metadata-property-type-differs')]);
  // tokenMeetingInfo does not derive from mediaConfig: still reported.
  assert.deepEqual(p.findings.map((f) => f.message), ['call.meetingInfo is documented as tokenMeetingInfo but the service declares microsoft.graph.mediaConfig']);
  assert.deepEqual(p.summary.notReported, { 'documented-derived-type': 1, 'instance-annotation': 1 });

  // workbook.functions and its type are documented with the worksheet functions (policy workbook-functions);
  // /sites/{hostname}:/{relative-path} documents site's getByPath; a function no path names is still reported.
  const wcsdl = parseCsdl(csdlDocument('<EntityType Name="workbook"><NavigationProperty Name="functions" Type="graph.workbookFunctions" ContainsTarget="true" /></EntityType><EntityType Name="workbookFunctions" />'
    + '<EntityType Name="site"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /></EntityType>'
    + '<Function Name="getByPath" IsBound="true"><Parameter Name="bindingParameter" Type="graph.site" /><Parameter Name="path" Type="Edm.String" /><ReturnType Type="graph.site" /></Function>'
    + '<Function Name="getActivitiesByInterval" IsBound="true"><Parameter Name="bindingParameter" Type="graph.site" /></Function>'
    + '<EntityContainer Name="GraphService"><EntitySet Name="sites" EntityType="microsoft.graph.site" /></EntityContainer>'), 'v1.0.csdl.xml');
  const wdocs = { ...emptyDocs(), types: [type('workbook', []), type('site', [prop('id', 'String')])], operations: [op('GET /sites/{hostname}:/{relative-path}')] };
  const w = compareMetadata(wdocs as never, wcsdl, undefined, [rule('metadata-type-undocumented'), rule('metadata-navigation-undocumented'), rule('metadata-operation-undocumented')]);
  assert.deepEqual(w.findings.map((f) => f.message), ['Function getActivitiesByInterval bound to microsoft.graph.site is in the service metadata but in no documented path']);
  assert.deepEqual(w.summary.notReported, { 'workbook-functions': 2 });
});

test('metadata-type-undocumented: a type only the Excel worksheet functions use (their result, workbookFunctionResult) is counted under workbook-functions (label v232, false); one another operation returns too is still reported', () => {
  const wb = (name: string) => `<Action Name="${name}" IsBound="true"><Parameter Name="bindingParameter" Type="graph.workbookFunctions" /><Parameter Name="number" Type="graph.Json" /><ReturnType Type="graph.workbookFunctionResult" /></Action>`;
  const csdl = (extra = '') => parseCsdl(csdlDocument('<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /></EntityType>'
    + '<EntityType Name="workbookFunctions" BaseType="graph.entity" /><EntityType Name="workbookFunctionResult" BaseType="graph.entity"><Property Name="value" Type="graph.Json" /></EntityType>'
    + '<EntityType Name="workbook" BaseType="graph.entity"><NavigationProperty Name="functions" Type="graph.workbookFunctions" ContainsTarget="true" /></EntityType>'
    + wb('abs') + wb('acos') + extra
    + '<EntityContainer Name="GraphService"><EntitySet Name="workbooks" EntityType="microsoft.graph.workbook" /></EntityContainer>'), 'v1.0.csdl.xml');
  const docs = { ...emptyDocs(), types: ['entity', 'workbook', 'workbookFunctions'].map((n) => type(n, [])) };
  const rule = [METADATA_RULES.find((x) => x.id === 'metadata-type-undocumented')!];
  const only = compareMetadata(docs, csdl(), undefined, rule);
  assert.deepEqual(only.findings.map((f) => f.subject), []);
  assert.deepEqual(only.summary.notReported, { 'workbook-functions': 1 });
  const shared = compareMetadata(docs, csdl('<Function Name="lastResult" IsBound="true"><Parameter Name="bindingParameter" Type="graph.workbook" /><ReturnType Type="graph.workbookFunctionResult" /></Function>'), undefined, rule);
  assert.deepEqual(shared.findings.map((f) => f.subject), ['workbookFunctionResult']);
});

test('session 39 metadata draws: a type cell linking to its own values table is a String, a JSON-only key lacks its row, an enum named after a String property lists its values, a delegated permission the catalogue lists only as Application is its gap (labels b431, v367, v378, b434, b483)', () => {
  const fx = join(ROOT, 'test/fixtures/corpus/precision/2020-05-s39c');
  const model = analyze([fx], [], fx).model;
  const pick = (...ids: string[]) => METADATA_RULES.filter((x) => ids.includes(x.id));
  // beta tiIndicator.killChain | [killChain](#killchain-values) collection: Collection(Edm.String), as the service says
  const ti = compareMetadata(docsFromModel(model, 'beta'), parseCsdl(csdlDocument('<EntityType Name="tiIndicator"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /><Property Name="killChain" Type="Collection(Edm.String)" /></EntityType><EnumType Name="autoAdmittedUsersType"><Member Name="everyone" Value="0" /></EnumType>'), 'beta.csdl.xml'), undefined, pick('metadata-property-type-differs', 'metadata-property-collection-differs', 'metadata-type-missing'));
  assert.deepEqual(ti.findings.filter((f) => /killChain/.test(f.field)).map((f) => f.message), []);
  // "autoAdmittedUsers values" on onlinemeeting.md: the values of onlineMeeting.autoAdmittedUsers | String, counted, not reported;
  // so are tiindicator.md's diamondModel, killChain, threatType and tlpLevel values (the CSDL above declares none of them, nor onlineMeeting)
  assert.deepEqual(ti.findings.filter((f) => f.rule === 'metadata-type-missing').map((f) => f.message), ['Type onlineMeeting is documented but the service metadata declares no type of that name']);
  assert.equal(ti.summary.notReported['property-values'], 5);
  // v1.0 filtercriteria.md has no property table, only a JSON representation: each key it names lacks its row (the block is the side); operator it does not name
  const fc = compareMetadata(docsFromModel(model, 'v1.0'), parseCsdl(csdlDocument('<ComplexType Name="workbookFilterCriteria"><Property Name="color" Type="Edm.String" /><Property Name="criterion1" Type="Edm.String" /><Property Name="filterOn" Type="Edm.String" Nullable="false" /><Property Name="operator" Type="Edm.String" Nullable="false" /></ComplexType>'), 'v1.0.csdl.xml'), undefined, pick('metadata-property-undocumented'));
  assert.deepEqual(fc.findings.map((f) => [f.message, `${f.docs!.file}:${f.docs!.line}`]).sort((x, y) => (x[0]! < y[0]! ? -1 : 1)), [
    // Each at its key's own line (session 45; the block's first line, :28, before).
    ...([['color', 30], ['criterion1', 31], ['filterOn', 34]] as const).map(([n, l]) => [`microsoft.graph.workbookFilterCriteria.${n} (Edm.String) is in the service metadata and in the JSON representation of workbookFilterCriteria (v1.0/resources/filtercriteria.md:${l}), but no property row of workbookFilterCriteria describes it`, `v1.0/resources/filtercriteria.md:${l}`]),
    ['microsoft.graph.workbookFilterCriteria.operator (Edm.String) is in the service metadata but not in the documented properties of workbookFilterCriteria', 'v1.0/resources/filtercriteria.md:10'],
  ]);
  // AccessReview.ReadWrite.Membership documented as delegated, listed only as Application: counted; the other direction is still reported
  const scopes = parseScopeCatalogue(scopeCatalogueDocument(['DelegatedWork:AccessReview.ReadWrite.All', 'Application:AccessReview.ReadWrite.Membership', 'DelegatedWork:User.ReadBasic.All', 'Application:User.Read.All']), 's.xml');
  const docs = { ...emptyDocs(), permissions: [perm('AccessReview.ReadWrite.Membership', 'delegatedWork'), perm('User.ReadBasic.All', 'application')] };
  const pr = compareMetadata(docs, parseCsdl(csdlDocument(''), 'x.xml'), scopes, pick('metadata-permission-type-differs'));
  assert.deepEqual(pr.findings.map((f) => f.subject), ['User.ReadBasic.All']);
  assert.deepEqual(pr.summary.notReported, { 'catalogue-lacks-delegated': 1 });
});

test('session 40 metadata draws: "numeric" where the service declares a number is the generic-number policy at info; "numeric" against a String stays a warning (labels b100, b607, b610)', () => {
  const fx = join(ROOT, 'test/fixtures/corpus/precision/2020-05-s40b');
  const model = analyze([fx], [], fx).model;
  const csdlText = '<EntityType Name="agedAccountsPayable"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /><Property Name="vendorId" Type="Edm.Guid" /><Property Name="vendorNumber" Type="Edm.String" /><Property Name="name" Type="Edm.String" />'
    + '<Property Name="currencyCode" Type="Edm.String" /><Property Name="balanceDue" Type="Edm.String" /><Property Scale="Variable" Name="currentAmount" Type="Edm.Decimal" /><Property Name="period1Amount" Type="Edm.Int64" />'
    + '<Property Scale="Variable" Name="period2Amount" Type="Edm.Decimal" /><Property Scale="Variable" Name="period3Amount" Type="Edm.Decimal" /><Property Name="agedAsOfDate" Type="Edm.Date" /><Property Name="periodLengthFilter" Type="Edm.String" /></EntityType>';
  const r = compareMetadata(docsFromModel(model, 'beta'), parseCsdl(csdlDocument(csdlText), 'beta.csdl.xml'), undefined, METADATA_RULES.filter((x) => x.id === 'metadata-property-type-differs'));
  assert.deepEqual(r.findings.map((f) => `${f.severity} ${f.policy ?? '-'} ${f.message}`), [
    'warning - agedAccountsPayable.balanceDue is documented as numeric but the service declares Edm.String',
    'info generic-number agedAccountsPayable.currentAmount is documented as numeric, a generic word for the number type the service declares: Edm.Decimal',
    'info generic-number agedAccountsPayable.period1Amount is documented as numeric, a generic word for the number type the service declares: Edm.Int64',
    'info generic-number agedAccountsPayable.period2Amount is documented as numeric, a generic word for the number type the service declares: Edm.Decimal',
    'info generic-number agedAccountsPayable.period3Amount is documented as numeric, a generic word for the number type the service declares: Edm.Decimal',
  ]);
});

test('metadata-operation-binding-differs: delta called on one school where the service binds it to the collection names that binding, points at it and says to drop the key (labels b121, b508, b650, misdescribed)', () => {
  const fx = join(ROOT, 'test/fixtures/corpus/precision/2020-05-s40c');
  const model = analyze([fx], [], fx).model;
  const csdlText = '<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>'
    + '<EntityType Name="educationRoot" BaseType="graph.entity"><NavigationProperty Name="schools" Type="Collection(graph.educationSchool)" ContainsTarget="true" /><NavigationProperty Name="me" Type="graph.educationUser" ContainsTarget="true" /><NavigationProperty Name="users" Type="Collection(graph.educationUser)" ContainsTarget="true" /></EntityType>'
    + '<EntityType Name="educationSchool" BaseType="graph.entity" /><EntityType Name="educationUser" BaseType="graph.entity"><NavigationProperty Name="schools" Type="Collection(graph.educationSchool)" /></EntityType><EntityType Name="workbookFunctions" BaseType="graph.entity" />'
    + '<Action Name="delta" IsBound="true"><Parameter Name="bindingParameter" Type="graph.workbookFunctions" /><Parameter Name="number1" Type="Edm.Int32" /></Action>'
    + '<Function Name="delta" IsBound="true"><Parameter Name="bindingParameter" Type="Collection(graph.educationSchool)" /><ReturnType Type="Collection(graph.educationSchool)" /></Function>'
    + '<EntityContainer Name="GraphService"><Singleton Name="education" Type="microsoft.graph.educationRoot" /></EntityContainer>';
  const r = compareMetadata(docsFromModel(model, 'beta'), parseCsdl(csdlDocument(csdlText), 'beta.csdl.xml'), undefined, METADATA_RULES.filter((x) => x.id === 'metadata-operation-binding-differs'));
  // The side is the Function bound to the collection (on one CSDL line here, as the fixture is written), not the workbook Action of the same name
  const tail = 'delta is called on educationSchool but the service binds delta to Collection(microsoft.graph.educationSchool): the path should address the collection, not one item; it is also bound to microsoft.graph.workbookFunctions | Function microsoft.graph.delta:5';
  assert.deepEqual(r.findings.map((f) => `${f.message} | ${f.metadata!.element}:${f.metadata!.line}`), [
    `POST /education/schools/{school-id}/delta: ${tail}`, `POST /education/me/schools/{school-id}/delta: ${tail}`, `POST /education/users/{user-id}/schools/{school-id}/delta: ${tail}`,
  ]);
});

test('a row one camel-cased word short of a member no row documents is that member under a wrong name: reported once, on the row (sitePage\'s pageLayout row for pageLayoutType: label b619, misdescribed, and b581)', () => {
  const fx = join(ROOT, 'test/fixtures/corpus/precision/2020-05-s41a');
  const model = analyze([fx], [], fx).model;
  const csdlText = '<EntityType Name="sitePage" OpenType="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /><Property Name="title" Type="Edm.String" /><Property Name="contentType" Type="graph.contentTypeInfo" />'
    + '<Property Name="pageLayoutType" Type="Edm.String" /><Property Name="webParts" Type="Collection(graph.webPart)" /><Property Name="publishingState" Type="graph.publicationFacet" /></EntityType>';
  const r = compareMetadata(docsFromModel(model, 'beta'), parseCsdl(csdlDocument(csdlText), 'beta.csdl.xml'));
  const about = r.findings.filter((f) => /pageLayout/.test(f.field));
  assert.deepEqual(about.map((f) => `${f.rule} ${f.docs!.line} ${f.metadata!.element}`), ['metadata-property-missing 92 EntityType microsoft.graph.sitePage/Property pageLayoutType']);
  assert.match(about[0]!.message, /^sitePage\.pageLayout is documented but microsoft\.graph\.sitePage has no property of that name; it declares pageLayoutType \(Edm\.String\), which no row documents: the row's name is one word short of it$/);
  assert.equal(r.summary.notReported['documented-misspelled'], 1);
});

test('metadata-type-undocumented: a type only an unreached type\'s property uses is reached by no API either (beta coManagementEligibleType, used only by comanagementEligibleDeviceEntity, which nothing refers to: label b761, false before); one a reached type\'s property uses is still reported', () => {
  const M = csdlDocument('<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>'
    + '<EnumType Name="coManagementEligibleType"><Member Name="comanaged" Value="0" /></EnumType><EnumType Name="deviceState"><Member Name="ok" Value="0" /></EnumType>'
    + '<EntityType Name="comanagementEligibleDeviceEntity" BaseType="graph.entity"><Property Name="coManageEligibleStatus" Type="graph.coManagementEligibleType" /></EntityType>'
    + '<EntityType Name="device" BaseType="graph.entity"><Property Name="state" Type="graph.deviceState" /></EntityType>'
    + '<EntityContainer Name="GraphService"><EntitySet Name="devices" EntityType="microsoft.graph.device" /></EntityContainer>');
  const r = compareMetadata(emptyDocs('beta'), parseCsdl(M, 'beta.csdl.xml'), undefined, METADATA_RULES.filter((x) => x.id === 'metadata-type-undocumented'));
  assert.deepEqual(r.findings.map((f) => f.subject).sort(), ['device', 'deviceState', 'entity']);
  assert.equal(r.summary.notReported['unreferenced-type'], 2); // coManagementEligibleType and comanagementEligibleDeviceEntity
  // A documented type is a way in: commsNotifications, the payload the service sends to a call's callback (no operation
  // returns it), reaches commsNotification's changeType enum, a gap of the docs (label v168, real).
  const N = csdlDocument('<EnumType Name="changeType"><Member Name="created" Value="0" /></EnumType>'
    + '<ComplexType Name="commsNotification"><Property Name="changeType" Type="graph.changeType" /></ComplexType>'
    + '<ComplexType Name="commsNotifications"><Property Name="value" Type="Collection(graph.commsNotification)" /></ComplexType>');
  const docs = { ...emptyDocs('v1.0'), types: [type('commsNotifications', [prop('value', 'commsNotification collection')]), type('commsNotification', [prop('changeType', 'String')])] };
  const n = compareMetadata(docs, parseCsdl(N, 'v1.0.csdl.xml'), undefined, METADATA_RULES.filter((x) => x.id === 'metadata-type-undocumented'));
  assert.deepEqual(n.findings.map((f) => `${f.subject} ${f.policy ?? '-'}`), ['changeType -']);
});

test('a type a page documents under another name — its plural (the Dynamics pages: "countriesRegions resource type" for the service\'s countryRegion) or without the prefix the service\'s name has (formatprotection.md\'s formatProtection for workbookFormatProtection) — is reported once, on the page, naming the service\'s type; the service\'s type is counted under documented-misnamed, not reported as undocumented (labels b876, false before; b829, misdescribed before)', () => {
  const fx = join(ROOT, 'test/fixtures/corpus/precision/2020-05-s42a');
  const model = analyze(['beta/resources/dynamics-countriesregions.md', 'beta/resources/formatprotection.md'].map((f) => join(fx, f)), [], fx).model;
  const M = csdlDocument('<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>'
    + '<EntityType Name="workbookFormatProtection" BaseType="graph.entity"><Property Name="formulaHidden" Type="Edm.Boolean" /><Property Name="locked" Type="Edm.Boolean" /></EntityType>'
    + '<EntityType Name="workbookRangeFormat" BaseType="graph.entity"><NavigationProperty Name="protection" Type="graph.workbookFormatProtection" /></EntityType>'
    + '<EntityType Name="countryRegion" BaseType="graph.entity"><Property Name="code" Type="Edm.String" /><Property Name="displayName" Type="Edm.String" /><Property Name="addressFormat" Type="Edm.String" /><Property Name="lastModifiedDateTime" Type="Edm.DateTimeOffset" /></EntityType>'
    + '<EntityType Name="company" BaseType="graph.entity"><NavigationProperty Name="countriesRegions" Type="Collection(graph.countryRegion)" ContainsTarget="true" /></EntityType>'
    + '<EntityContainer Name="GraphService"><EntitySet Name="companies" EntityType="microsoft.graph.company" /></EntityContainer>');
  const r = compareMetadata(docsFromModel(model, 'beta'), parseCsdl(M, 'beta.csdl.xml'), undefined, METADATA_RULES.filter((x) => x.id === 'metadata-type-missing' || x.id === 'metadata-type-undocumented'));
  assert.deepEqual(r.findings.map((f) => `${f.rule} ${f.subject} ${f.docs ? `${f.docs.file}:${f.docs.line}` : '-'} ${f.metadata?.element ?? '-'}`), [
    'metadata-type-missing countriesRegions beta/resources/dynamics-countriesregions.md:12 EntityType microsoft.graph.countryRegion',
    'metadata-type-missing formatProtection beta/resources/formatprotection.md:10 EntityType microsoft.graph.workbookFormatProtection',
    'metadata-type-undocumented company - EntityType microsoft.graph.company',
    'metadata-type-undocumented entity - EntityType microsoft.graph.entity',
  ]);
  assert.deepEqual(r.findings.slice(0, 2).map((f) => f.message), [
    'Type countriesRegions is documented but the service metadata declares no type of that name: it declares countryRegion, the singular, with the properties the page lists',
    'Type formatProtection is documented but the service metadata declares no type of that name: it declares workbookFormatProtection, the same name with a prefix, with the properties the page lists',
  ]);
  assert.equal(r.summary.notReported['documented-misnamed'], 2);
});

test('metadata-entity-set-missing points at the EntityContainer element itself, not at its first entity set (label b858, misdescribed before: beta.csdl.xml:27803, the invitations set, for the container at 27802)', () => {
  const M = csdlDocument('<EntityType Name="user"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" /></EntityType>\n<EntityContainer Name="GraphService">\n<EntitySet Name="users" EntityType="microsoft.graph.user" />\n</EntityContainer>');
  const csdl = parseCsdl(M, 'beta.csdl.xml');
  const at = M.split('\n').findIndex((l) => l.includes('<EntityContainer')) + 1;
  assert.equal(csdl.containerLine, at);
  assert.equal(csdl.container[0]!.line, at + 1);
  const docs = { ...emptyDocs('beta'), operations: [op('GET /synchronizationProfiles/{id}/errors')] };
  const r = compareMetadata(docs, csdl, undefined, METADATA_RULES.filter((x) => x.id === 'metadata-entity-set-missing'));
  assert.deepEqual(r.findings.map((f) => `${f.metadata!.element} ${f.metadata!.line}`), [`EntityContainer ${at}`]);
});

test('a row named by the plural of a member no row documents, with a collection of the member\'s type where the service declares one, is that member under a wrong name and count: reported once, on the row (printer\'s `shares | printerShare collection` for the service\'s single share: label b828, misdescribed before as share undocumented; riskUserActivity\'s `riskEventType | String` for riskEventTypes, b418, named now)', () => {
  const fx = join(ROOT, 'test/fixtures/corpus/precision/2020-05-s42a');
  const model = analyze([join(fx, 'beta/resources/printer.md')], [], fx).model;
  const M = csdlDocument('<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>'
    + '<EntityType Name="printerBase" BaseType="graph.entity" Abstract="true"><Property Name="name" Type="Edm.String" /><Property Name="manufacturer" Type="Edm.String" /><Property Name="model" Type="Edm.String" /><Property Name="isAcceptingJobs" Type="Edm.Boolean" /><NavigationProperty Name="jobs" Type="Collection(graph.printJob)" ContainsTarget="true" /></EntityType>'
    + '<EntityType Name="printer" BaseType="graph.printerBase"><Property Name="registeredDateTime" Type="Edm.DateTimeOffset" Nullable="false" /><Property Name="isShared" Type="Edm.Boolean" Nullable="false" />'
    + '<NavigationProperty Name="share" Type="graph.printerShare" /><NavigationProperty Name="connectors" Type="Collection(graph.printConnector)" /></EntityType>'
    + '<EntityType Name="printerShare" BaseType="graph.entity" /><EntityType Name="printJob" BaseType="graph.entity" /><EntityType Name="printConnector" BaseType="graph.entity" />');
  const r = compareMetadata(docsFromModel(model, 'beta'), parseCsdl(M, 'beta.csdl.xml'), undefined, METADATA_RULES.filter((x) => x.id === 'metadata-property-missing' || x.id === 'metadata-navigation-undocumented'));
  const about = r.findings.filter((f) => /share/i.test(f.field) || /share/i.test(f.message));
  assert.deepEqual(about.map((f) => `${f.rule} ${f.docs?.line ?? '-'} ${f.metadata!.element}`), ['metadata-property-missing 55 EntityType microsoft.graph.printer/NavigationProperty share']);
  assert.equal(about[0]!.message, 'printer.shares is documented but microsoft.graph.printer has no property of that name; it declares share (microsoft.graph.printerShare), which no row documents: the row\'s name is its plural, and the row a collection of what the service declares single');
  assert.equal(r.summary.notReported['documented-misspelled'], 1);
  // The singular for a collection, the other way round.
  const N = csdlDocument('<ComplexType Name="riskUserActivity"><Property Name="eventTypes" Type="Collection(graph.riskEventType)" /><Property Name="riskEventTypes" Type="Collection(Edm.String)" /><Property Name="detail" Type="graph.riskDetail" /></ComplexType>');
  const docs = { ...emptyDocs('beta'), types: [type('riskUserActivity', [prop('eventTypes', 'riskEventType collection'), prop('riskEventType', 'String'), prop('detail', 'riskDetail')])] };
  const n = compareMetadata(docs, parseCsdl(N, 'beta.csdl.xml'), undefined, METADATA_RULES.filter((x) => x.id === 'metadata-property-missing'));
  assert.deepEqual(n.findings.map((f) => f.message), ['riskUserActivity.riskEventType is documented but microsoft.graph.riskUserActivity has no property of that name; it declares riskEventTypes (Collection(Edm.String)), which no row documents: the row\'s name is its singular, and the row one of what the service declares a collection']);
});

test('an open type the page calls open in a sentence ("In addition, additional properties may be present …", "This is an OData open type …") has dynamic properties: its rows the service does not declare are counted under open-type-dynamic, not reported (labels b363, b506, b535, false before); the annotation\'s "openType": true alone does not count (identityset.md)', () => {
  const fx = join(ROOT, 'test/fixtures/corpus/precision/2020-05-s42a');
  const model = analyze(['accessreviewdecision', 'synchronization-stringkeyobjectvaluepair', 'identityset'].map((f) => join(fx, `beta/resources/${f}.md`)), [], fx).model;
  const doc = (name: string) => model.documents.find((d) => d.resource?.name === name)!.resource!.openType;
  assert.deepEqual(doc('accessReviewDecision'), { from: 'wording', text: 'additional properties may be present', src: { file: 'beta/resources/accessreviewdecision.md', line: 41, column: 1 } });
  assert.deepEqual(doc('stringKeyObjectValuePair'), { from: 'wording', text: 'This is an OData open type', src: { file: 'beta/resources/synchronization-stringkeyobjectvaluepair.md', line: 16, column: 1 } });
  assert.equal(doc('identitySet')!.from, 'annotation');
  // A page with both the annotation and the sentence keeps the sentence, whichever extractor runs first (v1.0 plannerassignments.md).
  const planner = analyze([join(fx, 'v1.0/resources/plannerassignments.md')], [], fx).model.documents[0]!.resource!.openType;
  assert.deepEqual(planner && { from: planner.from, text: planner.text, line: planner.src.line }, { from: 'wording', text: 'This type is an open type', line: 14 });
  const M = csdlDocument('<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>'
    + '<EntityType Name="accessReviewDecision" BaseType="graph.entity" OpenType="true"><Property Name="accessReviewId" Type="Edm.String" /><Property Name="reviewedBy" Type="graph.userIdentity" /><Property Name="reviewedDateTime" Type="Edm.DateTimeOffset" /><Property Name="reviewResult" Type="Edm.String" /><Property Name="justification" Type="Edm.String" /><Property Name="appliedBy" Type="graph.userIdentity" /><Property Name="appliedDateTime" Type="Edm.DateTimeOffset" /><Property Name="applyResult" Type="Edm.String" /><Property Name="accessRecommendation" Type="Edm.String" /></EntityType>'
    + '<ComplexType Name="stringKeyObjectValuePair" OpenType="true"><Property Name="key" Type="Edm.String" /></ComplexType>'
    + '<ComplexType Name="identitySet" OpenType="true"><Property Name="application" Type="graph.identity" /><Property Name="device" Type="graph.identity" /><Property Name="user" Type="graph.identity" /></ComplexType>');
  const r = compareMetadata(docsFromModel(model, 'beta'), parseCsdl(M, 'beta.csdl.xml'), undefined, METADATA_RULES.filter((x) => x.id === 'metadata-property-missing'));
  // accessReviewDecision's reviewedDate is still reported (one word short of reviewedDateTime); identitySet's rows the service lacks are too.
  assert.deepEqual(r.findings.map((f) => f.field), ['properties.reviewedDate', 'properties.conversation', 'properties.conversationIdentityType', 'properties.phone']);
  assert.equal(r.summary.notReported['open-type-dynamic'], 4); // userId, userDisplayName, userPrincipalName; value
});

test('an enum table named after a String parameter the page describes is that parameter\'s values (driveitem-list-thumbnails.md\'s "## Size values" under the path parameter `size | string`): counted under property-values, not reported as a type the service lacks (label b912, false before)', () => {
  const fx = join(ROOT, 'test/fixtures/corpus/precision/2020-05-s42a');
  const model = analyze([join(fx, 'beta/api/driveitem-list-thumbnails.md')], [], fx).model;
  assert.deepEqual(model.enums.map((e) => e.name), ['Size']);
  const r = compareMetadata(docsFromModel(model, 'beta'), parseCsdl(csdlDocument('<EntityType Name="thumbnail"><Property Name="url" Type="Edm.String" /></EntityType>'), 'beta.csdl.xml'), undefined, METADATA_RULES.filter((x) => x.id === 'metadata-type-missing'));
  assert.deepEqual(r.findings.map((f) => f.subject), []);
  assert.equal(r.summary.notReported['property-values'], 1);
});

test('a property the docs type Object (a property bag) where the service declares an open type without members, itself or by a base (externalItem.properties: graph.properties), is the same bag: counted under open-type-bag, not reported (label b505, false before); an open type with members of its own is still another type', () => {
  const fx = join(ROOT, 'test/fixtures/corpus/precision/2020-05-s43a');
  const model = analyze([join(fx, 'beta/resources/externalitem.md')], [], fx).model;
  const run = (properties: string) => compareMetadata(docsFromModel(model, 'beta'), parseCsdl(csdlDocument('<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>'
    + '<EntityType Name="externalItem" BaseType="graph.entity"><Property Name="acl" Type="Collection(graph.acl)" /><Property Name="properties" Type="graph.properties" /><Property Name="content" Type="graph.externalItemContent" /></EntityType>'
    + properties), 'beta.csdl.xml'), undefined, METADATA_RULES.filter((x) => x.id === 'metadata-property-type-differs'));
  const bag = run('<ComplexType Name="properties" OpenType="true" />');
  assert.deepEqual(bag.findings.map((f) => f.field), []);
  assert.equal(bag.summary.notReported['open-type-bag'], 1);
  const declared = run('<ComplexType Name="properties" OpenType="true"><Property Name="title" Type="Edm.String" /></ComplexType>');
  assert.deepEqual(declared.findings.map((f) => `${f.field} ${f.message}`).filter((x) => x.startsWith('properties.properties')), ['properties.properties.type externalItem.properties is documented as Json but the service declares microsoft.graph.properties']);
});

test('a row one camel-cased word longer inside than a member no row documents is that member under a wrong name: reported once, on the row (onlineMeeting\'s joinWebUrl row for the beta service\'s joinUrl: labels b644, real, and b1089, misdescribed as joinUrl undocumented)', () => {
  const fx = join(ROOT, 'test/fixtures/corpus/precision/2020-05-s43a');
  const model = analyze([join(fx, 'beta/resources/onlinemeeting.md')], [], fx).model;
  const csdlText = '<EntityType Name="onlineMeeting"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /><Property Name="joinUrl" Type="Edm.String" /><Property Name="subject" Type="Edm.String" /></EntityType>';
  const r = compareMetadata(docsFromModel(model, 'beta'), parseCsdl(csdlDocument(csdlText), 'beta.csdl.xml'), undefined, METADATA_RULES.filter((x) => x.id === 'metadata-property-missing' || x.id === 'metadata-property-undocumented'));
  const about = r.findings.filter((f) => /\.(joinWebUrl|joinUrl)$/.test(f.field));
  assert.deepEqual(about.map((f) => `${f.rule} ${f.docs!.line} ${f.metadata!.element}`), ['metadata-property-missing 37 EntityType microsoft.graph.onlineMeeting/Property joinUrl']);
  assert.match(about[0]!.message, /^onlineMeeting\.joinWebUrl is documented but microsoft\.graph\.onlineMeeting has no property of that name; it declares joinUrl \(Edm\.String\), which no row documents: the row's name is one word longer than it$/);
  assert.equal(r.summary.notReported['documented-misspelled'], 1);
});

test('session 44: a type only an action\'s binding names — an entity type of the universal base that no set, singleton or navigation property holds — is reached by no URL: counted under unreferenced-type, not reported undocumented (beta macManagedAppProtection, bound by hasPayloadLinks; label b1226, false before); the action\'s parameters and return type are still reached', () => {
  const csdlText = '<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>'
    + '<EntityType Name="macManagedAppProtection" BaseType="graph.entity" /><ComplexType Name="hasPayloadLinkResultItem"><Property Name="payloadId" Type="Edm.String" /></ComplexType>'
    + '<Action Name="hasPayloadLinks" IsBound="true"><Parameter Name="bindingParameter" Type="Collection(graph.macManagedAppProtection)" /><Parameter Name="payloadIds" Type="Collection(Edm.String)" /><ReturnType Type="Collection(graph.hasPayloadLinkResultItem)" /></Action>';
  const r = compareMetadata(emptyDocs('beta'), parseCsdl(csdlDocument(csdlText), 'beta.csdl.xml'), undefined, METADATA_RULES.filter((x) => x.id === 'metadata-type-undocumented'));
  assert.deepEqual(r.findings.map((f) => f.subject), ['hasPayloadLinkResultItem']);
  assert.equal(r.summary.notReported['unreferenced-type'], 2);
});

test('session 45: a type reached only as the base type of reached types, declaring no member of its own, is counted under empty-base-type, not reported undocumented (beta educationSynchronizationCustomizationsBase, the empty abstract base of educationSynchronizationCustomizations; label b1302, false before); a base type with a member of its own, or one a property uses, still is', () => {
  const csdl = (base: string, use = '') => '<ComplexType Name="educationSynchronizationCustomizationsBase" Abstract="true">' + base + '</ComplexType>'
    + '<ComplexType Name="educationSynchronizationCustomizations" BaseType="graph.educationSynchronizationCustomizationsBase"><Property Name="school" Type="Edm.String" /></ComplexType>'
    + '<EntityType Name="educationSynchronizationProfile"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /><Property Name="customizations" Type="graph.educationSynchronizationCustomizations" />' + use + '</EntityType>'
    + '<EntityContainer Name="GraphService"><EntitySet Name="profiles" EntityType="graph.educationSynchronizationProfile" /></EntityContainer>';
  const run = (text: string) => compareMetadata(emptyDocs('beta'), parseCsdl(csdlDocument(text), 'beta.csdl.xml'), undefined, METADATA_RULES.filter((x) => x.id === 'metadata-type-undocumented'));
  const empty = run(csdl(''));
  assert.deepEqual(empty.findings.map((f) => f.subject).sort(), ['educationSynchronizationCustomizations', 'educationSynchronizationProfile']);
  assert.equal(empty.summary.notReported['empty-base-type'], 1);
  assert.deepEqual(run(csdl('<Property Name="syncStart" Type="Edm.DateTimeOffset" />')).findings.map((f) => f.subject).sort(), ['educationSynchronizationCustomizations', 'educationSynchronizationCustomizationsBase', 'educationSynchronizationProfile']);
  assert.deepEqual(run(csdl('', '<Property Name="base" Type="graph.educationSynchronizationCustomizationsBase" />')).findings.map((f) => f.subject).sort(), ['educationSynchronizationCustomizations', 'educationSynchronizationCustomizationsBase', 'educationSynchronizationProfile']);
});

test('session 46: a type a page documents with a prefix the service\'s name lacks is paired with it — deviceHealthScriptDailySchedule with dailySchedule (the page lists its one member, interval), deviceHealthScriptRunSchedule with runSchedule, which declares none, through deviceHealthScriptAssignment.runSchedule, which the service types runSchedule and the docs deviceHealthScriptRunSchedule; reported once, on the page, and the service\'s type counted under documented-misnamed (label b1427, misdescribed before: "no page documents it")', () => {
  const fx = join(ROOT, 'test/fixtures/corpus/precision/2020-05-s46c');
  const model = analyze([fx], [], fx).model;
  // The elements as beta.csdl.xml of 2020-05 declares them (lines 17163–17167, 25863, 25882–25887).
  const M = csdlDocument('<EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>'
    + '<EntityType Name="deviceHealthScriptAssignment" BaseType="graph.entity"><Property Name="target" Type="Edm.String" /><Property Name="runRemediationScript" Type="Edm.Boolean" Nullable="false" /><Property Name="runSchedule" Type="graph.runSchedule" /></EntityType>'
    + '<ComplexType Name="runSchedule" />'
    + '<ComplexType Name="dailySchedule" BaseType="graph.runSchedule"><Property Name="interval" Type="Edm.Int32" Nullable="false" /></ComplexType>'
    + '<ComplexType Name="hourlySchedule" BaseType="graph.runSchedule"><Property Name="interval" Type="Edm.Int32" Nullable="false" /></ComplexType>'
    + '<EntityContainer Name="GraphService"><EntitySet Name="assignments" EntityType="microsoft.graph.deviceHealthScriptAssignment" /></EntityContainer>');
  const r = compareMetadata(docsFromModel(model, 'beta'), parseCsdl(M, 'beta.csdl.xml'), undefined, METADATA_RULES.filter((x) => x.id === 'metadata-type-missing' || x.id === 'metadata-type-undocumented'));
  assert.deepEqual(r.findings.map((f) => `${f.rule} ${f.subject}: ${f.message.replace(/^.*: it declares /, '')}`), [
    'metadata-type-missing deviceHealthScriptDailySchedule: dailySchedule, the same name without the page\'s prefix, with every property it declares among the page\'s',
    'metadata-type-missing deviceHealthScriptHourlySchedule: hourlySchedule, the same name without the page\'s prefix, with every property it declares among the page\'s',
    'metadata-type-missing deviceHealthScriptRunOnceSchedule: Type deviceHealthScriptRunOnceSchedule is documented but the service metadata declares no type of that name',
    'metadata-type-missing deviceHealthScriptRunSchedule: runSchedule, the same name without the page\'s prefix, the type it gives deviceHealthScriptAssignment.runSchedule, which the docs type with this one',
    'metadata-type-missing deviceHealthScriptTimeSchedule: Type deviceHealthScriptTimeSchedule is documented but the service metadata declares no type of that name',
    'metadata-type-undocumented entity: Entity type microsoft.graph.entity is in the service metadata but no page documents it',
  ]);
  assert.equal(r.summary.notReported['documented-misnamed'], 3);
});
