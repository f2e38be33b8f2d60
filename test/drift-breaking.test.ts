/**
 * Which drift changes are breaking, and how they are described, on real pages of the 2020-05 and
 * 2021-07 snapshots (labels d000 d003 d005 d007 d024 d025 d027 d067 d068 d071 d074 d080 d081 d082 d087
 * d088 d089 d090 d092 d099 d101 d104 d106 d108 d112 d113 of the precision set).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyze } from '../src/pipeline/in-thread.js';
import { drift } from '../src/checks/engine.js';
import { operationsByKey, pairedOperations } from '../src/checks/drift-helpers.js';
import { unresolvedSegment } from '../src/checks/rules/drift-operation-removed.js';
import { ROOT } from './helpers.js';

const D = join(ROOT, 'test/fixtures/corpus/drift-breaking');
const changes = drift({ old: analyze([join(D, '2020-05')]).model, new: analyze([join(D, '2021-07')]).model });
const flag = (subject: RegExp, version?: string) => changes.filter((f) => subject.test(f.message) && (!version || f.subject.startsWith(`${version} `))).map((f) => `${f.breaking ? 'breaking' : 'not breaking'} ${f.severity}: ${f.message}`);

test('drift: members added to an evolvable enum (it already had unknownFutureValue) are not breaking; added to a closed enum they are', () => {
  assert.deepEqual(flag(/^microsoft\.graph\.(riskdetail|educationuserrole):/, 'v1.0'), [
    'breaking error: microsoft.graph.educationuserrole: member(s) added: none, unknownFutureValue', // d067, real
    'not breaking info: microsoft.graph.riskdetail: member(s) added: none, adminConfirmedUserCompromised, hidden (evolvable enum: it already had unknownFutureValue)', // d068
  ]);
});

test('drift: a String that became an enum is not breaking; an enum that became a String is', () => {
  assert.deepEqual(flag(/^microsoft\.graph\.(callrecords\.callrecord\.type|toneinfo\.tone|printerdefaults\.mediaType):/), [
    'breaking warning: microsoft.graph.printerdefaults.mediaType: printMediaType → String', // d101, real
    'not breaking info: microsoft.graph.callrecords.callrecord.type: String → callType (a string became an enum: same values on the wire)', // d099
    'not breaking info: microsoft.graph.toneinfo.tone: String → tone (a string became an enum: same values on the wire)', // d106
  ]);
});

test('drift: fields an old body table flattened from a nested object, now documented in the type of that property, were not removed (labels d027, d089, d090, false)', () => {
  // 2020-05 createUploadSession listed name, fileSystemInfo, description (the item's fields); 2021-07 lists item | driveItemUploadableProperties
  const upload = (f: (typeof changes)[number]) => f.subject.endsWith('/createUploadSession');
  assert.deepEqual(changes.filter((f) => f.rule === 'drift-request-property-removed' && upload(f)), []);
  assert.deepEqual([...new Set(changes.filter((f) => f.rule === 'drift-request-property-added' && upload(f)).map((f) => f.field))].sort(), ['requestBody.deferCommit', 'requestBody.item']);
});

test('drift: "#teamsAppInstalledState enum type" (no space after #) is the page\'s H1, so no type "members" (its front-matter title) was removed (label d112, false)', () => {
  const old = analyze([join(D, '2020-05')]);
  const page = old.pages.find((p) => p.file === 'beta/resources/teamsappinstalledstate.md')!;
  assert.deepEqual([page.title.h1?.value, page.title.h1?.src.line], ['teamsAppInstalledState enum type', 10]);
  assert.deepEqual(page.diagnostics.filter((d) => d.rule === 'heading-without-space').map((d) => d.src.line), [10]);
  assert.deepEqual(changes.filter((f) => f.rule === 'drift-type-removed' && /teamsappinstalledstate|members/i.test(f.subject)).map((f) => f.message), []);
});

test('drift: an operation documented on several pages is compared on the same file in both snapshots, not a stale stub with another page (label d082, false)', () => {
  // 2020-05 documents GET /users/{id}/photo on photo-get.md (Files.Read, a stale stub) and profilephoto-get.md; 2021-07 only on profilephoto-get.md
  const old = analyze([join(D, '2020-05')]).model;
  const nu = analyze([join(D, '2021-07')]).model;
  const pairs = pairedOperations(old, nu);
  assert.deepEqual(['v1.0 GET /users/{user-id}/photo', 'v1.0 GET /groups/{group-id}/photo'].map((k) => pairs.get(k)!.map((v) => v.doc.file)), [
    ['v1.0/api/profilephoto-get.md', 'v1.0/api/profilephoto-get.md'],
    ['v1.0/api/profilephoto-get.md', 'v1.0/api/profilephoto-get.md'],
  ]);
  assert.deepEqual(operationsByKey(old).get('v1.0 GET /users/{user-id}/photo')!.doc.file, 'v1.0/api/photo-get.md'); // the old primary: why pairing by file matters
  assert.deepEqual(changes.filter((f) => f.rule === 'drift-permission-changed' && /\/photo$/.test(f.subject)).map((f) => f.message), []);
});

test('drift: enum members compare without the microsoft.graph. prefix (label d003, misdescribed)', () => {
  // beta enums.md: 2020-05 l.45 lists microsoft.graph.event, …, microsoft.graph.externalFile; 2021-07 l.875 lists event, …, site, unknownFutureValue
  assert.deepEqual(flag(/^microsoft\.graph\.entitytypes:/, 'beta'), [
    'breaking warning: microsoft.graph.entitytypes: member(s) added: site, list, listItem, drive, unknownFutureValue',
    'breaking warning: microsoft.graph.entitytypes: member(s) removed: microsoft.graph.externalFile',
  ]);
});

test('drift: a removed enum member cites the page that documented it, and says when that page left the tree (label d000)', () => {
  const [f, ...rest] = changes.filter((x) => x.subject === 'v1.0 microsoft.graph.deviceenrollmentfailurereason');
  assert.equal(rest.length, 0);
  assert.equal(f!.message, 'microsoft.graph.deviceenrollmentfailurereason: member(s) removed: userAbandonment (documented only on v1.0/resources/intune-troubleshooting-deviceenrollmentfailurereason.md, a page the new snapshot no longer has; the enum is now documented on v1.0/resources/enums.md)');
  assert.deepEqual(f!.sides.map((s) => [s.file, s.line, s.value]), [
    ['v1.0/resources/intune-troubleshooting-deviceenrollmentfailurereason.md', 32, 'userAbandonment'],
    ['v1.0/resources/enums.md', 645, 'unknown, authentication, authorization, accountValidation, userValidation, deviceNotSupported, inMaintenance, badRequest, featureNotSupported, enrollmentRestrictionsEnforced, clientDisconnected'],
  ]);
});

test('drift: an enum whose page says members will be added is evolvable: an addition is not breaking (label d071)', () => {
  assert.deepEqual(flag(/^microsoft\.graph\.teamsasyncoperationtype:/, 'beta'), [
    'not breaking info: microsoft.graph.teamsasyncoperationtype: member(s) added: createChat (evolvable enum: beta/resources/teamsasyncoperationtype.md:3 says "Members will be added")',
  ]);
});

test('drift: "required when a user is created … a strong password is required." does not make an update-body property required (labels d024, d025, d088)', () => {
  const nu = analyze([join(D, '2021-07')]);
  const body = nu.pages.find((p) => p.file === 'v1.0/api/educationuser-update.md')!.requestBody!.properties;
  assert.deepEqual(body.filter((p) => p.required !== null).map((p) => [p.name, p.required]), []);
  // "Required." as the row's own last sentence still reads as required
  const schema = nu.pages.find((p) => p.file === 'beta/resources/externalconnectors-schema.md')!.resource!.properties;
  assert.deepEqual(schema.filter((p) => p.required !== null).map((p) => [p.name, p.required, p.description]), [['baseType', true, 'Must be set to microsoft.graph.externalItem. Required.']]);
  assert.deepEqual(flag(/passwordProfile/), [
    'not breaking info: v1.0 PATCH /education/me: request-body property passwordProfile was added',
    'not breaking info: v1.0 PATCH /education/users/{user-id}: request-body property passwordProfile was added',
  ]);
});

test('drift: a request-body property the old row called "Read Only" is removed without breaking anything (label d092)', () => {
  const old = analyze([join(D, '2020-05')]);
  const body = old.pages.find((p) => p.file === 'beta/api/useraccountinformation-update.md')!.requestBody!.properties;
  assert.deepEqual(body.map((p) => [p.name, p.readOnly]), [['ageGroup', true], ['countryCode', false], ['preferredLanguageTag', false], ['userPrincipalName', false]]);
  assert.deepEqual(flag(/request-body property \w+ was removed/), [
    'breaking warning: beta PATCH /users/{user-id}/profile/account/{account-id}: request-body property userPrincipalName was removed', // writable in 2020-05, gone from the 2021-07 table
    'not breaking info: beta PATCH /users/{user-id}/profile/account/{account-id}: request-body property ageGroup was removed (the old row said it is read-only: clients could not set it)',
  ]);
});

test('drift: a type now documented in another namespace with all its properties moved; it did not lose its page (label d113, false)', () => {
  assert.deepEqual(changes.filter((f) => f.rule === 'drift-type-removed' && /schema/.test(f.subject)).map((f) => [f.breaking, f.message, f.sides.map((s) => `${s.file}:${s.line}`).join(' ; ')]), [
    [false, 'beta microsoft.graph.schema moved to microsoft.graph.externalConnectors.schema (beta/resources/externalconnectors-schema.md: another namespace, same name, all 3 properties kept)', 'beta/resources/schema.md:10 ; beta/resources/externalconnectors-schema.md:10'],
  ]);
});

test('drift: an alias path dropped from a page that still documents the operation, through a segment no type has (user has no calendarGroup), is a docs correction (labels d074, d080)', () => {
  assert.deepEqual(changes.filter((f) => f.rule === 'drift-operation-removed' && /calendarGroup\//.test(f.subject)).map((f) => [f.breaking, f.message, f.sides.map((s) => `${s.file}:${s.line}`).join(' ; ')]), [
    [false, 'beta POST /users/{user-id}/calendarGroup/calendars was removed from beta/api/calendargroup-post-calendars.md, which still documents POST /users/{user-id}/calendars; its segment "calendarGroup" is no property of user (a docs correction of a path that does not resolve)', 'beta/api/calendargroup-post-calendars.md:35 ; beta/api/calendargroup-post-calendars.md:35'],
    [false, 'v1.0 POST /users/{user-id}/calendarGroup/calendars/{calendar-id}/events was removed from v1.0/api/calendar-post-events.md, which still documents POST /users/{user-id}/calendars/{calendar-id}/events; its segment "calendarGroup" is no property of user (a docs correction of a path that does not resolve)', 'v1.0/api/calendar-post-events.md:37 ; v1.0/api/calendar-post-events.md:34'],
  ]);
  // a path that resolves is judged on the type model too: calendarGroups is a property of user
  const nu = analyze([join(D, '2021-07')]).model;
  assert.equal(unresolvedSegment('v1.0 POST /users/{user-id}/calendarGroups/{calendarGroup-id}/calendars', nu), undefined);
  assert.deepEqual(unresolvedSegment('v1.0 POST /users/{user-id}/calendarGroup/calendars', nu), { segment: 'calendarGroup', type: 'user' });
});

test('drift: a property whose type was renamed with the same shape, or whose row is inherited in both snapshots, did not change breakingly (labels d104, d108)', () => {
  assert.deepEqual(flag(/^microsoft\.graph\.(provisioningobjectsummary|statusdetails)\.\w+: /, 'beta'), [
    'not breaking info: microsoft.graph.provisioningobjectsummary.sourceSystem: provisioningSystemDetails → provisioningSystem (a type renamed: provisioningSystem has every property of provisioningSystemDetails, same JSON)',
    'not breaking info: microsoft.graph.provisioningobjectsummary.targetSystem: provisioningSystemDetails → provisioningSystem (a type renamed: provisioningSystem has every property of provisioningSystemDetails, same JSON)',
    'not breaking info: microsoft.graph.statusdetails.status: String → statusBase (the row says it is inherited from the base type, whose own page decides the type)',
  ]);
});

test('drift: permissions a page lists per resource in one cell ("For **channel** resource: …") are narrowed to the path\'s resource (label d087: Chat.* were reported removed from the channel path)', () => {
  const old = analyze([join(D, '2020-05')]);
  const page = old.pages.find((p) => p.file === 'beta/api/conversationmember-get.md')!;
  assert.deepEqual(page.permissions!.entries.map((e) => [e.type, e.resource ?? null, e.permissions.map((n) => n.name).join(', ')]), [
    ['delegatedWork', 'user or chat', 'Chat.Read, Chat.ReadWrite'],
    ['delegatedWork', 'channel', 'Group.Read.All, Group.ReadWrite.All'],
    ['delegatedPersonal', null, ''],
    ['application', 'user or chat', 'Chat.Read.All, Chat.ReadWrite.All'],
    ['application', 'channel', 'Group.Read.All, Group.ReadWrite.All'],
  ]);
  assert.deepEqual(flag(/channels\/\{channel-id\}\/members\/\{member-id\}: permission/), [
    'breaking warning: beta GET /teams/{team-id}/channels/{channel-id}/members/{member-id}: permission(s) no longer listed: Group.Read.All, Group.ReadWrite.All',
    'not breaking info: beta GET /teams/{team-id}/channels/{channel-id}/members/{member-id}: permission(s) newly listed: ChannelMember.Read.All, ChannelMember.ReadWrite.All',
  ]);
});

test('drift: permissions the old page named only in pairs ("User.Read and Group.Read.All") whose partners are now enough alone were not narrowed (label d081, false)', () => {
  const old = analyze([join(D, '2020-05')]);
  const app = old.pages.find((p) => p.file === 'v1.0/api/user-getmembergroups.md')!.permissions!.entries.find((e) => e.type === 'application')!;
  assert.deepEqual(app.permissions.map((n) => [n.name, n.together ?? []]), [
    ['User.Read.All', ['GroupMember.Read.All', 'Group.Read.All']], ['GroupMember.Read.All', ['User.Read.All']], ['Group.Read.All', ['User.Read.All']], ['Directory.Read.All', []], ['Directory.ReadWrite.All', []],
  ]);
  assert.deepEqual(flag(/getMemberGroups: permission/), [
    'not breaking info: v1.0 POST /users/{user-id}/getMemberGroups: permission(s) newly listed: User.ReadWrite.All',
    'not breaking info: v1.0 POST /users/{user-id}/getMemberGroups: permission(s) no longer listed: Group.Read.All, GroupMember.Read.All (Group.Read.All, GroupMember.Read.All were only listed together with a permission now enough alone: User.Read, User.Read.All, User.ReadBasic.All)',
  ]);
});

test('drift: a type whose page is gone while its own method pages\' operations are all still documented is a docs restructure; one whose linked operations belong to another type is still removed (label d110; externalFile and featureFlightedConfiguration (d048), whose types really went, stay breaking)', () => {
  assert.deepEqual(changes.filter((f) => f.rule === 'drift-type-removed' && /educationroot|externalfile|featureflighted/.test(f.subject)).map((f) => `${f.breaking ? 'breaking' : 'not breaking'}: ${f.message}`), [
    'breaking: beta microsoft.graph.externalfile lost its resource page', // its Methods table links externalitem-*.md: another type's operations
    'breaking: beta microsoft.graph.featureflightedconfiguration lost its resource page', // label d048, real: its get/list pages document the base type's paths, which other pages document too
    'not breaking: v1.0 microsoft.graph.educationroot lost its resource page, but all 6 operation(s) of its method pages are still documented (GET /education/classes, GET /education/schools, GET /education/users, …)',
  ]);
});

test('drift: every side says which snapshot its page is in (old first, new second; a page gained is new, one lost is old), and the text report shows it (labels d214, d229, d240, d243: the sampler had guessed 2020-05 for pages only 2021-07 has)', async () => {
  const sides = changes.flatMap((f) => f.sides.map((s) => ({ rule: f.rule, message: f.message, ...s })));
  assert.ok(sides.length > 0);
  assert.deepEqual(sides.filter((s) => s.snapshot === undefined), []);
  const twoSided = changes.filter((x) => x.sides.length === 2 && /→|changed|differs/.test(x.message));
  assert.ok(twoSided.length > 0);
  for (const f of twoSided) assert.deepEqual(f.sides.map((s) => s.snapshot), ['old', 'new'], f.message);
  const gained = changes.filter((f) => / gained a resource page$/.test(f.message));
  const lost = changes.filter((f) => / lost its resource page/.test(f.message));
  assert.ok(gained.length > 0 && lost.length > 0);
  for (const f of gained) assert.deepEqual(f.sides.map((s) => s.snapshot), ['new'], f.message);
  for (const f of lost) assert.deepEqual(f.sides.map((s) => s.snapshot), ['old'], f.message);
  const { textReport } = await import('../src/emit/reports/text.js');
  const two = changes.find((f) => f.sides.length === 2 && f.sides[1]!.version)!;
  const text = textReport(changes, false);
  assert.ok(text.includes(`↔ ${two.sides[1]!.file}:${two.sides[1]!.line} (${two.sides[1]!.version}, new): `), text.slice(0, 400));
});

test('drift: a property narrowed to a type derived from its old one is not breaking (beta chatMessageReaction.user: identitySet → chatMessageReactionIdentitySet, label d203)', () => {
  assert.deepEqual(flag(/^microsoft\.graph\.chatmessagereaction\.user:/, 'beta'), [
    'not breaking info: microsoft.graph.chatmessagereaction.user: identitySet → chatMessageReactionIdentitySet (narrowed to a type derived from identitySet: every value is still one)',
  ]);
});

test('drift: an operation its page rewrote (POST …/HeaderRowRange → GET …/HeaderRowRange) is one change, reported by drift-operation-removed, not also as an operation added (label d227)', () => {
  const mine = changes.filter((f) => /\/columns\/\{[^}]+\}\/headerRowRange/i.test(f.subject));
  // The two POST lines became GET lines on the same page: one rewrite each, no addition of their new forms — the path-based
  // (root:) form of each included: the old relative `/workbook/…` path covered every way of addressing the file, as it does
  // when the method stays (longerFormIn); those were reported added until session 37 (d468, false).
  assert.deepEqual(mine.map((f) => `${f.rule} ${f.breaking ? 'breaking' : 'not breaking'}: ${f.message}`).sort(), [
    'drift-operation-removed not breaking: beta POST /workbook/tables/{table-id}/columns/{column-id}/HeaderRowRange is now documented as GET /users/{user-id}/drive/items/{item-id}/workbook/tables/{table-id}/columns/{column-id}/HeaderRowRange and as GET /users/{user-id}/drive/root:/{item-path}:/workbook/tables/{table-id}/columns/{column-id}/HeaderRowRange (same operation, other method, path or key syntax on the same page)',
    'drift-operation-removed not breaking: beta POST /workbook/worksheets/{worksheet-id}/tables/{table-id}/columns/{column-id}/HeaderRowRange is now documented as GET /users/{user-id}/drive/items/{item-id}/workbook/worksheets/{worksheet-id}/tables/{table-id}/columns/{column-id}/HeaderRowRange and as GET /users/{user-id}/drive/root:/{item-path}:/workbook/worksheets/{worksheet-id}/tables/{table-id}/columns/{column-id}/HeaderRowRange (same operation, other method, path or key syntax on the same page)',
  ]);
});

test('drift: removing an operation no permission could call, or one the page still calls in an example, is not breaking (labels d168, d173, d183)', () => {
  assert.deepEqual(changes.filter((f) => f.rule === 'drift-operation-removed' && /^v1\.0 PATCH .*\/photo$/.test(f.subject)).map((f) => `${f.breaking ? 'breaking' : 'not breaking'} ${f.severity}: ${f.message} @ ${f.sides.map((s) => `${s.file}:${s.line}`).join(' ')}`).sort(), [
    'not breaking info: v1.0 PATCH /drive/root/createdByUser/photo was removed; the old page\'s permissions said "Not supported" for every permission type, so as documented it could not be called @ v1.0/api/photo-update.md:15',
    'not breaking info: v1.0 PATCH /groups/{group-id}/photo was removed; the old page\'s permissions said "Not supported" for every permission type, so as documented it could not be called @ v1.0/api/photo-update.md:15',
    'not breaking info: v1.0 PATCH /users/{user-id}/photo was removed; the old page\'s permissions said "Not supported" for every permission type, so as documented it could not be called @ v1.0/api/photo-update.md:15',
  ]);
  assert.deepEqual(flag(/^beta GET \/education\/me\/assignments /, 'beta'), [
    'not breaking info: beta GET /education/me/assignments is no longer in the HTTP request syntax of beta/api/educationuser-list-assignments.md, but that page\'s example still calls it (GET /education/me/assignments)',
  ]);
});

test('drift: a permission named only in "A and B" pairs whose partner is now enough alone is a relaxed requirement, also when the old cell lacked a comma between two pairs (label d170)', () => {
  assert.deepEqual(flag(/checkMemberGroups: permission/, 'v1.0'), [
    'not breaking info: v1.0 POST /users/{user-id}/checkMemberGroups: permission(s) no longer listed: Group.Read.All, GroupMember.Read.All (Group.Read.All, GroupMember.Read.All were only listed together with a permission now enough alone: User.Read.All, User.ReadBasic.All, User.ReadWrite.All)',
  ]);
});

test('drift: members added to an enum whose unknownFutureValue the old snapshot listed only in a property\'s possible values are not breaking (label d191)', () => {
  assert.deepEqual(flag(/^microsoft\.graph\.stagedfeaturename:/, 'beta'), [
    'not breaking info: microsoft.graph.stagedfeaturename: member(s) added: emailAsAlternateId, unknownFutureValue (evolvable enum: beta/resources/featurerolloutpolicy.md:59 already listed unknownFutureValue among the values of featureRolloutPolicy.feature)',
  ]);
});

test('drift: a call\'s permissions are the tables its page binds to it ("For users:"), not every table of the page (label d327, false)', () => {
  // v1.0/api/directory-deleteditems-list.md: "For applications:", "For users:", "For groups:" tables; 2021-07 added Application.Read.All to the first only.
  assert.deepEqual(changes.filter((f) => f.rule === 'drift-permission-changed' && /\/directory\/deletedItems\/microsoft\.graph\.(user|group)$/i.test(f.subject)).map((f) => f.message), []);
  assert.deepEqual(flag(/\/directory\/deletedItems\/microsoft\.graph\.application: permission/i, 'v1.0'), [
    'not breaking info: v1.0 GET /directory/deleteditems/microsoft.graph.application: permission(s) newly listed: Application.Read.All', // the page writes deleteditems on this line
  ]);
});

test('drift: a property moved from a base type to every type derived from it was not removed (label d266, false)', () => {
  assert.deepEqual(flag(/^microsoft\.graph\.depenrollmentbaseprofile\.passCodeDisabled/, 'beta'), [
    'not breaking info: microsoft.graph.depenrollmentbaseprofile.passCodeDisabled was removed from depEnrollmentBaseProfile and is documented on every type derived from it (depIOSEnrollmentProfile, depMacOSEnrollmentProfile)',
  ]);
});

test('drift: an enum member only spelled in other letter case (UnknownFutureValue) was neither removed nor added (label d257, false)', () => {
  // Both snapshots document the enum; the new one's first table spells the sentinel otherwise.
  const members = (tree: string) => analyze([join(D, tree)]).model.enums.find((e) => e.version === 'beta' && e.name.toLowerCase() === 'tokenissuertype')?.members.map((m) => m.name);
  assert.ok(members('2020-05')?.includes('unknownFutureValue'));
  assert.ok(members('2021-07')?.includes('UnknownFutureValue'));
  assert.deepEqual(flag(/^microsoft\.graph\.tokenissuertype:/, 'beta'), []);
});

test('drift: a type renamed in place, same properties, used by the same properties, is one change and not breaking (label d341, false before)', () => {
  // 2020-05 beta provisioningSystemDetails (details, displayName, id) → 2021-07 provisioningSystem, which provisioningObjectSummary.sourceSystem/targetSystem now use.
  assert.deepEqual(flag(/provisioningsystem/i, 'beta').filter((m) => !/\.(sourceSystem|targetSystem):/.test(m)), [
    'not breaking info: beta microsoft.graph.provisioningsystemdetails was renamed provisioningSystem (beta/resources/provisioningsystem.md: the same 3 properties; provisioningObjectSummary.sourceSystem, provisioningObjectSummary.targetSystem now of that type)',
  ]);
});

test('drift: a path the same page corrected by inserting a segment, already documented elsewhere, is a rewrite, not a removal (labels d263, d408)', () => {
  // driveitem-move.md: PATCH /groups/{group-id}/drive/{item-id} (2020-05) → …/drive/items/{item-id} (2021-07), which driveitem-update.md documented already.
  assert.deepEqual(flag(/^(v1\.0|beta) PATCH \/groups\/\{group-id\}\/drive\/\{drive-id\}/), [
    'not breaking info: beta PATCH /groups/{group-id}/drive/{drive-id} is now documented as PATCH /groups/{group-id}/drive/items/{item-id} (same operation, other method, path or key syntax on the same page)',
    'not breaking info: v1.0 PATCH /groups/{group-id}/drive/{drive-id} is now documented as PATCH /groups/{group-id}/drive/items/{item-id} (same operation, other method, path or key syntax on the same page)',
  ]);
});

test('drift: a type\'s "not documented" side is the page named after the type, not another page documenting it (labels d159, d370)', () => {
  // 2020-05 documents v1.0 user on user.md and intune-shared-user.md; employeeHireDate was added to user.md.
  const f = changes.find((x) => x.subject === 'v1.0 microsoft.graph.user' && x.field === 'properties.employeeHireDate')!;
  // An addition's first side is the new row, where a GitHub annotation or a SARIF result can place it in the checked-out tree
  // (it was the old page's title line, which neither could: 1,684 additions of 2020-05 → 2021-07).
  assert.deepEqual(f.sides.map((s) => `${s.snapshot} ${s.file}:${s.line} ${s.value}`), ['new v1.0/resources/user.md:151 DateTimeOffset', 'old v1.0/resources/user.md:10 not documented']);
  const additions = changes.filter((x) => /(?:was added|newly listed|member\(s\) added|request-body property \S+ was added)/.test(x.message) && x.sides.some((y) => y.snapshot === 'new'));
  assert.equal(additions.length, 112);
  assert.deepEqual(additions.filter((x) => x.sides[0]!.snapshot !== 'new').map((x) => x.message), []);
});

test('drift: a row made a collection of its own type whose old description already said "A list of" is not breaking (label d294, misdescribed before)', () => {
  // 2020-05 user.md:159 "otherMails | String | A list of additional email addresses…"; 2021-07 user.md "otherMails | String collection".
  assert.deepEqual(flag(/^microsoft\.graph\.user\.otherMails:/, 'v1.0'), [
    'not breaking info: microsoft.graph.user.otherMails: String → String collection (the old row\'s description already said it is a list: the type column caught up)',
  ]);
});

test('drift: a key only a JSON sample names, another spelling of a row of its table, is no property of its own; a JSON-only key of its own still is (labels d288, d326; d102)', () => {
  // beta printer.md 2020-05: JSON "acceptingJobs" beside the row isAcceptingJobs (:47); chat.md 2021-07: JSON "chatViewpoint" beside the row viewpoint (:67).
  assert.deepEqual(flag(/^microsoft\.graph\.(printer\.(is)?acceptingJobs|chat\.(chat)?viewpoint)/i, 'beta'), [
    'not breaking info: microsoft.graph.chat.viewpoint was added',
  ]);
  // chatmessage.md 2020-05: "deleted" only in the JSON (deletedDateTime in the table does not end with it): its removal stays.
  assert.deepEqual(flag(/^microsoft\.graph\.chatmessage\.deleted was removed/, 'beta'), ['breaking warning: microsoft.graph.chatmessage.deleted was removed']);
});

test('drift report: a change whose first side is a page the new tree no longer has is routed by that page\'s ms.prod (it went to the folder "v1.0/resources"); the report carries no page diagnostic but the new tree\'s pages not read', async () => {
  const { drift: driftCommand } = await import('../src/index.js');
  const r = await driftCommand(join(D, '2020-05'), join(D, '2021-07'), { workers: 0 });
  const f = r.data.findings.find((x) => x.subject === 'v1.0 microsoft.graph.deviceenrollmentfailurereason')!;
  assert.deepEqual([f.sides[0]!.snapshot, f.sides[0]!.file, f.area, f.author], ['old', 'v1.0/resources/intune-troubleshooting-deviceenrollmentfailurereason.md', 'Intune', 'dougeby']);
  assert.deepEqual(r.data.diagnostics.filter((d) => d.severity !== 'error'), []);
  assert.ok(r.analysis.pages.some((p) => p.diagnostics.some((d) => d.severity !== 'error')), 'the new tree has diagnostics, which the drift report leaves to check');
});
