/**
 * body-property-contradicts-type on real pages (2021-07): request-body tables against the
 * resource page of the type the body represents. Labels r067–r071 (all real) must be found again,
 * and nothing else is reported on these pages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyze } from '../src/pipeline/in-thread.js';
import { ROOT } from './helpers.js';

const a = analyze([join(ROOT, 'test/fixtures/corpus/body-vs-type/2021-07')]);
const found = a.findings.filter((f) => f.rule === 'body-property-contradicts-type')
  .map((f) => `${f.subject} ${f.field} ${f.sides.map((s) => `${s.file}:${s.line}=${s.value}`).join(' ')}`).sort();

test('body-property-contradicts-type: the labelled real cases (r067–r071) and the other rows of those pages that contradict their resource page', () => {
  assert.deepEqual(found, [
    'PATCH /servicePrincipals/{servicePrincipal-id} requestBody.addIns.collection v1.0/api/serviceprincipal-update.md:45=single v1.0/resources/serviceprincipal.md:81=collection', // r068
    'PATCH /users/{user-id}/calendar requestBody.color.type v1.0/api/calendar-update.md:54=String v1.0/resources/calendar.md:49=calendarColor', // r069
    'PATCH /users/{user-id}/events/{event-id} requestBody.attendees.collection v1.0/api/event-update.md:54=single v1.0/resources/event.md:66=collection', // r067
    // event-update.md types three enums as String ("Possible values are: low, normal, high"); the resource page names the enum
    'PATCH /users/{user-id}/events/{event-id} requestBody.importance.type v1.0/api/event-update.md:59=String v1.0/resources/event.md:77=importance',
    'PATCH /users/{user-id}/events/{event-id} requestBody.sensitivity.type v1.0/api/event-update.md:69=String v1.0/resources/event.md:98=sensitivity',
    'PATCH /users/{user-id}/events/{event-id} requestBody.showAs.type v1.0/api/event-update.md:70=String v1.0/resources/event.md:100=freeBusyStatus',
    'POST /identity/userFlowAttributes requestBody.dataType.type v1.0/api/identityuserflowattribute-post.md:56=String v1.0/resources/identityuserflowattribute.md:36=identityUserFlowAttributeDataType', // r070
    'POST /identity/userFlowAttributes requestBody.userFlowAttributeType.type v1.0/api/identityuserflowattribute-post.md:55=String v1.0/resources/identityuserflowattribute.md:35=identityUserFlowAttributeType',
    'POST /users/{user-id}/authentication/phoneMethods requestBody.phoneType.type beta/api/authentication-post-phonemethods.md:61=String beta/resources/phoneauthenticationmethod.md:41=authenticationPhoneType', // r071
    'PUT /users/{user-id}/authentication/phoneMethods/{phoneMethod-id} requestBody.phoneType.type beta/api/phoneauthenticationmethod-update.md:74=String beta/resources/phoneauthenticationmethod.md:41=authenticationPhoneType', // r071
  ]);
});

test('body-property-contradicts-type: rows that agree with the resource page (numeric widths alike) are not reported', () => {
  // event-update.md's subject (String) and resource event.md's subject (String) agree; isOnlineMeeting Boolean both.
  assert.ok(!found.some((f) => / requestBody\.(subject|isOnlineMeeting)\./.test(f)));
  assert.ok(a.findings.some((f) => f.rule === 'body-property-contradicts-type'));
});
