/**
 * methods-return-type-differs on real pages (test/fixtures/corpus/precision/2021-07-s26, copied from the 2021-07 tree): the
 * Return type column of a resource page's Methods table against the Response section of the page its row links to.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyze } from '../src/pipeline/in-thread.js';
import { readMethodsReturn } from '../src/checks/rules/methods-return-type-differs.js';
import { ROOT } from './helpers.js';

const a = analyze([join(ROOT, 'test/fixtures/corpus/precision/2021-07-s26')], [], undefined, { wholeTree: true });
const found = a.findings.filter((f) => f.rule === 'methods-return-type-differs').flatMap((f) => f.instances ?? [f])
  .map((f) => `${f.severity} ${f.sides.map((s) => `${s.file}:${s.line}`).join(' ')} ${f.message}`).sort();

test('methods-return-type-differs: the findings of the real pages, exactly', () => {
  // Not reported: printer.md's "Create job | printJob" (the page's "a [printJob] object and associated [printDocument]" is a
  // printJob), userscopeteamsappinstallation.md's row against teamsAppInstallation (its base, though the annotation says entity),
  // appleidentityprovider.md's "Get" against identityproviderbase-get.md's socialIdentityProvider (a page about the base type),
  // b2xidentityuserflow.md's "identityProvider collection" against "the [identityProviders](…)" (a plural link text; r1477),
  // educationclass.md's "[educationAssignment](…)collection" (glued; r1537), teamsapp.md's "Update app in catalog" against a page
  // that says 204 and shows a 201 with a body for requiresReview=true (two outcomes; r1538).
  assert.deepEqual(found, [
    'info v1.0/resources/featurerolloutpolicy.md:50 v1.0/api/featurerolloutpolicy-update.md:53 the Methods table of v1.0/resources/featurerolloutpolicy.md says "Update featureRolloutPolicy" returns one featureRolloutPolicy, but v1.0/api/featurerolloutpolicy-update.md says the response has no body',
    'info v1.0/resources/signin.md:20 v1.0/api/signin-list.md:49 the Methods table of v1.0/resources/signin.md says "List signIn" returns one signIn, but v1.0/api/signin-list.md returns a collection of signIn',
    // The page's example answers 204 as the table says; its Response section says 200 and an object: the prose is to mend.
    `warning v1.0/api/identityuserflowattributeassignment-update.md:60 v1.0/api/identityuserflowattributeassignment-update.md:110 v1.0/resources/identityuserflowattributeassignment.md:21 v1.0/api/identityuserflowattributeassignment-update.md's Response section says it returns one identityUserFlowAttributeAssignment in the response body, but its example response (HTTP/1.1 204 No Content) answers as the Methods table of v1.0/resources/identityuserflowattributeassignment.md says ("Update identityUserFlowAttributeAssignment" returns nothing (None)): the Response section is what to mend`,
    'warning v1.0/resources/printer.md:35 v1.0/api/printer-list-tasktriggers.md:56 the Methods table of v1.0/resources/printer.md says "List taskTriggers" returns nothing (None), but v1.0/api/printer-list-tasktriggers.md returns a collection of printTaskTrigger in the response body',
    'warning v1.0/resources/range.md:36 v1.0/api/workbookrange-rowsabove.md:50 the Methods table of v1.0/resources/range.md says "Rowsabove" returns one workbookRangeView, but v1.0/api/workbookrange-rowsabove.md returns one workbookRange: another type',
  ]);
});

test('the Return type cell as written: none, one type, a collection, or no type name', () => {
  assert.deepEqual(readMethodsReturn('None'), { kind: 'none' });
  assert.deepEqual(readMethodsReturn('No Content'), { kind: 'none' });
  assert.deepEqual(readMethodsReturn('signIn'), { kind: 'type', name: 'signIn', collection: false });
  assert.deepEqual(readMethodsReturn('userScopeTeamsAppInstallation collection'), { kind: 'type', name: 'userScopeTeamsAppInstallation', collection: true });
  assert.deepEqual(readMethodsReturn('Collection of openShiftChangeRequest'), { kind: 'type', name: 'openShiftChangeRequest', collection: true });
  assert.deepEqual(readMethodsReturn('Collection(microsoft.graph.user)'), { kind: 'type', name: 'user', collection: true });
  assert.deepEqual(readMethodsReturn('microsoft.graph.ediscovery.legalHold collection'), { kind: 'type', name: 'legalHold', collection: true });
  assert.deepEqual(readMethodsReturn('A collection of the requested, derived type of place'), { kind: 'type', name: 'place', collection: true });
  assert.deepEqual(readMethodsReturn('deviceLogCollectionResponse'), { kind: 'type', name: 'deviceLogCollectionResponse', collection: false });
  assert.deepEqual(readMethodsReturn('Read properties and relationships of the deviceManagement object.'), { kind: 'other' });
  assert.deepEqual(readMethodsReturn('user or group'), { kind: 'other' });
});

test('printer-post-jobs: "a [printJob] object and associated [printDocument] in the response body" is a printJob', () => {
  const p = a.pages.find((x) => x.file === 'v1.0/api/printer-post-jobs.md')!;
  assert.equal(p.response?.bodyType?.name, 'printJob');
  assert.equal(p.response?.bodyType?.collection, false);
});

test('a link text that is the plural of its page\'s type names a collection, unless a singular noun follows or the type\'s own name ends in s', () => {
  const body = (file: string) => { const b = a.pages.find((x) => x.file === file)!.response?.bodyType; return b && `${b.name} ${b.collection}`; };
  // "a JSON representation of the [identityProviders](../resources/identityproviderbase.md) in the response body" (r1477)
  assert.equal(body('beta/api/b2xidentityuserflow-list-userflowidentityproviders.md'), 'identityProviders true');
  // "the requested [authenticationContextClassReferences](…) object"
  assert.equal(body('beta/api/authenticationcontextclassreference-get.md'), 'authenticationContextClassReferences false');
  // "[chromeOSOnboardingStatus](../resources/intune-chromebooksync-chromeosonboardingstatus.md)": the type's own name
  assert.equal(body('beta/api/intune-chromebooksync-chromeosonboardingsettings-connect.md'), 'chromeOSOnboardingStatus false');
});

test('an example response annotated "isCollection": true beside a bare @odata.type is a collection (signin-list.md)', () => {
  const r = a.pages.find((x) => x.file === 'v1.0/api/signin-list.md')!.examples.responses[0]!;
  assert.deepEqual(r.odataType, { name: 'signIn', namespace: 'microsoft.graph', collection: true });
});

test('a format is no type: "Json" for validateProperties, whose call answers 204 on success and a JSON list of errors on a 422, is not compared (r1767, r1784: false)', () => {
  assert.deepEqual(readMethodsReturn('Json'), { kind: 'other' });
  assert.deepEqual(readMethodsReturn('JSON'), { kind: 'other' });
  const s36 = analyze([join(ROOT, 'test/fixtures/corpus/precision/2021-07-s36')], [], undefined, { wholeTree: true });
  const page = s36.pages.find((p) => p.file === 'v1.0/resources/directoryobject.md')!;
  assert.equal(page.resource!.methods.find((m) => m.text === 'validateProperties')!.returnType, 'Json');
  assert.deepEqual(s36.findings.filter((f) => f.rule === 'methods-return-type-differs'), []);
});
